//! Syncing this device's documents with the sync server, over any [`Transport`] (HTTP in the app,
//! in-process in tests). The protocol itself is `mcommunity_core::sync`; this module keeps the
//! device's side of it in the store: what the server has of each document, and one cursor per
//! scope.
//!
//! A round is [`prepare`] (read the store), one request over the transport, then [`absorb`] (one
//! store transaction). Nothing waits on the network while the store is held, and a round that
//! fails half-way leaves the store as it was, so [`sync`] can simply be run again.

pub mod http;

use std::future::Future;

use automerge::AutoCommit;
use mcommunity_core::{
    access,
    documents::DocKind,
    ids::{DocId, ProfileId},
    sync::{self, PROTOCOL_VERSION, REQUEST_BUDGET, Refusal, Scope, SyncRequest, SyncResponse},
};
use rusqlite::TransactionBehavior;

use crate::{
    error::ClientError,
    store::{self, Store, StoreError, sync_state},
};

/// Moves one encoded request to the server and brings back its encoded response.
pub trait Transport {
    /// Posts a sync body and returns the response body.
    fn post_sync(&self, body: Vec<u8>) -> impl Future<Output = Result<Vec<u8>, TransportError>> + Send;
}

/// Why a round did not reach the server or came back refused as a whole.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// No link, a dropped connection, a timeout: try again later.
    #[error("network: {0}")]
    Network(String),
    /// The server does not know this device's credential.
    #[error("the server does not accept this device's credential")]
    Unauthorized,
    /// The server speaks another protocol version: the app must be updated.
    #[error("the app must be updated to sync with this server")]
    UpdateRequired,
    /// The server refused the request.
    #[error("server answered {status}: {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The server's reason.
        message: String,
    },
}

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// The request did not make it.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The device's store failed.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// The server's answer does not decode.
    #[error("the server's answer does not decode: {0}")]
    Decode(String),
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Requests made.
    pub rounds: u32,
    /// Documents sent up.
    pub uploaded: u32,
    /// Documents that came down with changes.
    pub downloaded: u32,
    /// Uploads the server refused.
    pub refused: u32,
    /// Bytes sent and received (bodies, compressed).
    pub bytes_up: u64,
    /// Bytes received.
    pub bytes_down: u64,
}

/// The most rounds one [`sync`] makes before it yields (a huge backlog continues next time).
const MAX_ROUNDS: u32 = 1000;

/// The next request: the cursors of every scope this device follows, and the documents with
/// changes the server lacks, up to [`REQUEST_BUDGET`] bytes of changes (at least one document),
/// plus the heads of public documents the device got from its bundle (never their changes).
pub fn prepare(store: &mut Store) -> Result<(SyncRequest, bool), ClientError> {
    let conn = store.conn();
    // Every scope the device follows: the public one, its profiles, and profiles the server said
    // it now holds (a pairing) even before their first document arrived.
    let mut scopes = sync_state::scopes(conn)?;
    scopes.push(Scope::Public);
    scopes.extend(store.list(DocKind::Profile, None)?.into_iter().map(|id| Scope::Profile(ProfileId::from(id))));
    scopes.sort();
    scopes.dedup();
    let mut cursors = Vec::with_capacity(scopes.len());
    for scope in scopes {
        cursors.push((scope, sync_state::cursor(conn, scope)?));
    }
    let mut docs = Vec::new();
    let mut spent = 0;
    let mut truncated = false;
    for pending in sync_state::pending(conn)? {
        if spent >= REQUEST_BUDGET && !docs.is_empty() {
            truncated = true;
            break;
        }
        let Some(mut stored) = store.load(pending.id)? else { continue };
        if let Some(upload) = sync::upload(pending.id, &mut stored.doc, &pending.server_heads) {
            spent += upload.changes.len();
            docs.push(upload);
        }
    }
    if !truncated {
        for (id, heads) in sync_state::unreported_public(conn)? {
            docs.push(sync::DocUpload { id, heads, changes: Vec::new() });
        }
    }
    Ok((SyncRequest { version: PROTOCOL_VERSION, cursors, docs }, truncated))
}

/// Applies the response to `request` in one transaction: new and changed documents, what the
/// server now has of each, refusals, and the new cursors. Returns how many documents came down
/// with changes.
pub fn absorb(store: &mut Store, request: &SyncRequest, response: &SyncResponse) -> Result<u32, ClientError> {
    let tx = store.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
    let mut downloaded = 0;
    // An upload the response does not mention was taken as sent: the server has its heads.
    let mentioned: std::collections::HashSet<DocId> =
        response.docs.iter().map(|d| d.id).chain(response.refused.iter().map(|(id, _)| *id)).collect();
    for sent in request.docs.iter().filter(|d| !mentioned.contains(&d.id)) {
        sync_state::set_server_heads(&tx, sent.id, &sent.heads)?;
    }
    for down in &response.docs {
        if !down.changes.is_empty() {
            downloaded += 1;
        }
        let applied = store::update_in(&tx, down.id, |stored| sync::apply(&mut stored.doc, &down.changes))?;
        match applied {
            Some(Ok(())) => sync_state::set_server_heads(&tx, down.id, &down.heads)?,
            Some(Err(e)) => {
                // The server sent changes on history we lack: start this document over.
                tracing::warn!(doc = %down.id, error = %e, "a download did not apply; asking again");
                sync_state::forget_server_heads(&tx, down.id)?;
                reset_cursors(&tx)?;
            }
            None => match new_document(down.id, &down.changes) {
                // Public documents (lessons, forms) are kept like the profiles' own; they are
                // never sent back (the server alone writes them).
                Some((mut doc, meta)) => {
                    store::insert_in(&tx, down.id, meta.kind, meta.owner, &mut doc)?;
                    sync_state::set_server_heads(&tx, down.id, &down.heads)?;
                }
                None => tracing::warn!(doc = %down.id, "the server sent a document this app cannot read"),
            },
        }
    }
    for (id, refusal) in &response.refused {
        tracing::warn!(doc = %id, ?refusal, "the server refused an upload");
        match refusal {
            Refusal::ResendAll => sync_state::forget_server_heads(&tx, *id)?,
            other => sync_state::set_refused(&tx, *id, &format!("{other:?}"))?,
        }
    }
    if !response.revoked.is_empty() {
        // Another profile's request this device's volunteer followed, whose resident withdrew
        // the consent: forgotten here — unless a profile of this device owns it (a shared laptop).
        let held: std::collections::HashSet<ProfileId> =
            store::list_in(&tx, DocKind::Profile)?.into_iter().map(ProfileId::from).collect();
        for id in &response.revoked {
            let owner = store::owner_in(&tx, *id)?;
            if owner.is_some_and(|o| !held.contains(&o)) {
                store::delete_in(&tx, *id)?;
                sync_state::forget_server_heads(&tx, *id)?;
                tracing::info!(doc = %id, "a followed request is no longer this device's to read");
            }
        }
    }
    for (scope, cursor) in &response.cursors {
        sync_state::set_cursor(&tx, *scope, *cursor)?;
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(downloaded)
}

fn reset_cursors(conn: &rusqlite::Connection) -> Result<(), StoreError> {
    conn.execute("DELETE FROM sync_scopes", [])?;
    Ok(())
}

fn new_document(id: DocId, changes: &[u8]) -> Option<(AutoCommit, access::DocMeta)> {
    let mut doc = AutoCommit::new();
    sync::apply(&mut doc, changes).ok()?;
    let meta = access::meta_of(id, &doc).ok()?;
    Some((doc, meta))
}

/// Something that lends its store for a moment: a mutex around a [`Store`], or the app's state.
/// The store is held only while a round is prepared or absorbed, never across the network.
pub trait StoreHolder {
    /// Runs `f` with the store.
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> Result<R, ClientError>) -> Result<R, ClientError>;
}

impl StoreHolder for std::sync::Mutex<Store> {
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> Result<R, ClientError>) -> Result<R, ClientError> {
        f(&mut self.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Syncs until the server has everything this device has and the device everything the server
/// has for it (or [`MAX_ROUNDS`] pass).
pub async fn sync(transport: &impl Transport, holder: &impl StoreHolder) -> Result<Report, SyncError> {
    let mut report = Report::default();
    loop {
        let (request, truncated) = holder.with_store(prepare)?;
        let body = sync::encode(&request);
        report.bytes_up += body.len() as u64;
        let answer = transport.post_sync(body).await?;
        report.bytes_down += answer.len() as u64;
        let response: SyncResponse = sync::decode(&answer).map_err(|e| SyncError::Decode(e.to_string()))?;
        let downloaded = holder.with_store(|store| absorb(store, &request, &response))?;
        report.rounds += 1;
        report.uploaded += request.docs.len() as u32;
        report.downloaded += downloaded;
        report.refused += response.refused.len() as u32;
        if !(response.more || truncated) || report.rounds >= MAX_ROUNDS {
            return Ok(report);
        }
    }
}

/// The documents that wait to be sent.
pub fn pending_ids(store: &Store) -> Result<std::collections::HashSet<DocId>, ClientError> {
    Ok(sync_state::pending(store.conn())?.into_iter().map(|p| p.id).collect())
}

/// How many documents wait to be sent.
pub fn pending_count(store: &Store) -> Result<u64, ClientError> {
    Ok(sync_state::pending_count(store.conn())?)
}
