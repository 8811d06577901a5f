//! Digital-literacy lessons: the plain-text format trainers write (`lessons/<course>/*.toml`, see
//! `lessons/README.md`), its structural check, and the narration a lesson needs.
//!
//! A [`Lesson`] holds every language at once; the app picks one with [`Lesson::language_for`].
//! Texts are tables keyed by language, so steps and quiz questions stay aligned across languages.
//!
//! ```
//! use mcommunity_core::{lessons::Lesson, locale::Locale};
//!
//! let lesson = Lesson::from_toml(r#"
//! id = "phone-basics"
//! course = "beginners"
//! order = 1
//! revision = 1
//! digcomp = "5.1"
//! minutes = 5
//! picture = "phone-basics.svg"
//! title = { sq = "Telefoni", mk = "Телефонот", en = "The phone" }
//! summary = { sq = "Si ta mbani", mk = "Како да го држите", en = "How to hold it" }
//! [[steps]]
//! text = { sq = "Mbajeni me dorë.", mk = "Држете го со рака.", en = "Hold it in your hand." }
//! [[quiz]]
//! question = { sq = "Me çfarë?", mk = "Со што?", en = "With what?" }
//! choices = [
//!   { right = true, text = { sq = "Dorë", mk = "Рака", en = "A hand" }, feedback = { sq = "Po!", mk = "Да!", en = "Yes!" } },
//!   { right = false, text = { sq = "Këmbë", mk = "Нога", en = "A foot" }, feedback = { sq = "Jo.", mk = "Не.", en = "No." } },
//! ]
//! "#).unwrap();
//! assert!(lesson.problems().is_empty());
//! assert_eq!(lesson.language_for(Locale::Sr), Locale::Sq, "a lesson without Serbian falls back to Albanian");
//! assert_eq!(lesson.narration().len(), 3 * (1 + 1 + 2 + 2), "step, question, choices, feedback, in 3 languages");
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::locale::Locale;

/// A text in every language a lesson or form has.
pub type Texts = BTreeMap<Locale, String>;

/// The languages every shipped lesson must have.
pub const REQUIRED_LANGUAGES: [Locale; 3] = [Locale::Sq, Locale::Mk, Locale::En];

/// The most steps and quiz questions a lesson may have (a lesson is short on purpose).
pub const MAX_STEPS: usize = 12;

/// A course: a set of lessons shown together, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Course {
    /// First steps with a phone and with e-government.
    Beginners,
    /// Everyday digital skills, one or more per DigComp area.
    Everyday,
    /// For young volunteers who help others.
    Helpers,
}

/// One lesson, as written in its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lesson {
    /// Stable id (lowercase letters, digits, dashes); progress refers to it.
    pub id: String,
    /// The course it belongs to.
    pub course: Course,
    /// Its place in the course.
    pub order: u32,
    /// Raised whenever its content changes; a published edition never goes back.
    pub revision: u64,
    /// The DigComp 2.2 competence it teaches, `"area.competence"`.
    pub digcomp: String,
    /// About how many minutes it takes.
    pub minutes: u32,
    /// The tile picture, a file in `lessons/pictures/`.
    pub picture: String,
    /// Its title.
    pub title: Texts,
    /// One short line under the title.
    pub summary: Texts,
    /// The steps, one per screen.
    pub steps: Vec<Step>,
    /// The quiz at the end.
    #[serde(default)]
    pub quiz: Vec<Question>,
}

/// One screen of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Step {
    /// Its picture, a file in `lessons/pictures/`.
    #[serde(default)]
    pub picture: Option<String>,
    /// What the step says.
    pub text: Texts,
    /// Recorded narration per language, files in `lessons/audio/`; otherwise it is generated.
    #[serde(default)]
    pub audio: BTreeMap<Locale, String>,
}

/// A quiz question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Question {
    /// Its picture.
    #[serde(default)]
    pub picture: Option<String>,
    /// The question.
    pub question: Texts,
    /// Recorded narration per language.
    #[serde(default)]
    pub audio: BTreeMap<Locale, String>,
    /// The choices; exactly one is right.
    pub choices: Vec<Choice>,
}

/// A possible answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Choice {
    /// Its picture.
    #[serde(default)]
    pub picture: Option<String>,
    /// Whether it is the right answer.
    pub right: bool,
    /// The answer.
    pub text: Texts,
    /// What the person hears after choosing it: praise, or why it is not right.
    pub feedback: Texts,
}

/// A text to be read aloud: where it is used, in which language, and a recording if the content
/// provides one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Narration {
    /// Which text: `step-2`, `question-0`, `choice-0-1`, `feedback-0-1` (zero-based indexes).
    pub key: String,
    /// The language.
    pub locale: Locale,
    /// The words.
    pub text: String,
    /// A recording in `lessons/audio/`, when there is one.
    pub recording: Option<String>,
}

/// A lesson file that is not TOML of this format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

impl Lesson {
    /// Parses a lesson file.
    pub fn from_toml(text: &str) -> Result<Lesson, ParseError> {
        toml::from_str(text).map_err(|e| ParseError(e.to_string()))
    }

    /// The languages the lesson has: those of its title.
    pub fn languages(&self) -> Vec<Locale> {
        self.title.keys().copied().collect()
    }

    /// The language to show to someone who speaks `wanted`: that one if the lesson has it, else
    /// Albanian, else the first it has.
    pub fn language_for(&self, wanted: Locale) -> Locale {
        language_for(&self.title, wanted)
    }

    /// Every picture the lesson names.
    pub fn pictures(&self) -> Vec<&str> {
        let mut all = vec![self.picture.as_str()];
        all.extend(self.steps.iter().filter_map(|s| s.picture.as_deref()));
        for q in &self.quiz {
            all.extend(q.picture.as_deref());
            all.extend(q.choices.iter().filter_map(|c| c.picture.as_deref()));
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Everything to read aloud, in every language the lesson has.
    pub fn narration(&self) -> Vec<Narration> {
        let mut out = Vec::new();
        let mut add = |key: String, texts: &Texts, recordings: Option<&BTreeMap<Locale, String>>| {
            for (locale, text) in texts {
                let recording = recordings.and_then(|r| r.get(locale)).cloned();
                out.push(Narration { key: key.clone(), locale: *locale, text: text.clone(), recording });
            }
        };
        for (i, step) in self.steps.iter().enumerate() {
            add(step_key(i), &step.text, Some(&step.audio));
        }
        for (q, question) in self.quiz.iter().enumerate() {
            add(question_key(q), &question.question, Some(&question.audio));
            for (c, choice) in question.choices.iter().enumerate() {
                add(choice_key(q, c), &choice.text, None);
                add(feedback_key(q, c), &choice.feedback, None);
            }
        }
        out
    }

    /// What is wrong with the lesson as content, in words a trainer understands; empty when
    /// nothing is. (Files it names are checked where files can be read.)
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !is_content_id(&self.id) {
            problems.push(format!("id {:?} must be lowercase letters, digits and dashes", self.id));
        }
        match self.digcomp.split_once('.').map(|(a, c)| (a.parse::<u8>(), c.parse::<u8>())) {
            Some((Ok(1..=5), Ok(1..=9))) => {}
            _ => problems.push(format!("digcomp {:?} must be a DigComp 2.2 competence such as \"2.3\"", self.digcomp)),
        }
        if self.steps.is_empty() || self.steps.len() > MAX_STEPS {
            problems.push(format!("a lesson has 1 to {MAX_STEPS} steps, this one has {}", self.steps.len()));
        }
        if self.quiz.len() > MAX_STEPS {
            problems.push(format!("a quiz has at most {MAX_STEPS} questions, this one has {}", self.quiz.len()));
        }
        let languages = self.languages();
        for required in REQUIRED_LANGUAGES {
            if !languages.contains(&required) {
                problems.push(format!("the title has no {required} text; sq, mk and en are required"));
            }
        }
        let mut texts: Vec<(String, &Texts)> = vec![("title".into(), &self.title), ("summary".into(), &self.summary)];
        for (i, step) in self.steps.iter().enumerate() {
            texts.push((format!("step {}", i + 1), &step.text));
        }
        for (q, question) in self.quiz.iter().enumerate() {
            texts.push((format!("question {}", q + 1), &question.question));
            let right = question.choices.iter().filter(|c| c.right).count();
            if right != 1 {
                problems.push(format!("question {} must have exactly one right choice, it has {right}", q + 1));
            }
            if question.choices.len() < 2 {
                problems.push(format!("question {} needs at least two choices", q + 1));
            }
            for (c, choice) in question.choices.iter().enumerate() {
                texts.push((format!("question {} choice {}", q + 1, c + 1), &choice.text));
                texts.push((format!("question {} choice {} feedback", q + 1, c + 1), &choice.feedback));
            }
        }
        for (place, text) in texts {
            problems.extend(language_problems(&place, text, &languages));
        }
        problems
    }
}

/// The language to show from `texts` to someone who speaks `wanted`.
pub fn language_for(texts: &Texts, wanted: Locale) -> Locale {
    if texts.contains_key(&wanted) {
        wanted
    } else if texts.contains_key(&Locale::Sq) {
        Locale::Sq
    } else {
        texts.keys().next().copied().unwrap_or(Locale::Sq)
    }
}

/// The text in `locale`, or in the fallback language.
pub fn text_in(texts: &Texts, locale: Locale) -> &str {
    texts.get(&language_for(texts, locale)).map(String::as_str).unwrap_or_default()
}

/// Problems of one text: a language missing, one too many, or an empty text.
pub fn language_problems(place: &str, text: &Texts, languages: &[Locale]) -> Vec<String> {
    let mut problems = Vec::new();
    for locale in languages {
        match text.get(locale) {
            None => problems.push(format!("{place} has no {locale} text")),
            Some(t) if t.trim().is_empty() => problems.push(format!("{place} has an empty {locale} text")),
            Some(_) => {}
        }
    }
    for locale in text.keys() {
        if !languages.contains(locale) {
            problems.push(format!("{place} has a {locale} text but the title has none"));
        }
    }
    problems
}

/// Whether `id` is a valid content id: 1–64 lowercase ASCII letters, digits and inner dashes.
pub fn is_content_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The narration key of step `i`.
pub fn step_key(i: usize) -> String {
    format!("step-{i}")
}

/// The narration key of question `q`.
pub fn question_key(q: usize) -> String {
    format!("question-{q}")
}

/// The narration key of choice `c` of question `q`.
pub fn choice_key(q: usize, c: usize) -> String {
    format!("choice-{q}-{c}")
}

/// The narration key of the feedback on choice `c` of question `q`.
pub fn feedback_key(q: usize, c: usize) -> String {
    format!("feedback-{q}-{c}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(extra: &str) -> String {
        format!(
            r#"
id = "calls"
course = "beginners"
order = 2
revision = 3
digcomp = "2.1"
minutes = 4
picture = "calls.svg"
title = {{ sq = "Thirrjet", mk = "Повици", en = "Calls" }}
summary = {{ sq = "a", mk = "б", en = "c" }}
[[steps]]
picture = "calls-green.svg"
text = {{ sq = "Shtypni butonin e gjelbër.", mk = "Притиснете го зеленото копче.", en = "Press the green button." }}
audio = {{ sq = "calls-0-sq.ogg" }}
{extra}
"#
        )
    }

    const QUIZ: &str = r#"
[[quiz]]
question = { sq = "Cili?", mk = "Кое?", en = "Which?" }
[[quiz.choices]]
picture = "calls-green.svg"
right = true
text = { sq = "I gjelbri", mk = "Зеленото", en = "Green" }
feedback = { sq = "Po", mk = "Да", en = "Yes" }
[[quiz.choices]]
right = false
text = { sq = "I kuqi", mk = "Црвеното", en = "Red" }
feedback = { sq = "Jo", mk = "Не", en = "No" }
"#;

    #[test]
    fn a_good_lesson_has_no_problems_and_names_its_files() {
        let l = Lesson::from_toml(&lesson(QUIZ)).unwrap();
        assert_eq!(l.problems(), Vec::<String>::new());
        assert_eq!(l.pictures(), vec!["calls-green.svg", "calls.svg"]);
        let narration = l.narration();
        assert_eq!(narration.len(), 3 * (1 + 1 + 2 + 2), "three languages of step, question, choices, feedback");
        let recorded: Vec<_> = narration.iter().filter_map(|n| n.recording.as_deref()).collect();
        assert_eq!(recorded, vec!["calls-0-sq.ogg"], "only the step's Albanian text has a recording");
    }

    fn check(extra: &str, expect: &str) {
        let problems = Lesson::from_toml(&lesson(extra)).unwrap().problems();
        assert!(
            problems.iter().any(|p| p.contains(expect)),
            "expected a problem containing {expect:?}, got {problems:?}"
        );
    }

    #[test]
    fn each_content_rule_is_enforced() {
        check(&QUIZ.replace("right = false", "right = true"), "exactly one right choice, it has 2");
        check(&QUIZ.replace("right = true", "right = false"), "exactly one right choice, it has 0");
        check(&QUIZ.replace("en = \"Which?\"", "en = \" \""), "question 1 has an empty en text");
        check(&QUIZ.replace(", mk = \"Не\"", ""), "question 1 choice 2 feedback has no mk text");
        check(&QUIZ.replace("sq = \"Jo\",", "sq = \"Jo\", sr = \"Ne\","), "has a sr text but the title has none");
    }

    #[test]
    fn a_lesson_missing_a_required_language_is_refused() {
        let text = lesson(QUIZ).replace("title = { sq = \"Thirrjet\", mk = \"Повици\", ", "title = { ");
        let problems = Lesson::from_toml(&text).unwrap().problems();
        assert!(problems.iter().any(|p| p.contains("no sq text; sq, mk and en are required")), "{problems:?}");
    }

    #[test]
    fn bad_ids_and_competences_are_refused() {
        let text = lesson(QUIZ).replace("id = \"calls\"", "id = \"Calls!\"").replace("\"2.1\"", "\"7.1\"");
        let problems = Lesson::from_toml(&text).unwrap().problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(!is_content_id("-a") && !is_content_id("") && is_content_id("e-albania-2"));
    }

    #[test]
    fn unknown_keys_are_parse_errors_that_name_the_key() {
        let err = Lesson::from_toml(&lesson("colour = \"red\"")).unwrap_err();
        assert!(err.0.contains("colour"), "{err}");
    }

    #[test]
    fn the_json_form_round_trips() {
        let l = Lesson::from_toml(&lesson(QUIZ)).unwrap();
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(serde_json::from_str::<Lesson>(&json).unwrap(), l);
    }
}
