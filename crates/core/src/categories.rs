//! Categories of submissions. The municipality will manage the list on the sync server; until a
//! device has synced, it offers this starting list (the pilot municipality's common topics).

/// A category: a stable id and the Fluent message that names it.
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

/// Whether `id` names a category of the list.
pub fn is_known(id: &str) -> bool {
    DEFAULT.iter().any(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{i18n::Messages, locale::Locale};

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
}
