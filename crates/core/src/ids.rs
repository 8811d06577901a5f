//! Stable random identifiers of documents.
//!
//! A document's id is chosen once, at random, by the device that creates it, so devices that are
//! offline never need to agree on a counter. Ids are UUIDv4 shown in hyphenated lowercase.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// The id of any document (profile, submission, …).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(uuid::Uuid);

/// The id of a profile document: a [`DocId`] known to name a profile.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProfileId(DocId);

/// The id of a device registered with the sync server.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(uuid::Uuid);

impl DeviceId {
    /// A new random device id.
    pub fn random() -> DeviceId {
        DeviceId(uuid::Uuid::new_v4())
    }
}

impl FromStr for DeviceId {
    type Err = ParseIdError;

    fn from_str(s: &str) -> Result<DeviceId, ParseIdError> {
        s.parse::<DocId>().map(|d| DeviceId(d.0))
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl fmt::Debug for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeviceId({self})")
    }
}

/// A string that is not a document id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a document id")]
pub struct ParseIdError;

impl DocId {
    /// A new random id (122 random bits).
    pub fn random() -> DocId {
        DocId(uuid::Uuid::new_v4())
    }

    /// The id every device and the server give the document named `name` in `namespace` (a
    /// published lesson, a profile's progress), so that copies made apart are one document.
    pub fn derived(namespace: &str, name: &str) -> DocId {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new().chain_update(namespace).chain_update([0]).chain_update(name).finalize();
        let mut bytes = [0; 16];
        bytes.copy_from_slice(&digest[..16]);
        DocId(uuid::Builder::from_custom_bytes(bytes).into_uuid())
    }
}

impl ProfileId {
    /// A new random profile id.
    pub fn random() -> ProfileId {
        ProfileId(DocId::random())
    }

    /// The id of the profile's own document.
    pub fn doc(self) -> DocId {
        self.0
    }
}

impl From<DocId> for ProfileId {
    fn from(id: DocId) -> ProfileId {
        ProfileId(id)
    }
}

impl FromStr for DocId {
    type Err = ParseIdError;

    /// Accepts only the canonical hyphenated form, so one id has one spelling everywhere.
    fn from_str(s: &str) -> Result<DocId, ParseIdError> {
        if s.len() != 36 {
            return Err(ParseIdError);
        }
        let id = uuid::Uuid::try_parse(s).map_err(|_| ParseIdError)?;
        if id.hyphenated().to_string() != s {
            return Err(ParseIdError);
        }
        Ok(DocId(id))
    }
}

impl FromStr for ProfileId {
    type Err = ParseIdError;

    fn from_str(s: &str) -> Result<ProfileId, ParseIdError> {
        s.parse().map(ProfileId)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl fmt::Debug for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocId({self})")
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProfileId({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_their_text_form() {
        let id = DocId::random();
        assert_eq!(id.to_string().parse::<DocId>(), Ok(id));
        assert_ne!(DocId::random(), DocId::random(), "random ids must not repeat");
    }

    #[test]
    fn only_the_canonical_form_parses() {
        let check = |s: &str, ok: bool| assert_eq!(s.parse::<DocId>().is_ok(), ok, "{s:?}");
        check("6f1c2a9e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", true);
        check("6F1C2A9E-3B4D-4E5F-8A9B-0C1D2E3F4A5B", false);
        check("6f1c2a9e3b4d4e5f8a9b0c1d2e3f4a5b", false);
        check("../../etc/passwd", false);
        check("", false);
    }
}
