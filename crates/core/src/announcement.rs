//! Announcements: what the municipality tells every resident (a road closed, a meeting, a new
//! service). Written only by the server when an admin publishes one, public, so every device gets
//! it at its next sync; withdrawing one marks it, and devices stop showing it.
//!
//! An announcement holds a title and a text per language (the admin writes each), and maybe a
//! picture (a blob of the public scope).
//!
//! ```
//! use mcommunity_core::{announcement, ids::DocId, locale::Locale};
//! let id = DocId::random();
//! let texts = [(Locale::Sq, "Uji ndërpritet".to_owned(), "Të hënën nga ora 9 deri në 12.".to_owned())];
//! let mut doc = announcement::new_document(id, &texts, None, 1_000);
//! assert_eq!(announcement::read(&doc).unwrap().text_in(Locale::En).0, "Uji ndërpritet");
//! announcement::withdraw(&mut doc, 2_000);
//! assert_eq!(announcement::read(&doc).unwrap().withdrawn_at, Some(2_000));
//! ```

use std::collections::BTreeMap;

use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::Transactable};

use crate::{
    blobs::BlobHash,
    documents::{self, DocKind, SchemaError},
    ids::DocId,
    locale::Locale,
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// An announcement as read from its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    /// Its document id.
    pub id: DocId,
    /// Title and text in each language the admin wrote (at least one).
    pub texts: BTreeMap<Locale, (String, String)>,
    /// A picture, if any: a blob of the public scope.
    pub picture: Option<BlobHash>,
    /// When it was published, in ms since the Unix epoch.
    pub published_at: i64,
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<i64>,
}

impl Announcement {
    /// Title and text in `locale`, else in the first language of [`Locale::ALL`] it has.
    pub fn text_in(&self, locale: Locale) -> (&str, &str) {
        let pick = self
            .texts
            .get(&locale)
            .or_else(|| Locale::ALL.iter().find_map(|l| self.texts.get(l)))
            .expect("an announcement has at least one language");
        (&pick.0, &pick.1)
    }
}

/// A new announcement published at `now`. `texts` must not be empty (the dashboard requires at
/// least one language); a language given twice keeps its last text.
pub fn new_document(id: DocId, texts: &[(Locale, String, String)], picture: Option<BlobHash>, now: i64) -> AutoCommit {
    assert!(!texts.is_empty(), "an announcement has at least one language");
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Announcement, SCHEMA);
    doc.put(ROOT, "id", id.to_string()).expect("root is a map");
    let map = doc.put_object(ROOT, "texts", ObjType::Map).expect("root is a map");
    for (locale, title, text) in texts {
        let entry = doc.put_object(&map, locale.code(), ObjType::Map).expect("texts is a map");
        doc.put(&entry, "title", title.as_str()).expect("an entry is a map");
        doc.put(&entry, "text", text.as_str()).expect("an entry is a map");
    }
    match picture {
        Some(hash) => doc.put(ROOT, "picture", hash.to_string()),
        None => doc.put(ROOT, "picture", ScalarValue::Null),
    }
    .expect("root is a map");
    doc.put(ROOT, "publishedAt", now).expect("root is a map");
    doc.put(ROOT, "withdrawnAt", ScalarValue::Null).expect("root is a map");
    doc
}

/// Withdraws an announcement at `now` (withdrawing it again keeps the first time).
pub fn withdraw(doc: &mut AutoCommit, now: i64) {
    if matches!(documents::get_scalar(doc, &ROOT, "withdrawnAt"), Ok(None | Some(ScalarValue::Null))) {
        doc.put(ROOT, "withdrawnAt", now).expect("root is a map");
    }
}

/// Reads an announcement document.
pub fn read(doc: &AutoCommit) -> Result<Announcement, SchemaError> {
    documents::expect_kind(doc, DocKind::Announcement)?;
    let id = documents::get_str(doc, &ROOT, "id")?.parse().map_err(|_| SchemaError::Field("id"))?;
    let map = match doc.get(ROOT, "texts").map_err(|_| SchemaError::Field("texts"))? {
        Some((Value::Object(ObjType::Map), map)) => map,
        _ => return Err(SchemaError::Field("texts")),
    };
    let mut texts = BTreeMap::new();
    for key in doc.keys(&map) {
        // A language this version does not know is skipped, not an error: a newer server may add one.
        let Ok(locale) = key.parse::<Locale>() else { continue };
        let Ok(Some((Value::Object(ObjType::Map), entry))) = doc.get(&map, key.as_str()) else {
            return Err(SchemaError::Field("texts"));
        };
        texts.insert(locale, (documents::get_str(doc, &entry, "title")?, documents::get_str(doc, &entry, "text")?));
    }
    if texts.is_empty() {
        return Err(SchemaError::Field("texts"));
    }
    let picture = match documents::get_opt_str(doc, &ROOT, "picture")? {
        Some(hash) => Some(hash.parse().map_err(|_| SchemaError::Field("picture"))?),
        None => None,
    };
    let withdrawn_at = match documents::get_scalar(doc, &ROOT, "withdrawnAt")? {
        None | Some(ScalarValue::Null) => None,
        Some(_) => Some(documents::get_i64(doc, &ROOT, "withdrawnAt")?),
    };
    Ok(Announcement { id, texts, picture, published_at: documents::get_i64(doc, &ROOT, "publishedAt")?, withdrawn_at })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<(Locale, String, String)> {
        vec![
            (Locale::Sq, "Mbledhje në bashki".into(), "Të enjten në orën 10.".into()),
            (Locale::Mk, "Средба во општината".into(), "Во четврток во 10 часот.".into()),
        ]
    }

    #[test]
    fn reads_back_what_was_published_and_falls_back_by_language() {
        let id = DocId::random();
        let picture = BlobHash::of(b"picture");
        let doc = new_document(id, &texts(), Some(picture), 5);
        let read = read(&doc).unwrap();
        assert_eq!(read.id, id);
        assert_eq!(read.picture, Some(picture));
        assert_eq!(read.published_at, 5);
        assert_eq!(read.withdrawn_at, None);
        assert_eq!(read.text_in(Locale::Mk), ("Средба во општината", "Во четврток во 10 часот."));
        // Serbian was not written: the first language of the list that was is shown.
        assert_eq!(read.text_in(Locale::Sr).0, "Mbledhje në bashki");
    }

    #[test]
    fn withdrawing_keeps_the_first_time_and_survives_a_merge() {
        let mut doc = new_document(DocId::random(), &texts(), None, 5);
        let mut other = doc.fork();
        withdraw(&mut doc, 10);
        withdraw(&mut doc, 20);
        assert_eq!(read(&doc).unwrap().withdrawn_at, Some(10));
        other.merge(&mut doc).unwrap();
        assert_eq!(read(&other).unwrap().withdrawn_at, Some(10));
    }

    #[test]
    fn other_documents_and_empty_texts_are_refused() {
        let other = crate::submission::new_document(
            crate::ids::ProfileId::random(),
            crate::submission::SubmissionKind::Problem,
            1,
        );
        assert_eq!(read(&other), Err(SchemaError::WrongKind { expected: DocKind::Announcement }));
        let mut doc = new_document(DocId::random(), &texts(), None, 5);
        let map = match doc.get(ROOT, "texts").unwrap() {
            Some((Value::Object(ObjType::Map), map)) => map,
            _ => unreachable!("texts was just written as a map"),
        };
        doc.delete(&map, "sq").unwrap();
        doc.delete(&map, "mk").unwrap();
        assert_eq!(read(&doc), Err(SchemaError::Field("texts")));
    }
}
