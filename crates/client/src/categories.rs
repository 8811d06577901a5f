//! The categories a request can have: the municipality's list once a sync brought it (a public
//! document only the server writes), else the starting list. A new choice must be a category the
//! list offers; a request keeps a category the municipality retired later.

use mcommunity_core::{
    categories::{self, CategoryList},
    documents::DocKind,
    i18n::Messages,
    limits::InputError,
    locale::Locale,
};

use crate::{error::ClientError, store::Store, view::Category};

/// The list in force on this device.
pub fn list(store: &Store) -> Result<CategoryList, ClientError> {
    let fallback = || categories::default_list(Messages::embedded());
    let Some(stored) = store.load(categories::doc_id())? else { return Ok(fallback()) };
    if stored.kind != DocKind::Categories || stored.owner.is_some() {
        tracing::error!("the categories document is not the municipality's; using the starting list");
        return Ok(fallback());
    }
    match categories::read(&stored.doc) {
        Ok(list) if list.offered().next().is_some() => Ok(list),
        Ok(_) => Ok(fallback()),
        Err(e) => {
            tracing::error!(error = %e, "the categories document does not read; using the starting list");
            Ok(fallback())
        }
    }
}

/// The categories offered for a new choice, named in `locale`.
pub fn offered(list: &CategoryList, locale: Locale) -> Vec<Category> {
    list.offered()
        .map(|c| Category { id: c.id.clone(), name: list.name_of(&c.id, locale).unwrap_or(&c.id).to_owned() })
        .collect()
}

/// Fails unless `id` is offered: a request cannot be filed under a category the municipality
/// does not (or no longer) have.
pub fn check_offered(list: &CategoryList, id: &str) -> Result<(), ClientError> {
    if list.offered().any(|c| c.id == id) { Ok(()) } else { Err(ClientError::Input(InputError::UnknownCategory)) }
}

/// The name of any listed category in `locale`, retired ones included (an old request keeps
/// its category); an id the list lacks is shown as itself.
pub fn name(list: &CategoryList, id: &str, locale: Locale) -> String {
    list.name_of(id, locale).unwrap_or(id).to_owned()
}

#[cfg(test)]
mod tests {
    use mcommunity_core::categories::CategoryEntry;

    use super::*;

    #[test]
    fn the_municipalitys_list_replaces_the_starting_one_once_it_is_here() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        let start = list(&store).unwrap();
        assert_eq!(start, categories::default_list(Messages::embedded()), "before any sync: the starting list");
        assert!(check_offered(&start, "roads").is_ok());

        let mut municipal = start.clone();
        municipal.items.retain(|c| c.id != "lighting");
        municipal.items[0].retired = true;
        municipal.items.push(CategoryEntry {
            id: "snow".into(),
            names: [(Locale::Sq, "Bora".to_owned()), (Locale::Mk, "Снег".to_owned())].into_iter().collect(),
            retired: false,
        });
        let mut doc = categories::new_document(&municipal);
        store.insert(categories::doc_id(), DocKind::Categories, None, &mut doc).unwrap();

        let now = list(&store).unwrap();
        let offered_mk = offered(&now, Locale::Mk);
        assert!(offered_mk.iter().any(|c| c.id == "snow" && c.name == "Снег"));
        assert!(!offered_mk.iter().any(|c| c.id == now.items[0].id), "a retired category is not offered");
        assert_eq!(offered(&now, Locale::En).last().map(|c| c.name.as_str()), Some("Bora"), "falls back by language");
        assert_eq!(
            check_offered(&now, &now.items[0].id).err().map(|e| e.to_string()),
            Some(ClientError::Input(InputError::UnknownCategory).to_string())
        );
        assert!(check_offered(&now, "lighting").is_err(), "gone from the list");
        assert!(check_offered(&now, "snow").is_ok());
        assert_eq!(
            name(&now, &now.items[0].id, Locale::En),
            start.items[0].names[&Locale::En],
            "old requests keep their name"
        );
    }
}
