use mcommunity_client::{
    device::Device,
    view::{NewProfile, ProfileSummary},
};
use mcommunity_core::{locale::Locale, profile::Avatar};

pub fn new_profile(name: &str, pin: Option<&str>) -> NewProfile {
    NewProfile { name: name.into(), avatar: Avatar::Tree, pin: pin.map(Into::into), locale: Locale::Sq }
}

pub fn device_with(dir: &std::path::Path, name: &str) -> (Device, ProfileSummary) {
    let mut device = Device::open(dir).unwrap();
    let profile = device.create_profile(&new_profile(name, None)).unwrap();
    (device, profile)
}

/// Every byte the device keeps on disk: the database, its write-ahead log, and the blob folder.
pub fn store_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.extend(store_bytes(&path));
        } else {
            all.extend(std::fs::read(path).unwrap());
        }
    }
    all
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The error code of a call that must fail.
pub fn code<T>(result: Result<T, mcommunity_client::error::ClientError>) -> mcommunity_core::errors::ErrorCode {
    match result {
        Ok(_) => panic!("the call must fail"),
        Err(e) => e.code(),
    }
}
