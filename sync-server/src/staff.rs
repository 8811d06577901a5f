//! The municipality's staff: accounts (passwords hashed with Argon2id), logins with a lockout
//! counted on disk, sessions (a random token in a cookie, only its SHA-256 stored, with a CSRF
//! token of its own) and the audit log every staff action is written to.
//!
//! ```no_run
//! # async fn example(storage: &dyn mcommunity_sync_server::storage::Storage) -> anyhow::Result<()> {
//! use mcommunity_sync_server::{staff, storage::dashboard::Role};
//! staff::add(storage, "arta", Role::Clerk, "a long enough password", 0).await?;
//! let outcome = staff::login(storage, "arta", "a long enough password", 1).await?;
//! # Ok(()) }
//! ```

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use base64::Engine;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

use crate::storage::{
    Storage, StorageError,
    dashboard::{AuditEntry, Role},
};

/// Failed logins in a row that lock an account.
pub const LOCK_AFTER: u32 = 5;
/// How long a locked account stays locked.
pub const LOCK_MS: i64 = 15 * 60 * 1000;
/// How long a session lasts.
pub const SESSION_MS: i64 = 8 * 60 * 60 * 1000;
/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// Why an account was not added.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StaffError {
    /// The username is not 2–32 of a–z, 0–9, `.`, `_`, `-`.
    #[error("a username is 2 to 32 of a-z, 0-9, '.', '_' and '-'")]
    BadUsername,
    /// The password is too short.
    #[error("a password needs at least {MIN_PASSWORD} characters")]
    ShortPassword,
    /// Another account has this username.
    #[error("the username is taken")]
    Taken,
    /// Hashing failed.
    #[error("hashing the password: {0}")]
    Hash(String),
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Whether `username` is an acceptable login name.
pub fn valid_username(username: &str) -> bool {
    (2..=32).contains(&username.len())
        && username.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
}

/// The Argon2id hash (PHC string, random salt) of `password`.
pub fn hash_password(password: &str) -> Result<String, StaffError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StaffError::Hash(e.to_string()))
}

/// Whether `password` matches `hash`.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Adds an account (the password is hashed here, never stored).
pub async fn add(
    storage: &dyn Storage,
    username: &str,
    role: Role,
    password: &str,
    now: i64,
) -> Result<(), StaffError> {
    if !valid_username(username) {
        return Err(StaffError::BadUsername);
    }
    if password.chars().count() < MIN_PASSWORD {
        return Err(StaffError::ShortPassword);
    }
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| StaffError::Hash(e.to_string()))??;
    if !storage.add_staff(username, role, &hash, now).await? {
        return Err(StaffError::Taken);
    }
    Ok(())
}

/// A new session: the token for the cookie (never stored) and the CSRF token for its forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSession {
    /// The cookie's value.
    pub token: String,
    /// The forms' hidden field.
    pub csrf: String,
}

/// How a login went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginOutcome {
    /// Signed in.
    SignedIn(NewSession),
    /// Wrong username or password (the two look the same).
    Wrong,
    /// Too many failed logins: refused until `until` (ms), whatever the password.
    Locked {
        /// When logins are accepted again.
        until: i64,
    },
}

/// A random token: 32 bytes, base64url.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a session token, as stored.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Whether two tokens are equal, in time that does not depend on where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A dummy hash checked for unknown usernames, so they take as long as wrong passwords.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not the password of anyone").unwrap_or_default())
}

/// Checks a login at `now`: counts failures (five lock the account for fifteen minutes), opens a
/// session on success, and writes the audit log either way.
pub async fn login(
    storage: &dyn Storage,
    username: &str,
    password: &str,
    now: i64,
) -> Result<LoginOutcome, StorageError> {
    let username: String = username.trim().chars().take(64).collect();
    let account = storage.staff(&username).await?;
    if let Some(until) = account.as_ref().and_then(|a| a.locked_until).filter(|until| *until > now) {
        record(storage, now, &username, "login-locked", "", "").await?;
        return Ok(LoginOutcome::Locked { until });
    }
    let hash = account.as_ref().map_or_else(|| dummy_hash().to_owned(), |a| a.password_hash.clone());
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(|e| StorageError::Database(format!("password check: {e}")))?;
    let Some(account) = account.filter(|_| matches) else {
        storage.record_failed_login(&username, LOCK_AFTER, now + LOCK_MS).await?;
        record(storage, now, &username, "login-failed", "", "").await?;
        return Ok(LoginOutcome::Wrong);
    };
    storage.clear_failed_logins(&account.username).await?;
    let session = NewSession { token: random_token(), csrf: random_token() };
    storage.add_session(token_hash(&session.token), &account.username, &session.csrf, now + SESSION_MS, now).await?;
    record(storage, now, &account.username, "login", "", account.role.as_str()).await?;
    Ok(LoginOutcome::SignedIn(session))
}

/// Writes one line of the audit log.
pub async fn record(
    storage: &dyn Storage,
    at: i64,
    actor: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), StorageError> {
    let entry = AuditEntry {
        at,
        actor: actor.to_owned(),
        action: action.to_owned(),
        target: target.to_owned(),
        detail: detail.to_owned(),
    };
    storage.audit(&entry).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_passwords() {
        assert!(valid_username("arta") && valid_username("demo-clerk") && valid_username("a.b_c"));
        assert!(!valid_username("A") && !valid_username("Arta") && !valid_username("a b") && !valid_username("ä"));
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "Argon2id, not another variant: {hash}");
        assert!(verify_password(&hash, "correct horse"));
        assert!(!verify_password(&hash, "correct horsE"));
        assert!(!verify_password("not a hash", "correct horse"));
        assert!(same_token("abc", "abc") && !same_token("abc", "abd") && !same_token("abc", "ab"));
    }
}
