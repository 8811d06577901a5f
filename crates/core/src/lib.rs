//! mcommunity-core: the pure domain of mCommunity.
//!
//! Everything here is computation on values: the schemas of the Automerge documents a device
//! keeps (profiles, submissions), the four UI languages and their Fluent messages, the limits on
//! what a person may type, and the stable error codes the app and the server speak. It does no
//! file or network I/O (the Fluent files are embedded at build time), so every part of the system
//! — the app, the sync server, tests — can use it.
//!
//! ```
//! use mcommunity_core::{locale::Locale, submission::{self, SubmissionKind, SubmissionPatch}, ids::ProfileId};
//!
//! let owner = ProfileId::random();
//! let mut doc = submission::new_document(owner, SubmissionKind::Problem, 1_700_000_000_000);
//! let patch = SubmissionPatch { text: Some("The road to Qerret is flooded.".into()), ..Default::default() };
//! submission::apply(&mut doc, &patch, 1_700_000_001_000).unwrap();
//! assert_eq!(submission::read(&doc).unwrap().text, "The road to Qerret is flooded.");
//!
//! let messages = mcommunity_core::i18n::Messages::embedded();
//! assert_eq!(messages.format(Locale::En, "error-not-found", &[]), "We could not find that. It may have been deleted.");
//! ```

pub mod access;
pub mod announcement;
pub mod answer;
pub mod assessment;
pub mod blobs;
pub mod categories;
pub mod content;
pub mod documents;
pub mod errors;
pub mod forms;
pub mod i18n;
pub mod idnum;
pub mod ids;
pub mod lessons;
pub mod limits;
pub mod locale;
pub mod media;
pub mod places;
pub mod profile;
pub mod progress;
pub mod session;
pub mod submission;
pub mod sync;
