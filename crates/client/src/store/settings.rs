//! Table `settings`: the device's own small facts — its language before any profile is chosen,
//! and the last profile used. Never synced.

use mcommunity_core::{ids::ProfileId, locale::Locale};
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

pub(super) const MIGRATION_1: &str = "
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT;
";

const DEVICE_LOCALE: &str = "device_locale";
const LAST_PROFILE: &str = "last_profile";
const SYNC_LAST_SUCCESS: &str = "sync_last_success";
const BUNDLE_IMPORTED: &str = "bundle_imported";
/// Prefix of the keys that link a profile to its volunteer account (`volunteer:<profile>`).
const VOLUNTEER: &str = "volunteer:";

fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set(conn: &Connection, key: &str, value: Option<&str>) -> Result<(), StoreError> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?,
        None => conn.execute("DELETE FROM settings WHERE key = ?1", [key])?,
    };
    Ok(())
}

/// The language chosen on the first-run screen, if any. An unknown stored value reads as unset.
pub(crate) fn device_locale(conn: &Connection) -> Result<Option<Locale>, StoreError> {
    Ok(get(conn, DEVICE_LOCALE)?.and_then(|s| s.parse().ok()))
}

pub(crate) fn set_device_locale(conn: &Connection, locale: Locale) -> Result<(), StoreError> {
    set(conn, DEVICE_LOCALE, Some(locale.code()))
}

/// The profile that was open when the app last closed.
pub(crate) fn last_profile(conn: &Connection) -> Result<Option<ProfileId>, StoreError> {
    Ok(get(conn, LAST_PROFILE)?.and_then(|s| s.parse().ok()))
}

pub(crate) fn set_last_profile(conn: &Connection, profile: Option<ProfileId>) -> Result<(), StoreError> {
    set(conn, LAST_PROFILE, profile.map(|p| p.to_string()).as_deref())
}

pub(super) fn forget_profile(conn: &Connection, profile: ProfileId) -> Result<(), StoreError> {
    set(conn, &format!("{VOLUNTEER}{profile}"), None)?;
    if last_profile(conn)? == Some(profile) {
        set_last_profile(conn, None)?;
    }
    Ok(())
}

/// When the last complete sync ended, in ms since the Unix epoch.
pub(crate) fn sync_last_success(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(get(conn, SYNC_LAST_SUCCESS)?.and_then(|s| s.parse().ok()))
}

pub(crate) fn set_sync_last_success(conn: &Connection, at: i64) -> Result<(), StoreError> {
    set(conn, SYNC_LAST_SUCCESS, Some(&at.to_string()))
}

/// The fingerprint of the content bundle last imported.
pub(crate) fn bundle_imported(conn: &Connection) -> Result<Option<String>, StoreError> {
    get(conn, BUNDLE_IMPORTED)
}

pub(crate) fn set_bundle_imported(conn: &Connection, fingerprint: &str) -> Result<(), StoreError> {
    set(conn, BUNDLE_IMPORTED, Some(fingerprint))
}

/// The volunteer account `profile` is linked to, if any.
pub(crate) fn volunteer(conn: &Connection, profile: ProfileId) -> Result<Option<String>, StoreError> {
    get(conn, &format!("{VOLUNTEER}{profile}"))
}

/// Links `profile` to the volunteer account `username` (the server accepted the link).
pub(crate) fn set_volunteer(conn: &Connection, profile: ProfileId, username: &str) -> Result<(), StoreError> {
    set(conn, &format!("{VOLUNTEER}{profile}"), Some(username))
}
