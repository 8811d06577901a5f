//! Tables `sync_docs`, `sync_scopes` and `sync_blobs`: what this device knows the server has —
//! each document's heads on the server, one cursor per scope it follows, and the blobs (photos) it
//! finished uploading into each scope — plus uploads the server refused, so they are not retried
//! until the document changes again. Written in the same transaction as the
//! documents a response brings, so a lost or half-applied response leaves nothing behind.

use mcommunity_core::{
    ids::DocId,
    sync::{self, Heads, Scope, heads_to_bytes},
};
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

pub(super) const MIGRATION_1: &str = "
CREATE TABLE sync_docs (
    doc            TEXT PRIMARY KEY NOT NULL,
    server_heads   BLOB NOT NULL,
    refused        TEXT,
    refused_heads  BLOB
) STRICT;
CREATE TABLE sync_scopes (
    scope   TEXT PRIMARY KEY NOT NULL,
    cursor  INTEGER NOT NULL
) STRICT;
";

/// Blobs the server confirmed complete in a scope, so they are not asked about again.
pub(super) const MIGRATION_2: &str = "
CREATE TABLE sync_blobs (
    hash   TEXT NOT NULL,
    scope  TEXT NOT NULL,
    PRIMARY KEY (hash, scope)
) STRICT;
";

/// Whether the server has `hash` complete in `scope`, as far as this device knows.
pub(crate) fn blob_uploaded(conn: &Connection, hash: &str, scope: Scope) -> Result<bool, StoreError> {
    Ok(conn
        .query_row("SELECT 1 FROM sync_blobs WHERE hash = ?1 AND scope = ?2", params![hash, scope_key(scope)], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// Remembers that the server has `hash` complete in `scope`.
pub(crate) fn set_blob_uploaded(conn: &Connection, hash: &str, scope: Scope) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_blobs (hash, scope) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        params![hash, scope_key(scope)],
    )?;
    Ok(())
}

fn heads_from_bytes(bytes: &[u8]) -> Result<Heads, StoreError> {
    sync::heads_from_bytes(bytes).ok_or_else(|| StoreError::Corrupt("stored heads are not whole hashes".into()))
}

fn scope_key(scope: Scope) -> String {
    match scope {
        Scope::Public => "public".into(),
        Scope::Profile(p) => p.to_string(),
    }
}

/// The scopes this device has cursors for.
pub(crate) fn scopes(conn: &Connection) -> Result<Vec<Scope>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT scope FROM sync_scopes")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for key in rows {
        let key = key?;
        out.push(if key == "public" {
            Scope::Public
        } else {
            Scope::Profile(key.parse().map_err(|_| StoreError::Corrupt(format!("bad scope {key}")))?)
        });
    }
    Ok(out)
}

/// A document with changes the server does not have: its id and the heads the server has.
pub(crate) struct Pending {
    pub id: DocId,
    pub server_heads: Heads,
}

/// Documents whose heads differ from the server's, oldest change first, skipping uploads the
/// server refused until they change again.
pub(crate) fn pending(conn: &Connection) -> Result<Vec<Pending>, StoreError> {
    let rows = ids_and_heads(
        conn,
        "SELECT d.id, coalesce(s.server_heads, x'') FROM documents d LEFT JOIN sync_docs s ON s.doc = d.id
         WHERE d.owner != 'public' AND d.heads != coalesce(s.server_heads, x'')
           AND (s.refused_heads IS NULL OR s.refused_heads != d.heads)
         ORDER BY d.updated_at, d.id",
    )?;
    Ok(rows.into_iter().map(|(id, server_heads)| Pending { id, server_heads }).collect())
}

/// Public documents (lessons, forms) whose heads the server has never been told: those the app
/// imported from its bundle. A device reports their heads once, so the server sends only what
/// they lack instead of the whole document.
pub(crate) fn unreported_public(conn: &Connection) -> Result<Vec<(DocId, Heads)>, StoreError> {
    ids_and_heads(
        conn,
        "SELECT d.id, d.heads FROM documents d LEFT JOIN sync_docs s ON s.doc = d.id
         WHERE d.owner = 'public' AND s.doc IS NULL ORDER BY d.id",
    )
}

/// Runs `sql`, whose rows are a document id and stored heads.
fn ids_and_heads(conn: &Connection, sql: &str) -> Result<Vec<(DocId, Heads)>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, heads) = row?;
        let id = id.parse().map_err(|_| StoreError::Corrupt(format!("bad document id {id}")))?;
        out.push((id, heads_from_bytes(&heads)?));
    }
    Ok(out)
}

/// How many documents wait to be uploaded.
pub(crate) fn pending_count(conn: &Connection) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM documents d LEFT JOIN sync_docs s ON s.doc = d.id
         WHERE d.owner != 'public' AND d.heads != coalesce(s.server_heads, x'')
           AND (s.refused_heads IS NULL OR s.refused_heads != d.heads)",
        [],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

pub(crate) fn set_server_heads(conn: &Connection, id: DocId, heads: &Heads) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_docs (doc, server_heads) VALUES (?1, ?2)
         ON CONFLICT (doc) DO UPDATE SET server_heads = ?2, refused = NULL, refused_heads = NULL",
        params![id.to_string(), heads_to_bytes(heads)],
    )?;
    Ok(())
}

/// Remembers that the server refused the document at its current heads.
pub(crate) fn set_refused(conn: &Connection, id: DocId, reason: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_docs (doc, server_heads, refused, refused_heads)
         VALUES (?1, x'', ?2, (SELECT heads FROM documents WHERE id = ?1))
         ON CONFLICT (doc) DO UPDATE SET refused = ?2, refused_heads = (SELECT heads FROM documents WHERE id = ?1)",
        params![id.to_string(), reason],
    )?;
    Ok(())
}

/// Forgets what the server has of a document, so the next upload carries all of it.
pub(crate) fn forget_server_heads(conn: &Connection, id: DocId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM sync_docs WHERE doc = ?1", [id.to_string()])?;
    Ok(())
}

pub(crate) fn cursor(conn: &Connection, scope: Scope) -> Result<u64, StoreError> {
    let n: Option<i64> = conn
        .query_row("SELECT cursor FROM sync_scopes WHERE scope = ?1", [scope_key(scope)], |r| r.get(0))
        .optional()?;
    Ok(n.unwrap_or(0) as u64)
}

pub(crate) fn set_cursor(conn: &Connection, scope: Scope, cursor: u64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO sync_scopes (scope, cursor) VALUES (?1, ?2) ON CONFLICT (scope) DO UPDATE SET cursor = ?2",
        params![scope_key(scope), cursor as i64],
    )?;
    Ok(())
}
