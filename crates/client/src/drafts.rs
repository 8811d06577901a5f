//! Submissions ("My requests"), always within one profile: drafts written and sent from here; a
//! draft of another profile is reported as not found, never shown or changed.

use mcommunity_core::{
    answer,
    blobs::BlobHash,
    documents::DocKind,
    ids::{DocId, ProfileId},
    limits::InputError,
    submission::{self, Submission, SubmissionKind, SubmissionPatch},
};

use crate::{
    blobs::LocalBlobs,
    error::ClientError,
    store::{Store, StoreError, now_ms},
    view::{
        AnswerView, AssistedView, Draft, DraftSummary, HelpedRequest, LocationView, Media, MessageView, ReplyView,
        VoiceView,
    },
};

/// How many characters of the text a list shows.
pub const PREVIEW_CHARS: usize = 90;

/// Starts a new, empty draft of `kind` for `owner`.
pub fn create(store: &mut Store, owner: ProfileId, kind: SubmissionKind) -> Result<Draft, ClientError> {
    let id = DocId::random();
    let mut doc = submission::new_document(owner, kind, now_ms());
    store.insert(id, DocKind::Submission, Some(owner), &mut doc)?;
    tracing::debug!(draft = %id, profile = %owner, "draft created");
    Ok(draft_view(id, &submission::read(&doc)?))
}

/// Reads one of `owner`'s drafts.
pub fn get(store: &Store, owner: ProfileId, id: DocId) -> Result<Draft, ClientError> {
    let mut view = draft_view(id, &read(store, owner, id)?);
    view.answer = answer_of(store, owner, id)?.map(|a| AnswerView {
        status: a.status,
        expected: a.expected,
        replies: a.replies.into_iter().map(|r| ReplyView { by: r.by, text: r.text, at: r.at as f64 }).collect(),
    });
    Ok(view)
}

/// The municipality's answer to `owner`'s submission `id`, once it came with a sync. An answer
/// that does not belong to `owner` or to that submission is ignored.
fn answer_of(store: &Store, owner: ProfileId, id: DocId) -> Result<Option<answer::Answer>, ClientError> {
    let Some(stored) = store.load(answer::doc_id(id))? else { return Ok(None) };
    if stored.kind != DocKind::Answer || stored.owner != Some(owner) {
        return Ok(None);
    }
    match answer::read(&stored.doc) {
        Ok(a) if a.submission == id && a.owner == owner => Ok(Some(a)),
        Ok(_) => Ok(None),
        Err(e) => {
            tracing::error!(submission = %id, error = %e, "an answer does not read; not shown");
            Ok(None)
        }
    }
}

/// `owner`'s drafts, most recently changed first. A damaged draft is left out and logged; the
/// others still show.
pub fn list(store: &Store, owner: ProfileId) -> Result<Vec<DraftSummary>, ClientError> {
    let mut out = Vec::new();
    for id in store.list(DocKind::Submission, Some(owner))? {
        match read(store, owner, id) {
            Ok(s) => {
                let mut summary = summary_view(id, &s);
                summary.answer_status = answer_of(store, owner, id)?.map(|a| a.status);
                out.push(summary);
            }
            Err(e @ (ClientError::Schema(_) | ClientError::Store(StoreError::Corrupt(_)))) => {
                tracing::error!(draft = %id, error = %e, "skipping a damaged draft");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Applies `patch` to one of `owner`'s drafts. A patch that breaks a rule changes nothing and
/// says which field is at fault.
pub fn update(
    store: &mut Store,
    owner: ProfileId,
    id: DocId,
    patch: &SubmissionPatch,
) -> Result<DraftSummary, ClientError> {
    let now = now_ms();
    let outcome = store.update(id, |stored| {
        if stored.kind != DocKind::Submission || stored.owner != Some(owner) {
            return Err(ClientError::NotFound);
        }
        submission::apply(&mut stored.doc, patch, now).map_err(patch_error)?;
        Ok(summary_view(id, &submission::read(&stored.doc)?))
    })?;
    outcome.ok_or(ClientError::NotFound)?
}

/// Sends one of `owner`'s drafts to the municipality: it goes with the next sync and can no
/// longer be edited. A draft without a text or a category is not sent, and says which is missing.
pub fn send(store: &mut Store, owner: ProfileId, id: DocId) -> Result<Draft, ClientError> {
    let now = now_ms();
    let outcome = store.update(id, |stored| {
        if stored.kind != DocKind::Submission || stored.owner != Some(owner) {
            return Err(ClientError::NotFound);
        }
        submission::send(&mut stored.doc, now).map_err(patch_error)?;
        Ok(draft_view(id, &submission::read(&stored.doc)?))
    })?;
    let sent = outcome.ok_or(ClientError::NotFound)??;
    tracing::info!(submission = %id, "submission sent");
    Ok(sent)
}

/// The media type of kept photos (every photo is re-encoded as JPEG).
pub const PHOTO_MIME: &str = "image/jpeg";

/// Adds a photo to one of `owner`'s drafts: shrunk and stripped of its metadata
/// ([`crate::photos::shrink`]), kept among the device's blobs, named in the draft. It travels with
/// the next sync, after the draft is sent or before.
pub fn attach_photo(
    store: &mut Store,
    blobs: &LocalBlobs,
    owner: ProfileId,
    id: DocId,
    bytes: &[u8],
) -> Result<Draft, ClientError> {
    let current = read(store, owner, id)?;
    if current.status == submission::Status::Sent {
        return Err(ClientError::Input(InputError::AlreadySent));
    }
    if current.photos.len() >= mcommunity_core::limits::MAX_PHOTOS {
        return Err(ClientError::Input(InputError::TooManyPhotos));
    }
    let kept = crate::photos::shrink(bytes).map_err(|_| ClientError::Input(InputError::NotAPhoto))?;
    let hash = blobs.put(&kept).map_err(|e| ClientError::Internal(format!("keeping a photo: {e}")))?;
    let photo = submission::Photo { hash, bytes: kept.len() as u64 };
    let now = now_ms();
    store
        .update(id, |stored| {
            submission::add_photo(&mut stored.doc, &photo, now).map_err(patch_error)?;
            Ok::<_, ClientError>(())
        })?
        .ok_or(ClientError::NotFound)??;
    get(store, owner, id)
}

/// The media type of kept voice notes (Ogg Opus, see [`crate::voice`]).
pub const VOICE_MIME: &str = "audio/ogg";

/// Records a voice note for one of `owner`'s drafts from `pcm` (mono, 16-bit, at `sample_rate`):
/// encoded compactly ([`crate::voice::encode`]), kept among the device's blobs, named in the draft
/// in place of any earlier one (a re-recording). Longer than three minutes is refused.
pub fn attach_voice(
    store: &mut Store,
    blobs: &LocalBlobs,
    owner: ProfileId,
    id: DocId,
    pcm: &[i16],
    sample_rate: u32,
) -> Result<Draft, ClientError> {
    if read(store, owner, id)?.status == submission::Status::Sent {
        return Err(ClientError::Input(InputError::AlreadySent));
    }
    let (hash, note) = keep_recording(blobs, pcm, sample_rate)?;
    let voice = submission::Voice { hash, bytes: note.bytes.len() as u64, seconds: note.seconds };
    edit(store, owner, id, |doc, now| submission::set_voice(doc, Some(&voice), now))?;
    tracing::debug!(draft = %id, seconds = note.seconds, bytes = note.bytes.len(), "voice note recorded");
    get(store, owner, id)
}

/// Marks one of `owner`'s drafts as written with the help of `volunteer` (`name`: their account).
pub fn set_assisted(
    store: &mut Store,
    owner: ProfileId,
    id: DocId,
    volunteer: ProfileId,
    name: &str,
) -> Result<Draft, ClientError> {
    edit(store, owner, id, |doc, now| submission::set_assisted(doc, volunteer, name, now).map(|()| true))?;
    get(store, owner, id)
}

/// Records the resident's consent to one of `owner`'s assisted drafts: a tap (`pcm` empty), or a
/// spoken "yes" (16-bit mono samples at `sample_rate`), kept as a voice note of the resident.
pub fn record_consent(
    store: &mut Store,
    blobs: &LocalBlobs,
    owner: ProfileId,
    id: DocId,
    spoken: Option<(&[i16], u32)>,
) -> Result<Draft, ClientError> {
    use mcommunity_core::session::ConsentBy;
    read(store, owner, id)?;
    let (by, voice) = match spoken {
        None => (ConsentBy::Tap, None),
        Some((pcm, rate)) => (ConsentBy::Voice, Some(keep_recording(blobs, pcm, rate)?.0)),
    };
    edit(store, owner, id, |doc, now| submission::record_consent(doc, by, voice, now).map(|()| true))?;
    tracing::info!(draft = %id, by = by.as_str(), "consent recorded");
    get(store, owner, id)
}

/// The resident withdraws their consent to a request written with help.
pub fn withdraw_consent(store: &mut Store, owner: ProfileId, id: DocId) -> Result<Draft, ClientError> {
    edit(store, owner, id, submission::withdraw_consent)?;
    tracing::info!(submission = %id, "consent withdrawn");
    get(store, owner, id)
}

/// The requests `volunteer` helped with whose residents' consent stands, of every profile on this
/// device, most recently changed first.
pub fn helped(store: &Store, volunteer: ProfileId) -> Result<Vec<HelpedRequest>, ClientError> {
    let names: std::collections::BTreeMap<String, String> =
        crate::profiles::list(store)?.into_iter().map(|p| (p.id, p.name)).collect();
    let mut out = Vec::new();
    for id in store.list(DocKind::Submission, None)? {
        let Some(stored) = store.load(id)? else { continue };
        let Some(owner) = stored.owner else { continue };
        let Ok(s) = submission::read(&stored.doc) else { continue };
        if s.profile != owner || !s.assisted.as_ref().is_some_and(|a| a.by == volunteer && a.consent_stands()) {
            continue;
        }
        let mut summary = summary_view(id, &s);
        summary.answer_status = answer_of(store, owner, id)?.map(|a| a.status);
        out.push(HelpedRequest { id: id.to_string(), resident: names.get(&owner.to_string()).cloned(), summary });
    }
    Ok(out)
}

/// One request `volunteer` helped with, while the resident's consent stands; otherwise it is not
/// found, like anybody else's request.
pub fn helped_one(store: &Store, volunteer: ProfileId, id: DocId) -> Result<Draft, ClientError> {
    let stored = store.load(id)?.ok_or(ClientError::NotFound)?;
    let owner = stored.owner.filter(|_| stored.kind == DocKind::Submission).ok_or(ClientError::NotFound)?;
    let s = read(store, owner, id)?;
    if !s.assisted.as_ref().is_some_and(|a| a.by == volunteer && a.consent_stands()) {
        return Err(ClientError::NotFound);
    }
    get(store, owner, id)
}

/// Encodes a recording ([`crate::voice::encode`]) and keeps it among the device's blobs.
fn keep_recording(
    blobs: &LocalBlobs,
    pcm: &[i16],
    sample_rate: u32,
) -> Result<(BlobHash, crate::voice::VoiceNote), ClientError> {
    let note = crate::voice::encode(pcm, sample_rate).map_err(|e| match e {
        crate::voice::VoiceError::TooLong { .. } => ClientError::Input(InputError::VoiceTooLong),
        crate::voice::VoiceError::Encoder(detail) => ClientError::Internal(format!("encoding a recording: {detail}")),
        _ => ClientError::Input(InputError::NotAVoiceNote),
    })?;
    let hash = blobs.put(&note.bytes).map_err(|e| ClientError::Internal(format!("keeping a recording: {e}")))?;
    Ok((hash, note))
}

/// Removes the voice note of one of `owner`'s drafts.
pub fn remove_voice(store: &mut Store, owner: ProfileId, id: DocId) -> Result<Draft, ClientError> {
    edit(store, owner, id, |doc, now| submission::set_voice(doc, None, now))?;
    get(store, owner, id)
}

/// Sets (or, with `None`, clears) the point one of `owner`'s drafts is about. A point outside
/// the municipality is refused.
pub fn set_location(
    store: &mut Store,
    owner: ProfileId,
    id: DocId,
    point: Option<(f64, f64)>,
) -> Result<Draft, ClientError> {
    edit(store, owner, id, |doc, now| submission::set_location(doc, point, now))?;
    get(store, owner, id)
}

/// Adds the resident's message to one of `owner`'s sent requests; it goes with the next sync.
pub fn add_message(store: &mut Store, owner: ProfileId, id: DocId, text: &str) -> Result<Draft, ClientError> {
    edit(store, owner, id, |doc, now| submission::add_message(doc, text, now).map(|()| true))?;
    tracing::debug!(submission = %id, "message added");
    get(store, owner, id)
}

/// Changes one of `owner`'s submissions with `change` at the present time, in one write.
fn edit(
    store: &mut Store,
    owner: ProfileId,
    id: DocId,
    change: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<bool, submission::PatchError>,
) -> Result<(), ClientError> {
    let now = now_ms();
    store
        .update(id, |stored| {
            if stored.kind != DocKind::Submission || stored.owner != Some(owner) {
                return Err(ClientError::NotFound);
            }
            change(&mut stored.doc, now).map_err(patch_error)?;
            Ok::<_, ClientError>(())
        })?
        .ok_or(ClientError::NotFound)?
}

/// Removes a photo from one of `owner`'s drafts (its blob stays until nothing names it).
pub fn remove_photo(store: &mut Store, owner: ProfileId, id: DocId, hash: &str) -> Result<Draft, ClientError> {
    read(store, owner, id)?;
    let hash: BlobHash = hash.parse().map_err(|_| ClientError::NotFound)?;
    let now = now_ms();
    store
        .update(id, |stored| {
            submission::remove_photo(&mut stored.doc, hash, now).map_err(patch_error)?;
            Ok::<_, ClientError>(())
        })?
        .ok_or(ClientError::NotFound)??;
    get(store, owner, id)
}

/// The bytes of an attachment (a photo or the voice note) of one of `owner`'s submissions; any
/// other hash is not found.
pub fn attachment(store: &Store, blobs: &LocalBlobs, owner: ProfileId, hash: &str) -> Result<Vec<u8>, ClientError> {
    let hash: BlobHash = hash.parse().map_err(|_| ClientError::NotFound)?;
    let named = store
        .list(DocKind::Submission, Some(owner))?
        .into_iter()
        .any(|id| read(store, owner, id).is_ok_and(|s| attachments(&s).any(|h| h == hash)));
    if !named {
        return Err(ClientError::NotFound);
    }
    blobs
        .get(hash)
        .map_err(|e| ClientError::Internal(format!("reading an attachment: {e}")))?
        .ok_or(ClientError::NotFound)
}

/// The blobs a submission names: its photos, its voice note, and a spoken consent.
fn attachments(s: &Submission) -> impl Iterator<Item = BlobHash> + '_ {
    s.photos
        .iter()
        .map(|p| p.hash)
        .chain(s.voice.as_ref().map(|v| v.hash))
        .chain(s.assisted.as_ref().and_then(|a| a.consent_voice))
}

/// Attachments (photos and voice notes) named by the submissions of `profiles` on this device,
/// with their owner.
pub fn attachments_of(store: &Store, profiles: &[ProfileId]) -> Result<Vec<(ProfileId, BlobHash)>, ClientError> {
    let mut out = Vec::new();
    for owner in profiles {
        for id in store.list(DocKind::Submission, Some(*owner))? {
            if let Ok(s) = read(store, *owner, id) {
                out.extend(attachments(&s).map(|h| (*owner, h)));
            }
        }
    }
    Ok(out)
}

fn patch_error(e: submission::PatchError) -> ClientError {
    match e {
        submission::PatchError::Input(input) => ClientError::Input(input),
        submission::PatchError::Schema(schema) => ClientError::Schema(schema),
        other => ClientError::Internal(other.to_string()),
    }
}

/// Deletes one of `owner`'s drafts. A sent submission is the municipality's record too: it stays.
pub fn delete(store: &mut Store, owner: ProfileId, id: DocId) -> Result<(), ClientError> {
    if read(store, owner, id)?.status == submission::Status::Sent {
        return Err(ClientError::Input(InputError::AlreadySent));
    }
    store.delete(id)?;
    tracing::debug!(draft = %id, "draft deleted");
    Ok(())
}

fn read(store: &Store, owner: ProfileId, id: DocId) -> Result<Submission, ClientError> {
    let stored = store.load(id)?.ok_or(ClientError::NotFound)?;
    if stored.kind != DocKind::Submission || stored.owner != Some(owner) {
        return Err(ClientError::NotFound);
    }
    let submission = submission::read(&stored.doc)?;
    // The document's own record of its owner must agree with the store's.
    if submission.profile != owner {
        return Err(ClientError::NotFound);
    }
    Ok(submission)
}

fn summary_view(id: DocId, s: &Submission) -> DraftSummary {
    DraftSummary {
        id: id.to_string(),
        kind: s.kind,
        category: s.category.clone(),
        category_name: None,
        title: s.title.clone(),
        preview: submission::preview(&s.text, PREVIEW_CHARS),
        updated_at: s.updated_at as f64,
        sent_at: s.sent_at.map(|t| t as f64),
        answer_status: None,
    }
}

fn draft_view(id: DocId, s: &Submission) -> Draft {
    Draft {
        id: id.to_string(),
        kind: s.kind,
        category: s.category.clone(),
        title: s.title.clone(),
        text: s.text.clone(),
        created_at: s.created_at as f64,
        updated_at: s.updated_at as f64,
        sent_at: s.sent_at.map(|t| t as f64),
        answer: None,
        category_name: None,
        photos: s.photos.iter().map(|p| Media { hash: p.hash.to_string(), mime: PHOTO_MIME.to_owned() }).collect(),
        voice: s.voice.as_ref().map(|v| VoiceView {
            media: Media { hash: v.hash.to_string(), mime: VOICE_MIME.to_owned() },
            seconds: v.seconds,
            bytes: u32::try_from(v.bytes).unwrap_or(u32::MAX),
        }),
        location: s.location.as_ref().map(|l| LocationView {
            lat: l.lat,
            lon: l.lon,
            village: l.village.clone(),
            village_name: mcommunity_core::places::village(&l.village).map_or(l.village.clone(), |v| v.name.to_owned()),
        }),
        messages: s.messages.iter().map(|m| MessageView { text: m.text.clone(), at: m.at as f64 }).collect(),
        assisted: s.assisted.as_ref().map(|a| AssistedView {
            by: a.by.to_string(),
            name: a.name.clone(),
            consent: a.consent.map(|c| c.by),
            withdrawn: a.withdrawn_at.is_some(),
        }),
    }
}
