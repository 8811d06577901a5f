//! The skills assessment on a device: the instrument bundled from `lessons/assessment/`, in the
//! person's language with pictures and narration; an assessment taken with a volunteer, scored
//! per DigComp area, closed when finished and kept across a restart; two assessments compared;
//! another profile's assessments out of reach.

use std::{path::Path, sync::OnceLock, time::Duration};

use mcommunity_client::{
    device::Device,
    view::{AssessmentView, NewProfile},
};
use mcommunity_core::{
    assessment::{Area, Level, Rating},
    errors::ErrorCode,
    locale::Locale,
    profile::Avatar,
};

use crate::support::code;

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
    NewProfile { name: name.into(), avatar: Avatar::Flower, pin: None, locale }
}

fn device_in(dir: &Path) -> Device {
    let mut device = Device::open(dir).unwrap();
    device.import_content(bundle()).unwrap();
    device
}

/// An area's score and level as `"3/2 F2"`-like text: `"-"` when not assessed.
fn area(view: &AssessmentView, area: Area) -> String {
    let score = view.areas.iter().find(|a| a.area == area).unwrap();
    match (score.score, score.level) {
        (Some(s), Some(level)) => format!("{s:.2} {level:?}"),
        (None, None) => "-".into(),
        other => panic!("a score comes with its level: {other:?}"),
    }
}

#[test]
fn the_instrument_speaks_the_persons_language_with_pictures_and_narration() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    assert_eq!(code(device.assessment_instrument()), ErrorCode::NoActiveProfile, "an assessment is of a person");
    device.create_profile(&person("Vesna", Locale::Mk)).unwrap();
    let instrument = device.assessment_instrument().unwrap();
    assert_eq!(instrument.locale, Locale::Mk);
    assert_eq!(instrument.items.len(), 15);
    for area in Area::ALL {
        assert!(instrument.items.iter().filter(|i| i.area == area).count() >= 3, "{area:?} has three items");
    }
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    assert!(instrument.items.iter().all(|i| cyrillic(&i.text.text)), "every item in Macedonian, in Cyrillic");
    assert!(
        instrument.items.iter().all(|i| i.text.audio.is_some() && i.picture.is_some()),
        "every item is read aloud and has a picture"
    );
    let ratings: Vec<Rating> = instrument.scale.iter().map(|s| s.rating).collect();
    assert_eq!(ratings, Rating::ALL, "the scale from I can't to I can teach others");
    assert_eq!(instrument.scale[2].text.text, "Можам самостојно.");
    assert!(instrument.scale.iter().all(|s| s.text.audio.is_some() && s.picture.is_some()));
    assert_eq!(instrument.tasks.len(), 4);
    let form_task = instrument.tasks.iter().find(|t| t.form.is_some()).expect("one task is the practice form");
    assert!(device.form(form_task.form.as_deref().unwrap()).is_ok(), "the task names a form the device has");
    let audio = instrument.intro.audio.clone().expect("the introduction is read aloud");
    assert!(device.media(&audio.hash).unwrap().starts_with(b"OggS"), "narration plays with no link at all");
    let picture = instrument.items[0].picture.clone().unwrap();
    assert_eq!(picture.mime, "image/svg+xml");
    assert!(device.media(&picture.hash).unwrap().starts_with(b"<svg"));
    device.set_profile_locale(Locale::Sr).unwrap();
    assert_eq!(device.assessment_instrument().unwrap().scale[0].text.text, "Još ne mogu.");
}

#[test]
fn an_assessment_is_scored_per_area_closed_when_finished_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    let volunteer;
    {
        let mut device = device_in(dir.path());
        volunteer = device.create_profile(&person("Arben", Locale::Sq)).unwrap().id;
        device.create_profile(&person("Drita", Locale::Sq)).unwrap();
        let started = device.assessment_start(Some(&volunteer)).unwrap();
        id = started.id.clone();
        assert_eq!(started.taken_by.as_deref(), Some(volunteer.as_str()));
        assert_eq!((started.answered, started.item_count), (0, 15));
        assert!(started.areas.iter().all(|a| a.score.is_none()), "nothing answered is not assessed, not zero");
        assert_eq!(started.overall, None);

        device.assessment_rate(&id, "find-opening-hours", Rating::CannotDo).unwrap();
        device.assessment_rate(&id, "find-opening-hours", Rating::WithHelp).unwrap();
        device.assessment_rate(&id, "check-news", Rating::OnMyOwn).unwrap();
        device.assessment_rate(&id, "lock-phone", Rating::CannotDo).unwrap();
        device.assessment_observe(&id, "spot-the-scam", true).unwrap();
        device.assessment_observe(&id, "photo-and-send", false).unwrap();
        let view = device.assessment_rate(&id, "voice-message", Rating::CanTeach).unwrap();
        assert_eq!(view.answered, 4);
        assert_eq!(area(&view, Area::Information), "1.50 Foundation2", "the last answer counts");
        assert_eq!(area(&view, Area::Communication), "3.00 Intermediate4");
        assert_eq!(area(&view, Area::Safety), "1.00 Foundation2", "the scam spotted counts as on my own");
        assert_eq!(area(&view, Area::ContentCreation), "-", "a task not done is no evidence");
        assert_eq!(area(&view, Area::ProblemSolving), "-");
        let overall = view.overall.unwrap();
        assert!((overall - 11.0 / 6.0).abs() < 1e-9, "the mean of three areas: {overall}");
        assert_eq!(view.overall_level, Some(Level::Intermediate3));

        assert_eq!(code(device.assessment_rate(&id, "no-such-item", Rating::OnMyOwn)), ErrorCode::NotFound);
        assert_eq!(code(device.assessment_observe(&id, "no-such-task", true)), ErrorCode::NotFound);
        let finished = device.assessment_finish(&id).unwrap();
        let at = finished.finished_at.expect("finished");
        assert_eq!(device.assessment_finish(&id).unwrap().finished_at, Some(at), "the first finish is kept");
        assert_eq!(
            code(device.assessment_rate(&id, "lock-phone", Rating::CanTeach)),
            ErrorCode::NotFound,
            "a finished assessment takes no more answers"
        );
        assert_eq!(code(device.assessment_observe(&id, "photo-and-send", true)), ErrorCode::NotFound);
    }
    let device = Device::open(dir.path()).unwrap();
    let kept = device.assessments().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].id, id);
    assert!(kept[0].finished_at.is_some());
    assert_eq!(kept[0].ratings.get("lock-phone"), Some(&Rating::CannotDo), "the refused change changed nothing");
    assert_eq!(kept[0].observed.get("photo-and-send"), Some(&false));
    assert_eq!(area(&kept[0], Area::Information), "1.50 Foundation2");
}

#[test]
fn before_and_after_are_compared_area_by_area() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    device.create_profile(&person("Drita", Locale::En)).unwrap();
    let before = device.assessment_start(None).unwrap().id;
    for (item, rating) in [("voice-message", Rating::WithHelp), ("video-call", Rating::CannotDo)] {
        device.assessment_rate(&before, item, rating).unwrap();
    }
    device.assessment_rate(&before, "scam-sms", Rating::OnMyOwn).unwrap();
    device.assessment_rate(&before, "restart-phone", Rating::WithHelp).unwrap();
    device.assessment_finish(&before).unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let after = device.assessment_start(None).unwrap().id;
    for (item, rating) in [("voice-message", Rating::OnMyOwn), ("video-call", Rating::WithHelp)] {
        device.assessment_rate(&after, item, rating).unwrap();
    }
    device.assessment_observe(&after, "call-or-voice-message", true).unwrap();
    device.assessment_rate(&after, "scam-sms", Rating::WithHelp).unwrap();
    device.assessment_rate(&after, "find-opening-hours", Rating::OnMyOwn).unwrap();
    device.assessment_rate(&after, "restart-phone", Rating::WithHelp).unwrap();
    device.assessment_finish(&after).unwrap();

    let listed: Vec<String> = device.assessments().unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(listed, [after.clone(), before.clone()], "newest first");
    let comparison = device.assessment_compare(&before, &after).unwrap();
    assert_eq!((comparison.before.id.as_str(), comparison.after.id.as_str()), (before.as_str(), after.as_str()));
    let shown: Vec<String> = comparison
        .areas
        .iter()
        .map(|c| match (c.trend, c.difference) {
            (Some(trend), Some(d)) => format!("{:?} {trend:?} {d:+.2}", c.area),
            (None, None) => format!("{:?} -", c.area),
            other => panic!("a trend comes with a difference: {other:?}"),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "Information -",
            "Communication Up +1.17",
            "ContentCreation -",
            "Safety Down -1.00",
            "ProblemSolving Same +0.00",
        ],
        "an area assessed only once is not compared with zero"
    );
    let communication = &comparison.areas[1];
    assert_eq!(communication.before_level, Some(Level::Foundation1));
    assert_eq!(communication.after_level, Some(Level::Foundation2));
    assert_eq!(comparison.areas[0].after, Some(2.0), "assessed only after: shown, not compared");
}

#[test]
fn another_profiles_assessments_look_missing() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = device_in(dir.path());
    device.create_profile(&person("Drita", Locale::Sq)).unwrap();
    let hers = device.assessment_start(None).unwrap().id;
    device.create_profile(&person("Arben", Locale::Sq)).unwrap();
    let his = device.assessment_start(None).unwrap().id;
    assert_eq!(device.assessments().unwrap().len(), 1, "Arben sees only his own");
    assert_eq!(code(device.assessment_rate(&hers, "scam-sms", Rating::OnMyOwn)), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_observe(&hers, "spot-the-scam", true)), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_finish(&hers)), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_compare(&hers, &his)), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_rate("not-an-id", "scam-sms", Rating::OnMyOwn)), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_start(Some("not-a-profile"))), ErrorCode::NotFound);
    device.close_profile().unwrap();
    assert_eq!(code(device.assessments()), ErrorCode::NoActiveProfile);
    assert_eq!(code(device.assessment_start(None)), ErrorCode::NoActiveProfile);
}

#[test]
fn without_the_instrument_there_is_nothing_to_take() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = Device::open(dir.path()).unwrap();
    device.create_profile(&person("Drita", Locale::Sq)).unwrap();
    assert_eq!(code(device.assessment_instrument()), ErrorCode::NotFound);
    assert_eq!(code(device.assessment_start(None)), ErrorCode::NotFound);
    assert!(device.store().list(mcommunity_core::documents::DocKind::Assessment, None).unwrap().is_empty());
}
