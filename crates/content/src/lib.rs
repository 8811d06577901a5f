//! mcommunity-content: the content build of mCommunity.
//!
//! It reads the `lessons/` folder trainers write (lessons per course, practice forms, pictures,
//! recordings), checks it ([`set::load`] reports every problem at once, with the file it is in),
//! narrates every text to be read aloud with Debian's `espeak-ng`, encoded as Ogg Opus at speech
//! bitrate ([`narration`], cached by content so a build redoes only what changed), and packs the
//! result into a [`bundle::Bundle`]: the content documents' editions plus the blobs they name.
//!
//! The app embeds a bundle at build time and imports it on first run, so lessons work with no
//! link at all; the sync server publishes one (`mcommunity-sync-server content publish lessons/`)
//! so new or corrected lessons reach devices at their next sync.
//!
//! ```no_run
//! use std::path::Path;
//!
//! let bundle = mcommunity_content::bundle::build(Path::new("lessons"), Path::new("/tmp/narration")).unwrap();
//! println!("{} lessons and forms, {} blobs", bundle.items.len(), bundle.blobs.len());
//! ```

pub mod bundle;
pub mod narration;
pub mod set;
