//! Profile documents: one per person using a device.
//!
//! A profile holds what others on the device may see of a person (name, picture, language). The
//! PIN is not part of it: it never leaves the device, so the client keeps its hash elsewhere.

use std::str::FromStr;

use automerge::{AutoCommit, ROOT, transaction::Transactable};
use serde::{Deserialize, Serialize};

use crate::{
    documents::{self, DocKind, SchemaError},
    locale::Locale,
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// The drawn pictures a person can choose as theirs: things, not faces, so anyone can pick one
/// and recognise it without reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Avatar {
    #[allow(missing_docs)]
    Sun,
    #[allow(missing_docs)]
    Moon,
    #[allow(missing_docs)]
    Tree,
    #[allow(missing_docs)]
    Flower,
    #[allow(missing_docs)]
    Bird,
    #[allow(missing_docs)]
    Fish,
    #[allow(missing_docs)]
    Mountain,
    #[allow(missing_docs)]
    House,
}

impl Avatar {
    /// Every avatar, in the order the picker shows them.
    pub const ALL: [Avatar; 8] = [
        Avatar::Sun,
        Avatar::Moon,
        Avatar::Tree,
        Avatar::Flower,
        Avatar::Bird,
        Avatar::Fish,
        Avatar::Mountain,
        Avatar::House,
    ];

    /// The stored name, also the picture's file name `avatar-<name>.svg`.
    pub fn as_str(self) -> &'static str {
        match self {
            Avatar::Sun => "sun",
            Avatar::Moon => "moon",
            Avatar::Tree => "tree",
            Avatar::Flower => "flower",
            Avatar::Bird => "bird",
            Avatar::Fish => "fish",
            Avatar::Mountain => "mountain",
            Avatar::House => "house",
        }
    }
}

impl FromStr for Avatar {
    type Err = SchemaError;

    fn from_str(s: &str) -> Result<Avatar, SchemaError> {
        Avatar::ALL.into_iter().find(|a| a.as_str() == s).ok_or(SchemaError::Field("avatar"))
    }
}

/// A profile as read from its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The name the person chose (validated by [`crate::limits::profile_name`]).
    pub name: String,
    /// Their picture.
    pub avatar: Avatar,
    /// The language the app speaks to them in.
    pub locale: Locale,
    /// When the profile was created, in ms since the Unix epoch.
    pub created_at: i64,
}

/// A new profile document holding `profile`.
pub fn new_document(profile: &Profile) -> AutoCommit {
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Profile, SCHEMA);
    doc.put(ROOT, "name", profile.name.as_str()).expect("root is a map");
    doc.put(ROOT, "avatar", profile.avatar.as_str()).expect("root is a map");
    doc.put(ROOT, "locale", profile.locale.code()).expect("root is a map");
    doc.put(ROOT, "createdAt", profile.created_at).expect("root is a map");
    doc
}

/// Reads a profile document.
pub fn read(doc: &AutoCommit) -> Result<Profile, SchemaError> {
    documents::expect_kind(doc, DocKind::Profile)?;
    Ok(Profile {
        name: documents::get_str(doc, &ROOT, "name")?,
        avatar: documents::get_str(doc, &ROOT, "avatar")?.parse()?,
        locale: documents::get_str(doc, &ROOT, "locale")?.parse().map_err(|_| SchemaError::Field("locale"))?,
        created_at: documents::get_i64(doc, &ROOT, "createdAt")?,
    })
}

/// Sets the name (already validated).
pub fn set_name(doc: &mut AutoCommit, name: &str) {
    doc.put(ROOT, "name", name).expect("root is a map");
}

/// Sets the picture.
pub fn set_avatar(doc: &mut AutoCommit, avatar: Avatar) {
    doc.put(ROOT, "avatar", avatar.as_str()).expect("root is a map");
}

/// Sets the language.
pub fn set_locale(doc: &mut AutoCommit, locale: Locale) {
    doc.put(ROOT, "locale", locale.code()).expect("root is a map");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_survives_save_and_load() {
        let profile = Profile { name: "Drita".into(), avatar: Avatar::Bird, locale: Locale::Sq, created_at: 42 };
        let mut doc = new_document(&profile);
        let mut loaded = AutoCommit::load(&doc.save()).unwrap();
        assert_eq!(read(&loaded).unwrap(), profile);
        set_name(&mut loaded, "Drita K.");
        set_avatar(&mut loaded, Avatar::Moon);
        set_locale(&mut loaded, Locale::Mk);
        let again = read(&AutoCommit::load(&loaded.save()).unwrap()).unwrap();
        assert_eq!((again.name.as_str(), again.avatar, again.locale), ("Drita K.", Avatar::Moon, Locale::Mk));
    }

    #[test]
    fn a_document_of_another_kind_is_not_a_profile() {
        let doc = crate::submission::new_document(
            crate::ids::ProfileId::random(),
            crate::submission::SubmissionKind::Question,
            1,
        );
        assert_eq!(read(&doc), Err(SchemaError::WrongKind { expected: DocKind::Profile }));
    }

    #[test]
    fn avatar_names_round_trip() {
        for avatar in Avatar::ALL {
            assert_eq!(avatar.as_str().parse::<Avatar>(), Ok(avatar));
        }
        assert!("dragon".parse::<Avatar>().is_err());
    }
}
