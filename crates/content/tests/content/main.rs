//! The content check of `make test`: the shipped `lessons/` folder parses, has every required
//! language, every picture and recording it names, quizzes with exactly one right answer, the
//! courses and DigComp areas the project promises — and is narrated whole, in every language each
//! lesson and form has. A broken copy shows the checks fail, naming the file.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

use mcommunity_content::{bundle, set};
use mcommunity_core::{
    assessment::{Area, INSTRUMENT_ID, Instrument},
    content::bundle::{Bundle, NEXT_KEY, audio_name, hint_key, picture_name, service_step_key},
    documents::DocKind,
    forms::Form,
    lessons::{Course, Lesson, REQUIRED_LANGUAGES},
    locale::Locale,
};

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
}

/// The build's own narration cache (`<target>/narration-cache`), so nothing is spoken twice.
fn cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("narration-cache")
}

#[test]
fn the_shipped_lessons_are_whole() {
    let set = set::load(&lessons_dir()).unwrap_or_else(|problems| {
        panic!("lessons/ has problems:\n{}", problems.iter().map(|p| format!("  {p}\n")).collect::<String>())
    });
    assert!(set.lessons.len() >= 14, "at least 14 lessons, found {}", set.lessons.len());
    for course in [Course::Beginners, Course::Everyday, Course::Helpers] {
        assert!(set.lessons.iter().any(|l| l.course == course), "the {course:?} course has lessons");
    }
    let areas: BTreeSet<&str> = set.lessons.iter().filter_map(|l| l.digcomp.split('.').next()).collect();
    assert_eq!(areas, BTreeSet::from(["1", "2", "3", "4", "5"]), "every DigComp area has a lesson");
    for lesson in &set.lessons {
        for language in REQUIRED_LANGUAGES {
            assert!(lesson.languages().contains(&language), "{} has {language}", lesson.id);
        }
        for question in &lesson.quiz {
            assert_eq!(question.choices.iter().filter(|c| c.right).count(), 1, "{}: one right choice", lesson.id);
        }
    }
    assert!(set.forms.len() >= 6, "at least 6 practice services, found {}", set.forms.len());
}

#[test]
fn the_skills_assessment_covers_every_digcomp_area_in_every_language() {
    let set = set::load(&lessons_dir()).unwrap_or_else(|problems| panic!("lessons/ has problems: {problems:#?}"));
    let instrument = set.instruments.iter().find(|i| i.id == INSTRUMENT_ID).expect("the app's instrument is shipped");
    assert!((12..=20).contains(&instrument.items.len()), "about 15 items, found {}", instrument.items.len());
    for area in Area::ALL {
        let items = instrument.items.iter().filter(|i| i.area() == Some(area)).count();
        assert!(items >= 3, "area {} has {items} items; three make a fair picture", area.number());
    }
    assert_eq!(instrument.tasks.len(), 4, "the four observed tasks of the issue");
    for text in instrument.items.iter().map(|i| &i.text).chain(instrument.tasks.iter().map(|t| &t.text)) {
        assert_eq!(text.len(), 4, "sq, mk, sr and en: {text:?}");
        assert!(
            text[&Locale::Mk].chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
            "Macedonian in Cyrillic: {text:?}"
        );
    }
    for item in &instrument.items {
        let en = &item.text[&Locale::En];
        assert!(en.starts_with("I can ") || en.contains(", I can "), "an item is an \"I can\" statement: {en:?}");
    }
}

#[test]
fn a_broken_instrument_is_refused_naming_its_file() {
    let dir = copy_of_lessons();
    let file = dir.path().join("assessment/digcomp.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text
        .replace("digcomp = \"4.3\"", "digcomp = \"4.9\"")
        .replace("form = \"e-albania-registration\"", "form = \"e-albania-nothing\"")
        .replacen("picture = \"assessment-scale-help.svg\"", "picture = \"missing.svg\"", 1);
    std::fs::write(&file, broken).unwrap();
    let shown: Vec<String> = set::load(dir.path()).unwrap_err().iter().map(ToString::to_string).collect();
    let has = |words: &str| shown.iter().any(|p| p.starts_with("assessment/digcomp.toml") && p.contains(words));
    assert!(has("digcomp \"4.9\" must be a DigComp 2.2 competence"), "{shown:#?}");
    assert!(has("names the practice form \"e-albania-nothing\""), "{shown:#?}");
    assert!(has("picture \"missing.svg\""), "{shown:#?}");
}

#[test]
fn every_text_is_narrated_in_every_language_it_has() {
    let bundle = bundle::build(&lessons_dir(), &cache()).unwrap();
    let decoded = Bundle::decode(&bundle.encode()).unwrap();
    assert_eq!(decoded, bundle, "the bundle the app embeds reads back whole");
    for item in &bundle.items {
        let mut wanted: Vec<String> = Vec::new();
        match item.kind {
            DocKind::Lesson => {
                let lesson: Lesson = serde_json::from_str(&item.edition.body).unwrap();
                wanted.extend(lesson.narration().iter().map(|n| audio_name(n.locale, &n.key)));
                wanted.extend(lesson.pictures().iter().map(|p| picture_name(p)));
            }
            DocKind::Form => {
                let form: Form = serde_json::from_str(&item.edition.body).unwrap();
                for locale in &form.languages {
                    wanted.extend((0..form.service_steps.len()).map(|i| audio_name(*locale, &service_step_key(i))));
                    for (p, page) in form.pages.iter().enumerate() {
                        wanted.extend(page.fields.iter().map(|f| audio_name(*locale, &hint_key(p, &f.id))));
                    }
                    wanted.push(audio_name(*locale, NEXT_KEY));
                }
                wanted.push(picture_name(&form.picture));
            }
            DocKind::Instrument => {
                let instrument: Instrument = serde_json::from_str(&item.edition.body).unwrap();
                wanted.extend(instrument.narration().iter().map(|n| audio_name(n.locale, &n.key)));
                wanted.extend(instrument.pictures().iter().map(|p| picture_name(p)));
            }
            other => panic!("a bundle holds lessons, forms and instruments, not {other}"),
        }
        for name in wanted {
            let hash = item.edition.media.get(&name).unwrap_or_else(|| panic!("{}: no {name}", item.id));
            let bytes = &bundle.blobs[hash];
            if name.starts_with("audio/") {
                assert!(bytes.starts_with(b"OggS") && bytes.len() > 300, "{}: {name} is Ogg audio", item.id);
            }
        }
    }
    let per_language = bundle.narration_bytes();
    for locale in [Locale::Sq, Locale::Mk, Locale::En] {
        assert!(per_language.get(&locale).copied().unwrap_or(0) > 100_000, "{locale} narration: {per_language:?}");
    }
}

/// Copies `lessons/` so a test can break it.
fn copy_of_lessons() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() { copy(&path, &target) } else { std::fs::copy(&path, &target).map(|_| ()).unwrap() }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&lessons_dir(), dir.path());
    dir
}

#[test]
fn a_broken_lessons_folder_is_refused_with_each_problem_and_its_file() {
    let dir = copy_of_lessons();
    let lesson = dir.path().join("beginners/03-keyboard.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    // Every choice right, and a picture that is not there.
    let broken = text.replace("right = false", "right = true").replacen("picture = \"", "picture = \"missing-", 1);
    std::fs::write(&lesson, broken).unwrap();
    std::fs::write(dir.path().join("helpers/99-bad.toml"), "id = \"bad\"\n").unwrap();
    let problems = set::load(dir.path()).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |file: &str, words: &str| shown.iter().any(|p| p.starts_with(file) && p.contains(words));
    assert!(has("beginners/03-keyboard.toml", "exactly one right choice"), "{shown:#?}");
    assert!(has("beginners/03-keyboard.toml", "picture \"missing-"), "{shown:#?}");
    assert!(has("helpers/99-bad.toml", "missing field"), "{shown:#?}");
}

#[test]
fn two_lessons_may_not_share_an_id() {
    let dir = copy_of_lessons();
    std::fs::copy(dir.path().join("beginners/03-keyboard.toml"), dir.path().join("beginners/08-keyboard-again.toml"))
        .unwrap();
    let problems = set::load(dir.path()).unwrap_err();
    assert!(problems.iter().any(|p| p.message.contains("already has the id \"keyboard\"")), "{problems:?}");
}
