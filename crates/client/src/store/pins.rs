//! Table `pins`: the salted Argon2id hash of each protected profile's PIN and its wrong-try
//! count. Kept out of the profile document on purpose: a PIN guards this device only and never
//! travels.

use mcommunity_core::ids::ProfileId;
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

pub(super) const MIGRATION_1: &str = "
CREATE TABLE pins (
    profile        TEXT PRIMARY KEY NOT NULL,
    hash           TEXT NOT NULL,
    failed         INTEGER NOT NULL DEFAULT 0,
    locked_until   INTEGER NOT NULL DEFAULT 0
) STRICT;
";

/// A profile's stored PIN state.
pub(crate) struct PinRow {
    pub hash: String,
    pub failed: i64,
    pub locked_until: i64,
}

pub(crate) fn get(conn: &Connection, profile: ProfileId) -> Result<Option<PinRow>, StoreError> {
    Ok(conn
        .query_row("SELECT hash, failed, locked_until FROM pins WHERE profile = ?1", [profile.to_string()], |r| {
            Ok(PinRow { hash: r.get(0)?, failed: r.get(1)?, locked_until: r.get(2)? })
        })
        .optional()?)
}

pub(crate) fn set(conn: &Connection, profile: ProfileId, hash: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO pins (profile, hash) VALUES (?1, ?2)
         ON CONFLICT (profile) DO UPDATE SET hash = ?2, failed = 0, locked_until = 0",
        params![profile.to_string(), hash],
    )?;
    Ok(())
}

pub(crate) fn record_attempt(
    conn: &Connection,
    profile: ProfileId,
    failed: i64,
    locked_until: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE pins SET failed = ?2, locked_until = ?3 WHERE profile = ?1",
        params![profile.to_string(), failed, locked_until],
    )?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, profile: ProfileId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM pins WHERE profile = ?1", [profile.to_string()])?;
    Ok(())
}
