//! Versioned, additive schema migrations. Each table's module owns its migration; this list says
//! in which order they ran. A migration is never edited once released: a change is a new entry.

use rusqlite::Connection;

use super::{StoreError, changes, documents, pins, settings, sync_state};

/// Every migration, oldest first. The schema version of a database is how many have run.
const MIGRATIONS: &[&str] = &[
    documents::MIGRATION_1,
    changes::MIGRATION_1,
    settings::MIGRATION_1,
    pins::MIGRATION_1,
    documents::MIGRATION_2,
    sync_state::MIGRATION_1,
    sync_state::MIGRATION_2,
];

/// Runs the migrations the database has not seen yet, each in its own transaction.
pub(super) fn run(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        // A newer app wrote this file: refuse rather than misread it.
        return Err(StoreError::TooNew { found: version, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema version this code brings a database to.
#[cfg(test)]
pub(super) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}
