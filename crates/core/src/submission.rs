//! Submission documents: what a resident tells or asks the municipality. A submission is a draft,
//! private to its profile, until the resident sends it ([`send`]); once sent it is read by the
//! municipality and no longer changed, except that the resident may add messages to its
//! conversation ([`add_message`]). [`sent_change_allowed`] is the rule the server enforces.
//!
//! Besides its text a submission may carry photos, one voice note (a resident who cannot write can
//! send a voice note and a category alone) and a location the resident chose.
//!
//! The title and the text are Automerge text objects, so edits of the same draft made on two
//! devices merge character by character instead of one overwriting the other.

use std::str::FromStr;

use automerge::{AutoCommit, ObjType, ROOT, ScalarValue, transaction::Transactable};
use serde::{Deserialize, Serialize};

use crate::{
    categories,
    documents::{self, DocKind, SchemaError},
    ids::ProfileId,
    limits::{self, InputError},
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// What kind of thing the resident brings to the municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum SubmissionKind {
    /// Something broken or dangerous (a pothole, a broken street light).
    Problem,
    /// Asking for something (a document, a service).
    Request,
    /// Something the municipality did wrong.
    Complaint,
    /// An idea for the community.
    Proposal,
    /// A question.
    Question,
}

impl SubmissionKind {
    /// Every kind, in the order the app offers them.
    pub const ALL: [SubmissionKind; 5] = [
        SubmissionKind::Problem,
        SubmissionKind::Request,
        SubmissionKind::Complaint,
        SubmissionKind::Proposal,
        SubmissionKind::Question,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionKind::Problem => "problem",
            SubmissionKind::Request => "request",
            SubmissionKind::Complaint => "complaint",
            SubmissionKind::Proposal => "proposal",
            SubmissionKind::Question => "question",
        }
    }
}

impl FromStr for SubmissionKind {
    type Err = SchemaError;

    fn from_str(s: &str) -> Result<SubmissionKind, SchemaError> {
        SubmissionKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or(SchemaError::Field("kind"))
    }
}

/// Where a submission stands on the resident's side (the municipality's answer and its status
/// live in a document of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// Private to its profile, still being written.
    Draft,
    /// Sent to the municipality; no longer changed.
    Sent,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Sent => "sent",
        }
    }
}

impl FromStr for Status {
    type Err = SchemaError;

    fn from_str(s: &str) -> Result<Status, SchemaError> {
        match s {
            "draft" => Ok(Status::Draft),
            "sent" => Ok(Status::Sent),
            _ => Err(SchemaError::Field("status")),
        }
    }
}

/// A submission as read from its document.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// The profile it belongs to.
    pub profile: ProfileId,
    /// What kind of thing it is.
    pub kind: SubmissionKind,
    /// The category id, once chosen.
    pub category: Option<String>,
    /// A short title (may be empty: many residents will only write or say the text).
    pub title: String,
    /// The text.
    pub text: String,
    /// Where it stands.
    pub status: Status,
    /// When it was created, in ms since the Unix epoch.
    pub created_at: i64,
    /// When it last changed, in ms since the Unix epoch.
    pub updated_at: i64,
    /// When it was sent, in ms since the Unix epoch.
    pub sent_at: Option<i64>,
    /// Its photos, in the order they were added: blobs kept beside the document.
    pub photos: Vec<Photo>,
    /// Its voice note, if one was recorded.
    pub voice: Option<Voice>,
    /// The place it is about, if the resident chose one.
    pub location: Option<Location>,
    /// What the resident added after sending, oldest first.
    pub messages: Vec<Message>,
    /// The volunteer who helped write it, and the resident's consent, when it was written with help.
    pub assisted: Option<Assisted>,
}

/// A request written or recorded by a volunteer on a resident's behalf, in the resident's profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assisted {
    /// The volunteer's profile.
    pub by: ProfileId,
    /// The volunteer's account name, as the municipality sees it ("assisted by …").
    pub name: String,
    /// The resident's consent to sending it and to the volunteer following its answers; a request
    /// written with help is not sent without it.
    pub consent: Option<crate::session::Consent>,
    /// The spoken "yes", for people who cannot read: a voice note of the resident's profile.
    pub consent_voice: Option<crate::blobs::BlobHash>,
    /// When the resident withdrew the consent (the volunteer no longer follows the request).
    pub withdrawn_at: Option<i64>,
}

impl Assisted {
    /// Whether the volunteer may follow the request: consent given and not withdrawn.
    pub fn consent_stands(&self) -> bool {
        self.consent.is_some() && self.withdrawn_at.is_none()
    }
}

/// A voice note of a submission: an Ogg Opus blob kept beside the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// The blob's hash.
    pub hash: crate::blobs::BlobHash,
    /// Its size in bytes.
    pub bytes: u64,
    /// How long it plays, in whole seconds (at most [`limits::MAX_VOICE_SECONDS`]).
    pub seconds: u32,
}

/// A point the resident chose, with the village nearest to it (what public reports show).
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// The id of the nearest village ([`crate::places`]).
    pub village: String,
}

/// A message the resident added to a sent submission's conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// What they wrote.
    pub text: String,
    /// When, in ms since the Unix epoch.
    pub at: i64,
}

/// A photo of a submission: the blob that holds it (already shrunk and stripped on the device).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Photo {
    /// The blob's hash.
    pub hash: crate::blobs::BlobHash,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A change to a draft: `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubmissionPatch {
    /// A new kind.
    pub kind: Option<SubmissionKind>,
    /// A new category; `Some(None)` clears it.
    pub category: Option<Option<String>>,
    /// The whole new title.
    pub title: Option<String>,
    /// The whole new text; the change is stored as the edits that turn the old text into it.
    pub text: Option<String>,
}

/// Why a patch was not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PatchError {
    /// The patch breaks a rule of what may be typed; nothing was changed.
    #[error("invalid input: {0:?}")]
    Input(InputError),
    /// The document is not a well-formed submission.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

/// A new draft of `kind` belonging to `profile`, created at `now` (ms since the Unix epoch).
pub fn new_document(profile: ProfileId, kind: SubmissionKind, now: i64) -> AutoCommit {
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Submission, SCHEMA);
    doc.put(ROOT, "profile", profile.to_string()).expect("root is a map");
    doc.put(ROOT, "kind", kind.as_str()).expect("root is a map");
    doc.put(ROOT, "category", ScalarValue::Null).expect("root is a map");
    doc.put_object(ROOT, "title", ObjType::Text).expect("root is a map");
    doc.put_object(ROOT, "text", ObjType::Text).expect("root is a map");
    doc.put(ROOT, "status", Status::Draft.as_str()).expect("root is a map");
    doc.put(ROOT, "createdAt", now).expect("root is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    doc
}

/// Reads a submission document.
pub fn read(doc: &AutoCommit) -> Result<Submission, SchemaError> {
    documents::expect_kind(doc, DocKind::Submission)?;
    Ok(Submission {
        profile: documents::get_str(doc, &ROOT, "profile")?.parse().map_err(|_| SchemaError::Field("profile"))?,
        kind: documents::get_str(doc, &ROOT, "kind")?.parse()?,
        category: documents::get_opt_str(doc, &ROOT, "category")?,
        title: documents::get_text(doc, "title")?,
        text: documents::get_text(doc, "text")?,
        status: documents::get_str(doc, &ROOT, "status")?.parse()?,
        created_at: documents::get_i64(doc, &ROOT, "createdAt")?,
        updated_at: documents::get_i64(doc, &ROOT, "updatedAt")?,
        sent_at: match documents::get_scalar(doc, &ROOT, "sentAt")? {
            None | Some(ScalarValue::Null) => None,
            Some(_) => Some(documents::get_i64(doc, &ROOT, "sentAt")?),
        },
        photos: read_photos(doc)?,
        voice: read_voice(doc)?,
        location: read_location(doc)?,
        messages: read_messages(doc)?,
        assisted: read_assisted(doc)?,
    })
}

fn read_assisted(doc: &AutoCommit) -> Result<Option<Assisted>, SchemaError> {
    let Some(obj) = opt_map(doc, "assisted")? else { return Ok(None) };
    let field = || SchemaError::Field("assisted");
    let consent = match documents::get_scalar(doc, &obj, "consentAt")? {
        None | Some(ScalarValue::Null) => None,
        Some(_) => Some(crate::session::Consent {
            at: documents::get_i64(doc, &obj, "consentAt")?,
            by: documents::get_str(doc, &obj, "consentBy")?.parse().map_err(|_| field())?,
        }),
    };
    let withdrawn_at = match documents::get_scalar(doc, &obj, "withdrawnAt")? {
        None | Some(ScalarValue::Null) => None,
        Some(_) => Some(documents::get_i64(doc, &obj, "withdrawnAt")?),
    };
    Ok(Some(Assisted {
        by: documents::get_str(doc, &obj, "by")?.parse().map_err(|_| field())?,
        name: documents::get_str(doc, &obj, "name")?,
        consent,
        consent_voice: documents::get_opt_str(doc, &obj, "consentVoice")?
            .map(|h| h.parse().map_err(|_| field()))
            .transpose()?,
        withdrawn_at,
    }))
}

/// Marks a draft as written with the help of `volunteer` (their profile and account name). The
/// resident's consent is asked next ([`record_consent`]); without it the draft is not sent.
pub fn set_assisted(doc: &mut AutoCommit, volunteer: ProfileId, name: &str, now: i64) -> Result<(), PatchError> {
    let current = draft(doc)?;
    if current.assisted.as_ref().is_some_and(|a| a.by == volunteer) {
        return Ok(());
    }
    let obj = doc.put_object(ROOT, "assisted", ObjType::Map).expect("root is a map");
    doc.put(&obj, "by", volunteer.to_string()).expect("assisted is a map");
    doc.put(&obj, "name", name).expect("assisted is a map");
    doc.put(&obj, "consentAt", ScalarValue::Null).expect("assisted is a map");
    doc.put(&obj, "consentBy", ScalarValue::Null).expect("assisted is a map");
    doc.put(&obj, "consentVoice", ScalarValue::Null).expect("assisted is a map");
    doc.put(&obj, "withdrawnAt", ScalarValue::Null).expect("assisted is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// Records the resident's consent to an assisted draft: a tap, or a spoken "yes" kept as a voice
/// note (`voice`, a blob of the resident's profile).
pub fn record_consent(
    doc: &mut AutoCommit,
    by: crate::session::ConsentBy,
    voice: Option<crate::blobs::BlobHash>,
    now: i64,
) -> Result<(), PatchError> {
    use crate::session::ConsentBy;
    let current = draft(doc)?;
    if current.assisted.is_none() {
        return Err(PatchError::Input(InputError::NotAssisted));
    }
    if (by == ConsentBy::Voice) != voice.is_some() {
        return Err(PatchError::Input(InputError::NotAVoiceNote));
    }
    let obj = opt_map(doc, "assisted")?.ok_or(SchemaError::Field("assisted"))?;
    doc.put(&obj, "consentAt", now).expect("assisted is a map");
    doc.put(&obj, "consentBy", by.as_str()).expect("assisted is a map");
    match voice {
        Some(hash) => doc.put(&obj, "consentVoice", hash.to_string()),
        None => doc.put(&obj, "consentVoice", ScalarValue::Null),
    }
    .expect("assisted is a map");
    doc.put(&obj, "withdrawnAt", ScalarValue::Null).expect("assisted is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(())
}

/// The resident withdraws their consent: the volunteer stops following the request (from the
/// next sync on every device). Withdrawing again keeps the first time. A sent request takes this
/// change too.
pub fn withdraw_consent(doc: &mut AutoCommit, now: i64) -> Result<bool, PatchError> {
    let current = read(doc)?;
    let Some(assisted) = current.assisted else { return Err(PatchError::Input(InputError::NotAssisted)) };
    if assisted.withdrawn_at.is_some() || assisted.consent.is_none() {
        return Ok(false);
    }
    let obj = opt_map(doc, "assisted")?.ok_or(SchemaError::Field("assisted"))?;
    doc.put(&obj, "withdrawnAt", now).expect("assisted is a map");
    Ok(true)
}

/// The map stored under `key` at the root, if any (`null` reads as none).
fn opt_map(doc: &AutoCommit, key: &'static str) -> Result<Option<automerge::ObjId>, SchemaError> {
    use automerge::{ReadDoc, Value};
    match doc.get(ROOT, key).map_err(|_| SchemaError::Field(key))? {
        None => Ok(None),
        Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Null) => Ok(None),
        Some((Value::Object(ObjType::Map), id)) => Ok(Some(id)),
        _ => Err(SchemaError::Field(key)),
    }
}

fn read_voice(doc: &AutoCommit) -> Result<Option<Voice>, SchemaError> {
    let Some(obj) = opt_map(doc, "voice")? else { return Ok(None) };
    let field = SchemaError::Field("voice");
    Ok(Some(Voice {
        hash: documents::get_str(doc, &obj, "hash")?.parse().map_err(|_| field.clone())?,
        bytes: u64::try_from(documents::get_i64(doc, &obj, "bytes")?).map_err(|_| field.clone())?,
        seconds: u32::try_from(documents::get_i64(doc, &obj, "seconds")?).map_err(|_| field)?,
    }))
}

fn read_location(doc: &AutoCommit) -> Result<Option<Location>, SchemaError> {
    let Some(obj) = opt_map(doc, "location")? else { return Ok(None) };
    let number = |key: &'static str| match documents::get_scalar(doc, &obj, key)? {
        Some(ScalarValue::F64(n)) if n.is_finite() => Ok(n),
        _ => Err(SchemaError::Field("location")),
    };
    Ok(Some(Location { lat: number("lat")?, lon: number("lon")?, village: documents::get_str(doc, &obj, "village")? }))
}

fn read_messages(doc: &AutoCommit) -> Result<Vec<Message>, SchemaError> {
    use automerge::{ReadDoc, Value};
    let list = match doc.get(ROOT, "messages").map_err(|_| SchemaError::Field("messages"))? {
        None => return Ok(Vec::new()),
        Some((Value::Object(ObjType::List), id)) => id,
        Some(_) => return Err(SchemaError::Field("messages")),
    };
    let mut messages = Vec::new();
    for i in 0..doc.length(&list) {
        let Ok(Some((Value::Object(ObjType::Map), item))) = doc.get(&list, i) else {
            return Err(SchemaError::Field("messages"));
        };
        messages
            .push(Message { text: documents::get_str(doc, &item, "text")?, at: documents::get_i64(doc, &item, "at")? });
    }
    // Two devices may add messages apart; the conversation reads in time order.
    messages.sort_by_key(|m| m.at);
    Ok(messages)
}

/// Fails unless the submission is still a draft.
fn draft(doc: &AutoCommit) -> Result<Submission, PatchError> {
    let current = read(doc)?;
    if current.status == Status::Sent {
        return Err(PatchError::Input(InputError::AlreadySent));
    }
    Ok(current)
}

/// Attaches a voice note to a draft, replacing the one it had (a re-recording); `None` removes it.
/// Returns whether anything changed.
pub fn set_voice(doc: &mut AutoCommit, voice: Option<&Voice>, now: i64) -> Result<bool, PatchError> {
    let current = draft(doc)?;
    if current.voice.as_ref() == voice {
        return Ok(false);
    }
    match voice {
        Some(voice) => {
            if voice.seconds > limits::MAX_VOICE_SECONDS {
                return Err(PatchError::Input(InputError::VoiceTooLong));
            }
            if voice.bytes == 0 {
                return Err(PatchError::Input(InputError::NotAVoiceNote));
            }
            let obj = doc.put_object(ROOT, "voice", ObjType::Map).expect("root is a map");
            doc.put(&obj, "hash", voice.hash.to_string()).expect("voice is a map");
            doc.put(&obj, "bytes", voice.bytes as i64).expect("voice is a map");
            doc.put(&obj, "seconds", i64::from(voice.seconds)).expect("voice is a map");
        }
        None => doc.put(ROOT, "voice", ScalarValue::Null).expect("root is a map"),
    }
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(true)
}

/// Sets the point a draft is about (kept with its nearest village), or clears it with `None`.
/// A point outside the municipality is refused. Returns whether anything changed.
pub fn set_location(doc: &mut AutoCommit, point: Option<(f64, f64)>, now: i64) -> Result<bool, PatchError> {
    let current = draft(doc)?;
    match point {
        Some((lat, lon)) => {
            let village = crate::places::nearest(lat, lon).ok_or(PatchError::Input(InputError::LocationOutside))?;
            let location = Location { lat, lon, village: village.id.to_owned() };
            if current.location.as_ref() == Some(&location) {
                return Ok(false);
            }
            let obj = doc.put_object(ROOT, "location", ObjType::Map).expect("root is a map");
            doc.put(&obj, "lat", lat).expect("location is a map");
            doc.put(&obj, "lon", lon).expect("location is a map");
            doc.put(&obj, "village", village.id).expect("location is a map");
        }
        None if current.location.is_none() => return Ok(false),
        None => doc.put(ROOT, "location", ScalarValue::Null).expect("root is a map"),
    }
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(true)
}

/// Adds the resident's message to a sent submission's conversation at `now`.
pub fn add_message(doc: &mut AutoCommit, text: &str, now: i64) -> Result<(), PatchError> {
    use automerge::{ReadDoc, Value};
    let current = read(doc)?;
    if current.status != Status::Sent {
        return Err(PatchError::Input(InputError::NotSentYet));
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(PatchError::Input(InputError::MessageEmpty));
    }
    if text.chars().count() > limits::MESSAGE_MAX_CHARS {
        return Err(PatchError::Input(InputError::MessageTooLong));
    }
    let list = match doc.get(ROOT, "messages").map_err(|_| SchemaError::Field("messages"))? {
        Some((Value::Object(ObjType::List), id)) => id,
        _ => doc.put_object(ROOT, "messages", ObjType::List).expect("root is a map"),
    };
    let at = doc.length(&list);
    let item = doc.insert_object(&list, at, ObjType::Map).expect("messages is a list");
    doc.put(&item, "text", text).expect("a message is a map");
    doc.put(&item, "at", now).expect("a message is a map");
    Ok(())
}

/// Whether `after` may follow `before` once `before` was sent: the same submission, with only
/// messages added to its conversation (every earlier message still there). The server refuses
/// any other change to a sent submission, whatever a device sends.
pub fn sent_change_allowed(before: &Submission, after: &Submission) -> bool {
    if before.status != Status::Sent {
        return true;
    }
    // The one other change a sent request takes: the resident withdrawing their consent.
    let withdrawn_only =
        |assisted: &Option<Assisted>| assisted.as_ref().map(|a| Assisted { withdrawn_at: None, ..a.clone() });
    let consent_ok = withdrawn_only(&before.assisted) == withdrawn_only(&after.assisted)
        && match (&before.assisted, &after.assisted) {
            (Some(b), Some(a)) => b.withdrawn_at.is_none() || b.withdrawn_at == a.withdrawn_at,
            _ => true,
        };
    let same = Submission { messages: Vec::new(), updated_at: 0, assisted: None, ..before.clone() }
        == Submission { messages: Vec::new(), updated_at: 0, assisted: None, ..after.clone() };
    same && consent_ok && before.messages.iter().all(|m| after.messages.contains(m))
}

/// The photos list, absent in submissions made before photos existed.
fn read_photos(doc: &AutoCommit) -> Result<Vec<Photo>, SchemaError> {
    use automerge::{ReadDoc, Value};
    let list = match doc.get(ROOT, "photos").map_err(|_| SchemaError::Field("photos"))? {
        None => return Ok(Vec::new()),
        Some((Value::Object(ObjType::List), id)) => id,
        Some(_) => return Err(SchemaError::Field("photos")),
    };
    let mut photos = Vec::new();
    for i in 0..doc.length(&list) {
        let Ok(Some((Value::Object(ObjType::Map), item))) = doc.get(&list, i) else {
            return Err(SchemaError::Field("photos"));
        };
        let hash = documents::get_str(doc, &item, "hash")?.parse().map_err(|_| SchemaError::Field("photos"))?;
        let bytes =
            u64::try_from(documents::get_i64(doc, &item, "bytes")?).map_err(|_| SchemaError::Field("photos"))?;
        photos.push(Photo { hash, bytes });
    }
    Ok(photos)
}

/// Adds a photo (a blob already kept on the device) to a draft; adding one it has changes nothing.
pub fn add_photo(doc: &mut AutoCommit, photo: &Photo, now: i64) -> Result<bool, PatchError> {
    use automerge::{ReadDoc, Value};
    let current = draft(doc)?;
    if current.photos.iter().any(|p| p.hash == photo.hash) {
        return Ok(false);
    }
    if current.photos.len() >= limits::MAX_PHOTOS {
        return Err(PatchError::Input(InputError::TooManyPhotos));
    }
    let list = match doc.get(ROOT, "photos").map_err(|_| SchemaError::Field("photos"))? {
        Some((Value::Object(ObjType::List), id)) => id,
        _ => doc.put_object(ROOT, "photos", ObjType::List).expect("root is a map"),
    };
    let at = doc.length(&list);
    let item = doc.insert_object(&list, at, ObjType::Map).expect("photos is a list");
    doc.put(&item, "hash", photo.hash.to_string()).expect("a photo is a map");
    doc.put(&item, "bytes", photo.bytes as i64).expect("a photo is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(true)
}

/// Removes a photo from a draft; removing one it does not have changes nothing.
pub fn remove_photo(doc: &mut AutoCommit, hash: crate::blobs::BlobHash, now: i64) -> Result<bool, PatchError> {
    use automerge::{ReadDoc, Value};
    let current = draft(doc)?;
    let Some(index) = current.photos.iter().position(|p| p.hash == hash) else { return Ok(false) };
    let Some((Value::Object(ObjType::List), list)) =
        doc.get(ROOT, "photos").map_err(|_| SchemaError::Field("photos"))?
    else {
        return Ok(false);
    };
    doc.delete(&list, index).expect("the index is within the list");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(true)
}

/// The owner recorded in a submission document, read without the rest of it.
pub fn owner(doc: &AutoCommit) -> Result<ProfileId, SchemaError> {
    documents::expect_kind(doc, DocKind::Submission)?;
    documents::get_str(doc, &ROOT, "profile")?.parse().map_err(|_| SchemaError::Field("profile"))
}

/// Applies `patch` at `now`. Checks every field first, so a patch that breaks a rule changes
/// nothing. Returns whether anything changed (an identical patch records no change).
pub fn apply(doc: &mut AutoCommit, patch: &SubmissionPatch, now: i64) -> Result<bool, PatchError> {
    let current = draft(doc)?;
    if let Some(Some(category)) = &patch.category
        && !categories::valid_id(category)
    {
        return Err(PatchError::Input(InputError::UnknownCategory));
    }
    if let Some(title) = &patch.title {
        limits::title(title).map_err(PatchError::Input)?;
    }
    if let Some(text) = &patch.text {
        limits::text(text).map_err(PatchError::Input)?;
    }

    let mut changed = false;
    if let Some(kind) = patch.kind.filter(|k| *k != current.kind) {
        doc.put(ROOT, "kind", kind.as_str()).expect("root is a map");
        changed = true;
    }
    if let Some(category) = patch.category.as_ref().filter(|c| **c != current.category) {
        match category {
            Some(id) => doc.put(ROOT, "category", id.as_str()),
            None => doc.put(ROOT, "category", ScalarValue::Null),
        }
        .expect("root is a map");
        changed = true;
    }
    for (key, new, old) in [("title", &patch.title, &current.title), ("text", &patch.text, &current.text)] {
        if let Some(new) = new.as_ref().filter(|n| *n != old) {
            let obj = documents::text_obj(doc, key)?;
            doc.update_text(&obj, new).map_err(|_| SchemaError::Field(key))?;
            changed = true;
        }
    }
    if changed {
        doc.put(ROOT, "updatedAt", now).expect("root is a map");
    }
    Ok(changed)
}

/// Sends a draft at `now`: from then on the municipality reads it and it no longer changes. A
/// draft needs something to say (a text, a title, a photo or a voice note) and a category to be
/// sent; sending a sent submission again changes nothing (returns `false`).
pub fn send(doc: &mut AutoCommit, now: i64) -> Result<bool, PatchError> {
    let current = read(doc)?;
    if current.status == Status::Sent {
        return Ok(false);
    }
    if current.text.trim().is_empty()
        && current.title.trim().is_empty()
        && current.photos.is_empty()
        && current.voice.is_none()
    {
        return Err(PatchError::Input(InputError::NothingToSend));
    }
    if current.category.is_none() {
        return Err(PatchError::Input(InputError::CategoryMissing));
    }
    if current.assisted.as_ref().is_some_and(|a| a.consent.is_none()) {
        return Err(PatchError::Input(InputError::ConsentMissing));
    }
    doc.put(ROOT, "status", Status::Sent.as_str()).expect("root is a map");
    doc.put(ROOT, "sentAt", now).expect("root is a map");
    doc.put(ROOT, "updatedAt", now).expect("root is a map");
    Ok(true)
}

/// The first `max_chars` characters of `text` on one line, for lists: whitespace runs become one
/// space, and a cut text ends with an ellipsis.
pub fn preview(text: &str, max_chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max_chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> AutoCommit {
        new_document(ProfileId::random(), SubmissionKind::Problem, 1_000)
    }

    #[test]
    fn a_new_draft_reads_back_empty() {
        let owner = ProfileId::random();
        let doc = new_document(owner, SubmissionKind::Proposal, 5);
        let s = read(&doc).unwrap();
        assert_eq!(
            (
                s.profile,
                s.kind,
                s.category,
                s.title.as_str(),
                s.text.as_str(),
                s.status,
                s.created_at,
                s.updated_at,
                s.sent_at
            ),
            (owner, SubmissionKind::Proposal, None, "", "", Status::Draft, 5, 5, None)
        );
        assert_eq!(super::owner(&doc), Ok(owner));
    }

    #[test]
    fn patches_change_only_what_they_name() {
        let mut doc = draft();
        let patch = SubmissionPatch {
            title: Some("Rruga".into()),
            text: Some("Rruga për në Qerret është përmbytur.".into()),
            category: Some(Some("roads".into())),
            ..Default::default()
        };
        assert_eq!(apply(&mut doc, &patch, 2_000), Ok(true));
        assert_eq!(apply(&mut doc, &patch, 3_000), Ok(false), "the same patch again changes nothing");
        let s = read(&doc).unwrap();
        assert_eq!(
            (s.kind, s.category.as_deref(), s.title.as_str(), s.updated_at),
            (SubmissionKind::Problem, Some("roads"), "Rruga", 2_000)
        );
        apply(&mut doc, &SubmissionPatch { category: Some(None), ..Default::default() }, 4_000).unwrap();
        assert_eq!(read(&doc).unwrap().category, None);
    }

    #[test]
    fn a_patch_that_breaks_a_rule_changes_nothing() {
        let mut doc = draft();
        let before = doc.save();
        let check = |patch: SubmissionPatch, expect: InputError| {
            let mut doc = AutoCommit::load(&before).unwrap();
            assert_eq!(apply(&mut doc, &patch, 9), Err(PatchError::Input(expect)));
            assert_eq!(read(&doc).unwrap(), read(&AutoCommit::load(&before).unwrap()).unwrap());
        };
        check(
            SubmissionPatch {
                title: Some("ok".into()),
                text: Some("x".repeat(limits::TEXT_MAX_CHARS + 1)),
                ..Default::default()
            },
            InputError::TextTooLong,
        );
        check(
            SubmissionPatch { title: Some("y".repeat(limits::TITLE_MAX_CHARS + 1)), ..Default::default() },
            InputError::TitleTooLong,
        );
        check(
            SubmissionPatch {
                category: Some(Some("Moon Landing!".into())),
                text: Some("hi".into()),
                ..Default::default()
            },
            InputError::UnknownCategory,
        );
        assert_eq!(read(&doc).unwrap().text, "");
        apply(&mut doc, &SubmissionPatch { text: Some("ok".into()), ..Default::default() }, 1).unwrap();
    }

    #[test]
    fn concurrent_edits_of_the_text_merge_character_by_character() {
        let mut base = draft();
        apply(&mut base, &SubmissionPatch { text: Some("The light is broken.".into()), ..Default::default() }, 1)
            .unwrap();
        let mut laptop = base.fork();
        let mut phone = base.fork();
        apply(
            &mut laptop,
            &SubmissionPatch { text: Some("The street light is broken.".into()), ..Default::default() },
            2,
        )
        .unwrap();
        apply(
            &mut phone,
            &SubmissionPatch { text: Some("The light is broken since Monday.".into()), ..Default::default() },
            3,
        )
        .unwrap();
        laptop.merge(&mut phone).unwrap();
        assert_eq!(read(&laptop).unwrap().text, "The street light is broken since Monday.");
    }

    #[test]
    fn a_sent_submission_no_longer_changes() {
        let mut doc = draft();
        assert_eq!(send(&mut doc, 2), Err(PatchError::Input(InputError::NothingToSend)));
        let text = SubmissionPatch { text: Some("Drita e rrugës nuk punon.".into()), ..Default::default() };
        apply(&mut doc, &text, 3).unwrap();
        assert_eq!(send(&mut doc, 4), Err(PatchError::Input(InputError::CategoryMissing)));
        apply(&mut doc, &SubmissionPatch { category: Some(Some("roads".into())), ..Default::default() }, 5).unwrap();
        assert_eq!(send(&mut doc, 6), Ok(true));
        assert_eq!(send(&mut doc, 7), Ok(false), "sending twice changes nothing");
        let sent = read(&AutoCommit::load(&doc.save()).unwrap()).unwrap();
        assert_eq!((sent.status, sent.sent_at, sent.updated_at), (Status::Sent, Some(6), 6));
        let edit = SubmissionPatch { text: Some("changed".into()), ..Default::default() };
        assert_eq!(apply(&mut doc, &edit, 8), Err(PatchError::Input(InputError::AlreadySent)));
        assert_eq!(read(&doc).unwrap().text, "Drita e rrugës nuk punon.");
    }

    #[test]
    fn photos_are_added_once_at_most_five_and_only_to_drafts() {
        let mut doc = draft();
        let photo = |n: u8| Photo { hash: crate::blobs::BlobHash([n; 32]), bytes: 1000 + n as u64 };
        assert_eq!(add_photo(&mut doc, &photo(1), 2), Ok(true));
        assert_eq!(add_photo(&mut doc, &photo(1), 3), Ok(false), "the same photo twice is one photo");
        for n in 2..=5 {
            add_photo(&mut doc, &photo(n), 4).unwrap();
        }
        assert_eq!(add_photo(&mut doc, &photo(6), 5), Err(PatchError::Input(InputError::TooManyPhotos)));
        assert_eq!(remove_photo(&mut doc, photo(3).hash, 6), Ok(true));
        let kept: Vec<u8> =
            read(&AutoCommit::load(&doc.save()).unwrap()).unwrap().photos.iter().map(|p| p.hash.0[0]).collect();
        assert_eq!(kept, [1, 2, 4, 5]);
        // A photo and a topic are enough to send (for people who cannot write).
        apply(&mut doc, &SubmissionPatch { category: Some(Some("roads".into())), ..Default::default() }, 7).unwrap();
        assert_eq!(send(&mut doc, 8), Ok(true));
        assert_eq!(add_photo(&mut doc, &photo(9), 9), Err(PatchError::Input(InputError::AlreadySent)));
        assert_eq!(remove_photo(&mut doc, photo(1).hash, 9), Err(PatchError::Input(InputError::AlreadySent)));
    }

    #[test]
    fn previews() {
        let check = |text: &str, max: usize, expect: &str| assert_eq!(preview(text, max), expect, "{text:?}");
        check("", 10, "");
        check("short", 10, "short");
        check("  many\n\nlines\tand   spaces ", 40, "many lines and spaces");
        check("Rruga për në Qerret është përmbytur", 12, "Rruga për në…");
        check("exactly ten", 11, "exactly ten");
        check("Улицата е темна", 7, "Улицата…");
    }
}
