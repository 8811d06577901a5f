//! Android's secure store for the sync credential: `android-native-keyring-store`, which keeps
//! values in the app's SharedPreferences encrypted with a key held by the Android Keystore, used
//! through `keyring-core`. It needs the NDK context that Tauri's mobile runtime sets up before the
//! app's Rust code runs.
//!
//! Used on Android; the tests compile it on the desktop too, so its wiring is checked where no
//! Android toolchain exists. Without an Android context it reports the store as unavailable rather
//! than panicking out.

use std::sync::OnceLock;

use super::CredentialError;

const SERVICE: &str = "mcommunity";

fn unavailable(e: impl std::fmt::Display) -> CredentialError {
    CredentialError::Unavailable(e.to_string())
}

/// Makes the Android store the default store of `keyring-core`, once.
fn ready() -> Result<(), CredentialError> {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            // Off Android (or before Tauri set the NDK context up) the store's constructor panics
            // on the missing context: that means "no secure store here", not a crash of the app.
            match std::panic::catch_unwind(android_native_keyring_store::Store::new) {
                Ok(Ok(store)) => {
                    keyring_core::set_default_store(store);
                    Ok(())
                }
                Ok(Err(e)) => Err(format!("the Android keystore cannot be opened: {e}")),
                Err(_) => Err("no Android application context".to_owned()),
            }
        })
        .clone()
        .map_err(CredentialError::Unavailable)
}

/// The stored text for `server`, if any.
pub(super) fn load(server: &str) -> Result<Option<String>, CredentialError> {
    ready()?;
    let entry = keyring_core::Entry::new(SERVICE, server).map_err(unavailable)?;
    match entry.get_password() {
        Ok(text) => Ok(Some(text)),
        Err(keyring_core::Error::NoEntry) => Ok(None),
        Err(e) => Err(unavailable(e)),
    }
}

/// Keeps `text` for `server`.
pub(super) fn save(server: &str, text: &str) -> Result<(), CredentialError> {
    ready()?;
    let entry = keyring_core::Entry::new(SERVICE, server).map_err(unavailable)?;
    entry.set_password(text).map_err(unavailable)
}

#[cfg(test)]
mod tests {
    #[test]
    fn without_an_android_context_the_store_is_unavailable_not_a_crash() {
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let loaded = super::load("http://127.0.0.1:8787");
        let saved = super::save("http://127.0.0.1:8787", "device.secret");
        std::panic::set_hook(quiet);
        assert!(matches!(loaded, Err(super::CredentialError::Unavailable(_))), "{loaded:?}");
        assert!(matches!(saved, Err(super::CredentialError::Unavailable(_))), "{saved:?}");
    }
}
