//! Demo content for `make run`: two residents of Fushë-Arrëz with a few drafts and a few lessons'
//! worth of progress, so a newcomer sees the app with something in it. Seeded only when asked (`MCOMMUNITY_DEMO=1`) and only into a
//! device with no profiles; every seeded name says "demo", so it is never mistaken for real data.

use mcommunity_core::{locale::Locale, profile::Avatar, submission::SubmissionKind};

use crate::{
    device::Device,
    error::ClientError,
    view::{DraftPatch, NewProfile},
};

/// A demo draft: kind, category, title, text.
type DemoDraft = (SubmissionKind, &'static str, &'static str, &'static str);

const PEOPLE: &[(&str, Avatar, Locale, &[DemoDraft])] = &[
    (
        "Drita (demo)",
        Avatar::Flower,
        Locale::Sq,
        &[
            (
                SubmissionKind::Problem,
                "roads",
                "Gropa në rrugën e shkollës",
                "Rruga nga qendra për te shkolla ka gropa të mëdha. Kur bie shi, fëmijët ecin në baltë.",
            ),
            (
                SubmissionKind::Question,
                "documents",
                "Certifikata e lindjes",
                "Si mund ta marr certifikatën e lindjes për nipin tim?",
            ),
        ],
    ),
    (
        "Arben (demo)",
        Avatar::Mountain,
        Locale::Sq,
        &[(
            SubmissionKind::Proposal,
            "public-spaces",
            "Stol në shesh",
            "Do të ishte mirë të kishte stola në sheshin e fshatit për të moshuarit.",
        )],
    ),
];

/// Lessons each demo person has finished, and one they are in the middle of (steps seen), when
/// the device has those lessons (the app imports them before seeding).
const PROGRESS: &[(&str, &[&str], (&str, u32))] = &[
    ("Drita (demo)", &["phone-basics", "calls-and-voice"], ("keyboard", 3)),
    ("Arben (demo)", &["phone-basics"], ("staying-safe", 2)),
];

/// Follows `lesson` as a person would: every step, the right answers, the end.
fn finish_lesson(device: &mut Device, lesson: &str) -> Result<(), ClientError> {
    let view = device.lesson(lesson)?;
    for step in 0..view.steps.len() as u32 {
        device.lesson_see_step(lesson, step)?;
    }
    for (q, question) in view.quiz.iter().enumerate() {
        if let Some(right) = question.choices.iter().position(|c| c.right) {
            device.lesson_answer(lesson, q as u32, right as u32)?;
        }
    }
    device.lesson_finish(lesson)?;
    Ok(())
}

fn seed_progress(device: &mut Device, name: &str) -> Result<(), ClientError> {
    let Some((_, done, (started, steps))) = PROGRESS.iter().find(|(who, _, _)| *who == name) else { return Ok(()) };
    let present: Vec<String> = device.lessons()?.into_iter().map(|l| l.id).collect();
    for lesson in done.iter().filter(|l| present.iter().any(|p| p == *l)) {
        finish_lesson(device, lesson)?;
    }
    if present.iter().any(|p| p == started) {
        for step in 0..*steps {
            device.lesson_see_step(started, step)?;
        }
    }
    Ok(())
}

/// Seeds the demo people and drafts into a device with no profiles. Returns whether it did; a
/// device that already has profiles is left as it is. No profile is left open.
pub fn seed(device: &mut Device) -> Result<bool, ClientError> {
    if !device.profiles()?.is_empty() {
        return Ok(false);
    }
    for (name, avatar, locale, drafts) in PEOPLE {
        device.create_profile(&NewProfile { name: (*name).into(), avatar: *avatar, pin: None, locale: *locale })?;
        for (kind, category, title, text) in *drafts {
            let draft = device.create_draft(*kind)?;
            let patch = DraftPatch {
                kind: None,
                category: Some((*category).into()),
                title: Some((*title).into()),
                text: Some((*text).into()),
            };
            device.update_draft(&draft.id, patch)?;
        }
        seed_progress(device, name)?;
    }
    device.close_profile()?;
    tracing::info!(people = PEOPLE.len(), "demo content seeded");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_an_empty_device_once_and_marks_everyone_as_demo() {
        let dir = tempfile::tempdir().unwrap();
        let mut device = Device::open(dir.path()).unwrap();
        assert!(seed(&mut device).unwrap());
        let profiles = device.profiles().unwrap();
        assert_eq!(profiles.len(), 2);
        assert!(profiles.iter().all(|p| p.name.contains("demo")), "demo people say so");
        assert_eq!(profiles.iter().map(|p| p.draft_count).sum::<u32>(), 3);
        assert!(device.start().unwrap().active.is_none(), "the person chooses who they are");
        assert!(!seed(&mut device).unwrap(), "a second seed adds nothing");
        assert_eq!(device.profiles().unwrap().len(), 2);
    }

    #[test]
    fn demo_people_have_progress_in_the_bundled_lessons() {
        let dir = tempfile::tempdir().unwrap();
        let mut device = Device::open(dir.path()).unwrap();
        let bundle: &'static [u8] = Box::leak(crate::content::tests::small_bundle().encode().into_boxed_slice());
        device.import_content(bundle).unwrap();
        assert!(seed(&mut device).unwrap());
        let drita = device.profiles().unwrap().into_iter().find(|p| p.name.starts_with("Drita")).unwrap();
        device.open_profile(&drita.id, None).unwrap();
        let lessons = device.lessons().unwrap();
        assert_eq!(lessons[0].status, crate::view::LessonStatus::Done, "{lessons:?}");
    }

    #[test]
    fn never_touches_a_device_that_has_people() {
        let dir = tempfile::tempdir().unwrap();
        let mut device = Device::open(dir.path()).unwrap();
        device
            .create_profile(&NewProfile { name: "Vera".into(), avatar: Avatar::Sun, pin: None, locale: Locale::Mk })
            .unwrap();
        assert!(!seed(&mut device).unwrap());
        assert_eq!(device.profiles().unwrap().iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Vera"]);
    }
}
