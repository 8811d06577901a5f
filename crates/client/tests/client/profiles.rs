use mcommunity_client::{device::Device, error::ClientError, view::CommandError};
use mcommunity_core::{
    errors::ErrorCode, limits::InputError, locale::Locale, profile::Avatar, submission::SubmissionKind,
};

use crate::support::{contains, device_with, new_profile, store_bytes};

#[test]
fn profiles_are_created_listed_renamed_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = Device::open(dir.path()).unwrap();
    let start = device.start().unwrap();
    assert_eq!(
        (start.device_locale, start.profiles.len(), start.active),
        (None, 0, None),
        "a new device asks for a language"
    );
    device.set_device_locale(Locale::Mk).unwrap();

    let drita = device.create_profile(&new_profile("  Drita  ", None)).unwrap();
    assert_eq!((drita.name.as_str(), drita.has_pin, drita.draft_count), ("Drita", false, 0));
    let ana = device.create_profile(&new_profile("Ана", Some("2468"))).unwrap();
    assert!(ana.has_pin);
    assert_eq!(device.start().unwrap().active.unwrap().id, ana.id, "a new profile is the open one");

    device.rename_profile("Ана Петровска").unwrap();
    device.set_profile_avatar(Avatar::Fish).unwrap();
    let ana = device.set_profile_locale(Locale::En).unwrap();
    assert_eq!((ana.name.as_str(), ana.avatar, ana.locale), ("Ана Петровска", Avatar::Fish, Locale::En));

    drop(device);
    let mut device = Device::open(dir.path()).unwrap();
    let start = device.start().unwrap();
    assert_eq!(start.device_locale, Some(Locale::Mk));
    let names: Vec<_> = start.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Drita", "Ана Петровска"], "oldest first, so each picture stays in its place");
    assert_eq!(start.active, None, "a PIN-protected profile never opens by itself");

    device.open_profile(&drita.id, None).unwrap();
    drop(device);
    let mut device = Device::open(dir.path()).unwrap();
    assert_eq!(
        device.start().unwrap().active.map(|p| p.name),
        Some("Drita".into()),
        "the last profile without a PIN reopens"
    );
}

#[test]
fn bad_names_and_pins_are_refused_with_the_field_and_a_message_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = Device::open(dir.path()).unwrap();
    device.set_device_locale(Locale::Sq).unwrap();
    let check = |device: &mut Device, name: &str, pin: Option<&str>, expect: InputError, field: &str, words: &str| {
        let err = device.create_profile(&new_profile(name, pin)).unwrap_err();
        assert!(matches!(err, ClientError::Input(e) if e == expect), "{name:?}/{pin:?}: {err}");
        let shown: CommandError = device.command_error(&err);
        assert_eq!((shown.code, shown.field.as_deref()), (ErrorCode::InvalidInput, Some(field)));
        assert!(shown.message.contains(words), "{:?} should say {words:?}", shown.message);
    };
    check(&mut device, "   ", None, InputError::NameEmpty, "name", "Shkruaj një emër");
    check(&mut device, &"a".repeat(61), None, InputError::NameTooLong, "name", "60");
    check(&mut device, "Drita", Some("12"), InputError::PinFormat, "pin", "4");
    check(&mut device, "Drita", Some("12ab"), InputError::PinFormat, "pin", "6");
    assert!(device.profiles().unwrap().is_empty(), "nothing was created by a refused attempt");
}

#[test]
fn the_pin_is_never_stored_in_clear_and_wrong_pins_lock_the_profile_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = Device::open(dir.path()).unwrap();
    let pin = "739184";
    let p = device.create_profile(&new_profile("Mira", Some(pin))).unwrap();
    device.close_profile().unwrap();
    assert!(!contains(&store_bytes(dir.path()), pin), "the PIN must not be on disk in clear");

    let err = device.open_profile(&p.id, Some("000000")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPin);
    assert_eq!(device.command_error(&err).field.as_deref(), Some("pin"));
    assert_eq!(device.open_profile(&p.id, None).unwrap_err().code(), ErrorCode::WrongPin);
    device.open_profile(&p.id, Some(pin)).unwrap();
    device.close_profile().unwrap();

    for _ in 0..4 {
        assert_eq!(device.open_profile(&p.id, Some("111111")).unwrap_err().code(), ErrorCode::WrongPin);
    }
    assert_eq!(
        device.open_profile(&p.id, Some("111111")).unwrap_err().code(),
        ErrorCode::PinLocked,
        "the fifth wrong try locks"
    );
    drop(device);
    let mut device = Device::open(dir.path()).unwrap();
    assert_eq!(
        device.open_profile(&p.id, Some(pin)).unwrap_err().code(),
        ErrorCode::PinLocked,
        "even the right PIN waits while locked, and a restart does not unlock"
    );
    assert!(device.start().unwrap().active.is_none());
}

#[test]
fn deleting_a_profile_takes_its_drafts_and_nothing_of_others() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, drita) = device_with(dir.path(), "Drita");
    for _ in 0..3 {
        device.create_draft(SubmissionKind::Question).unwrap();
    }
    let arben = device.create_profile(&new_profile("Arben", None)).unwrap();
    let kept = device.create_draft(SubmissionKind::Proposal).unwrap();

    device.open_profile(&drita.id, None).unwrap();
    let impact = device.profile_deletion_impact().unwrap();
    assert_eq!((impact.name.as_str(), impact.drafts), ("Drita", 3), "the confirmation names what will be lost");
    device.delete_profile().unwrap();
    assert!(device.start().unwrap().active.is_none());
    assert_eq!(device.drafts().unwrap_err().code(), ErrorCode::NoActiveProfile);
    assert_eq!(device.open_profile(&drita.id, None).unwrap_err().code(), ErrorCode::NotFound);

    device.open_profile(&arben.id, None).unwrap();
    let drafts = device.drafts().unwrap();
    assert_eq!(drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), [kept.id.as_str()]);
    assert_eq!(device.profiles().unwrap().len(), 1);
}

#[test]
fn a_damaged_database_is_set_aside_and_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcommunity.db"), b"garbage that is not a database".repeat(50)).unwrap();
    let mut device = Device::open(dir.path()).unwrap();
    device.set_device_locale(Locale::En).unwrap();
    let notice = device.start().unwrap().notice.expect("the person is told");
    assert_eq!(notice.code, "storage-recovered");
    assert!(notice.message.contains("mcommunity.db.damaged-"), "{}", notice.message);
    assert_eq!(device.start().unwrap().notice, None, "told once");
    device.create_profile(&new_profile("Drita", None)).unwrap();
}
