//! Who may read and write which document — the rules the sync server enforces whatever a client
//! sends, and the server's pure step of accepting an upload.
//!
//! - A profile document and a profile's submissions are read and written by the devices that hold
//!   that profile (a device holds a profile it created, or one it was paired with). Nobody else
//!   reads a draft. (Sending to the municipality and its answers come with the dashboard.)
//! - A profile's progress record is read and written like its submissions.
//! - The municipality's answer to a submission is read by the submission's author and written by
//!   no device: the server writes it on behalf of municipal staff.
//! - Public documents (announcements, lessons, practice forms) are read by every device and written
//!   by none: the server publishes them itself.
//! - A document a device may not read looks exactly like one that does not exist.
//! - Who owns a document is fixed when it is created: a change that alters its kind or owner is
//!   refused.

use automerge::AutoCommit;

use crate::{
    answer, content,
    documents::{self, DocKind},
    ids::{DocId, ProfileId},
    progress, submission,
    sync::{self, DocUpload, Refusal, Scope},
};

/// What the server knows of a document besides its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocMeta {
    /// Its kind.
    pub kind: DocKind,
    /// The profile that owns it; `None` for public documents.
    pub owner: Option<ProfileId>,
}

impl DocMeta {
    /// The scope a device follows to receive this document.
    pub fn scope(&self) -> Scope {
        match self.owner {
            Some(profile) => Scope::Profile(profile),
            None => Scope::Public,
        }
    }
}

/// What a document says about itself: its kind, and its owner (a profile owns itself).
pub fn meta_of(id: DocId, doc: &AutoCommit) -> Result<DocMeta, documents::SchemaError> {
    let kind = documents::kind_of(doc)?;
    let owner = match kind {
        DocKind::Profile => Some(ProfileId::from(id)),
        DocKind::Submission => Some(submission::owner(doc)?),
        DocKind::Progress => Some(progress::owner(doc)?),
        DocKind::Answer => Some(answer::owner(doc)?),
        DocKind::Session => Some(crate::session::owner(doc)?),
        DocKind::Assessment => Some(crate::assessment::owner(doc)?),
        DocKind::Lesson | DocKind::Form | DocKind::Announcement | DocKind::Categories => None,
        DocKind::Instrument => None,
    };
    Ok(DocMeta { kind, owner })
}

/// Whether a device holding `profiles` may read a document.
pub fn may_read(meta: &DocMeta, profiles: &[ProfileId]) -> bool {
    match meta.owner {
        Some(owner) => profiles.contains(&owner),
        None => true,
    }
}

/// Whether a device holding `profiles` may change a document.
pub fn may_write(meta: &DocMeta, profiles: &[ProfileId]) -> bool {
    match (meta.kind, meta.owner) {
        (DocKind::Profile | DocKind::Submission | DocKind::Progress | DocKind::Session, Some(owner)) => {
            profiles.contains(&owner)
        }
        // A profile's assessments are written like its progress: by the devices holding it.
        (DocKind::Assessment, Some(owner)) => profiles.contains(&owner),
        _ => false,
    }
}

/// Whether a device holding `profiles` may follow `scope`.
pub fn may_follow(scope: Scope, profiles: &[ProfileId]) -> bool {
    match scope {
        Scope::Public => true,
        Scope::Profile(p) => profiles.contains(&p),
    }
}

/// An upload the server may store.
pub struct Accepted {
    /// The document with the upload applied.
    pub doc: AutoCommit,
    /// Its kind and owner.
    pub meta: DocMeta,
    /// The changes that were new to the server (incremental format); empty when the upload brought
    /// nothing new (a resend, or a report of heads).
    pub new_changes: Vec<u8>,
    /// The upload created a profile the device did not hold yet: the device now holds it.
    pub new_profile: Option<ProfileId>,
}

/// The server's step on one upload from a device holding `profiles`: `existing` is the stored
/// document and its metadata, if any. Refuses writes the device may not make, changes that do not
/// decode or build on history the server lacks, documents that break their schema or would change
/// kind or owner, and documents larger than `max_doc_bytes`. Nothing of a refused upload is kept.
pub fn accept(
    upload: &DocUpload,
    existing: Option<(AutoCommit, DocMeta)>,
    profiles: &[ProfileId],
    max_doc_bytes: usize,
) -> Result<Accepted, Refusal> {
    let (mut doc, stored_meta) = match existing {
        Some((doc, meta)) => {
            if !may_read(&meta, profiles) {
                return Err(Refusal::Forbidden);
            }
            (doc, Some(meta))
        }
        None => (AutoCommit::new(), None),
    };
    // A sent submission is the municipality's record: only messages may be added to it.
    let sent_before = match stored_meta {
        Some(DocMeta { kind: DocKind::Submission, .. }) => {
            submission::read(&doc).ok().filter(|s| s.status == submission::Status::Sent)
        }
        _ => None,
    };
    let before = doc.get_heads();
    sync::apply(&mut doc, &upload.changes).map_err(|e| match e {
        sync::ApplyError::MissingDeps => Refusal::ResendAll,
        _ => Refusal::Malformed,
    })?;
    let new_changes = doc.save_after(&before);
    if new_changes.is_empty() {
        return match stored_meta {
            Some(meta) => Ok(Accepted { doc, meta, new_changes, new_profile: None }),
            // Heads reported for a document the server does not have: nothing to accept.
            None => Err(Refusal::Forbidden),
        };
    }
    let meta = meta_of(upload.id, &doc).map_err(|_| Refusal::Malformed)?;
    let new_profile = match stored_meta {
        Some(stored) => {
            if stored != meta || !may_write(&stored, profiles) {
                return Err(Refusal::Forbidden);
            }
            None
        }
        None => match meta.kind {
            // A new profile belongs to the device that brings it.
            DocKind::Profile => meta.owner,
            _ if may_write(&meta, profiles) => None,
            _ => return Err(Refusal::Forbidden),
        },
    };
    if schema_ok(&doc, meta.kind).is_err() {
        return Err(Refusal::Malformed);
    }
    if let Some(before) = &sent_before
        && !submission::read(&doc).is_ok_and(|after| submission::sent_change_allowed(before, &after))
    {
        return Err(Refusal::Forbidden);
    }
    // The uncompressed form bounds the stored size and costs no deflate on every upload.
    if doc.save_nocompress().len() > max_doc_bytes {
        return Err(Refusal::TooLarge);
    }
    Ok(Accepted { doc, meta, new_changes, new_profile })
}

fn schema_ok(doc: &AutoCommit, kind: DocKind) -> Result<(), documents::SchemaError> {
    match kind {
        DocKind::Profile => crate::profile::read(doc).map(|_| ()),
        DocKind::Submission => submission::read(doc).map(|_| ()),
        DocKind::Progress => progress::read(doc).map(|_| ()),
        DocKind::Answer => answer::read(doc).map(|_| ()),
        DocKind::Lesson | DocKind::Form => content::read(doc).map(|_| ()),
        DocKind::Assessment => crate::assessment::read(doc).map(|_| ()),
        DocKind::Instrument => content::read(doc).map(|_| ()),
        DocKind::Announcement => crate::announcement::read(doc).map(|_| ()),
        DocKind::Categories => crate::categories::read(doc).map(|_| ()),
        DocKind::Session => crate::session::read(doc).map(|_| ()),
    }
}

#[cfg(test)]
mod tests;
