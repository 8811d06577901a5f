//! Learn and Practise on a device: the lessons and forms bundled from `lessons/`, imported as on
//! first run, followed step by step by a profile whose progress survives a restart; practice
//! pages checked in the person's language with mistakes counted, never what they typed.

use std::{collections::BTreeMap, path::Path, sync::OnceLock};

use mcommunity_client::{
    device::Device,
    view::{LessonStatus, NewProfile},
};
use mcommunity_core::{errors::ErrorCode, locale::Locale, profile::Avatar, progress};

use crate::support::{code, contains, store_bytes};

/// The bundle the app embeds, built once for these tests.
fn bundle() -> &'static [u8] {
    static BUNDLE: OnceLock<Vec<u8>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("narration-cache");
        mcommunity_content::bundle::build(&lessons, &cache).unwrap().encode()
    })
}

fn person(name: &str, locale: Locale) -> NewProfile {
    NewProfile { name: name.into(), avatar: Avatar::Bird, pin: None, locale }
}

pub(crate) fn device_in(dir: &Path) -> Device {
    let mut device = Device::open(dir).unwrap();
    device.import_content(bundle()).unwrap();
    device
}

#[test]
fn every_bundled_lesson_is_listed_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    assert_eq!(code(device.lessons()), ErrorCode::NoActiveProfile, "lessons are followed by a person");
    device.create_profile(&person("Vesna", Locale::Mk)).unwrap();
    let lessons = device.lessons().unwrap();
    assert!(lessons.len() >= 14, "{} lessons", lessons.len());
    assert!(lessons.iter().all(|l| l.locale == Locale::Mk && l.status == LessonStatus::New));
    assert_eq!(lessons[0].id, "phone-basics", "the beginners' course comes first, in order");
    let keyboard = device.lesson("keyboard").unwrap();
    assert!(keyboard.title.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)), "Macedonian, in Cyrillic");
    assert!(keyboard.steps.iter().all(|s| s.audio.is_some()), "every step is narrated");
    let audio = keyboard.steps[0].audio.clone().unwrap();
    assert_eq!(audio.mime, "audio/ogg");
    assert!(device.media(&audio.hash).unwrap().starts_with(b"OggS"), "narration plays with no link at all");
    assert_eq!(code(device.lesson("no-such-lesson")), ErrorCode::NotFound);
}

#[test]
fn a_lesson_followed_to_its_end_is_remembered_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut device = device_in(dir.path());
        device.create_profile(&person("Drita", Locale::Sq)).unwrap();
        let lesson = device.lesson("staying-safe").unwrap();
        for step in 0..lesson.steps.len() as u32 {
            device.lesson_see_step("staying-safe", step).unwrap();
        }
        let wrong = lesson.quiz[0].choices.iter().position(|c| !c.right).unwrap() as u32;
        let right = lesson.quiz[0].choices.iter().position(|c| c.right).unwrap() as u32;
        device.lesson_answer("staying-safe", 0, wrong).unwrap();
        let after = device.lesson_answer("staying-safe", 0, right).unwrap();
        assert_eq!(after.answers[0], Some(wrong), "the first answer is the one the trainer sees");
        assert_eq!(code(device.lesson_see_step("staying-safe", 99)), ErrorCode::NotFound);
        assert_eq!(code(device.lesson_answer("staying-safe", 0, 9)), ErrorCode::NotFound);
        assert!(device.lesson_finish("staying-safe").unwrap().done);
    }
    let device = Device::open(dir.path()).unwrap();
    let lesson = device.lesson("staying-safe").unwrap();
    assert!(lesson.progress.done);
    assert_eq!(lesson.progress.seen.len(), lesson.steps.len());
    let listed = device.lessons().unwrap();
    assert_eq!(listed.iter().find(|l| l.id == "staying-safe").unwrap().status, LessonStatus::Done);
    assert_eq!(listed.iter().find(|l| l.id == "keyboard").unwrap().status, LessonStatus::New);
}

#[test]
fn progress_belongs_to_one_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    device.create_profile(&person("Drita", Locale::Sq)).unwrap();
    device.lesson_see_step("keyboard", 2).unwrap();
    device.create_profile(&person("Arben", Locale::En)).unwrap();
    let lesson = device.lesson("keyboard").unwrap();
    assert!(lesson.progress.seen.is_empty(), "Arben does not see Drita's progress");
    assert_eq!(lesson.locale, Locale::En);
}

#[test]
fn a_practice_form_is_checked_page_by_page_and_only_mistakes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    let drita = device.create_profile(&person("Drita", Locale::Sq)).unwrap();
    let forms = device.forms().unwrap();
    assert!(forms.len() >= 6);
    let form = device.form("e-albania-registration").unwrap();
    assert_eq!(form.pages.len(), 4);
    assert!(form.pages[0].fields.iter().all(|f| f.hint_audio.is_some()), "every hint can be listened to");
    let attempt = device.practice_start("e-albania-registration").unwrap();
    let otp = attempt.otp.clone().expect("the form asks for an SMS code");
    assert_eq!(otp.len(), 6);
    let id = attempt.attempt_id.as_str();
    let check = |device: &mut Device, page: u32, values: &[(&str, &str)]| {
        let values: BTreeMap<String, String> = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        device.practice_check_page("e-albania-registration", id, page, &values).unwrap()
    };

    let empty = check(&mut device, 0, &[]);
    assert!(!empty.ok);
    assert_eq!(empty.problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["nid", "card-expiry"]);
    let wrong_letter = check(&mut device, 0, &[("nid", "J65101123A"), ("card-expiry", "2031-03-20")]);
    assert_eq!(wrong_letter.problems.len(), 1);
    assert_eq!(wrong_letter.problems[0].field, "nid");
    assert!(!wrong_letter.problems[0].message.is_empty(), "told in words what to fix");
    assert!(
        check(&mut device, 0, &[("nid", "j65101123i"), ("card-expiry", "2031-03-20")]).ok,
        "lower case is forgiven"
    );
    assert!(check(&mut device, 1, &[("phone", "069 123 4567"), ("email", "drita@example.com")]).ok);
    assert!(!check(&mut device, 2, &[("password", "short")]).ok);
    assert!(check(&mut device, 2, &[("password", "Fushe2026")]).ok);
    let wrong_code = if otp == "000000" { "111111" } else { "000000" };
    assert!(!check(&mut device, 3, &[("sms-code", wrong_code)]).ok, "only the code of the simulated SMS passes");
    assert!(check(&mut device, 3, &[("sms-code", &otp)]).ok);
    device.practice_finish("e-albania-registration", id).unwrap();

    let record =
        progress::read(&device.store().load(progress::doc_id(drita.id.parse().unwrap())).unwrap().unwrap().doc)
            .unwrap();
    let tried = &record.attempts[0];
    assert!(tried.finished_at.is_some());
    assert_eq!(tried.mistakes["nid"], 2, "an empty and a wrong personal number");
    assert_eq!(tried.mistakes["card-expiry"], 1);
    assert_eq!(tried.mistakes["sms-code"], 1);
    let listed = device.forms().unwrap();
    let summary = listed.iter().find(|f| f.id == "e-albania-registration").unwrap();
    assert_eq!((summary.attempts, summary.finished), (1, true));
    assert!(!contains(&store_bytes(dir.path()), "Fushe2026"), "what was typed into a practice form is never stored");
    assert_eq!(
        code(device.practice_check_page("e-albania-registration", id, 0, &BTreeMap::new())),
        ErrorCode::NotFound,
        "a finished attempt takes no more pages"
    );
}
