//! News: the municipality's announcements, as they came with a sync (public documents only the
//! server writes). Withdrawn ones are not shown; the newest comes first.

use mcommunity_core::{announcement, documents::DocKind, locale::Locale};

use crate::{
    blobs::LocalBlobs,
    error::ClientError,
    store::Store,
    view::{Media, NewsItem},
};

/// The announcements to show, newest first, each in `locale` when the municipality wrote it in
/// that language, else in one it did write. A picture is named once its bytes are on the device
/// (the background sync fetches them). A damaged announcement is left out and logged.
pub fn list(store: &Store, blobs: &LocalBlobs, locale: Locale) -> Result<Vec<NewsItem>, ClientError> {
    let mut items = Vec::new();
    for id in store.list(DocKind::Announcement, None)? {
        let Some(stored) = store.load(id)? else { continue };
        if stored.kind != DocKind::Announcement || stored.owner.is_some() {
            continue;
        }
        let read = match announcement::read(&stored.doc) {
            Ok(read) if read.id == id => read,
            Ok(_) => continue,
            Err(e) => {
                tracing::error!(announcement = %id, error = %e, "an announcement does not read; not shown");
                continue;
            }
        };
        if read.withdrawn_at.is_some() {
            continue;
        }
        let shown = if read.texts.contains_key(&locale) {
            locale
        } else {
            *Locale::ALL.iter().find(|l| read.texts.contains_key(l)).expect("an announcement has a language")
        };
        let (title, text) = read.text_in(shown);
        items.push(NewsItem {
            id: id.to_string(),
            title: title.to_owned(),
            text: text.to_owned(),
            locale: shown,
            published_at: read.published_at as f64,
            picture: read.picture.and_then(|hash| picture(blobs, hash)),
        });
    }
    items.sort_by(|a, b| b.published_at.total_cmp(&a.published_at));
    Ok(items)
}

/// A picture on the device, with its media type told by its bytes (the server took only JPEG and
/// PNG pictures for announcements).
fn picture(blobs: &LocalBlobs, hash: mcommunity_core::blobs::BlobHash) -> Option<Media> {
    let bytes = blobs.get(hash).ok()??;
    let kind = mcommunity_core::media::sniff(&bytes)?;
    Some(Media { hash: hash.to_string(), mime: kind.mime().to_owned() })
}

#[cfg(test)]
mod tests {
    use mcommunity_core::ids::{DocId, ProfileId};

    use super::*;

    fn publish(
        store: &mut Store,
        texts: &[(Locale, &str, &str)],
        picture: Option<mcommunity_core::blobs::BlobHash>,
        at: i64,
    ) -> DocId {
        let id = DocId::random();
        let texts: Vec<_> = texts.iter().map(|(l, t, x)| (*l, (*t).to_owned(), (*x).to_owned())).collect();
        let mut doc = announcement::new_document(id, &texts, picture, at);
        store.insert(id, DocKind::Announcement, None, &mut doc).unwrap();
        id
    }

    #[test]
    fn newest_first_in_the_persons_language_withdrawn_and_forged_ones_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let blobs = LocalBlobs::open(dir.path()).unwrap();
        let mut png = Vec::new();
        image::RgbImage::from_pixel(8, 8, image::Rgb([200, 40, 40]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let picture = blobs.put(&png).unwrap();
        let old = publish(&mut store, &[(Locale::Sq, "Uji", "Ndërpritet të hënën.")], None, 1_000);
        let new = publish(
            &mut store,
            &[(Locale::Sq, "Mbledhje", "Të enjten."), (Locale::Mk, "Средба", "Во четврток.")],
            Some(picture),
            2_000,
        );
        let gone = publish(&mut store, &[(Locale::Sq, "Gabim", "U tërhoq.")], None, 3_000);
        store
            .update(gone, |stored| {
                announcement::withdraw(&mut stored.doc, 4_000);
                Ok::<_, ClientError>(())
            })
            .unwrap();
        // A device's own document claiming to be an announcement is not news.
        let forged = DocId::random();
        let mut doc = announcement::new_document(forged, &[(Locale::Sq, "X".into(), "Y".into())], None, 9_000);
        store.insert(forged, DocKind::Announcement, Some(ProfileId::random()), &mut doc).unwrap();

        let mk = list(&store, &blobs, Locale::Mk).unwrap();
        assert_eq!(mk.iter().map(|n| n.id.clone()).collect::<Vec<_>>(), [new.to_string(), old.to_string()]);
        assert_eq!((mk[0].title.as_str(), mk[0].locale), ("Средба", Locale::Mk));
        assert_eq!((mk[1].title.as_str(), mk[1].locale), ("Uji", Locale::Sq), "falls back to a language it has");
        assert_eq!(mk[0].picture, Some(Media { hash: picture.to_string(), mime: "image/png".into() }));
        assert_eq!(mk[1].picture, None);
    }
}
