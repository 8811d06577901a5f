//! The municipality's categories of submissions: one public document
//! (`mcommunity_core::categories`), so every device's list comes from the server at its next
//! sync. On first start with none stored the server publishes the starting list.

use mcommunity_core::{
    access::DocMeta,
    categories::{self, CategoryList},
    documents::DocKind,
    i18n::Messages,
    sync,
};

use crate::storage::{Storage, StorageError, load_doc};

fn meta() -> DocMeta {
    DocMeta { kind: DocKind::Categories, owner: None }
}

/// The stored list, publishing the starting list first if there is none.
pub async fn ensure(storage: &dyn Storage) -> Result<CategoryList, StorageError> {
    let id = categories::doc_id();
    if let Some(doc) = load_doc(storage, id).await? {
        return categories::read(&doc).map_err(|e| StorageError::Corrupt(format!("categories: {e}")));
    }
    let list = categories::default_list(Messages::embedded());
    let mut doc = categories::new_document(&list);
    storage.append(id, meta(), &doc.save(), &sync::heads_of(&mut doc)).await?;
    tracing::info!(categories = list.items.len(), "starting categories published");
    Ok(list)
}

/// Stores `list` as the categories document (only what changed travels to devices).
pub async fn save(storage: &dyn Storage, list: &CategoryList) -> Result<(), StorageError> {
    ensure(storage).await?;
    let id = categories::doc_id();
    let Some(mut doc) = load_doc(storage, id).await? else { return Err(StorageError::Corrupt("categories".into())) };
    let heads = doc.get_heads();
    categories::write(&mut doc, list);
    let changes = doc.save_after(&heads);
    if !changes.is_empty() {
        storage.append(id, meta(), &changes, &sync::heads_of(&mut doc)).await?;
    }
    Ok(())
}
