//! mcommunity-client: the device side of mCommunity, headless.
//!
//! It keeps a device's documents in SQLite as Automerge documents ([`store`]), and offers the
//! actions people take on the device — profiles on a shared device ([`profiles`]), drafts of
//! requests to the municipality ([`drafts`]) — through one [`device::Device`], the API the app's
//! Tauri commands call. The views the UI sees and the one command error live in [`view`].
//!
//! ```
//! use mcommunity_client::{device::Device, view::{DraftPatch, NewProfile}};
//! use mcommunity_core::{locale::Locale, profile::Avatar, submission::SubmissionKind};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut device = Device::open(dir.path()).unwrap();
//! device.create_profile(&NewProfile { name: "Drita".into(), avatar: Avatar::Bird, pin: None, locale: Locale::Sq }).unwrap();
//! let draft = device.create_draft(SubmissionKind::Problem).unwrap();
//! device.update_draft(&draft.id, DraftPatch { text: Some("Drita flooded".into()), ..Default::default() }).unwrap();
//! assert_eq!(device.drafts().unwrap()[0].preview, "Drita flooded");
//! ```

pub mod assessments;
pub mod background;
pub mod blobs;
pub mod categories;
pub mod content;
pub mod credentials;
pub mod demo;
pub mod device;
pub mod drafts;
pub mod error;
pub mod learn;
pub mod news;
pub mod photos;
mod pin;
pub mod practice;
pub mod profiles;
pub mod sessions;
pub mod store;
pub mod sync;
pub mod view;
pub mod voice;
