//! `POST /v1/sync`: one round of the sync protocol (see `mcommunity_core::sync`) for one device:
//! accept its uploads under the access rules, then send what changed in the scopes it follows since
//! its cursors, within the response budget.

use std::collections::HashMap;

use automerge::AutoCommit;
use axum::{body::Bytes, extract::State, http::header, response::IntoResponse};
use mcommunity_core::{
    access::{self, DocMeta},
    documents::DocKind,
    ids::{DocId, ProfileId},
    sync::{self, DocDownload, Heads, PROTOCOL_VERSION, RESPONSE_BUDGET, Scope, SyncRequest, SyncResponse},
};

use crate::{
    AppState,
    auth::Device,
    error::AppError,
    storage::{Grant, StorageError},
};

/// The media type of sync bodies.
pub const CONTENT_TYPE: &str = "application/x-mcommunity-sync";
/// The largest document the server keeps (attachments travel as blobs, not in documents).
pub const MAX_DOC_BYTES: usize = 1024 * 1024;
/// Most documents or cursors one request may carry.
const MAX_ITEMS: usize = 2000;
/// How many changed documents one scope lists per round before the response says "more".
const PAGE: usize = 500;
/// Compact a document's chunks into one snapshot past this many.
const COMPACT_AFTER: usize = 32;

/// A document loaded for this round.
struct Loaded {
    doc: AutoCommit,
    meta: DocMeta,
}

async fn load(state: &AppState, id: DocId) -> Result<Option<(Loaded, Vec<i64>)>, AppError> {
    let Some(stored) = state.storage.doc(id).await? else { return Ok(None) };
    let mut doc = AutoCommit::new();
    let mut keys = Vec::with_capacity(stored.chunks.len());
    for (key, bytes) in &stored.chunks {
        doc.load_incremental(bytes).map_err(|e| StorageError::Corrupt(format!("document {id}: {e}")))?;
        keys.push(*key);
    }
    Ok(Some((Loaded { doc, meta: stored.meta }, keys)))
}

/// Handles one sync round.
pub async fn handle(State(state): State<AppState>, device: Device, body: Bytes) -> Result<impl IntoResponse, AppError> {
    let request: SyncRequest =
        sync::decode(&body).map_err(|e| AppError::BadRequest(format!("the sync message does not decode: {e}")))?;
    if request.version != PROTOCOL_VERSION {
        return Err(AppError::UpdateRequired);
    }
    if request.docs.len() > MAX_ITEMS || request.cursors.len() > MAX_ITEMS {
        return Err(AppError::BadRequest(format!("at most {MAX_ITEMS} documents and cursors per request")));
    }
    let response = round(&state, device, request).await?;
    Ok(([(header::CONTENT_TYPE, CONTENT_TYPE)], sync::encode(&response)))
}

async fn round(state: &AppState, device: Device, request: SyncRequest) -> Result<SyncResponse, AppError> {
    let mut profiles = device.profiles;
    let mut response = SyncResponse {
        cursors: Vec::new(),
        docs: Vec::new(),
        refused: Vec::new(),
        refused_scopes: Vec::new(),
        revoked: Vec::new(),
        more: false,
    };
    // Whether each session owner of this round may write sessions, asked once per round.
    let mut volunteers: HashMap<ProfileId, bool> = HashMap::new();
    // What this round knows of each document: the loaded document and the device's heads of it.
    let mut known: HashMap<DocId, (Loaded, Heads)> = HashMap::new();

    for upload in request.docs {
        let loaded = load(state, upload.id).await?;
        let (existing, keys) = match loaded {
            Some((l, keys)) => (Some((l.doc, l.meta)), keys),
            None => (None, Vec::new()),
        };
        match access::accept(&upload, existing, &profiles, MAX_DOC_BYTES) {
            Ok(mut accepted) => {
                if let Some(profile) = accepted.new_profile {
                    state.storage.grant_profile(device.id, profile).await?;
                    profiles.push(profile);
                }
                if accepted.meta.kind == DocKind::Session
                    && !may_write_session(state, accepted.meta.owner, &mut volunteers).await?
                {
                    // Only a profile linked to a volunteer account writes sessions (they feed the
                    // project's indicators); anyone else's is refused whole, nothing stored.
                    response.refused.push((upload.id, mcommunity_core::sync::Refusal::Forbidden));
                    continue;
                }
                if !accepted.new_changes.is_empty() {
                    let heads = sync::heads_of(&mut accepted.doc);
                    match state.storage.append(upload.id, accepted.meta, &accepted.new_changes, &heads).await {
                        Ok(_) => {}
                        Err(StorageError::OwnerMismatch) => {
                            // Another device created this id first, for another owner.
                            response.refused.push((upload.id, mcommunity_core::sync::Refusal::Forbidden));
                            continue;
                        }
                        Err(e) => return Err(e.into()),
                    }
                    if accepted.meta.kind == DocKind::Submission
                        && let Ok(read) = mcommunity_core::submission::read(&accepted.doc)
                    {
                        // The municipality's inbox lists sent submissions without loading them.
                        crate::inbox::index(&*state.storage, upload.id, &read).await?;
                        // A request written with help: its volunteer follows it while consent stands.
                        crate::grants::follow(&*state.storage, upload.id, &read).await?;
                    }
                    if accepted.meta.kind == DocKind::Session {
                        // The project's indicators count sessions without loading them.
                        crate::indicators::index_document(&*state.storage, upload.id, &accepted.doc).await?;
                    }
                    if accepted.meta.kind == DocKind::Assessment
                        && let Ok(taken) = mcommunity_core::assessment::read(&accepted.doc)
                    {
                        // And skills by their results alone; the volunteer who took it reads it too.
                        crate::indicators::index_assessment(&*state.storage, upload.id, &taken).await?;
                        crate::grants::follow_assessment(&*state.storage, upload.id, &taken).await?;
                    }
                    if keys.len() >= COMPACT_AFTER {
                        state.storage.compact(upload.id, &keys, &accepted.doc.save()).await?;
                    }
                }
                known.insert(upload.id, (Loaded { doc: accepted.doc, meta: accepted.meta }, upload.heads));
            }
            Err(refusal) => {
                tracing::debug!(device = %device.id, doc = %upload.id, ?refusal, "upload refused");
                response.refused.push((upload.id, refusal));
            }
        }
    }

    // Profiles this device holds but did not ask about (it was just paired): start following
    // them from the beginning, in the next round.
    for profile in &profiles {
        let scope = mcommunity_core::sync::Scope::Profile(*profile);
        if !request.cursors.iter().any(|(s, _)| *s == scope) {
            response.cursors.push((scope, 0));
            response.more = true;
        }
    }

    let mut budget = RESPONSE_BUDGET as i64;
    for (scope, cursor) in request.cursors {
        if !access::may_follow(scope, &profiles) {
            response.refused_scopes.push(scope);
            continue;
        }
        let changed = state.storage.changed_since(scope, cursor, PAGE).await?;
        let granted = match scope {
            Scope::Profile(profile) => state.storage.grants_since(profile, cursor, PAGE).await?,
            Scope::Public => Vec::new(),
        };
        let (entries, mut complete) = merge(changed, granted);
        let mut new_cursor = cursor;
        for (id, seq, grant) in entries {
            if budget <= 0 {
                complete = false;
                break;
            }
            if let Some(grant) = grant {
                // Another profile's document this device's profile follows, or no longer does.
                if !grant.granted {
                    response.revoked.push(id);
                } else if let Some((mut loaded, _)) = load(state, id).await? {
                    // Newly granted: the device has nothing of it yet.
                    let base = if grant.granted_at > cursor {
                        Heads::new()
                    } else {
                        state.storage.heads_at(id, cursor).await?
                    };
                    let sent = download(id, &mut loaded.doc, &base);
                    budget -= sent.changes.len() as i64;
                    response.docs.push(sent);
                }
                new_cursor = seq;
                continue;
            }
            if let Some((loaded, device_heads)) = known.get_mut(&id) {
                // An uploaded document: what the device lacks follows from its own heads.
                if let Some(sent) = download_to_uploader(id, &mut loaded.doc, device_heads) {
                    budget -= sent.changes.len() as i64;
                    response.docs.push(sent);
                }
                known.remove(&id);
            } else if let Some((mut loaded, _)) = load(state, id).await? {
                if !access::may_read(&loaded.meta, &profiles) {
                    // The scope says readable, the document disagrees: never send it.
                    tracing::error!(doc = %id, "document's scope and owner disagree");
                } else {
                    let base = state.storage.heads_at(id, cursor).await?;
                    let sent = download(id, &mut loaded.doc, &base);
                    budget -= sent.changes.len() as i64;
                    response.docs.push(sent);
                }
            }
            new_cursor = seq;
        }
        response.more |= !complete;
        response.cursors.push((scope, new_cursor));
    }
    // Uploaded documents not covered above still tell the device the server's heads, with
    // whatever the device lacks.
    for (id, (mut loaded, device_heads)) in known {
        response.docs.extend(download_to_uploader(id, &mut loaded.doc, &device_heads));
    }
    Ok(response)
}

/// A scope's own changes and its grants, in sequence order, as one list, and whether it is
/// complete: where either page was full, what lies beyond its last number waits for the next round.
fn merge(changed: Vec<(DocId, u64)>, granted: Vec<Grant>) -> (Vec<(DocId, u64, Option<Grant>)>, bool) {
    let full = |len: usize, last: Option<u64>| if len >= PAGE { last } else { None };
    let limit =
        [full(changed.len(), changed.last().map(|(_, seq)| *seq)), full(granted.len(), granted.last().map(|g| g.seq))]
            .into_iter()
            .flatten()
            .min();
    let mut entries: Vec<(DocId, u64, Option<Grant>)> = changed
        .into_iter()
        .map(|(id, seq)| (id, seq, None))
        .chain(granted.into_iter().map(|g| (g.doc, g.seq, Some(g))))
        .filter(|(_, seq, _)| limit.is_none_or(|limit| *seq <= limit))
        .collect();
    entries.sort_by_key(|(_, seq, _)| *seq);
    (entries, limit.is_none())
}

/// Whether the owner of an uploaded session is linked to a volunteer account.
async fn may_write_session(
    state: &AppState,
    owner: Option<ProfileId>,
    known: &mut HashMap<ProfileId, bool>,
) -> Result<bool, AppError> {
    let Some(owner) = owner else { return Ok(false) };
    if let Some(may) = known.get(&owner) {
        return Ok(*may);
    }
    let may = crate::volunteers::may_write_sessions(&*state.storage, owner).await?;
    known.insert(owner, may);
    Ok(may)
}

/// The answer about a document the device uploaded in this round: nothing when the server has
/// exactly the device's heads (the device takes silence as "up to date"), else what it lacks.
fn download_to_uploader(id: DocId, doc: &mut AutoCommit, device_heads: &Heads) -> Option<DocDownload> {
    (!sync::same_heads(device_heads, &sync::heads_of(doc))).then(|| download(id, doc, device_heads))
}

/// The document's heads and the changes after `base` (hashes the server does not know are left
/// out of the base, so a device with unsent changes still gets everything it lacks).
fn download(id: DocId, doc: &mut AutoCommit, base: &Heads) -> DocDownload {
    let base: Vec<automerge::ChangeHash> =
        sync::change_hashes(base).into_iter().filter(|h| doc.get_change_by_hash(h).is_some()).collect();
    let changes = if sync::same_heads(&sync::raw_heads(&base), &sync::heads_of(doc)) {
        Vec::new()
    } else if base.is_empty() {
        // The device has nothing of it: the whole document, uncompressed so the response's zstd
        // compresses it together with the others (smaller than Automerge's per-document deflate).
        doc.save_nocompress()
    } else {
        doc.save_after(&base)
    };
    DocDownload { id, heads: sync::heads_of(doc), changes }
}
