//! Writes a burst of autosaves to one draft, the way the editor does while someone types, and
//! prints the number of each write as soon as it has returned. The crash-safety test kills this
//! process mid-burst and checks that every printed write survived; it is also a quick way to feel
//! the store's write speed on a device.
//!
//! Usage: `mcommunity-write-burst <data-dir> <writes>`

use std::io::Write;

use mcommunity_client::{
    device::Device,
    view::{DraftPatch, NewProfile},
};
use mcommunity_core::{locale::Locale, profile::Avatar, submission::SubmissionKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(writes)) = (args.next(), args.next()) else {
        return Err("usage: mcommunity-write-burst <data-dir> <writes>".into());
    };
    let writes: usize = writes.parse()?;
    let mut device = Device::open(std::path::Path::new(&dir))?;
    device.create_profile(&NewProfile { name: "Burst".into(), avatar: Avatar::Sun, pin: None, locale: Locale::En })?;
    let draft = device.create_draft(SubmissionKind::Problem)?;
    println!("draft {}", draft.id);
    let mut text = String::new();
    let mut out = std::io::stdout().lock();
    for i in 0..writes {
        text.push_str(&format!("w{i} "));
        let patch = DraftPatch { text: Some(text.clone()), title: Some(format!("t{i}")), ..Default::default() };
        device.update_draft(&draft.id, patch)?;
        writeln!(out, "{i}")?;
        out.flush()?;
    }
    Ok(())
}
