//! PostgreSQL storage, for several server instances sharing one database: the same tables and
//! meaning as the SQLite storage, a pool of connections (deadpool) per instance, plain TCP (the
//! server talks to a database on the same machine or LAN; put TLS in front if it ever is not).
//!
//! ```no_run
//! # async fn example() -> Result<(), mcommunity_sync_server::storage::StorageError> {
//! use mcommunity_sync_server::storage::postgres::PgStorage;
//! let storage = PgStorage::connect("postgres://mcommunity@127.0.0.1/mcommunity").await?;
//! # Ok(()) }
//! ```
//!
//! Two things differ from one process owning a SQLite file, and both are handled here:
//! - **Sequence numbers become visible in order.** Device cursors are positions in the global
//!   sequence `doc_versions.seq`. A PostgreSQL sequence hands out numbers when asked, not when the
//!   asking transaction commits, so without care change set N+1 could commit (and be read, and a
//!   cursor move past it) while N is still in flight: the device would skip N for ever. Every
//!   `append` therefore takes one transaction-scoped advisory lock before it draws its number
//!   (see [`APPEND_LOCK`]).
//! - **Migrations run once** however many instances start together: each runs in its own
//!   transaction under another advisory lock, and is recorded in `schema_migrations`.

use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use mcommunity_core::{
    access::DocMeta,
    ids::{DeviceId, DocId, ProfileId},
    sync::{Heads, Scope, heads_to_bytes},
};
use tokio_postgres::NoTls;

mod dashboard;

use super::{Grant, Storage, StorageError, StoredDoc, heads_from_bytes, kind_key, meta_from, parse, scope_key};

/// Schema migrations, oldest first; version `n` is `MIGRATIONS[n - 1]`. Only add.
const MIGRATIONS: &[&str] = &[
    "
CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    secret_hash  BYTEA NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE TABLE device_profiles (
    device   TEXT NOT NULL,
    profile  TEXT NOT NULL,
    PRIMARY KEY (device, profile)
);
CREATE TABLE pairings (
    code_hash   BYTEA PRIMARY KEY,
    profile     TEXT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE TABLE failed_claims (
    device  TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX failed_claims_by_time ON failed_claims (at);
CREATE TABLE docs (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    scope       TEXT NOT NULL,
    latest_seq  BIGINT NOT NULL
);
CREATE INDEX docs_by_scope ON docs (scope, latest_seq);
CREATE TABLE doc_chunks (
    key    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc    TEXT NOT NULL,
    bytes  BYTEA NOT NULL
);
CREATE INDEX doc_chunks_by_doc ON doc_chunks (doc);
CREATE TABLE doc_versions (
    seq    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc    TEXT NOT NULL,
    heads  BYTEA NOT NULL
);
CREATE INDEX doc_versions_by_doc ON doc_versions (doc, seq);
",
    dashboard::MIGRATION,
    dashboard::INDICATORS_MIGRATION,
    dashboard::ASSISTED_MIGRATION,
    "
CREATE TABLE grants (
    doc      TEXT NOT NULL,
    profile  TEXT NOT NULL,
    seq      BIGINT NOT NULL,
    granted  BOOLEAN NOT NULL,
    PRIMARY KEY (doc, profile)
);
CREATE INDEX grants_by_profile ON grants (profile, seq);
",
];

/// The schema version this server brings a database to.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock key (ASCII "mcommigr") held while a migration runs.
const MIGRATION_LOCK: i64 = 0x6d63_6f6d_6d69_6772;

/// The advisory lock key (ASCII "mcomseqs") every `append` holds from before it draws its sequence
/// number until it commits.
///
/// Why a lock and not something cleverer: PostgreSQL releases a transaction's locks only after its
/// commit is visible to new snapshots, so while appends draw numbers under one lock, a reader that
/// sees seq N+1 committed also sees every N before it. The cost is that appends, from all
/// instances, commit one at a time; an append is one short statement, so that is thousands per
/// second, far above what a municipality's devices send. (The alternatives — readers holding back
/// to the oldest in-flight transaction via `pg_snapshot_xmin`, or numbering at commit with a
/// second pass — are more code and more ways to be subtly wrong.)
pub const APPEND_LOCK: i64 = 0x6d63_6f6d_7365_7173;

/// Connections one instance keeps at most.
const POOL_SIZE: usize = 16;
/// How long to wait for the database to accept a connection (unless the URL says otherwise).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request waits for a free connection before it fails.
const WAIT_TIMEOUT: Duration = Duration::from_secs(30);

/// The PostgreSQL storage: a pool of connections to one database.
#[derive(Clone)]
pub struct PgStorage {
    pool: Pool,
}

/// A storage error from any error, with its causes.
fn db<E: std::error::Error>(e: E) -> StorageError {
    StorageError::Database(describe(&e))
}

/// An error and its causes on one line: tokio-postgres puts the server's message in the cause,
/// and its own text alone says only "db error".
fn describe(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.ends_with(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

impl PgStorage {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database`, or
    /// `postgresql://…`; query parameters as libpq's, e.g. `?connect_timeout=5`) and brings its
    /// schema up to date.
    ///
    /// Errors: a URL that does not parse, a database that cannot be reached or refuses the login,
    /// a schema newer than this server, or a failed migration (which leaves the schema as it was).
    pub async fn connect(url: &str) -> Result<PgStorage, StorageError> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(StorageError::Database(
                "the database URL must start with postgres:// (postgres://user:password@host:port/database)".into(),
            ));
        }
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StorageError::Database(format!("the database URL does not parse: {}", describe(&e))))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("mcommunity-sync-server");
        }
        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(WAIT_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT + Duration::from_secs(1)))
            .build()
            .map_err(db)?;
        let mut client = pool.get().await.map_err(|e| {
            let reason = match e {
                PoolError::Backend(e) => describe(&e),
                PoolError::Timeout(_) => "no answer in time".to_owned(),
                other => describe(&other),
            };
            StorageError::Database(format!("cannot connect to the database: {reason}"))
        })?;
        migrate(&mut client).await?;
        Ok(PgStorage { pool })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StorageError> {
        self.pool.get().await.map_err(db)
    }
}

/// Runs pending migrations, each once and in its own transaction, under [`MIGRATION_LOCK`], so
/// instances starting together take turns and each sees what the other did.
async fn migrate(client: &mut deadpool_postgres::Object) -> Result<(), StorageError> {
    loop {
        let tx = client.transaction().await.map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(db)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version     BIGINT PRIMARY KEY,
                 applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
             )",
        )
        .await
        .map_err(db)?;
        let version: i64 = tx
            .query_one("SELECT coalesce(max(version), 0) FROM schema_migrations", &[])
            .await
            .map_err(db)?
            .try_get(0)
            .map_err(db)?;
        if version > SCHEMA_VERSION {
            return Err(StorageError::Database(format!(
                "database schema {version} is newer than this server (which knows up to {SCHEMA_VERSION})"
            )));
        }
        let Some(sql) = MIGRATIONS.get(version as usize) else {
            tx.commit().await.map_err(db)?;
            return Ok(());
        };
        tx.batch_execute(sql)
            .await
            .map_err(|e| StorageError::Database(format!("migration {} failed: {}", version + 1, describe(&e))))?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&(version + 1)]).await.map_err(db)?;
        tx.commit().await.map_err(db)?;
        tracing::info!(version = version + 1, "database migrated");
    }
}

/// A sequence number as stored; numbers past the largest storable one mean "after everything".
fn stored_seq(seq: u64) -> i64 {
    i64::try_from(seq).unwrap_or(i64::MAX)
}

/// Runs one statement, prepared once per connection.
async fn execute(
    client: &impl GenericClient,
    sql: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> Result<u64, StorageError> {
    let statement = client.prepare_cached(sql).await.map_err(db)?;
    client.execute(&statement, params).await.map_err(db)
}

/// Runs one query, prepared once per connection.
async fn query(
    client: &impl GenericClient,
    sql: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> Result<Vec<tokio_postgres::Row>, StorageError> {
    let statement = client.prepare_cached(sql).await.map_err(db)?;
    client.query(&statement, params).await.map_err(db)
}

#[async_trait]
impl Storage for PgStorage {
    async fn add_device(&self, device: DeviceId, secret_hash: [u8; 32], now_ms: i64) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "INSERT INTO devices (id, secret_hash, created_at) VALUES ($1, $2, $3)",
            &[&device.to_string(), &secret_hash.as_slice(), &now_ms],
        )
        .await?;
        Ok(())
    }

    async fn device_secret_hash(&self, device: DeviceId) -> Result<Option<[u8; 32]>, StorageError> {
        let client = self.client().await?;
        let rows = query(&client, "SELECT secret_hash FROM devices WHERE id = $1", &[&device.to_string()]).await?;
        rows.first()
            .map(|row| {
                let hash: Vec<u8> = row.try_get(0).map_err(db)?;
                hash.try_into().map_err(|_| StorageError::Corrupt("secret hash length".into()))
            })
            .transpose()
    }

    async fn device_profiles(&self, device: DeviceId) -> Result<Vec<ProfileId>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT profile FROM device_profiles WHERE device = $1 ORDER BY profile",
            &[&device.to_string()],
        )
        .await?;
        rows.iter().map(|row| parse(row.try_get(0).map_err(db)?, "profile")).collect()
    }

    async fn grant_profile(&self, device: DeviceId, profile: ProfileId) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "INSERT INTO device_profiles (device, profile) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&device.to_string(), &profile.to_string()],
        )
        .await?;
        Ok(())
    }

    async fn add_pairing(
        &self,
        code_hash: [u8; 32],
        profile: ProfileId,
        expires_ms: i64,
    ) -> Result<bool, StorageError> {
        let client = self.client().await?;
        // A code already waiting is never replaced: it would pair its holder to the wrong profile.
        let added = execute(
            &client,
            "INSERT INTO pairings (code_hash, profile, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (code_hash) DO NOTHING",
            &[&code_hash.as_slice(), &profile.to_string(), &expires_ms],
        )
        .await?;
        Ok(added == 1)
    }

    async fn take_pairing(&self, code_hash: [u8; 32], now_ms: i64) -> Result<Option<ProfileId>, StorageError> {
        let client = self.client().await?;
        execute(&client, "DELETE FROM pairings WHERE expires_at <= $1", &[&now_ms]).await?;
        // Of two claims of the same code at once, the second waits for the first's row lock, finds
        // the row gone, and returns nothing: a code is used once, whichever instances the claims
        // reach. (Two statements rather than one with OR: each then locks rows in one order.)
        let rows = query(
            &client,
            "DELETE FROM pairings WHERE code_hash = $1 RETURNING profile, expires_at",
            &[&code_hash.as_slice()],
        )
        .await?;
        let Some(row) = rows.first() else { return Ok(None) };
        let expires_at: i64 = row.try_get(1).map_err(db)?;
        if expires_at <= now_ms {
            return Ok(None);
        }
        parse(row.try_get(0).map_err(db)?, "profile").map(Some)
    }

    async fn claim_attempts(&self, device: DeviceId, since_ms: i64) -> Result<(u64, u64), StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT count(*) FILTER (WHERE device = $1), count(*) FROM failed_claims WHERE at >= $2",
            &[&device.to_string(), &since_ms],
        )
        .await?;
        let row = rows.first().ok_or_else(|| StorageError::Database("a count returned no row".into()))?;
        let mine: i64 = row.try_get(0).map_err(db)?;
        let all: i64 = row.try_get(1).map_err(db)?;
        Ok((mine as u64, all as u64))
    }

    async fn record_claim_attempt(
        &self,
        device: DeviceId,
        now_ms: i64,
        forget_before_ms: i64,
    ) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "WITH forgotten AS (DELETE FROM failed_claims WHERE at < $3)
             INSERT INTO failed_claims (device, at) VALUES ($1, $2)",
            &[&device.to_string(), &now_ms, &forget_before_ms],
        )
        .await?;
        Ok(())
    }

    async fn doc(&self, id: DocId) -> Result<Option<StoredDoc>, StorageError> {
        let client = self.client().await?;
        // One statement, so the kind and the chunks come from one snapshot (a compaction in
        // between cannot show old and new chunks together, or neither).
        let rows = query(
            &client,
            "SELECT d.kind, d.scope, c.key, c.bytes
             FROM docs d LEFT JOIN doc_chunks c ON c.doc = d.id
             WHERE d.id = $1 ORDER BY c.key",
            &[&id.to_string()],
        )
        .await?;
        let Some(first) = rows.first() else { return Ok(None) };
        let meta = meta_from(first.try_get(0).map_err(db)?, first.try_get(1).map_err(db)?)?;
        let mut chunks = Vec::with_capacity(rows.len());
        for row in &rows {
            let key: Option<i64> = row.try_get(2).map_err(db)?;
            let bytes: Option<Vec<u8>> = row.try_get(3).map_err(db)?;
            if let (Some(key), Some(bytes)) = (key, bytes) {
                chunks.push((key, bytes));
            }
        }
        Ok(Some(StoredDoc { meta, chunks }))
    }

    async fn append(&self, id: DocId, meta: DocMeta, changes: &[u8], heads: &Heads) -> Result<u64, StorageError> {
        let heads = heads_to_bytes(heads);
        let id = id.to_string();
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        // Before the sequence number is drawn: see `APPEND_LOCK`.
        execute(&tx, "SELECT pg_advisory_xact_lock($1)", &[&APPEND_LOCK]).await?;
        let rows = query(
            &tx,
            "WITH chunk AS (INSERT INTO doc_chunks (doc, bytes) VALUES ($1, $2)),
                  version AS (INSERT INTO doc_versions (doc, heads) VALUES ($1, $3) RETURNING seq)
             INSERT INTO docs (id, kind, scope, latest_seq) SELECT $1, $4, $5, seq FROM version
             ON CONFLICT (id) DO UPDATE SET latest_seq = EXCLUDED.latest_seq
                 WHERE docs.kind = EXCLUDED.kind AND docs.scope = EXCLUDED.scope
             RETURNING latest_seq",
            &[&id, &changes, &heads, &kind_key(meta.kind), &scope_key(meta.scope())],
        )
        .await?;
        // No row: the document exists with another kind or owner; the transaction rolls back.
        let seq: i64 = rows.first().ok_or(StorageError::OwnerMismatch)?.try_get(0).map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(seq as u64)
    }

    async fn compact(&self, id: DocId, replaced: &[i64], snapshot: &[u8]) -> Result<(), StorageError> {
        let client = self.client().await?;
        // One statement: the snapshot replaces the chunks atomically. Chunks appended since the
        // caller loaded the document are not in `replaced` and stay.
        execute(
            &client,
            "WITH replaced AS (DELETE FROM doc_chunks WHERE doc = $1 AND key = ANY($2))
             INSERT INTO doc_chunks (doc, bytes) VALUES ($1, $3)",
            &[&id.to_string(), &replaced, &snapshot],
        )
        .await?;
        Ok(())
    }

    async fn heads_at(&self, id: DocId, seq: u64) -> Result<Heads, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT heads FROM doc_versions WHERE doc = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1",
            &[&id.to_string(), &stored_seq(seq)],
        )
        .await?;
        match rows.first() {
            Some(row) => heads_from_bytes(row.try_get(0).map_err(db)?),
            None => Ok(Heads::new()),
        }
    }

    async fn set_grant(&self, doc: DocId, profile: ProfileId, granted: bool) -> Result<u64, StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        // A number of the one sequence, drawn under the append lock so cursors never pass it
        // before it is visible; the version row names no document.
        execute(&tx, "SELECT pg_advisory_xact_lock($1)", &[&APPEND_LOCK]).await?;
        let rows = query(
            &tx,
            "WITH version AS (INSERT INTO doc_versions (doc, heads) VALUES ('', ''::bytea) RETURNING seq)
             INSERT INTO grants (doc, profile, seq, granted) SELECT $1, $2, seq, $3 FROM version
             ON CONFLICT (doc, profile) DO UPDATE SET seq = EXCLUDED.seq, granted = EXCLUDED.granted
             RETURNING seq",
            &[&doc.to_string(), &profile.to_string(), &granted],
        )
        .await?;
        let seq: i64 =
            rows.first().ok_or_else(|| StorageError::Database("no sequence number".into()))?.try_get(0).map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(seq as u64)
    }

    async fn grant_of(&self, doc: DocId, profile: ProfileId) -> Result<Option<bool>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT granted FROM grants WHERE doc = $1 AND profile = $2",
            &[&doc.to_string(), &profile.to_string()],
        )
        .await?;
        rows.first().map(|row| row.try_get::<_, bool>(0).map_err(db)).transpose()
    }

    async fn grants_since(&self, profile: ProfileId, cursor: u64, limit: usize) -> Result<Vec<Grant>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT g.doc, CASE WHEN g.granted THEN GREATEST(g.seq, COALESCE(d.latest_seq, 0)) ELSE g.seq END AS s,
                    g.seq, g.granted
             FROM grants g LEFT JOIN docs d ON d.id = g.doc
             WHERE g.profile = $1 AND (g.seq > $2 OR (g.granted AND d.latest_seq > $2))
             ORDER BY s LIMIT $3",
            &[&profile.to_string(), &stored_seq(cursor), &(i64::try_from(limit).unwrap_or(i64::MAX))],
        )
        .await?;
        rows.iter()
            .map(|row| {
                let doc: &str = row.try_get(0).map_err(db)?;
                let seq: i64 = row.try_get(1).map_err(db)?;
                let granted_at: i64 = row.try_get(2).map_err(db)?;
                let granted: bool = row.try_get(3).map_err(db)?;
                Ok(Grant { doc: parse(doc, "doc id")?, seq: seq as u64, granted_at: granted_at as u64, granted })
            })
            .collect()
    }

    async fn changed_since(&self, scope: Scope, cursor: u64, limit: usize) -> Result<Vec<(DocId, u64)>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT id, latest_seq FROM docs WHERE scope = $1 AND latest_seq > $2 ORDER BY latest_seq LIMIT $3",
            &[&scope_key(scope), &stored_seq(cursor), &(i64::try_from(limit).unwrap_or(i64::MAX))],
        )
        .await?;
        rows.iter()
            .map(|row| {
                let id: &str = row.try_get(0).map_err(db)?;
                let seq: i64 = row.try_get(1).map_err(db)?;
                Ok((parse(id, "doc id")?, seq as u64))
            })
            .collect()
    }
}
