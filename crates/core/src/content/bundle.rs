//! A built content set as one value: each lesson's and form's edition and every blob those name.
//! The app embeds one (built from `lessons/` by `mcommunity-content`) and imports it on first run;
//! the server publishes one.
//!
//! Media names: `pictures/<file>` for drawings, `audio/<language>/<key>` for narration, where the
//! key says which text is read (`step-0`, `question-1`, `choice-1-2`, `feedback-1-2`; for forms
//! `service-step-0`, `hint-<page>-<field>`, `next`; for the skills assessment's instrument
//! `intro`, `scale-<rating>`, `item-<id>`, `task-<id>`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{blobs::BlobHash, content::Edition, documents::DocKind, locale::Locale};

/// The media type of narration.
pub const NARRATION_MIME: &str = "audio/ogg";

/// One lesson, form or assessment instrument, ready to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Lesson, form or instrument.
    pub kind: DocKind,
    /// Its content id.
    pub id: String,
    /// Its edition.
    pub edition: Edition,
}

/// A built content set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bundle {
    /// Lessons, then forms, then instruments.
    pub items: Vec<Item>,
    /// Every blob the items name.
    pub blobs: BTreeMap<BlobHash, Vec<u8>>,
}

/// Bytes that are not a whole, intact bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the content bundle does not decode: {0}")]
pub struct DecodeError(pub String);

/// The media type of a media name.
pub fn mime(name: &str) -> &'static str {
    if name.starts_with("audio/") {
        NARRATION_MIME
    } else if name.ends_with(".svg") {
        "image/svg+xml"
    } else {
        "application/octet-stream"
    }
}

/// The media name of a picture file.
pub fn picture_name(file: &str) -> String {
    format!("pictures/{file}")
}

/// The media name of the narration of `key` in `locale`.
pub fn audio_name(locale: Locale, key: &str) -> String {
    format!("audio/{locale}/{key}")
}

/// The narration key of the hint of field `field` on page `page` of a form.
pub fn hint_key(page: usize, field: &str) -> String {
    format!("hint-{page}-{field}")
}

/// The narration key of step `i` of a form's real service.
pub fn service_step_key(i: usize) -> String {
    format!("service-step-{i}")
}

/// The narration key of a form's end page.
pub const NEXT_KEY: &str = "next";

#[derive(Serialize, Deserialize)]
struct Wire {
    items: Vec<WireItem>,
    blobs: Vec<([u8; 32], Vec<u8>)>,
}

#[derive(Serialize, Deserialize)]
struct WireItem {
    kind: String,
    id: String,
    revision: u64,
    body: String,
    media: Vec<(String, [u8; 32])>,
}

/// A bundle read in place: its items, and its blobs as slices of the encoded bytes (the app reads
/// the bundle embedded in its own binary this way, so narration is never copied to disk or heap).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundleRef<'a> {
    /// Lessons, then forms, then instruments.
    pub items: Vec<Item>,
    /// Every blob the items name, borrowed from the encoded bytes.
    pub blobs: BTreeMap<BlobHash, &'a [u8]>,
}

#[derive(Deserialize)]
struct WireRef<'a> {
    items: Vec<WireItem>,
    #[serde(borrow)]
    blobs: Vec<([u8; 32], &'a [u8])>,
}

impl<'a> BundleRef<'a> {
    /// Reads encoded bytes in place, checking that every named blob is there but not hashing the
    /// blobs (see [`BundleRef::verify`]): cheap enough for every start of the app.
    pub fn read(bytes: &'a [u8]) -> Result<BundleRef<'a>, DecodeError> {
        let wire: WireRef<'a> = postcard::from_bytes(bytes).map_err(|e| DecodeError(e.to_string()))?;
        let blobs: BTreeMap<BlobHash, &'a [u8]> = wire.blobs.into_iter().map(|(h, b)| (BlobHash(h), b)).collect();
        let mut items = Vec::with_capacity(wire.items.len());
        for item in wire.items {
            let kind: DocKind = item.kind.parse().map_err(|_| DecodeError(format!("kind {:?}", item.kind)))?;
            let media: BTreeMap<String, BlobHash> = item.media.into_iter().map(|(n, h)| (n, BlobHash(h))).collect();
            if let Some((name, _)) = media.iter().find(|(_, h)| !blobs.contains_key(h)) {
                return Err(DecodeError(format!("{} names {name} but the bundle lacks it", item.id)));
            }
            items.push(Item {
                kind,
                id: item.id,
                edition: Edition { revision: item.revision, body: item.body, media },
            });
        }
        Ok(BundleRef { items, blobs })
    }

    /// Checks every blob against its hash.
    pub fn verify(&self) -> Result<(), DecodeError> {
        match self.blobs.iter().find(|(hash, bytes)| BlobHash::of(bytes) != **hash) {
            Some((hash, _)) => Err(DecodeError(format!("blob {hash} does not match its hash"))),
            None => Ok(()),
        }
    }

    /// What identifies this bundle's content: its items' editions and its blobs' names.
    pub fn fingerprint(&self) -> BlobHash {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        for item in &self.items {
            hasher.update(item.kind.as_str());
            hasher.update([0]);
            hasher.update(&item.id);
            hasher.update(item.edition.revision.to_be_bytes());
            hasher.update(Sha256::digest(&item.edition.body));
        }
        for hash in self.blobs.keys() {
            hasher.update(hash.0);
        }
        BlobHash(hasher.finalize().into())
    }
}

impl Bundle {
    /// The bundle as bytes, for embedding in the app.
    pub fn encode(&self) -> Vec<u8> {
        let wire = Wire {
            items: self
                .items
                .iter()
                .map(|i| WireItem {
                    kind: i.kind.as_str().to_owned(),
                    id: i.id.clone(),
                    revision: i.edition.revision,
                    body: i.edition.body.clone(),
                    media: i.edition.media.iter().map(|(n, h)| (n.clone(), h.0)).collect(),
                })
                .collect(),
            blobs: self.blobs.iter().map(|(h, b)| (h.0, b.clone())).collect(),
        };
        postcard::to_stdvec(&wire).expect("a bundle serializes")
    }

    /// Reads encoded bytes, checking every blob against its hash.
    pub fn decode(bytes: &[u8]) -> Result<Bundle, DecodeError> {
        let read = BundleRef::read(bytes)?;
        read.verify()?;
        Ok(Bundle { items: read.items, blobs: read.blobs.into_iter().map(|(h, b)| (h, b.to_vec())).collect() })
    }

    /// How many bytes of narration the bundle holds per language.
    pub fn narration_bytes(&self) -> BTreeMap<Locale, u64> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = BTreeMap::new();
        for item in &self.items {
            for (name, hash) in &item.edition.media {
                let Some(rest) = name.strip_prefix("audio/") else { continue };
                let Some(locale) = rest.split('/').next().and_then(|l| l.parse::<Locale>().ok()) else { continue };
                if seen.insert((locale, *hash)) {
                    *out.entry(locale).or_default() += self.blobs[hash].len() as u64;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_round_trips_and_a_damaged_one_is_refused() {
        let blob = b"OggS narration".to_vec();
        let hash = BlobHash::of(&blob);
        let media = BTreeMap::from([(audio_name(Locale::Mk, "step-0"), hash)]);
        let bundle = Bundle {
            items: vec![Item {
                kind: DocKind::Lesson,
                id: "keyboard".into(),
                edition: Edition { revision: 2, body: "{}".into(), media },
            }],
            blobs: BTreeMap::from([(hash, blob)]),
        };
        let bytes = bundle.encode();
        assert_eq!(Bundle::decode(&bytes).unwrap(), bundle);
        assert_eq!(bundle.narration_bytes()[&Locale::Mk], 14);
        let mut damaged = bytes.clone();
        let at = damaged.len() - 1;
        damaged[at] ^= 1;
        assert!(Bundle::decode(&damaged).is_err(), "a blob that no longer matches its hash is refused");
        assert!(Bundle::decode(&bytes[..bytes.len() / 2]).is_err());
        let read = BundleRef::read(&bytes).unwrap();
        assert_eq!(read.items, bundle.items);
        assert_eq!(read.blobs[&hash], b"OggS narration", "blobs are read in place");
        assert!(BundleRef::read(&damaged).unwrap().verify().is_err());
        let mut other = bundle.clone();
        other.items[0].edition.revision = 3;
        assert_ne!(BundleRef::read(&other.encode()).unwrap().fingerprint(), read.fingerprint());
    }
}
