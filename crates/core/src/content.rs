//! Published content — lessons, practice forms and the skills assessment's instrument — as
//! Automerge documents that every device reads and only the municipality's server writes.
//!
//! A content document holds editions: `editions` is a map from the zero-padded revision to
//! `{ body, media }`, where `body` is the lesson or form as JSON and `media` names the blobs
//! (pictures, narration) it uses. Readers take the highest revision they can see.
//!
//! Two places create these documents apart from each other: the app imports the set bundled with
//! it on first run, and the server publishes `lessons/`. Both build the first change of a
//! document deterministically (fixed actor and time, derived from the edition), and the document
//! id from the content id, so the same edition made in both places is the very same change.
//! When they differ (an app bundled a newer edition than the server published), the two
//! `editions` maps conflict and readers look at both: nothing is lost and nothing needs a device
//! to write a public document.
//!
//! ```
//! use std::collections::BTreeMap;
//! use mcommunity_core::{content::{self, Edition}, documents::DocKind};
//!
//! let first = Edition { revision: 1, body: "{}".into(), media: BTreeMap::new() };
//! let mut on_server = content::new_document(DocKind::Lesson, "phone-basics", &first);
//! let mut on_device = content::new_document(DocKind::Lesson, "phone-basics", &first);
//! assert_eq!(on_server.get_heads(), on_device.get_heads(), "the same edition is the same change");
//!
//! let second = Edition { revision: 2, body: "{\"fixed\":true}".into(), media: BTreeMap::new() };
//! assert!(content::publish(&mut on_server, &second).unwrap());
//! on_device.merge(&mut on_server).unwrap();
//! assert_eq!(content::read(&on_device).unwrap().edition, second);
//! ```

pub mod bundle;

use std::collections::BTreeMap;

use automerge::{
    ActorId, AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::CommitOptions,
    transaction::Transactable,
};

use crate::{
    blobs::BlobHash,
    documents::{self, DocKind, SchemaError},
    ids::DocId,
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// One edition of a lesson or form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edition {
    /// Only grows from one edition to the next.
    pub revision: u64,
    /// The lesson or form, as JSON.
    pub body: String,
    /// The blobs it uses, by name (`pictures/x.svg`, `audio/sq/step-0`).
    pub media: BTreeMap<String, BlobHash>,
}

/// A content document as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Content {
    /// Lesson or form.
    pub kind: DocKind,
    /// The content id (`phone-basics`).
    pub id: String,
    /// The newest edition.
    pub edition: Edition,
    /// Whether the municipality took it out of the published set (devices keep showing it to
    /// people who are in the middle of it).
    pub retired: bool,
}

/// Why an edition was not published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// The content changed but its revision did not grow.
    #[error("the content changed but its revision is still {current}: raise `revision`")]
    RevisionNotRaised {
        /// The newest published revision.
        current: u64,
    },
    /// The document is not content of this kind.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

/// Whether `kind` is a kind of published content: lessons, practice forms, and the skills
/// assessment's instrument (published the same way, its body the instrument as JSON).
pub fn is_content(kind: DocKind) -> bool {
    matches!(kind, DocKind::Lesson | DocKind::Form | DocKind::Instrument)
}

/// The id of the document holding the content `content_id` of `kind`, the same everywhere.
pub fn doc_id(kind: DocKind, content_id: &str) -> DocId {
    DocId::derived(&format!("content/{kind}"), content_id)
}

/// A new document holding `edition`, built the same way wherever it is built.
pub fn new_document(kind: DocKind, content_id: &str, edition: &Edition) -> AutoCommit {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new().chain_update(kind.as_str()).chain_update([0]).chain_update(content_id);
    hasher.update(edition.revision.to_be_bytes());
    hasher.update(&edition.body);
    for (name, hash) in &edition.media {
        hasher.update(name);
        hasher.update(hash.0);
    }
    let actor = ActorId::from(&hasher.finalize()[..16]);
    let mut doc = AutoCommit::new().with_actor(actor);
    documents::init(&mut doc, kind, SCHEMA);
    doc.put(ROOT, "id", content_id).expect("root is a map");
    let editions = doc.put_object(ROOT, "editions", ObjType::Map).expect("root is a map");
    put_edition(&mut doc, &editions, edition);
    doc.commit_with(CommitOptions::default().with_time(0));
    // Later changes made from this copy must not reuse the shared actor.
    doc.set_actor(ActorId::random());
    doc
}

/// Reads a content document: its newest edition across every copy merged into it.
pub fn read(doc: &AutoCommit) -> Result<Content, SchemaError> {
    let kind = documents::kind_of(doc)?;
    if !is_content(kind) {
        return Err(SchemaError::Field("type"));
    }
    let id = documents::get_str(doc, &ROOT, "id")?;
    let edition = newest(doc)?.map(|(_, edition)| edition).ok_or(SchemaError::Field("editions"))?;
    let retired = matches!(documents::get_scalar(doc, &ROOT, "retired")?, Some(ScalarValue::Boolean(true)));
    Ok(Content { kind, id, edition, retired })
}

/// Publishes `edition` into the document: `Ok(false)` when it is already the newest edition,
/// `Ok(true)` when it was added (older editions are dropped from the current state). A changed
/// body under a revision that did not grow is refused.
pub fn publish(doc: &mut AutoCommit, edition: &Edition) -> Result<bool, PublishError> {
    let current = read(doc)?;
    let was_retired = current.retired;
    if current.edition == *edition {
        if was_retired {
            doc.put(ROOT, "retired", false).expect("root is a map");
        }
        return Ok(was_retired);
    }
    if edition.revision <= current.edition.revision {
        return Err(PublishError::RevisionNotRaised { current: current.edition.revision });
    }
    let (editions, _) = newest(doc)?.ok_or(SchemaError::Field("editions"))?;
    let old: Vec<String> = doc.keys(&editions).collect();
    for key in old {
        doc.delete(&editions, key.as_str()).expect("editions is a map");
    }
    put_edition(doc, &editions, edition);
    if was_retired {
        doc.put(ROOT, "retired", false).expect("root is a map");
    }
    Ok(true)
}

/// Marks the content as taken out of the published set; `false` if it already was.
pub fn retire(doc: &mut AutoCommit) -> Result<bool, SchemaError> {
    if read(doc)?.retired {
        return Ok(false);
    }
    doc.put(ROOT, "retired", true).expect("root is a map");
    Ok(true)
}

fn put_edition(doc: &mut AutoCommit, editions: &ObjId, edition: &Edition) {
    let key = revision_key(edition.revision);
    let entry = doc.put_object(editions, key.as_str(), ObjType::Map).expect("editions is a map");
    doc.put(&entry, "body", edition.body.as_str()).expect("an edition is a map");
    let media = doc.put_object(&entry, "media", ObjType::Map).expect("an edition is a map");
    for (name, hash) in &edition.media {
        doc.put(&media, name.as_str(), hash.to_string()).expect("media is a map");
    }
}

fn revision_key(revision: u64) -> String {
    format!("{revision:020}")
}

/// The newest edition in any of the (possibly conflicting) `editions` maps, and the map it is in.
fn newest(doc: &AutoCommit) -> Result<Option<(ObjId, Edition)>, SchemaError> {
    let field = SchemaError::Field("editions");
    let mut best: Option<(ObjId, Edition)> = None;
    for (value, editions) in doc.get_all(ROOT, "editions").map_err(|_| field.clone())? {
        if !matches!(value, Value::Object(ObjType::Map)) {
            return Err(field);
        }
        for key in doc.keys(&editions) {
            let revision: u64 = key.parse().map_err(|_| field.clone())?;
            if best.as_ref().is_some_and(|(_, b)| b.revision >= revision) {
                continue;
            }
            let Some((Value::Object(ObjType::Map), entry)) =
                doc.get(&editions, key.as_str()).map_err(|_| field.clone())?
            else {
                return Err(field);
            };
            let body = documents::get_str(doc, &entry, "body")?;
            let Some((Value::Object(ObjType::Map), media_obj)) = doc.get(&entry, "media").map_err(|_| field.clone())?
            else {
                return Err(SchemaError::Field("media"));
            };
            let mut media = BTreeMap::new();
            for name in doc.keys(&media_obj) {
                let hash = match doc.get(&media_obj, name.as_str()).map_err(|_| field.clone())? {
                    Some((Value::Scalar(s), _)) => match s.as_ref() {
                        ScalarValue::Str(h) => h.parse::<BlobHash>().map_err(|_| SchemaError::Field("media"))?,
                        _ => return Err(SchemaError::Field("media")),
                    },
                    _ => return Err(SchemaError::Field("media")),
                };
                media.insert(name, hash);
            }
            best = Some((editions.clone(), Edition { revision, body, media }));
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(revision: u64, body: &str) -> Edition {
        let media = BTreeMap::from([("pictures/a.svg".to_string(), BlobHash([revision as u8; 32]))]);
        Edition { revision, body: body.into(), media }
    }

    #[test]
    fn an_edition_survives_save_and_load() {
        let mut doc = new_document(DocKind::Form, "e-albania-registration", &edition(4, "{\"a\":1}"));
        let loaded = AutoCommit::load(&doc.save()).unwrap();
        let content = read(&loaded).unwrap();
        assert_eq!(content.kind, DocKind::Form);
        assert_eq!(content.id, "e-albania-registration");
        assert_eq!(content.edition, edition(4, "{\"a\":1}"));
        assert!(!content.retired);
    }

    #[test]
    fn copies_built_apart_from_different_editions_merge_to_the_newest() {
        let mut server = new_document(DocKind::Lesson, "keyboard", &edition(1, "one"));
        assert!(publish(&mut server, &edition(2, "two")).unwrap());
        // An app that bundled revision 3 builds its copy alone; merged, the newest wins both ways.
        let mut device = new_document(DocKind::Lesson, "keyboard", &edition(3, "three"));
        let mut other = server.fork();
        device.merge(&mut server).unwrap();
        other.merge(&mut device.fork()).unwrap();
        assert_eq!(read(&device).unwrap().edition.body, "three");
        assert_eq!(read(&other).unwrap().edition.body, "three");
        // And the server can still publish over the conflict.
        assert!(publish(&mut other, &edition(4, "four")).unwrap());
        device.merge(&mut other).unwrap();
        assert_eq!(read(&device).unwrap().edition.body, "four");
    }

    #[test]
    fn publishing_needs_a_raised_revision_for_a_change() {
        let mut doc = new_document(DocKind::Lesson, "keyboard", &edition(2, "two"));
        assert_eq!(publish(&mut doc, &edition(2, "two")), Ok(false), "the same edition again changes nothing");
        assert_eq!(publish(&mut doc, &edition(2, "changed")), Err(PublishError::RevisionNotRaised { current: 2 }));
        assert_eq!(publish(&mut doc, &edition(1, "older")), Err(PublishError::RevisionNotRaised { current: 2 }));
        assert_eq!(read(&doc).unwrap().edition.body, "two");
    }

    #[test]
    fn retiring_and_republishing() {
        let mut doc = new_document(DocKind::Lesson, "keyboard", &edition(1, "one"));
        assert_eq!(retire(&mut doc), Ok(true));
        assert_eq!(retire(&mut doc), Ok(false));
        assert!(read(&doc).unwrap().retired);
        assert_eq!(publish(&mut doc, &edition(1, "one")), Ok(true), "publishing again brings it back");
        assert!(!read(&doc).unwrap().retired);
    }

    #[test]
    fn ids_are_derived_per_kind() {
        assert_eq!(doc_id(DocKind::Lesson, "a"), doc_id(DocKind::Lesson, "a"));
        assert_ne!(doc_id(DocKind::Lesson, "a"), doc_id(DocKind::Form, "a"));
        assert_ne!(doc_id(DocKind::Lesson, "a"), doc_id(DocKind::Lesson, "b"));
    }
}
