//! The municipality's announcements: written by an admin in each language, published as a public
//! document (`mcommunity_core::announcement`) that every device receives at its next sync, and
//! withdrawn the same way. A list of them is kept beside the documents for the dashboard.

use mcommunity_core::{
    access::DocMeta, announcement, blobs::BlobHash, documents::DocKind, ids::DocId, locale::Locale, sync,
};

use crate::{
    staff,
    storage::{Storage, StorageError, dashboard::AnnouncementRow, load_doc},
};

/// Publishes a new announcement at `now` and returns its id. `texts` holds (language, title,
/// text) for each language written; it must not be empty.
pub async fn publish(
    storage: &dyn Storage,
    actor: &str,
    texts: &[(Locale, String, String)],
    picture: Option<BlobHash>,
    now: i64,
) -> Result<DocId, StorageError> {
    let id = DocId::random();
    let mut doc = announcement::new_document(id, texts, picture, now);
    let meta = DocMeta { kind: DocKind::Announcement, owner: None };
    storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
    let title = texts.first().map(|(_, title, _)| title.clone()).unwrap_or_default();
    storage.record_announcement(&AnnouncementRow { id, title, published_at: now, withdrawn_at: None }).await?;
    staff::record(storage, now, actor, "announcement-publish", &id.to_string(), "").await?;
    Ok(id)
}

/// Withdraws an announcement at `now`; `false` when there is none with this id.
pub async fn withdraw(storage: &dyn Storage, actor: &str, id: DocId, now: i64) -> Result<bool, StorageError> {
    let Some(mut doc) = load_doc(storage, id).await? else { return Ok(false) };
    let Ok(before) = announcement::read(&doc) else { return Ok(false) };
    let heads = doc.get_heads();
    announcement::withdraw(&mut doc, now);
    let changes = doc.save_after(&heads);
    if !changes.is_empty() {
        let meta = DocMeta { kind: DocKind::Announcement, owner: None };
        storage.append(id, meta, &changes, &sync::heads_of(&mut doc)).await?;
    }
    let title = Locale::ALL.iter().find_map(|l| before.texts.get(l)).map(|(t, _)| t.clone()).unwrap_or_default();
    let withdrawn_at = before.withdrawn_at.or(Some(now));
    let row = AnnouncementRow { id, title, published_at: before.published_at, withdrawn_at };
    storage.record_announcement(&row).await?;
    staff::record(storage, now, actor, "announcement-withdraw", &id.to_string(), "").await?;
    Ok(true)
}
