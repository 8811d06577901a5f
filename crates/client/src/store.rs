//! The device's document store: every user document is an Automerge document kept in SQLite as
//! a snapshot plus the incremental changes made since, compacted into a new snapshot when the
//! increments outgrow it.
//!
//! Invariants:
//! - every write is one SQLite transaction: a killed process leaves either the whole write or none
//!   of it, and a write that returned is on disk (WAL with `synchronous = FULL`);
//! - loading a document applies its snapshot, then its increments in order; the result is the
//!   same document whether or not it has been compacted;
//! - a database file that SQLite cannot read is never overwritten: it is moved aside and kept.
//!
//! Each table lives in its own module with its migration; migrations only add.

mod changes;
mod documents;
mod migrations;
pub(crate) mod pins;
pub(crate) mod settings;
pub(crate) mod sync_state;

use std::{
    path::{Path, PathBuf},
    time::Duration,
};

use automerge::AutoCommit;
use mcommunity_core::{
    documents::DocKind,
    ids::{DocId, ProfileId},
};
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

/// The file name of the database inside the app's data folder.
pub const FILE_NAME: &str = "mcommunity.db";

/// A failure of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The device's storage is full; the write was rolled back.
    #[error("storage is full")]
    DiskFull,
    /// The database or a document in it is damaged.
    #[error("damaged data: {0}")]
    Corrupt(String),
    /// The database was written by a newer version of the app; it is left untouched.
    #[error("database schema {found} is newer than this app's {known}")]
    TooNew {
        /// The schema version in the file.
        found: i64,
        /// The newest schema version this app knows.
        known: i64,
    },
    /// Any other SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(rusqlite::Error),
    /// The data folder could not be prepared.
    #[error("data folder: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => StoreError::Corrupt(e.to_string()),
            _ => StoreError::Sqlite(e),
        }
    }
}

/// A document as stored: its kind, its owner, and the document itself.
pub struct Stored {
    /// What kind of document it is.
    pub kind: DocKind,
    /// The profile it belongs to (a profile owns itself); `None` for public documents.
    pub owner: Option<ProfileId>,
    /// The Automerge document.
    pub doc: AutoCommit,
}

/// The store of one device.
pub struct Store {
    conn: Connection,
}

/// The result of opening a store.
pub struct Opened {
    /// The store, ready to use.
    pub store: Store,
    /// Where a damaged database file was moved, when one was found.
    pub set_aside: Option<PathBuf>,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl Store {
    /// Opens (or creates) the store in `dir`, runs pending migrations, and checks the file. A file
    /// SQLite cannot read is moved aside (with its WAL) under a `.damaged-<time>` name and a fresh
    /// store is created, so a damaged file never stops the app and is never destroyed.
    pub fn open(dir: &Path) -> Result<Opened, StoreError> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(FILE_NAME);
        match Store::open_file(&path) {
            Ok(store) => Ok(Opened { store, set_aside: None }),
            Err(StoreError::Corrupt(detail)) => {
                let aside = dir.join(format!("{FILE_NAME}.damaged-{}", now_ms()));
                tracing::error!(%detail, aside = %aside.display(), "database damaged; moving it aside");
                std::fs::rename(&path, &aside)?;
                for suffix in ["-wal", "-shm"] {
                    let side = dir.join(format!("{FILE_NAME}{suffix}"));
                    if side.exists() {
                        std::fs::rename(&side, dir.join(format!("{}{suffix}", aside.display())))?;
                    }
                }
                Ok(Opened { store: Store::open_file(&path)?, set_aside: Some(aside) })
            }
            Err(e) => Err(e),
        }
    }

    fn open_file(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Corrupt(format!("journal mode is {mode}")));
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(check));
        }
        let mut store = Store { conn };
        migrations::run(&mut store.conn)?;
        Ok(store)
    }

    /// Caps the database at about `bytes` (rounded to whole pages); writes past it fail with
    /// [`StoreError::DiskFull`] exactly as a full device would. Used to prove that a full disk
    /// loses nothing.
    pub fn cap_size(&self, bytes: u64) -> Result<(), StoreError> {
        let page: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        self.conn.query_row(&format!("PRAGMA max_page_count = {}", bytes.div_ceil(page as u64)), [], |_| Ok(()))?;
        Ok(())
    }

    /// The database's size in bytes, as SQLite counts its pages (write-ahead log included).
    pub fn size_bytes(&self) -> Result<u64, StoreError> {
        let (pages, page): (i64, i64) =
            self.conn.query_row("SELECT page_count, page_size FROM pragma_page_count, pragma_page_size", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok((pages * page) as u64)
    }

    /// Stores a new document; `owner` is `None` for public documents.
    pub fn insert(
        &mut self,
        id: DocId,
        kind: DocKind,
        owner: Option<ProfileId>,
        doc: &mut AutoCommit,
    ) -> Result<(), StoreError> {
        self.insert_with(id, kind, owner, doc, |_| Ok(()))
    }

    /// Stores a new document and, in the same transaction, whatever `also` writes.
    pub(crate) fn insert_with(
        &mut self,
        id: DocId,
        kind: DocKind,
        owner: Option<ProfileId>,
        doc: &mut AutoCommit,
        also: impl FnOnce(&Connection) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_in(&tx, id, kind, owner, doc)?;
        also(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Loads a document, or `None` when there is none with that id.
    pub fn load(&self, id: DocId) -> Result<Option<Stored>, StoreError> {
        let Some(row) = documents::get(&self.conn, id)? else { return Ok(None) };
        let doc = assemble(&self.conn, id, &row)?;
        Ok(Some(Stored { kind: row.kind, owner: row.owner, doc }))
    }

    /// Changes a document with `edit` and stores the change it made as one new increment; when
    /// the increments outgrow the snapshot, writes a new snapshot instead. If `edit` fails or
    /// changes nothing, nothing is written. Returns what `edit` returned, or `None` when there is
    /// no such document.
    pub fn update<R, E>(
        &mut self,
        id: DocId,
        edit: impl FnOnce(&mut Stored) -> Result<R, E>,
    ) -> Result<Option<Result<R, E>>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = update_in(&tx, id, edit)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// The ids of `owner`'s documents of `kind`, most recently changed first.
    pub fn list(&self, kind: DocKind, owner: Option<ProfileId>) -> Result<Vec<DocId>, StoreError> {
        documents::list(&self.conn, kind, owner)
    }

    /// How many documents of `kind` `owner` has.
    pub fn count(&self, kind: DocKind, owner: ProfileId) -> Result<u64, StoreError> {
        documents::count(&self.conn, kind, owner)
    }

    /// Deletes a document and its increments. Returns whether it existed.
    pub fn delete(&mut self, id: DocId) -> Result<bool, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        changes::delete_of(&tx, id)?;
        let existed = documents::delete(&tx, id)?;
        tx.commit()?;
        Ok(existed)
    }

    /// Deletes everything a profile owns — its documents, their increments, its PIN — in one
    /// transaction. Returns how many documents went.
    pub fn delete_owner(&mut self, owner: ProfileId) -> Result<u64, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        changes::delete_of_owner(&tx, owner)?;
        let n = documents::delete_of_owner(&tx, owner)?;
        pins::delete(&tx, owner)?;
        settings::forget_profile(&tx, owner)?;
        tx.commit()?;
        Ok(n)
    }

    /// Sizes of a document's stored parts, in bytes: (snapshot, increments, number of increments).
    pub fn sizes(&self, id: DocId) -> Result<Option<(i64, i64, i64)>, StoreError> {
        let Some(row) = documents::get(&self.conn, id)? else { return Ok(None) };
        Ok(Some((row.snapshot_len, row.increments_len, changes::count_of(&self.conn, id)?)))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Inserts a new document inside a transaction the caller commits.
pub(crate) fn insert_in(
    tx: &Connection,
    id: DocId,
    kind: DocKind,
    owner: Option<ProfileId>,
    doc: &mut AutoCommit,
) -> Result<(), StoreError> {
    documents::insert(tx, id, kind, owner, &doc.save(), &heads_bytes(doc), now_ms())
}

/// [`Store::delete`] inside a transaction the caller commits.
pub(crate) fn delete_in(tx: &Connection, id: DocId) -> Result<bool, StoreError> {
    changes::delete_of(tx, id)?;
    documents::delete(tx, id)
}

/// The owner of a stored document (`None` for a public one, or none stored).
pub(crate) fn owner_in(tx: &Connection, id: DocId) -> Result<Option<ProfileId>, StoreError> {
    Ok(documents::get(tx, id)?.and_then(|row| row.owner))
}

/// Every document of `kind`, inside a transaction.
pub(crate) fn list_in(tx: &Connection, kind: DocKind) -> Result<Vec<DocId>, StoreError> {
    documents::list(tx, kind, None)
}

/// [`Store::update`] inside a transaction the caller commits.
pub(crate) fn update_in<R, E>(
    tx: &Connection,
    id: DocId,
    edit: impl FnOnce(&mut Stored) -> Result<R, E>,
) -> Result<Option<Result<R, E>>, StoreError> {
    let Some(row) = documents::get(tx, id)? else { return Ok(None) };
    let mut doc = assemble(tx, id, &row)?;
    let before = doc.get_heads();
    let mut stored = Stored { kind: row.kind, owner: row.owner, doc };
    let result = edit(&mut stored);
    let increment = stored.doc.save_after(&before);
    if result.is_err() || increment.is_empty() {
        return Ok(Some(result));
    }
    let now = now_ms();
    let heads = heads_bytes(&mut stored.doc);
    let increments = row.increments_len + increment.len() as i64;
    if increments > row.snapshot_len {
        let snapshot = stored.doc.save();
        changes::delete_of(tx, id)?;
        documents::replace_snapshot(tx, id, &snapshot, &heads, now)?;
    } else {
        changes::append(tx, id, &increment)?;
        documents::touch(tx, id, increments, &heads, now)?;
    }
    Ok(Some(result))
}

/// The stored heads of every public document (lessons, forms), by id.
pub(crate) fn public_heads(store: &Store) -> Result<std::collections::BTreeMap<DocId, Vec<u8>>, StoreError> {
    Ok(documents::public_heads(&store.conn)?.into_iter().collect())
}

/// A document's heads in their stored form: the sorted hashes, one after another, so equal heads
/// are equal bytes.
pub(crate) fn heads_bytes(doc: &mut AutoCommit) -> Vec<u8> {
    mcommunity_core::sync::heads_to_bytes(&mcommunity_core::sync::heads_of(doc))
}

/// A document from its snapshot and its increments, applied in order.
fn assemble(conn: &Connection, id: DocId, row: &documents::Row) -> Result<AutoCommit, StoreError> {
    let damaged = |e: automerge::AutomergeError| StoreError::Corrupt(format!("document {id}: {e}"));
    let mut doc = AutoCommit::load(&row.snapshot).map_err(damaged)?;
    for change in changes::of(conn, id)? {
        doc.load_incremental(&change).map_err(damaged)?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests;
