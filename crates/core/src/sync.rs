//! The sync protocol, sans-IO: message types, their wire encoding, and the pure steps each side
//! takes. Neither side does I/O here; the client (`mcommunity-client`) and the server
//! (`mcommunity-sync-server`) move the bytes and keep the state.
//!
//! # How it works
//! One HTTP `POST /v1/sync` per round carries work for many documents at once:
//! - **Cursors, not per-document sessions.** The server numbers every accepted change with a global,
//!   increasing sequence. A device keeps one cursor per [`Scope`] (the public documents, and each
//!   profile it holds) and asks for what changed after it. Documents that changed on neither side
//!   cost nothing, so a sync with nothing new is one small round trip however many documents a
//!   device holds.
//! - **Changes, not negotiation.** For each document a device also keeps the heads the server is
//!   known to have. A document whose local heads moved is uploaded as the changes after those heads
//!   ([`upload`]), with its current heads. The server applies them and answers, in the same
//!   response, with what the device lacks: the changes after the heads it had at the device's cursor
//!   and after the heads the device just reported (see [`crate::access::accept`] for the server's
//!   step on an upload). One edit travels in one round trip.
//! - **Idempotent and resumable.** Applying a response (documents, server heads, new cursors) is one
//!   transaction on the device; a lost response is simply asked for again, and a resent upload is
//!   harmless (Automerge ignores changes it has). Requests and responses are bounded in size, so a
//!   drop costs little and progress already applied is never resent.
//! - **Bytes.** Messages are postcard-encoded and zstd-compressed; the protocol version travels in
//!   every request, and a server that does not speak it answers "please update".

use std::collections::BTreeSet;

use automerge::{AutoCommit, ChangeHash};
use serde::{Deserialize, Serialize};

use crate::ids::{DocId, ProfileId};

/// The protocol version this code speaks.
pub const PROTOCOL_VERSION: u16 = 3;

/// The most a device puts in one request, in bytes of changes before compression; more waits for
/// the next round. Measured on an emulated 2G link (`make bench`): rounds go one after another, so
/// each costs a round trip of idle link and the server's work; new documents travel uncompressed
/// inside the body, which zstd shrinks about eightfold, so a request is some 120 KB — ten seconds
/// of 2G airtime, a small idle share (a cold upload of 1,000 documents takes 1.25× the link's
/// minimum), and a request lost to a drop costs no more than those seconds.
pub const REQUEST_BUDGET: usize = 960 * 1024;

/// The most a server puts in one response, in bytes of changes before compression (a single
/// larger document still travels, alone); the same reasoning as [`REQUEST_BUDGET`].
pub const RESPONSE_BUDGET: usize = 480 * 1024;

/// The largest encoded body either side accepts, compressed or not.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// A set of documents a device follows with one cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Scope {
    /// Documents every device reads: announcements, lessons.
    Public,
    /// One profile's own documents.
    Profile(ProfileId),
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::Public => f.write_str("public"),
            Scope::Profile(p) => std::fmt::Display::fmt(p, f),
        }
    }
}

impl std::str::FromStr for Scope {
    type Err = crate::ids::ParseIdError;

    /// `public`, or a profile id.
    fn from_str(s: &str) -> Result<Scope, Self::Err> {
        if s == "public" { Ok(Scope::Public) } else { s.parse().map(Scope::Profile) }
    }
}

/// A document's heads, as raw 32-byte hashes.
pub type Heads = Vec<[u8; 32]>;

/// One round, device to server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRequest {
    /// The device's protocol version.
    pub version: u16,
    /// For each scope the device follows, the server sequence it has everything up to.
    pub cursors: Vec<(Scope, u64)>,
    /// Documents with changes the server does not have yet, or whose new heads the device reports.
    pub docs: Vec<DocUpload>,
}

/// A document going up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocUpload {
    /// Which document.
    pub id: DocId,
    /// The device's heads of it, after these changes.
    pub heads: Heads,
    /// Automerge changes (incremental save format) the server is not known to have; may be empty.
    #[serde(with = "serde_bytes_vec")]
    pub changes: Vec<u8>,
}

/// One round, server to device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResponse {
    /// The new cursor of each scope the device asked about (and was allowed to follow).
    pub cursors: Vec<(Scope, u64)>,
    /// Documents coming down: those changed since the device's cursors, and uploaded ones the
    /// device is not up to date with. An uploaded document that is in neither `docs` nor
    /// `refused` is held by the server at exactly the heads the device sent — the usual answer to
    /// an upload, which so costs nothing on the wire.
    pub docs: Vec<DocDownload>,
    /// Uploads the server did not apply, and why.
    pub refused: Vec<(DocId, Refusal)>,
    /// Scopes the device asked to follow and may not (a profile it does not hold).
    pub refused_scopes: Vec<Scope>,
    /// Documents of other profiles the device may no longer read (a resident withdrew the consent
    /// under which a volunteer followed their request): the device forgets them (version 3).
    pub revoked: Vec<DocId>,
    /// Whether more is waiting: the device should sync again at once.
    pub more: bool,
}

/// A document coming down.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDownload {
    /// Which document.
    pub id: DocId,
    /// The server's heads of it.
    pub heads: Heads,
    /// Automerge changes the device lacks; may be empty.
    #[serde(with = "serde_bytes_vec")]
    pub changes: Vec<u8>,
}

/// Why an upload was not applied. Nothing of a refused upload is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The device may not write this document (or it does not exist for this device: the two look
    /// the same).
    Forbidden,
    /// The changes do not decode, or the document breaks its schema.
    Malformed,
    /// The changes build on history the server lacks: upload the whole document.
    ResendAll,
    /// The document would exceed the size limit.
    TooLarge,
}

/// A message that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed sync message: {0}")]
pub struct DecodeError(String);

mod serde_bytes_vec {
    //! Vec<u8> as one length-prefixed byte string on the wire (postcard writes a sequence of u8
    //! the same way, but saying so keeps the format explicit for other encoders).
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
        }
        d.deserialize_bytes(Visitor)
    }
}

/// zstd's level for sync bodies. The link, not the processor, is what rural users wait on: at 19 a
/// cold upload of 1,000 documents is half the bytes of level 3 (`make bench`), for well under a
/// second of compression on a laptop; bodies are bounded, so memory stays small.
const ZSTD_LEVEL: i32 = 19;

/// Encodes a message for the wire: postcard, then zstd.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    let raw = postcard::to_allocvec(message).expect("sync messages always serialize");
    zstd::bulk::compress(&raw, ZSTD_LEVEL).expect("compressing into memory cannot fail")
}

/// Decodes a message from the wire, refusing anything larger than [`MAX_BODY`] once inflated.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, DecodeError> {
    if bytes.len() > MAX_BODY {
        return Err(DecodeError("body too large".into()));
    }
    let raw = zstd::bulk::decompress(bytes, MAX_BODY).map_err(|e| DecodeError(e.to_string()))?;
    postcard::from_bytes(&raw).map_err(|e| DecodeError(e.to_string()))
}

/// Heads as raw hashes.
pub fn heads_of(doc: &mut AutoCommit) -> Heads {
    raw_heads(&doc.get_heads())
}

/// Raw hashes from Automerge's change hashes.
pub fn raw_heads(heads: &[ChangeHash]) -> Heads {
    heads.iter().map(|h| h.0).collect()
}

/// Automerge's change hashes from raw ones.
pub fn change_hashes(heads: &[[u8; 32]]) -> Vec<ChangeHash> {
    heads.iter().map(|h| ChangeHash(*h)).collect()
}

/// Heads in a canonical byte form for storage: the hashes sorted, one after another, so equal sets
/// of heads are equal bytes.
pub fn heads_to_bytes(heads: &[[u8; 32]]) -> Vec<u8> {
    let mut sorted = heads.to_vec();
    sorted.sort();
    sorted.concat()
}

/// Heads from their stored form, or `None` if the bytes are not whole hashes.
pub fn heads_from_bytes(bytes: &[u8]) -> Option<Heads> {
    if !bytes.len().is_multiple_of(32) {
        return None;
    }
    Some(bytes.chunks(32).map(|c| c.try_into().expect("32-byte chunks")).collect())
}

/// Whether two sets of heads are the same set.
pub fn same_heads(a: &[[u8; 32]], b: &[[u8; 32]]) -> bool {
    a.iter().collect::<BTreeSet<_>>() == b.iter().collect::<BTreeSet<_>>()
}

/// The device's step for one document: the upload that brings the server from `server_heads`
/// (what it is known to have) to the device's state, or `None` when the server already has it. A
/// document the server has nothing of travels in Automerge's compact whole-document form, which
/// is much smaller than its changes one by one.
pub fn upload(id: DocId, doc: &mut AutoCommit, server_heads: &[[u8; 32]]) -> Option<DocUpload> {
    let heads = heads_of(doc);
    if same_heads(&heads, server_heads) {
        return None;
    }
    // A whole document goes uncompressed: the body's zstd then finds what documents share (keys,
    // words, structure), which Automerge's per-column deflate cannot.
    let changes =
        if server_heads.is_empty() { doc.save_nocompress() } else { doc.save_after(&change_hashes(server_heads)) };
    Some(DocUpload { id, heads, changes })
}

/// The first bytes of every Automerge chunk.
const AUTOMERGE_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];

/// Why changes could not be applied to a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    /// The bytes are not Automerge changes.
    #[error("changes do not decode: {0}")]
    Decode(String),
    /// The changes depend on changes this side does not have.
    #[error("changes depend on missing history")]
    MissingDeps,
}

/// Applies received changes to `doc`, refusing (and leaving `doc` as it was) changes that do not
/// decode or that build on history `doc` lacks.
pub fn apply(doc: &mut AutoCommit, changes: &[u8]) -> Result<(), ApplyError> {
    if changes.is_empty() {
        return Ok(());
    }
    // Automerge skips bytes it does not recognise; we refuse them instead.
    if !changes.starts_with(&AUTOMERGE_MAGIC) {
        return Err(ApplyError::Decode("not automerge data".into()));
    }
    let mut candidate = doc.fork();
    candidate.load_incremental(changes).map_err(|e| ApplyError::Decode(e.to_string()))?;
    if !candidate.get_missing_deps(&[]).is_empty() {
        return Err(ApplyError::MissingDeps);
    }
    doc.load_incremental(changes).map_err(|e| ApplyError::Decode(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests;
