//! Table `changes`: the increments written since a document's snapshot, in order.

use mcommunity_core::ids::{DocId, ProfileId};
use rusqlite::{Connection, params};

use super::StoreError;

pub(super) const MIGRATION_1: &str = "
CREATE TABLE changes (
    doc_id  TEXT NOT NULL REFERENCES documents (id),
    seq     INTEGER NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
) STRICT, WITHOUT ROWID;
";

pub(super) fn of(conn: &Connection, id: DocId) -> Result<Vec<Vec<u8>>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT bytes FROM changes WHERE doc_id = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([id.to_string()], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn append(conn: &Connection, id: DocId, bytes: &[u8]) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO changes (doc_id, seq, bytes)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM changes WHERE doc_id = ?1), ?2)",
        params![id.to_string(), bytes],
    )?;
    Ok(())
}

pub(super) fn count_of(conn: &Connection, id: DocId) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM changes WHERE doc_id = ?1", [id.to_string()], |r| r.get(0))?)
}

pub(super) fn delete_of(conn: &Connection, id: DocId) -> Result<(), StoreError> {
    conn.execute("DELETE FROM changes WHERE doc_id = ?1", [id.to_string()])?;
    Ok(())
}

pub(super) fn delete_of_owner(conn: &Connection, owner: ProfileId) -> Result<(), StoreError> {
    conn.execute(
        "DELETE FROM changes WHERE doc_id IN (SELECT id FROM documents WHERE owner = ?1)",
        [owner.to_string()],
    )?;
    Ok(())
}
