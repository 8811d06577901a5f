//! Lessons and practice forms on the device: the set bundled with the app, imported on first run
//! (so Learn and Practise work with no link at all), kept up to date by sync like every other
//! document, and the pictures and narration they name — read in place from the bundle inside the
//! app's own binary (never copied to disk), or from the device's blobs for media that came later.
//!
//! Content documents are public: the device never writes them with changes of its own. An import
//! builds each edition's change the same way the server does ([`content::new_document`]) and
//! merges it, so a newer bundled edition shows at once and an older one changes nothing.

use std::collections::{BTreeMap, HashSet};

use automerge::AutoCommit;
use mcommunity_core::{
    blobs::BlobHash,
    content::{self, Content, bundle::BundleRef},
    documents::DocKind,
    ids::DocId,
    locale::Locale,
};

use crate::{
    blobs::LocalBlobs,
    error::ClientError,
    store::{self, Store, StoreError, settings},
    view::Media,
};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Documents created.
    pub created: u32,
    /// Documents given a newer edition.
    pub updated: u32,
}

/// The pictures and sounds of the app's own bundle, by hash, borrowed from the bundle's bytes.
pub type Bundled = BTreeMap<BlobHash, &'static [u8]>;

/// Reads the app's bundle (encoded) and imports its documents unless this very bundle was imported
/// before; returns what the import did and the bundle's media, to serve in place.
pub fn import_bundle(store: &mut Store, encoded: &'static [u8]) -> Result<(Imported, Bundled), ClientError> {
    let bundle = BundleRef::read(encoded).map_err(|e| ClientError::Internal(e.to_string()))?;
    let fingerprint = bundle.fingerprint().to_string();
    if settings::bundle_imported(store.conn())?.as_deref() == Some(fingerprint.as_str()) {
        return Ok((Imported::default(), bundle.blobs));
    }
    // A new bundle (first run, or an app update): check every blob once before trusting it.
    bundle.verify().map_err(|e| ClientError::Internal(e.to_string()))?;
    let imported = import(store, &bundle)?;
    settings::set_bundle_imported(store.conn(), &fingerprint)?;
    tracing::info!(created = imported.created, updated = imported.updated, "content imported");
    Ok((imported, bundle.blobs))
}

/// Imports every item of `bundle` that is newer than what the device holds, in one transaction
/// (one write to the disk at first start, not one per lesson).
pub fn import(store: &mut Store, bundle: &BundleRef<'_>) -> Result<Imported, ClientError> {
    let mut imported = Imported::default();
    let mut todo = Vec::new();
    for item in &bundle.items {
        let id = content::doc_id(item.kind, &item.id);
        match store.load(id)? {
            None => todo.push((id, item, false)),
            Some(stored) if content::read(&stored.doc)?.edition.revision < item.edition.revision => {
                todo.push((id, item, true))
            }
            Some(_) => {}
        }
    }
    let tx = store.conn_mut().transaction().map_err(StoreError::from)?;
    for (id, item, exists) in todo {
        let mut fresh = content::new_document(item.kind, &item.id, &item.edition);
        if exists {
            store::update_in(&tx, id, |stored| stored.doc.merge(&mut fresh))?;
            imported.updated += 1;
        } else {
            store::insert_in(&tx, id, item.kind, None, &mut fresh)?;
            imported.created += 1;
        }
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(imported)
}

/// The pictures, and the narration in `locales`, that content on the device names but the device
/// lacks (they arrive after sync brought a new or changed lesson), and the pictures of
/// announcements still standing.
pub fn missing_media(
    store: &Store,
    blobs: &LocalBlobs,
    bundled: &Bundled,
    locales: &[Locale],
) -> Result<Vec<BlobHash>, ClientError> {
    let prefixes: Vec<String> = locales.iter().map(|l| format!("audio/{l}/")).collect();
    let mut missing = std::collections::BTreeSet::new();
    for kind in [DocKind::Lesson, DocKind::Form, DocKind::Instrument] {
        for content in all(store, kind)? {
            for (name, hash) in &content.edition.media {
                let wanted = name.starts_with("pictures/") || prefixes.iter().any(|p| name.starts_with(p.as_str()));
                if wanted && !bundled.contains_key(hash) && !blobs.path(*hash).exists() {
                    missing.insert(*hash);
                }
            }
        }
    }
    for id in store.list(DocKind::Announcement, None)? {
        let Some(stored) = store.load(id)? else { continue };
        if let Ok(a) = mcommunity_core::announcement::read(&stored.doc)
            && let Some(hash) = a.picture.filter(|h| a.withdrawn_at.is_none() && !blobs.path(*h).exists())
        {
            missing.insert(hash);
        }
    }
    Ok(missing.into_iter().collect())
}

/// Every content document of `kind` on the device, read.
pub(crate) fn all(store: &Store, kind: DocKind) -> Result<Vec<Content>, ClientError> {
    let mut out = Vec::new();
    for id in store.list(kind, None)? {
        if let Some(stored) = store.load(id)? {
            match content::read(&stored.doc) {
                Ok(c) => out.push(c),
                Err(e) => tracing::warn!(doc = %id, error = %e, "a content document does not read; skipped"),
            }
        }
    }
    Ok(out)
}

/// One content document, read.
pub(crate) fn one(store: &Store, kind: DocKind, content_id: &str) -> Result<Content, ClientError> {
    let stored = store.load(content::doc_id(kind, content_id))?.ok_or(ClientError::NotFound)?;
    if stored.kind != kind {
        return Err(ClientError::NotFound);
    }
    Ok(content::read(&stored.doc)?)
}

/// The body of an edition, parsed.
pub(crate) fn body<T: serde::de::DeserializeOwned>(content: &Content) -> Result<T, ClientError> {
    serde_json::from_str(&content.edition.body)
        .map_err(|e| ClientError::Internal(format!("{} {}: body does not parse: {e}", content.kind, content.id)))
}

/// The media named `name` in an edition, as the UI fetches it.
pub(crate) fn media(content: &Content, name: &str) -> Option<Media> {
    content
        .edition
        .media
        .get(name)
        .map(|hash| Media { hash: hash.to_string(), mime: mcommunity_core::content::bundle::mime(name).to_owned() })
}

/// The narration of `key` in `locale`.
pub(crate) fn audio(content: &Content, locale: Locale, key: &str) -> Option<Media> {
    media(content, &mcommunity_core::content::bundle::audio_name(locale, key))
}

/// A picture file's media.
pub(crate) fn picture(content: &Content, file: Option<&str>) -> Option<Media> {
    file.and_then(|f| media(content, &mcommunity_core::content::bundle::picture_name(f)))
}

/// Which blobs content documents name, remembered per document heads so a media request reads
/// only documents that changed since the last one.
#[derive(Default)]
pub struct MediaIndex {
    docs: BTreeMap<DocId, (Vec<u8>, HashSet<BlobHash>)>,
}

impl MediaIndex {
    /// The bytes of a blob that some lesson, form or announcement names. Attachments of people's
    /// own documents are never served this way, whatever hash is asked for.
    pub fn get(
        &mut self,
        store: &Store,
        blobs: &LocalBlobs,
        bundled: &Bundled,
        hash: &str,
    ) -> Result<Vec<u8>, ClientError> {
        let hash: BlobHash = hash.parse().map_err(|_| ClientError::NotFound)?;
        self.refresh(store)?;
        if !self.docs.values().any(|(_, named)| named.contains(&hash)) {
            return Err(ClientError::NotFound);
        }
        if let Some(bytes) = bundled.get(&hash) {
            return Ok(bytes.to_vec());
        }
        blobs
            .get(hash)
            .map_err(|e| ClientError::Internal(format!("reading a content blob: {e}")))?
            .ok_or(ClientError::NotFound)
    }

    fn refresh(&mut self, store: &Store) -> Result<(), ClientError> {
        let current = crate::store::public_heads(store)?;
        self.docs.retain(|id, _| current.contains_key(id));
        for (id, heads) in current {
            if self.docs.get(&id).is_some_and(|(known, _)| *known == heads) {
                continue;
            }
            let named = match store.load(id)? {
                Some(stored) => named_blobs(&stored.doc),
                None => HashSet::new(),
            };
            self.docs.insert(id, (heads, named));
        }
        Ok(())
    }
}

/// The blobs a public document names: a lesson's or form's media, an announcement's picture.
fn named_blobs(doc: &AutoCommit) -> HashSet<BlobHash> {
    if let Ok(a) = mcommunity_core::announcement::read(doc) {
        return a.picture.into_iter().collect();
    }
    content::read(doc).map(|c| c.edition.media.into_values().collect()).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use mcommunity_core::content::{
        Edition,
        bundle::{Bundle, Item},
    };

    use super::*;

    /// A bundle with one real lesson (`phone-basics`, one step, one question) and no media.
    pub(crate) fn small_bundle() -> Bundle {
        let lesson = mcommunity_core::lessons::Lesson::from_toml(
            r#"
id = "phone-basics"
course = "beginners"
order = 1
revision = 1
digcomp = "5.1"
minutes = 5
picture = "phone-basics.svg"
title = { sq = "Telefoni", mk = "Телефонот", en = "The phone" }
summary = { sq = "Si ta mbani", mk = "Како да го држите", en = "How to hold it" }
[[steps]]
text = { sq = "Mbajeni me dorë.", mk = "Држете го со рака.", en = "Hold it in your hand." }
[[quiz]]
question = { sq = "Me çfarë?", mk = "Со што?", en = "With what?" }
choices = [
  { right = false, text = { sq = "Këmbë", mk = "Нога", en = "A foot" }, feedback = { sq = "Jo.", mk = "Не.", en = "No." } },
  { right = true, text = { sq = "Dorë", mk = "Рака", en = "A hand" }, feedback = { sq = "Po!", mk = "Да!", en = "Yes!" } },
]
"#,
        )
        .unwrap();
        let body = serde_json::to_string(&lesson).unwrap();
        let edition = Edition { revision: 1, body, media: BTreeMap::new() };
        Bundle { items: vec![Item { kind: DocKind::Lesson, id: lesson.id, edition }], blobs: BTreeMap::new() }
    }

    /// A one-lesson bundle naming one picture, encoded and leaked as the app's embedded one is.
    fn bundle(revision: u64, body: &str, blob: &[u8]) -> &'static [u8] {
        let hash = BlobHash::of(blob);
        let media = BTreeMap::from([("pictures/a.svg".to_string(), hash)]);
        let bundle = Bundle {
            items: vec![Item {
                kind: DocKind::Lesson,
                id: "keyboard".into(),
                edition: Edition { revision, body: body.into(), media },
            }],
            blobs: BTreeMap::from([(hash, blob.to_vec())]),
        };
        Box::leak(bundle.encode().into_boxed_slice())
    }

    #[test]
    fn a_bundle_is_imported_once_and_a_newer_one_updates() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let first = bundle(1, "one", b"<svg/>");
        let (imported, media) = import_bundle(&mut store, first).unwrap();
        assert_eq!(imported, Imported { created: 1, updated: 0 });
        assert_eq!(media[&BlobHash::of(b"<svg/>")], b"<svg/>", "media stay in the bundle's bytes");
        assert_eq!(import_bundle(&mut store, first).unwrap().0, Imported::default(), "the same bundle is skipped");
        let newer = bundle(2, "two", b"<svg>2</svg>");
        assert_eq!(import_bundle(&mut store, newer).unwrap().0, Imported { created: 0, updated: 1 });
        assert_eq!(one(&store, DocKind::Lesson, "keyboard").unwrap().edition.body, "two");
        // An older bundle (an app downgraded) changes nothing.
        let older = BundleRef::read(bundle(1, "one", b"<svg/>")).unwrap();
        assert_eq!(import(&mut store, &older).unwrap(), Imported::default());
        assert_eq!(one(&store, DocKind::Lesson, "keyboard").unwrap().edition.body, "two");
        assert_eq!(crate::sync::pending_count(&store).unwrap(), 0, "content is never sent back to the server");
        assert!(
            std::fs::read_dir(dir.path()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("blobs"))
        );
    }

    #[test]
    fn a_damaged_bundle_is_not_imported() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let good = bundle(1, "one", b"<svg/>");
        let mut damaged = good.to_vec();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        let damaged: &'static [u8] = Box::leak(damaged.into_boxed_slice());
        assert!(import_bundle(&mut store, damaged).is_err());
        assert!(one(&store, DocKind::Lesson, "keyboard").is_err(), "nothing of it was kept");
    }

    #[test]
    fn media_are_served_only_when_content_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let blobs = LocalBlobs::open(dir.path()).unwrap();
        let (_, bundled) = import_bundle(&mut store, bundle(1, "one", b"<svg/>")).unwrap();
        let private = blobs.put(b"a resident's photo").unwrap();
        let mut index = MediaIndex::default();
        assert_eq!(index.get(&store, &blobs, &bundled, &BlobHash::of(b"<svg/>").to_string()).unwrap(), b"<svg/>");
        assert!(matches!(index.get(&store, &blobs, &bundled, &private.to_string()), Err(ClientError::NotFound)));
        assert!(matches!(index.get(&store, &blobs, &bundled, "../../etc/passwd"), Err(ClientError::NotFound)));
        assert!(missing_media(&store, &blobs, &bundled, &[Locale::Sq]).unwrap().is_empty(), "bundled media are there");
    }
}
