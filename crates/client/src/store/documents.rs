//! Table `documents`: one row per document, with its latest snapshot and the bookkeeping that
//! lists and compaction need. The owner is a column so a profile's lists never read another's
//! documents.

use mcommunity_core::{
    documents::DocKind,
    ids::{DocId, ProfileId},
};
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

pub(super) const MIGRATION_1: &str = "
CREATE TABLE documents (
    id              TEXT PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL,
    owner           TEXT NOT NULL,
    snapshot        BLOB NOT NULL,
    snapshot_len    INTEGER NOT NULL,
    increments_len  INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_by_owner ON documents (owner, kind, updated_at DESC);
";

/// Adds the document's heads (sorted hashes), kept with every write so sync can tell which
/// documents changed without loading them.
pub(super) const MIGRATION_2: &str = "ALTER TABLE documents ADD COLUMN heads BLOB NOT NULL DEFAULT x'';";

/// The owner column's value for public documents (lessons, forms), which no profile owns.
pub(crate) const PUBLIC: &str = "public";

pub(super) struct Row {
    pub kind: DocKind,
    pub owner: Option<ProfileId>,
    pub snapshot: Vec<u8>,
    pub snapshot_len: i64,
    pub increments_len: i64,
}

fn damaged(what: &str, id: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("document {id}: bad {what}"))
}

pub(super) fn insert(
    conn: &Connection,
    id: DocId,
    kind: DocKind,
    owner: Option<ProfileId>,
    snapshot: &[u8],
    heads: &[u8],
    now: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO documents (id, kind, owner, snapshot, snapshot_len, heads, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id.to_string(), kind.as_str(), owner_key(owner), snapshot, snapshot.len() as i64, heads, now],
    )?;
    Ok(())
}

fn owner_key(owner: Option<ProfileId>) -> String {
    owner.map_or_else(|| PUBLIC.to_owned(), |o| o.to_string())
}

pub(super) fn get(conn: &Connection, id: DocId) -> Result<Option<Row>, StoreError> {
    let row = conn
        .query_row(
            "SELECT kind, owner, snapshot, snapshot_len, increments_len FROM documents WHERE id = ?1",
            [id.to_string()],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((kind, owner, snapshot, snapshot_len, increments_len)) = row else { return Ok(None) };
    Ok(Some(Row {
        kind: kind.parse().map_err(|_| damaged("kind", id))?,
        owner: match owner.as_str() {
            PUBLIC => None,
            owner => Some(owner.parse().map_err(|_| damaged("owner", id))?),
        },
        snapshot,
        snapshot_len,
        increments_len,
    }))
}

pub(super) fn touch(
    conn: &Connection,
    id: DocId,
    increments_len: i64,
    heads: &[u8],
    now: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE documents SET increments_len = ?2, heads = ?3, updated_at = ?4 WHERE id = ?1",
        params![id.to_string(), increments_len, heads, now],
    )?;
    Ok(())
}

pub(super) fn replace_snapshot(
    conn: &Connection,
    id: DocId,
    snapshot: &[u8],
    heads: &[u8],
    now: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE documents SET snapshot = ?2, snapshot_len = ?3, increments_len = 0, heads = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id.to_string(), snapshot, snapshot.len() as i64, heads, now],
    )?;
    Ok(())
}

pub(super) fn list(conn: &Connection, kind: DocKind, owner: Option<ProfileId>) -> Result<Vec<DocId>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM documents WHERE kind = ?1 AND (?2 IS NULL OR owner = ?2)
         ORDER BY updated_at DESC, created_at DESC, id",
    )?;
    let ids = stmt
        .query_map(params![kind.as_str(), owner.map(|o| o.to_string())], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    ids.into_iter().map(|id| id.parse().map_err(|_| damaged("id", &id))).collect()
}

pub(super) fn count(conn: &Connection, kind: DocKind, owner: ProfileId) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM documents WHERE kind = ?1 AND owner = ?2",
        params![kind.as_str(), owner.to_string()],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

pub(super) fn delete(conn: &Connection, id: DocId) -> Result<bool, StoreError> {
    Ok(conn.execute("DELETE FROM documents WHERE id = ?1", [id.to_string()])? > 0)
}

pub(super) fn delete_of_owner(conn: &Connection, owner: ProfileId) -> Result<u64, StoreError> {
    Ok(conn.execute("DELETE FROM documents WHERE owner = ?1", [owner.to_string()])? as u64)
}

/// The heads of every public document, by id.
pub(super) fn public_heads(conn: &Connection) -> Result<Vec<(DocId, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, heads FROM documents WHERE owner = ?1")?;
    let rows = stmt.query_map([PUBLIC], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, heads) = row?;
        out.push((id.parse().map_err(|_| damaged("id", &id))?, heads));
    }
    Ok(out)
}
