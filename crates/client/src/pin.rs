//! PINs that guard a profile on a shared device: hashed with Argon2id and a random salt, never
//! stored or logged in clear; wrong tries are counted on disk, so restarting the app does not
//! reset them.

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};
use mcommunity_core::ids::ProfileId;
use rand_core::OsRng;
use rusqlite::Connection;

use crate::{error::ClientError, store::pins};

/// Wrong tries allowed before the profile locks.
pub const MAX_TRIES: i64 = 5;
/// How long a locked profile stays locked, in ms.
pub const LOCK_MS: i64 = 60_000;

/// The PHC string of `pin` hashed with Argon2id (the crate's defaults: 19 MiB, 2 passes) and a
/// fresh random salt.
pub(crate) fn hash(pin: &str) -> Result<String, ClientError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ClientError::Internal(format!("pin hash: {e}")))
}

/// Lets `profile` be opened with `pin` at time `now`, or says why not. A profile without a PIN
/// opens with any input. After [`MAX_TRIES`] wrong tries the profile is locked for [`LOCK_MS`].
pub(crate) fn check(conn: &Connection, profile: ProfileId, pin: Option<&str>, now: i64) -> Result<(), ClientError> {
    let Some(row) = pins::get(conn, profile)? else { return Ok(()) };
    if now < row.locked_until {
        return Err(ClientError::PinLocked);
    }
    let stored = PasswordHash::new(&row.hash).map_err(|e| ClientError::Internal(format!("stored pin hash: {e}")))?;
    let right = pin.is_some_and(|pin| Argon2::default().verify_password(pin.as_bytes(), &stored).is_ok());
    if right {
        if row.failed != 0 {
            pins::record_attempt(conn, profile, 0, 0)?;
        }
        return Ok(());
    }
    let failed = row.failed + 1;
    if failed >= MAX_TRIES {
        pins::record_attempt(conn, profile, 0, now + LOCK_MS)?;
        tracing::warn!(%profile, "profile locked after repeated wrong pins");
        Err(ClientError::PinLocked)
    } else {
        pins::record_attempt(conn, profile, failed, 0)?;
        Err(ClientError::WrongPin)
    }
}

/// Whether `profile` is protected by a PIN.
pub(crate) fn is_set(conn: &Connection, profile: ProfileId) -> Result<bool, ClientError> {
    Ok(pins::get(conn, profile)?.is_some())
}
