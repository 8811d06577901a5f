//! Where the server keeps devices, pairing codes and documents: one trait, with an embedded
//! SQLite implementation (the default) and, for several instances on one database, PostgreSQL.
//!
//! Documents are stored as chunks of Automerge data (changes as they arrived, compacted into a
//! snapshot now and then) plus one row per accepted change set, numbered by a global sequence that
//! only grows, in commit order. Device cursors are positions in that sequence.

pub mod dashboard;
pub mod postgres;
pub mod sqlite;

use async_trait::async_trait;
use mcommunity_core::{
    access::DocMeta,
    ids::{DeviceId, DocId, ProfileId},
    sync::{Heads, Scope},
};

/// A storage failure (not a refusal: those are decided above storage).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StorageError {
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
    /// Stored data is damaged.
    #[error("damaged data: {0}")]
    Corrupt(String),
    /// The document exists with another kind or owner.
    #[error("the document belongs to someone else")]
    OwnerMismatch,
}

/// A stored document: what it is and its Automerge chunks (apply all of them, in any order).
pub struct StoredDoc {
    /// Kind and owner.
    pub meta: DocMeta,
    /// Chunks of Automerge data, each with its storage key (for compaction).
    pub chunks: Vec<(i64, Vec<u8>)>,
}

/// The storage behind the server.
#[async_trait]
pub trait Storage: dashboard::DashboardStorage + Send + Sync + 'static {
    /// Records a new device and the SHA-256 hash of its secret; fails for an id already taken,
    /// keeping the first secret.
    async fn add_device(&self, device: DeviceId, secret_hash: [u8; 32], now_ms: i64) -> Result<(), StorageError>;
    /// The hash of a device's secret, if the device exists.
    async fn device_secret_hash(&self, device: DeviceId) -> Result<Option<[u8; 32]>, StorageError>;
    /// The profiles a device holds.
    async fn device_profiles(&self, device: DeviceId) -> Result<Vec<ProfileId>, StorageError>;
    /// Lets a device hold a profile (idempotent).
    async fn grant_profile(&self, device: DeviceId, profile: ProfileId) -> Result<(), StorageError>;

    /// Stores a pairing code (its hash) for a profile until `expires_ms`. Returns `false`, storing
    /// nothing, when that code is already waiting (the caller draws another).
    async fn add_pairing(&self, code_hash: [u8; 32], profile: ProfileId, expires_ms: i64)
    -> Result<bool, StorageError>;
    /// Takes a pairing code: returns its profile and deletes it, if it exists and has not expired.
    async fn take_pairing(&self, code_hash: [u8; 32], now_ms: i64) -> Result<Option<ProfileId>, StorageError>;
    /// How many failed pairing claims `device`, and all devices together, made since `since_ms`.
    async fn claim_attempts(&self, device: DeviceId, since_ms: i64) -> Result<(u64, u64), StorageError>;
    /// Records a failed pairing claim (and forgets those older than `forget_before_ms`).
    async fn record_claim_attempt(
        &self,
        device: DeviceId,
        now_ms: i64,
        forget_before_ms: i64,
    ) -> Result<(), StorageError>;

    /// A document, if stored.
    async fn doc(&self, id: DocId) -> Result<Option<StoredDoc>, StorageError>;
    /// Appends accepted changes to a document (creating it with `meta` if new), records its heads
    /// after them, and returns the global sequence number given to this change set. Fails with
    /// [`StorageError::OwnerMismatch`], storing nothing, when the document exists with another kind
    /// or owner (two devices creating one id at once).
    async fn append(&self, id: DocId, meta: DocMeta, changes: &[u8], heads: &Heads) -> Result<u64, StorageError>;
    /// Replaces the chunks `replaced` of a document by one `snapshot` that contains them all.
    async fn compact(&self, id: DocId, replaced: &[i64], snapshot: &[u8]) -> Result<(), StorageError>;
    /// The document's heads after the last change set numbered at most `seq` (empty if none).
    async fn heads_at(&self, id: DocId, seq: u64) -> Result<Heads, StorageError>;
    /// Documents in `scope` changed after `cursor`, as (id, latest sequence), oldest change first,
    /// at most `limit`.
    async fn changed_since(&self, scope: Scope, cursor: u64, limit: usize) -> Result<Vec<(DocId, u64)>, StorageError>;

    /// Lets devices holding `profile` read `doc`, another profile's document (`granted`), or no
    /// longer (`!granted`), from a new sequence number on, which it returns.
    async fn set_grant(&self, doc: DocId, profile: ProfileId, granted: bool) -> Result<u64, StorageError>;
    /// What changed for `profile`'s devices among documents granted to it after `cursor`: grants
    /// and revocations made after it, and granted documents changed after it; oldest first, at
    /// most `limit`.
    async fn grants_since(&self, profile: ProfileId, cursor: u64, limit: usize) -> Result<Vec<Grant>, StorageError>;
    /// Whether `doc` is granted to `profile` now (`Some(false)`: it was, and was revoked).
    async fn grant_of(&self, doc: DocId, profile: ProfileId) -> Result<Option<bool>, StorageError>;
}

/// A document another profile's devices may read, or no longer may.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The document.
    pub doc: DocId,
    /// The sequence number of this event: the later of the grant and the document's last change
    /// (for a revocation, the revocation's).
    pub seq: u64,
    /// The sequence number at which the grant (or revocation) was made.
    pub granted_at: u64,
    /// Whether it may be read now.
    pub granted: bool,
}

/// A stored document put together from its chunks, if there is one.
pub async fn load_doc(storage: &dyn Storage, id: DocId) -> Result<Option<automerge::AutoCommit>, StorageError> {
    let Some(stored) = storage.doc(id).await? else { return Ok(None) };
    let mut doc = automerge::AutoCommit::new();
    for (_, bytes) in &stored.chunks {
        doc.load_incremental(bytes).map_err(|e| StorageError::Corrupt(format!("document {id}: {e}")))?;
    }
    Ok(Some(doc))
}

/// Heads from their stored form.
pub fn heads_from_bytes(bytes: &[u8]) -> Result<Heads, StorageError> {
    mcommunity_core::sync::heads_from_bytes(bytes)
        .ok_or_else(|| StorageError::Corrupt("heads are not whole hashes".into()))
}

/// A stored value parsed back, or the damage it shows.
pub(crate) fn parse<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, StorageError> {
    s.parse().map_err(|_| StorageError::Corrupt(format!("bad {what}: {s}")))
}

/// A document's kind and owner from their stored forms ([`kind_key`], [`scope_key`]).
pub(crate) fn meta_from(kind: &str, scope: &str) -> Result<DocMeta, StorageError> {
    let kind: mcommunity_core::documents::DocKind = parse(kind, "kind")?;
    let owner = if scope == "public" { None } else { Some(parse::<ProfileId>(scope, "scope")?) };
    Ok(DocMeta { kind, owner })
}

/// How a scope is stored.
pub fn scope_key(scope: Scope) -> String {
    match scope {
        Scope::Public => "public".into(),
        Scope::Profile(p) => p.to_string(),
    }
}

/// How a document kind is stored.
pub fn kind_key(kind: mcommunity_core::documents::DocKind) -> &'static str {
    kind.as_str()
}
