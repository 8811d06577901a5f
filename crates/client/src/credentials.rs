//! Where a device keeps its sync credential: the OS's secure store (Secret Service on Linux,
//! Keychain on macOS and iOS, Credential Manager on Windows, the Keystore on Android —
//! `credentials/android.rs`), never a plain file. Where no secure
//! store exists the credential is not kept anywhere and sync says so, rather than losing it
//! silently. Tests use [`MemoryStore`].

#[cfg(any(target_os = "android", test))]
mod android;

use std::sync::Mutex;

use crate::sync::http::Credential;

/// Why the credential could not be read or kept.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// This device has no secure store the app can use.
    #[error("no secure credential store: {0}")]
    Unavailable(String),
    /// The stored value is not a credential.
    #[error("the stored credential is damaged")]
    Damaged,
}

/// A place for the device's credential with one server.
pub trait CredentialStore: Send + Sync {
    /// The credential, if one is kept.
    fn load(&self) -> Result<Option<Credential>, CredentialError>;
    /// Keeps the credential.
    fn save(&self, credential: &Credential) -> Result<(), CredentialError>;
}

fn encode(credential: &Credential) -> String {
    format!("{}.{}", credential.device, credential.secret)
}

fn decode(text: &str) -> Result<Credential, CredentialError> {
    let (device, secret) = text.split_once('.').ok_or(CredentialError::Damaged)?;
    Ok(Credential { device: device.parse().map_err(|_| CredentialError::Damaged)?, secret: secret.to_owned() })
}

/// Keeps the credential in memory only: for tests, and for demos that say so.
#[derive(Default)]
pub struct MemoryStore(Mutex<Option<String>>);

impl CredentialStore for MemoryStore {
    fn load(&self) -> Result<Option<Credential>, CredentialError> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).as_deref().map(decode).transpose()
    }

    fn save(&self, credential: &Credential) -> Result<(), CredentialError> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(encode(credential));
        Ok(())
    }
}

/// The OS keyring, one entry per server.
pub struct KeyringStore {
    server: String,
}

impl KeyringStore {
    /// The entry for the server at `server` (its base URL).
    pub fn new(server: &str) -> KeyringStore {
        KeyringStore { server: server.to_owned() }
    }
}

#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos", target_os = "ios"))]
impl CredentialStore for KeyringStore {
    fn load(&self) -> Result<Option<Credential>, CredentialError> {
        let entry = keyring::Entry::new("mcommunity", &self.server).map_err(unavailable)?;
        match entry.get_password() {
            Ok(text) => decode(&text).map(Some),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    fn save(&self, credential: &Credential) -> Result<(), CredentialError> {
        let entry = keyring::Entry::new("mcommunity", &self.server).map_err(unavailable)?;
        entry.set_password(&encode(credential)).map_err(unavailable)?;
        // Read it back: some stores accept a write they cannot keep.
        match self.load()? {
            Some(back) if back == *credential => Ok(()),
            _ => Err(CredentialError::Unavailable("the secure store did not keep the credential".into())),
        }
    }
}

#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos", target_os = "ios"))]
fn unavailable(e: keyring::Error) -> CredentialError {
    CredentialError::Unavailable(e.to_string())
}

#[cfg(target_os = "android")]
impl CredentialStore for KeyringStore {
    fn load(&self) -> Result<Option<Credential>, CredentialError> {
        android::load(&self.server)?.as_deref().map(decode).transpose()
    }

    fn save(&self, credential: &Credential) -> Result<(), CredentialError> {
        android::save(&self.server, &encode(credential))?;
        match self.load()? {
            Some(back) if back == *credential => Ok(()),
            _ => Err(CredentialError::Unavailable("the secure store did not keep the credential".into())),
        }
    }
}

// Any other platform has no store the app knows: say so instead of keeping the secret somewhere
// unsafe.
#[cfg(not(any(
    target_os = "linux",
    target_os = "windows",
    target_os = "macos",
    target_os = "ios",
    target_os = "android"
)))]
impl CredentialStore for KeyringStore {
    fn load(&self) -> Result<Option<Credential>, CredentialError> {
        Err(CredentialError::Unavailable("no secure store on this platform".into()))
    }

    fn save(&self, _: &Credential) -> Result<(), CredentialError> {
        Err(CredentialError::Unavailable("no secure store on this platform".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memory_store_keeps_a_credential_and_never_prints_the_secret() {
        let store = MemoryStore::default();
        assert!(store.load().unwrap().is_none());
        let credential = Credential { device: mcommunity_core::ids::DeviceId::random(), secret: "s3cr3t-value".into() };
        store.save(&credential).unwrap();
        assert_eq!(store.load().unwrap(), Some(credential.clone()));
        assert!(!format!("{credential:?}").contains("s3cr3t"), "Debug hides the secret");
        assert!(matches!(decode("garbage"), Err(CredentialError::Damaged)));
    }
}
