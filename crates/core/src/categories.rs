//! Categories of submissions. The municipality manages the list on the sync server (admins add,
//! rename and retire categories, naming each in every language); the server keeps it as one public
//! document ([`doc_id`]) that every device gets at its next sync. Until a device has it, the app
//! offers the starting list ([`DEFAULT`], named by Fluent messages), which is also what the server
//! publishes first.
//!
//! ```
//! use mcommunity_core::{categories, i18n::Messages, locale::Locale};
//! let list = categories::default_list(Messages::embedded());
//! let doc = categories::new_document(&list);
//! let read = categories::read(&doc).unwrap();
//! assert_eq!(read.name_of("water", Locale::En), Some("Water and drains"));
//! ```

use std::collections::BTreeMap;

use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, Value, transaction::Transactable};

use crate::{
    documents::{self, DocKind, SchemaError},
    i18n::Messages,
    ids::DocId,
    locale::Locale,
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// Longest category id, in characters.
pub const ID_MAX_CHARS: usize = 40;

/// A category of the starting list: a stable id and the Fluent message that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// The stable id stored in submissions.
    pub id: &'static str,
    /// The Fluent message id of its name.
    pub message_id: &'static str,
}

/// The starting list, in the order the app shows it ("other" last).
pub const DEFAULT: &[Category] = &[
    Category { id: "roads", message_id: "category-roads" },
    Category { id: "water", message_id: "category-water" },
    Category { id: "waste", message_id: "category-waste" },
    Category { id: "lighting", message_id: "category-lighting" },
    Category { id: "public-spaces", message_id: "category-public-spaces" },
    Category { id: "social-help", message_id: "category-social-help" },
    Category { id: "documents", message_id: "category-documents" },
    Category { id: "other", message_id: "category-other" },
];

/// Whether `id` names a category of the starting list.
pub fn is_known(id: &str) -> bool {
    DEFAULT.iter().any(|c| c.id == id)
}

/// Whether `id` has the shape of a category id: 1–40 lowercase ASCII letters, digits and dashes.
/// (Which ids exist is the municipality's list's business: see [`CategoryList::offered`].)
pub fn valid_id(id: &str) -> bool {
    (1..=ID_MAX_CHARS).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// One category of the municipality's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryEntry {
    /// The stable id stored in submissions.
    pub id: String,
    /// Its name in each language.
    pub names: BTreeMap<Locale, String>,
    /// A retired category is no longer offered for new submissions; old ones keep it.
    pub retired: bool,
}

/// The municipality's list of categories, in the order the app shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CategoryList {
    /// The categories, retired ones included.
    pub items: Vec<CategoryEntry>,
}

impl CategoryList {
    /// The name of `id` in `locale` (else in the first language that has one), if it is listed.
    pub fn name_of(&self, id: &str, locale: Locale) -> Option<&str> {
        let entry = self.items.iter().find(|c| c.id == id)?;
        entry.names.get(&locale).or_else(|| Locale::ALL.iter().find_map(|l| entry.names.get(l))).map(String::as_str)
    }

    /// The categories offered for new submissions (not retired), in order.
    pub fn offered(&self) -> impl Iterator<Item = &CategoryEntry> {
        self.items.iter().filter(|c| !c.retired)
    }
}

/// The id of the one categories document, the same on every server and device.
pub fn doc_id() -> DocId {
    DocId::derived("categories", "municipality")
}

/// The starting list, named in every language from the Fluent messages.
pub fn default_list(messages: &Messages) -> CategoryList {
    let items = DEFAULT
        .iter()
        .map(|c| CategoryEntry {
            id: c.id.to_owned(),
            names: Locale::ALL.iter().map(|&l| (l, messages.format(l, c.message_id, &[]))).collect(),
            retired: false,
        })
        .collect();
    CategoryList { items }
}

/// A new categories document holding `list`.
pub fn new_document(list: &CategoryList) -> AutoCommit {
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Categories, SCHEMA);
    write(&mut doc, list);
    doc
}

/// Writes `list` as the document's list, changing only what differs (so an unchanged list records
/// no change and a rename is one small change).
pub fn write(doc: &mut AutoCommit, list: &CategoryList) {
    if read(doc).is_ok_and(|current| current == *list) {
        return;
    }
    let items = match doc.get(ROOT, "items") {
        Ok(Some((Value::Object(ObjType::List), items))) => items,
        _ => doc.put_object(ROOT, "items", ObjType::List).expect("root is a map"),
    };
    while doc.length(&items) > list.items.len() {
        doc.delete(&items, doc.length(&items) - 1).expect("the index is within the list");
    }
    for (i, entry) in list.items.iter().enumerate() {
        let current = read_entry(doc, &items, i).ok();
        if current.as_ref() == Some(entry) {
            continue;
        }
        match current.filter(|c| c.id == entry.id) {
            // The same category changed: only what differs is written.
            Some(current) => {
                let Ok(Some((_, obj))) = doc.get(&items, i) else { unreachable!("read_entry just read it") };
                if current.retired != entry.retired {
                    doc.put(&obj, "retired", entry.retired).expect("an entry is a map");
                }
                let Ok(Some((_, names))) = doc.get(&obj, "names") else { unreachable!("read_entry just read it") };
                for (locale, name) in &entry.names {
                    if current.names.get(locale) != Some(name) {
                        doc.put(&names, locale.code(), name.as_str()).expect("names is a map");
                    }
                }
                for locale in current.names.keys().filter(|l| !entry.names.contains_key(l)) {
                    doc.delete(&names, locale.code()).expect("names is a map");
                }
            }
            None => {
                let obj = if i < doc.length(&items) {
                    doc.put_object(&items, i, ObjType::Map).expect("the index is within the list")
                } else {
                    doc.insert_object(&items, i, ObjType::Map).expect("items is a list")
                };
                doc.put(&obj, "id", entry.id.as_str()).expect("an entry is a map");
                doc.put(&obj, "retired", entry.retired).expect("an entry is a map");
                let names = doc.put_object(&obj, "names", ObjType::Map).expect("an entry is a map");
                for (locale, name) in &entry.names {
                    doc.put(&names, locale.code(), name.as_str()).expect("names is a map");
                }
            }
        }
    }
}

fn read_entry(doc: &AutoCommit, items: &automerge::ObjId, i: usize) -> Result<CategoryEntry, SchemaError> {
    let field = SchemaError::Field("items");
    let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(items, i) else { return Err(field) };
    let id = documents::get_str(doc, &obj, "id")?;
    if !valid_id(&id) {
        return Err(field);
    }
    let retired = matches!(documents::get_scalar(doc, &obj, "retired")?, Some(automerge::ScalarValue::Boolean(true)));
    let Ok(Some((Value::Object(ObjType::Map), names_obj))) = doc.get(&obj, "names") else { return Err(field) };
    let mut names = BTreeMap::new();
    for key in doc.keys(&names_obj) {
        let Ok(locale) = key.parse::<Locale>() else { continue };
        match doc.get(&names_obj, key.as_str()) {
            Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
                automerge::ScalarValue::Str(name) => {
                    names.insert(locale, name.to_string());
                }
                _ => return Err(field),
            },
            _ => return Err(field),
        }
    }
    if names.is_empty() {
        return Err(field);
    }
    Ok(CategoryEntry { id, names, retired })
}

/// Reads a categories document.
pub fn read(doc: &AutoCommit) -> Result<CategoryList, SchemaError> {
    documents::expect_kind(doc, DocKind::Categories)?;
    let items = match doc.get(ROOT, "items") {
        Ok(Some((Value::Object(ObjType::List), items))) => items,
        _ => return Err(SchemaError::Field("items")),
    };
    let mut list = CategoryList::default();
    for i in 0..doc.length(&items) {
        let entry = read_entry(doc, &items, i)?;
        // Two admins adding one id apart would list it twice: the first stands.
        if !list.items.iter().any(|c| c.id == entry.id) {
            list.items.push(entry);
        }
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_is_named_in_every_locale() {
        let messages = Messages::embedded();
        for locale in Locale::ALL {
            for category in DEFAULT {
                assert!(messages.ids(locale).contains(category.message_id), "{locale} lacks {}", category.message_id);
            }
        }
        assert!(is_known("roads") && !is_known("Roads") && !is_known(""));
    }

    #[test]
    fn ids_have_one_shape() {
        for good in ["roads", "snow-2026", "a"] {
            assert!(valid_id(good), "{good}");
        }
        for bad in ["", "Roads", "rrugë", "a b", "<script>", &"x".repeat(41)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn the_list_round_trips_and_edits_are_small() {
        let list = default_list(Messages::embedded());
        let mut doc = new_document(&list);
        assert_eq!(read(&doc).unwrap(), list);
        assert_eq!(read(&doc).unwrap().name_of("roads", Locale::Mk), Some(list.items[0].names[&Locale::Mk].as_str()));

        let heads = doc.get_heads();
        write(&mut doc, &list);
        assert_eq!(doc.get_heads(), heads, "writing the same list records no change");

        let mut edited = list.clone();
        edited.items[1].names.insert(Locale::En, "Drinking water".into());
        edited.items[2].retired = true;
        edited.items.push(CategoryEntry {
            id: "snow".into(),
            names: [(Locale::Sq, "Bora".to_owned())].into_iter().collect(),
            retired: false,
        });
        write(&mut doc, &edited);
        let read_back = read(&doc).unwrap();
        assert_eq!(read_back, edited);
        assert_eq!(read_back.name_of("snow", Locale::En), Some("Bora"), "a missing language falls back");
        assert!(!read_back.offered().any(|c| c.id == edited.items[2].id), "retired ones are not offered");
        assert!(doc.save_after(&heads).len() < 400, "an edit of three entries stays small");

        edited.items.truncate(3);
        write(&mut doc, &edited);
        assert_eq!(read(&doc).unwrap(), edited);
    }
}
