//! The embedded SQLite storage: one file under the server's data folder, WAL, one writer at a
//! time. Calls run on tokio's blocking pool so they never stall the async workers.

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use mcommunity_core::{
    access::DocMeta,
    ids::{DeviceId, DocId, ProfileId},
    sync::{Heads, Scope},
};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

mod dashboard;

use super::{Grant, Storage, StorageError, StoredDoc, heads_from_bytes, kind_key, meta_from, parse, scope_key};
use mcommunity_core::sync::heads_to_bytes;

/// Schema migrations, oldest first; the database's `user_version` is how many have run. Only add.
const MIGRATIONS: &[&str] = &[
    "
CREATE TABLE devices (
    id           TEXT PRIMARY KEY NOT NULL,
    secret_hash  BLOB NOT NULL,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE TABLE device_profiles (
    device   TEXT NOT NULL,
    profile  TEXT NOT NULL,
    PRIMARY KEY (device, profile)
) STRICT, WITHOUT ROWID;
CREATE TABLE pairings (
    code_hash   BLOB PRIMARY KEY NOT NULL,
    profile     TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE TABLE failed_claims (
    device  TEXT NOT NULL,
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX failed_claims_by_time ON failed_claims (at);
CREATE TABLE docs (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL,
    scope       TEXT NOT NULL,
    latest_seq  INTEGER NOT NULL
) STRICT;
CREATE INDEX docs_by_scope ON docs (scope, latest_seq);
CREATE TABLE doc_chunks (
    key    INTEGER PRIMARY KEY AUTOINCREMENT,
    doc    TEXT NOT NULL,
    bytes  BLOB NOT NULL
) STRICT;
CREATE INDEX doc_chunks_by_doc ON doc_chunks (doc);
CREATE TABLE doc_versions (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    doc    TEXT NOT NULL,
    heads  BLOB NOT NULL
) STRICT;
CREATE INDEX doc_versions_by_doc ON doc_versions (doc, seq);
",
    dashboard::MIGRATION,
    dashboard::INDICATORS_MIGRATION,
    dashboard::ASSISTED_MIGRATION,
    GRANTS_MIGRATION,
];

/// Documents of one profile that devices holding another may read (a resident's request followed
/// by the volunteer who helped write it, while consent stands), and revocations of that.
const GRANTS_MIGRATION: &str = "
CREATE TABLE grants (
    doc      TEXT NOT NULL,
    profile  TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    granted  INTEGER NOT NULL,
    PRIMARY KEY (doc, profile)
) STRICT;
CREATE INDEX grants_by_profile ON grants (profile, seq);
";

/// The SQLite storage.
#[derive(Clone)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
}

fn db(e: rusqlite::Error) -> StorageError {
    StorageError::Database(e.to_string())
}

impl SqliteStorage {
    /// Opens (or creates) `mcommunity-server.db` in `dir` and runs pending migrations.
    pub fn open(dir: &Path) -> Result<SqliteStorage, StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| StorageError::Database(format!("data folder: {e}")))?;
        let mut conn = Connection::open(dir.join("mcommunity-server.db")).map_err(db)?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(db)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())).map_err(db)?;
        conn.execute_batch("PRAGMA synchronous = FULL;").map_err(db)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(db)?;
        if version > MIGRATIONS.len() as i64 {
            return Err(StorageError::Database(format!("database schema {version} is newer than this server")));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(db)?;
            tx.execute_batch(sql).map_err(db)?;
            tx.pragma_update(None, "user_version", i as i64 + 1).map_err(db)?;
            tx.commit().map_err(db)?;
        }
        Ok(SqliteStorage { conn: Arc::new(Mutex::new(conn)) })
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StorageError> + Send + 'static,
    ) -> Result<T, StorageError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|e| StorageError::Database(format!("storage task: {e}")))?
    }
}

#[async_trait]
impl Storage for SqliteStorage {
    async fn add_device(&self, device: DeviceId, secret_hash: [u8; 32], now_ms: i64) -> Result<(), StorageError> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO devices (id, secret_hash, created_at) VALUES (?1, ?2, ?3)",
                params![device.to_string(), secret_hash.as_slice(), now_ms],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn device_secret_hash(&self, device: DeviceId) -> Result<Option<[u8; 32]>, StorageError> {
        self.run(move |c| {
            let hash: Option<Vec<u8>> = c
                .query_row("SELECT secret_hash FROM devices WHERE id = ?1", [device.to_string()], |r| r.get(0))
                .optional()
                .map_err(db)?;
            hash.map(|h| h.try_into().map_err(|_| StorageError::Corrupt("secret hash length".into()))).transpose()
        })
        .await
    }

    async fn device_profiles(&self, device: DeviceId) -> Result<Vec<ProfileId>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached("SELECT profile FROM device_profiles WHERE device = ?1 ORDER BY profile")
                .map_err(db)?;
            let rows = stmt.query_map([device.to_string()], |r| r.get::<_, String>(0)).map_err(db)?;
            rows.map(|r| r.map_err(db).and_then(|s| parse(&s, "profile"))).collect()
        })
        .await
    }

    async fn grant_profile(&self, device: DeviceId, profile: ProfileId) -> Result<(), StorageError> {
        self.run(move |c| {
            c.execute(
                "INSERT OR IGNORE INTO device_profiles (device, profile) VALUES (?1, ?2)",
                params![device.to_string(), profile.to_string()],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn add_pairing(
        &self,
        code_hash: [u8; 32],
        profile: ProfileId,
        expires_ms: i64,
    ) -> Result<bool, StorageError> {
        self.run(move |c| {
            let added = c
                .execute(
                    "INSERT OR IGNORE INTO pairings (code_hash, profile, expires_at) VALUES (?1, ?2, ?3)",
                    params![code_hash.as_slice(), profile.to_string(), expires_ms],
                )
                .map_err(db)?;
            Ok(added == 1)
        })
        .await
    }

    async fn take_pairing(&self, code_hash: [u8; 32], now_ms: i64) -> Result<Option<ProfileId>, StorageError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            tx.execute("DELETE FROM pairings WHERE expires_at <= ?1", [now_ms]).map_err(db)?;
            let profile: Option<String> = tx
                .query_row("SELECT profile FROM pairings WHERE code_hash = ?1", [code_hash.as_slice()], |r| r.get(0))
                .optional()
                .map_err(db)?;
            tx.execute("DELETE FROM pairings WHERE code_hash = ?1", [code_hash.as_slice()]).map_err(db)?;
            tx.commit().map_err(db)?;
            profile.map(|p| parse(&p, "profile")).transpose()
        })
        .await
    }

    async fn claim_attempts(&self, device: DeviceId, since_ms: i64) -> Result<(u64, u64), StorageError> {
        self.run(move |c| {
            let mine: i64 = c
                .query_row(
                    "SELECT count(*) FROM failed_claims WHERE device = ?1 AND at >= ?2",
                    params![device.to_string(), since_ms],
                    |r| r.get(0),
                )
                .map_err(db)?;
            let all: i64 = c
                .query_row("SELECT count(*) FROM failed_claims WHERE at >= ?1", [since_ms], |r| r.get(0))
                .map_err(db)?;
            Ok((mine as u64, all as u64))
        })
        .await
    }

    async fn record_claim_attempt(
        &self,
        device: DeviceId,
        now_ms: i64,
        forget_before_ms: i64,
    ) -> Result<(), StorageError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            tx.execute("DELETE FROM failed_claims WHERE at < ?1", [forget_before_ms]).map_err(db)?;
            tx.execute("INSERT INTO failed_claims (device, at) VALUES (?1, ?2)", params![device.to_string(), now_ms])
                .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn doc(&self, id: DocId) -> Result<Option<StoredDoc>, StorageError> {
        self.run(move |c| {
            let row: Option<(String, String)> = c
                .query_row("SELECT kind, scope FROM docs WHERE id = ?1", [id.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
                .map_err(db)?;
            let Some((kind, scope)) = row else { return Ok(None) };
            let mut stmt =
                c.prepare_cached("SELECT key, bytes FROM doc_chunks WHERE doc = ?1 ORDER BY key").map_err(db)?;
            let chunks = stmt
                .query_map([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            Ok(Some(StoredDoc { meta: meta_from(&kind, &scope)?, chunks }))
        })
        .await
    }

    async fn append(&self, id: DocId, meta: DocMeta, changes: &[u8], heads: &Heads) -> Result<u64, StorageError> {
        let changes = changes.to_vec();
        let heads = heads_to_bytes(heads);
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            let stored: Option<(String, String)> = tx
                .query_row("SELECT kind, scope FROM docs WHERE id = ?1", [id.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
                .map_err(db)?;
            if stored.is_some_and(|(kind, scope)| kind != kind_key(meta.kind) || scope != scope_key(meta.scope())) {
                return Err(StorageError::OwnerMismatch);
            }
            tx.execute("INSERT INTO doc_chunks (doc, bytes) VALUES (?1, ?2)", params![id.to_string(), changes])
                .map_err(db)?;
            tx.execute("INSERT INTO doc_versions (doc, heads) VALUES (?1, ?2)", params![id.to_string(), heads])
                .map_err(db)?;
            let seq = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO docs (id, kind, scope, latest_seq) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET latest_seq = ?4",
                params![id.to_string(), kind_key(meta.kind), scope_key(meta.scope()), seq],
            )
            .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(seq as u64)
        })
        .await
    }

    async fn compact(&self, id: DocId, replaced: &[i64], snapshot: &[u8]) -> Result<(), StorageError> {
        let replaced = replaced.to_vec();
        let snapshot = snapshot.to_vec();
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            for key in &replaced {
                tx.execute("DELETE FROM doc_chunks WHERE key = ?1 AND doc = ?2", params![key, id.to_string()])
                    .map_err(db)?;
            }
            tx.execute("INSERT INTO doc_chunks (doc, bytes) VALUES (?1, ?2)", params![id.to_string(), snapshot])
                .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn heads_at(&self, id: DocId, seq: u64) -> Result<Heads, StorageError> {
        self.run(move |c| {
            let heads: Option<Vec<u8>> = c
                .query_row(
                    "SELECT heads FROM doc_versions WHERE doc = ?1 AND seq <= ?2 ORDER BY seq DESC LIMIT 1",
                    params![id.to_string(), seq.min(i64::MAX as u64) as i64],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db)?;
            heads.map(|h| heads_from_bytes(&h)).transpose().map(Option::unwrap_or_default)
        })
        .await
    }

    async fn set_grant(&self, doc: DocId, profile: ProfileId, granted: bool) -> Result<u64, StorageError> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            // A number of the one sequence, so cursors order grants among changes; the row names
            // no document, so no document's history sees it.
            tx.execute("INSERT INTO doc_versions (doc, heads) VALUES ('', x'')", []).map_err(db)?;
            let seq = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO grants (doc, profile, seq, granted) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (doc, profile) DO UPDATE SET seq = ?3, granted = ?4",
                params![doc.to_string(), profile.to_string(), seq, granted as i64],
            )
            .map_err(db)?;
            tx.commit().map_err(db)?;
            Ok(seq as u64)
        })
        .await
    }

    async fn grant_of(&self, doc: DocId, profile: ProfileId) -> Result<Option<bool>, StorageError> {
        self.run(move |c| {
            c.query_row(
                "SELECT granted FROM grants WHERE doc = ?1 AND profile = ?2",
                params![doc.to_string(), profile.to_string()],
                |r| r.get::<_, i64>(0),
            )
            .optional()
            .map(|g| g.map(|g| g != 0))
            .map_err(db)
        })
        .await
    }

    async fn grants_since(&self, profile: ProfileId, cursor: u64, limit: usize) -> Result<Vec<Grant>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT g.doc, CASE WHEN g.granted = 1 THEN max(g.seq, coalesce(d.latest_seq, 0)) ELSE g.seq END AS s,
                            g.seq, g.granted
                     FROM grants g LEFT JOIN docs d ON d.id = g.doc
                     WHERE g.profile = ?1 AND (g.seq > ?2 OR (g.granted = 1 AND d.latest_seq > ?2))
                     ORDER BY s LIMIT ?3",
                )
                .map_err(db)?;
            let rows = stmt
                .query_map(params![profile.to_string(), cursor.min(i64::MAX as u64) as i64, limit as i64], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
                })
                .map_err(db)?;
            rows.map(|r| {
                let (doc, seq, granted_at, granted) = r.map_err(db)?;
                Ok(Grant { doc: parse(&doc, "doc id")?, seq: seq as u64, granted_at: granted_at as u64, granted: granted != 0 })
            })
            .collect()
        })
        .await
    }

    async fn changed_since(&self, scope: Scope, cursor: u64, limit: usize) -> Result<Vec<(DocId, u64)>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT id, latest_seq FROM docs WHERE scope = ?1 AND latest_seq > ?2 ORDER BY latest_seq LIMIT ?3",
                )
                .map_err(db)?;
            let rows = stmt
                .query_map(params![scope_key(scope), cursor.min(i64::MAX as u64) as i64, limit as i64], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })
                .map_err(db)?;
            rows.map(|r| {
                let (id, seq) = r.map_err(db)?;
                Ok((parse(&id, "doc id")?, seq as u64))
            })
            .collect()
        })
        .await
    }
}
