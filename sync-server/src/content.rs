//! Publishing lessons and practice forms: a built content bundle becomes public documents (one per
//! lesson or form, written by the server alone) and public blobs (their pictures and narration),
//! which every device receives at its next sync.
//!
//! Publishing is idempotent: an edition already published changes nothing; a changed lesson needs
//! a raised `revision`; lessons and forms no longer in the set are retired (devices keep them for
//! people in the middle of them) unless the set is published with `keep_missing`.

use automerge::AutoCommit;
use mcommunity_core::{
    access::DocMeta,
    content::{self, PublishError, bundle::Bundle},
    documents::DocKind,
    ids::DocId,
    sync::{self, Scope},
};

use crate::{
    blobs::FsBlobs,
    storage::{Storage, StorageError, load_doc},
};

/// What a publication did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// Lessons and forms published for the first time.
    pub created: Vec<String>,
    /// Those given a new edition.
    pub updated: Vec<String>,
    /// Those already up to date.
    pub unchanged: u32,
    /// Those taken out of the published set.
    pub retired: Vec<String>,
    /// Blobs stored that the server did not have.
    pub new_blobs: u32,
}

/// Why a publication stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishFailure {
    /// A lesson or form changed without a raised revision; nothing of it was published.
    #[error("{kind} {id:?}: {source}")]
    Content {
        /// Lesson or form.
        kind: DocKind,
        /// Its content id.
        id: String,
        /// What is wrong.
        source: PublishError,
    },
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The blob folder failed.
    #[error("the blob folder: {0}")]
    Blobs(#[from] std::io::Error),
}

/// Publishes `bundle`: blobs first (a document never names a blob the server lacks), then one
/// document per lesson and form. Every item is checked before anything is written, so a refused
/// revision publishes nothing.
pub async fn publish(
    storage: &dyn Storage,
    blobs: &FsBlobs,
    bundle: &Bundle,
    keep_missing: bool,
) -> Result<Published, PublishFailure> {
    let mut plans = Vec::with_capacity(bundle.items.len());
    for item in &bundle.items {
        let id = content::doc_id(item.kind, &item.id);
        let plan =
            match load_doc(storage, id).await? {
                None => Plan::Create(content::new_document(item.kind, &item.id, &item.edition)),
                Some(mut doc) => {
                    let before = doc.get_heads();
                    let changed = content::publish(&mut doc, &item.edition)
                        .map_err(|source| PublishFailure::Content { kind: item.kind, id: item.id.clone(), source })?;
                    if changed { Plan::Update(doc, before) } else { Plan::Unchanged }
                }
            };
        plans.push((item, id, plan));
    }
    let mut published = Published::default();
    for bytes in bundle.blobs.values() {
        if blobs.publish(bytes)?.1 {
            published.new_blobs += 1;
        }
    }
    for (item, id, plan) in plans {
        let meta = DocMeta { kind: item.kind, owner: None };
        match plan {
            Plan::Create(mut doc) => {
                storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
                published.created.push(item.id.clone());
            }
            Plan::Update(mut doc, before) => {
                storage.append(id, meta, &doc.save_after(&before), &sync::heads_of(&mut doc)).await?;
                published.updated.push(item.id.clone());
            }
            Plan::Unchanged => published.unchanged += 1,
        }
    }
    if !keep_missing {
        published.retired = retire_missing(storage, bundle).await?;
    }
    tracing::info!(
        created = published.created.len(),
        updated = published.updated.len(),
        unchanged = published.unchanged,
        retired = published.retired.len(),
        new_blobs = published.new_blobs,
        "content published"
    );
    Ok(published)
}

enum Plan {
    Create(AutoCommit),
    Update(AutoCommit, Vec<automerge::ChangeHash>),
    Unchanged,
}

/// Retires every published lesson or form that `bundle` no longer has.
async fn retire_missing(storage: &dyn Storage, bundle: &Bundle) -> Result<Vec<String>, StorageError> {
    let keep: std::collections::HashSet<DocId> = bundle.items.iter().map(|i| content::doc_id(i.kind, &i.id)).collect();
    let mut retired = Vec::new();
    let mut cursor = 0;
    loop {
        let page = storage.changed_since(Scope::Public, cursor, 500).await?;
        let Some(last) = page.last().map(|(_, seq)| *seq) else { break };
        for (id, _) in page {
            if keep.contains(&id) {
                continue;
            }
            let Some(mut doc) = load_doc(storage, id).await? else { continue };
            let Ok(read) = content::read(&doc) else { continue };
            let before = doc.get_heads();
            if content::retire(&mut doc).unwrap_or(false) {
                let meta = DocMeta { kind: read.kind, owner: None };
                storage.append(id, meta, &doc.save_after(&before), &sync::heads_of(&mut doc)).await?;
                retired.push(read.id);
            }
        }
        cursor = last;
    }
    Ok(retired)
}
