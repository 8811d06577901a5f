//! Logs never contain what residents type, their names or their PINs, at any level.

use std::sync::{Arc, Mutex};

use mcommunity_client::{device::Device, view::DraftPatch};
use mcommunity_core::submission::SubmissionKind;

use crate::support::new_profile;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn nothing_a_resident_types_reaches_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let (name, pin, title, text) =
        ("Zamira Kolndreu", "864209", "Ujësjellësi i prishur", "Fqinji im nuk ka ujë prej javësh");
    tracing::subscriber::with_default(subscriber, || {
        let dir = tempfile::tempdir().unwrap();
        let mut device = Device::open(dir.path()).unwrap();
        let profile = device.create_profile(&new_profile(name, Some(pin))).unwrap();
        let draft = device.create_draft(SubmissionKind::Complaint).unwrap();
        let patch = DraftPatch { title: Some(title.into()), text: Some(text.into()), ..Default::default() };
        device.update_draft(&draft.id, patch).unwrap();
        device.rename_profile(&format!("{name} 2")).unwrap();
        device.close_profile().unwrap();
        for wrong in ["864208", "000000", "111111", "222222", "333333"] {
            let err = device.open_profile(&profile.id, Some(wrong)).unwrap_err();
            device.command_error(&err);
        }
        let err = device.create_profile(&new_profile(&"x".repeat(80), Some("12"))).unwrap_err();
        device.command_error(&err);
        device.delete_draft(&draft.id).unwrap_err();
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("profile created") && logs.contains("locked"), "the events themselves are logged:\n{logs}");
    for secret in [name, "Zamira", pin, "864208", title, text, "Fqinji"] {
        assert!(!logs.contains(secret), "{secret:?} leaked into the logs:\n{logs}");
    }
}
