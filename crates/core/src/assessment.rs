//! The digital-skills assessment (DigComp 2.2): the instrument trainers write
//! (`lessons/assessment/*.toml`), its check, the scoring of one assessment per DigComp area and
//! overall, the comparison of two assessments (before and after training), and the assessment
//! document a resident's profile keeps.
//!
//! The instrument holds short "I can …" statements ([`Item`]), each tied to one DigComp 2.2
//! competence, answered on the four-point DigCompSAT-style [`Rating`] scale, and a few observed
//! [`Task`]s a volunteer checks off while the resident does them.
//!
//! # Scoring
//!
//! - A rating counts 0 ([`Rating::CannotDo`]), 1 ([`Rating::WithHelp`]), 2 ([`Rating::OnMyOwn`]) or
//!   3 ([`Rating::CanTeach`]). An area's score is the mean over its answered items.
//! - **An observed task done counts as one more item of its area rated "on my own"** (2), **but
//!   never lowers the area's score**: when the person's own answers already average above "on my
//!   own", the tasks leave that mean as it is. The volunteer ticks a task only when the resident
//!   did it with their own hands, which is exactly what "on my own" means; it is not evidence that
//!   they could teach it (3), nor against a higher self-rating. Counting it as one item, rather
//!   than lifting the whole area to at least 2, keeps it one piece of evidence among the area's
//!   three or four: it pulls a modest self-rating up without erasing what the person said about
//!   the area's other skills. A task not ticked is no evidence at all (it may not have been tried),
//!   so it changes nothing; a task done alone, with no item answered, assesses its area.
//! - An area with no answered item and no task done is **not assessed** ([`None`]), never zero: a
//!   skipped question is not a skill the person lacks.
//! - The overall score is the mean of the assessed areas' scores, so each DigComp area weighs the
//!   same whatever its number of items and tasks.
//! - Scores map to DigComp 2.2 proficiency levels ([`Level`]): below 1.0 → foundation 1; 1.0 to
//!   below 1.75 → foundation 2; 1.75 to below 2.5 → intermediate 3; 2.5 and above → intermediate
//!   4. DigComp's foundation levels are tasks done "with guidance" (1) or "autonomously, with
//!   guidance where needed" (2), its intermediate levels tasks done "on my own" (3) and
//!   "independently, according to my needs" (4). So a mean under "with help" is level 1, a mean
//!   from "with help" up to three quarters of the way to "on my own" is level 2, "on my own" (with
//!   a quarter step of tolerance below, as self-ratings run modest among beginners) is level 3,
//!   and a mean halfway to "I can teach others" or above is level 4. The items are everyday tasks,
//!   so a short self-assessment never claims DigComp's advanced levels (5 to 8).
//!
//! Means are kept as exact fractions ([`Mean`]), so a mean of exactly 1.75 is level 3 on every
//! machine.
//!
//! ```
//! use std::collections::BTreeMap;
//! use mcommunity_core::{assessment::{self, Area, Level, Rating}, ids::ProfileId};
//!
//! let instrument = assessment::Instrument::from_toml(assessment::EXAMPLE).unwrap();
//! assert!(instrument.problems().is_empty());
//! let mut doc = assessment::new_document(ProfileId::random(), None, instrument.revision, 1_000);
//! assessment::rate(&mut doc, "find-hours", Rating::WithHelp, 2_000).unwrap();
//! assessment::rate(&mut doc, "check-news", Rating::OnMyOwn, 3_000).unwrap();
//! assessment::observe(&mut doc, "voice-message", true).unwrap();
//! assessment::finish(&mut doc, 4_000).unwrap();
//! let taken = assessment::read(&doc).unwrap();
//! let scores = assessment::score(&instrument, &taken.ratings, &taken.observed);
//! let information = scores.area(Area::Information).unwrap();
//! assert_eq!(information.mean.value(), 1.5);
//! assert_eq!(information.level, Level::Foundation2);
//! assert_eq!(scores.area(Area::Communication).unwrap().level, Level::Intermediate3, "the task done counts");
//! assert!(scores.area(Area::Safety).is_none(), "not assessed, not zero");
//! ```

use std::{cmp::Ordering, collections::BTreeMap, fmt};

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::Transactable};
use serde::{Deserialize, Serialize};

use crate::{
    documents::{self, DocKind, SchemaError},
    ids::ProfileId,
    lessons::{Narration, Texts, is_content_id, language_problems},
    locale::Locale,
};

/// The schema version of the assessment document this code writes.
pub const SCHEMA: u64 = 1;

/// The content id of the instrument the app offers.
pub const INSTRUMENT_ID: &str = "digcomp";

/// The languages every text of an instrument must have: the assessment is taken in any UI
/// language, so none may fall back to another.
pub const LANGUAGES: [Locale; 4] = Locale::ALL;

/// The fewest items an area must have: one statement is too little to place a person.
pub const MIN_ITEMS_PER_AREA: usize = 2;

/// The most items an instrument may have: it is meant to take a quarter of an hour.
pub const MAX_ITEMS: usize = 25;

/// How many observed tasks an instrument has.
pub const TASKS: std::ops::RangeInclusive<usize> = 3..=5;

/// How many competences each DigComp 2.2 area has (areas 1 to 5).
const COMPETENCES: [u8; 5] = [3, 6, 4, 4, 4];

/// A DigComp 2.2 competence area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// 1. Information and data literacy.
    Information,
    /// 2. Communication and collaboration.
    Communication,
    /// 3. Digital content creation.
    ContentCreation,
    /// 4. Safety.
    Safety,
    /// 5. Problem solving.
    ProblemSolving,
}

impl Area {
    /// The five areas, in DigComp's order.
    pub const ALL: [Area; 5] =
        [Area::Information, Area::Communication, Area::ContentCreation, Area::Safety, Area::ProblemSolving];

    /// DigComp's number for the area, 1 to 5.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The area of a DigComp 2.2 competence `"area.competence"` (`"2.1"`), if it is one.
    pub fn of_competence(digcomp: &str) -> Option<Area> {
        let (area, competence) = digcomp.split_once('.')?;
        let (area, competence): (u8, u8) = (area.parse().ok()?, competence.parse().ok()?);
        let index = usize::from(area.checked_sub(1)?);
        let count = *COMPETENCES.get(index)?;
        (1..=count).contains(&competence).then(|| Area::ALL[index])
    }
}

/// An answer on the four-point scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    /// "I can't do this."
    CannotDo,
    /// "I can do this with help."
    WithHelp,
    /// "I can do this on my own."
    OnMyOwn,
    /// "I can do this and teach others."
    CanTeach,
}

impl Rating {
    /// The four answers, from lowest to highest.
    pub const ALL: [Rating; 4] = [Rating::CannotDo, Rating::WithHelp, Rating::OnMyOwn, Rating::CanTeach];

    /// What the answer counts in a score, 0 to 3.
    pub fn points(self) -> u8 {
        self as u8
    }

    /// The answer worth `points`, if any.
    pub fn from_points(points: i64) -> Option<Rating> {
        usize::try_from(points).ok().and_then(|p| Rating::ALL.get(p)).copied()
    }

    /// Its name in files and narration keys (`cannot-do`).
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::CannotDo => "cannot-do",
            Rating::WithHelp => "with-help",
            Rating::OnMyOwn => "on-my-own",
            Rating::CanTeach => "can-teach",
        }
    }
}

/// A DigComp 2.2 proficiency level, as far as this instrument can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    // Named one by one: serde's kebab-case would write `foundation1`, the generated TypeScript
    // `foundation-1`; both sides must read the same word.
    /// Foundation, level 1: simple tasks with guidance.
    #[serde(rename = "foundation-1")]
    Foundation1,
    /// Foundation, level 2: simple tasks, on one's own with guidance where needed.
    #[serde(rename = "foundation-2")]
    Foundation2,
    /// Intermediate, level 3: routine tasks on one's own.
    #[serde(rename = "intermediate-3")]
    Intermediate3,
    /// Intermediate, level 4: tasks and routine problems independently.
    #[serde(rename = "intermediate-4")]
    Intermediate4,
}

impl Level {
    /// DigComp's number for the level, 1 to 4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The level of a mean rating (see the module's documentation for the cut points).
    pub fn of(mean: Mean) -> Level {
        // Cut points 1.0, 1.75 and 2.5, compared exactly as quarters: 4·total against k·count.
        let quarters = 4 * mean.total;
        if quarters < 4 * mean.count {
            Level::Foundation1
        } else if quarters < 7 * mean.count {
            Level::Foundation2
        } else if quarters < 10 * mean.count {
            Level::Intermediate3
        } else {
            Level::Intermediate4
        }
    }
}

/// A mean kept as an exact fraction `total / count` (count > 0).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Mean {
    /// The sum of what is averaged.
    pub total: u64,
    /// How many things are averaged; never zero.
    pub count: u64,
}

impl Mean {
    /// The mean as a number, for showing.
    pub fn value(self) -> f64 {
        self.total as f64 / self.count as f64
    }

    /// The mean of several means, each weighing the same; `None` for none.
    pub fn of_means(means: &[Mean]) -> Option<Mean> {
        if means.is_empty() {
            return None;
        }
        // Σ tᵢ/cᵢ over n = (Σ tᵢ·L/cᵢ) / (n·L), with L the least common multiple of the counts.
        let lcm = means.iter().fold(1u64, |l, m| l / gcd(l, m.count) * m.count);
        let total = means.iter().map(|m| m.total * (lcm / m.count)).sum::<u64>();
        Some(Mean { total, count: lcm * means.len() as u64 }.reduced())
    }

    fn reduced(self) -> Mean {
        let g = gcd(self.total, self.count).max(1);
        Mean { total: self.total / g, count: self.count / g }
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

impl PartialEq for Mean {
    fn eq(&self, other: &Mean) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Mean {}

impl PartialOrd for Mean {
    fn partial_cmp(&self, other: &Mean) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Mean {
    fn cmp(&self, other: &Mean) -> Ordering {
        (u128::from(self.total) * u128::from(other.count)).cmp(&(u128::from(other.total) * u128::from(self.count)))
    }
}

impl fmt::Display for Mean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.value())
    }
}

/// The instrument, as written in its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Instrument {
    /// Stable id (lowercase letters, digits, dashes).
    pub id: String,
    /// Raised whenever any text changes; an assessment records the revision it was taken with.
    pub revision: u64,
    /// Its tile, a file in `lessons/pictures/`.
    pub picture: String,
    /// Its title.
    pub title: Texts,
    /// What the resident hears first: how to answer.
    pub intro: Texts,
    /// The four answers, from "I can't" to "I can teach others", with their pictures.
    pub scale: Vec<ScaleStep>,
    /// The self-assessment statements.
    pub items: Vec<Item>,
    /// The tasks a volunteer watches the resident do.
    pub tasks: Vec<Task>,
}

/// One answer of the scale as the resident sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScaleStep {
    /// Which answer.
    pub rating: Rating,
    /// Its picture.
    pub picture: String,
    /// What it says.
    pub text: Texts,
}

/// One "I can …" statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Item {
    /// Stable id; assessments store ratings under it.
    pub id: String,
    /// The DigComp 2.2 competence it asks about, `"area.competence"`.
    pub digcomp: String,
    /// Its picture.
    pub picture: String,
    /// The statement.
    pub text: Texts,
}

/// A task the volunteer watches the resident do and ticks when they did it with their own hands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Task {
    /// Stable id; assessments store whether it was done under it.
    pub id: String,
    /// The DigComp 2.2 competence it shows, `"area.competence"`; its area is the one it counts in.
    pub digcomp: String,
    /// Its picture.
    pub picture: String,
    /// The practice form the task is done in, when it is one.
    #[serde(default)]
    pub form: Option<String>,
    /// What the resident is asked to do.
    pub text: Texts,
}

impl Item {
    /// The area the item counts in (an item of a checked instrument always has one).
    pub fn area(&self) -> Option<Area> {
        Area::of_competence(&self.digcomp)
    }
}

impl Task {
    /// The area the task counts in.
    pub fn area(&self) -> Option<Area> {
        Area::of_competence(&self.digcomp)
    }
}

/// An instrument file that is not TOML of this format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// The narration key of the instrument's introduction.
pub const INTRO_KEY: &str = "intro";

/// The narration key of an item.
pub fn item_key(id: &str) -> String {
    format!("item-{id}")
}

/// The narration key of an answer of the scale.
pub fn scale_key(rating: Rating) -> String {
    format!("scale-{}", rating.as_str())
}

/// The narration key of an observed task.
pub fn task_key(id: &str) -> String {
    format!("task-{id}")
}

impl Instrument {
    /// Parses an instrument file.
    pub fn from_toml(text: &str) -> Result<Instrument, ParseError> {
        toml::from_str(text).map_err(|e| ParseError(e.to_string()))
    }

    /// Every picture the instrument names.
    pub fn pictures(&self) -> Vec<&str> {
        let mut all = vec![self.picture.as_str()];
        all.extend(self.scale.iter().map(|s| s.picture.as_str()));
        all.extend(self.items.iter().map(|i| i.picture.as_str()));
        all.extend(self.tasks.iter().map(|t| t.picture.as_str()));
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Everything to read aloud, in every language: the introduction, each answer of the scale,
    /// each item and each task.
    pub fn narration(&self) -> Vec<Narration> {
        let mut out = Vec::new();
        let mut add = |key: String, texts: &Texts| {
            for (locale, text) in texts {
                out.push(Narration { key: key.clone(), locale: *locale, text: text.clone(), recording: None });
            }
        };
        add(INTRO_KEY.to_owned(), &self.intro);
        for step in &self.scale {
            add(scale_key(step.rating), &step.text);
        }
        for item in &self.items {
            add(item_key(&item.id), &item.text);
        }
        for task in &self.tasks {
            add(task_key(&task.id), &task.text);
        }
        out
    }

    /// The answer of the scale for `rating`.
    pub fn scale_step(&self, rating: Rating) -> Option<&ScaleStep> {
        self.scale.iter().find(|s| s.rating == rating)
    }

    /// What is wrong with the instrument as content, in words a trainer understands; empty when
    /// nothing is. (Files it names are checked where files can be read.)
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !is_content_id(&self.id) {
            problems.push(format!("id {:?} must be lowercase letters, digits and dashes", self.id));
        }
        if self.revision == 0 {
            problems.push("revision starts at 1".to_owned());
        }
        let scale: Vec<Rating> = self.scale.iter().map(|s| s.rating).collect();
        if scale != Rating::ALL {
            problems.push(format!(
                "the scale must list cannot-do, with-help, on-my-own and can-teach once each, in that order; it lists {}",
                scale.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
        if self.items.len() > MAX_ITEMS {
            problems.push(format!("an instrument has at most {MAX_ITEMS} items, this one has {}", self.items.len()));
        }
        if !TASKS.contains(&self.tasks.len()) {
            problems.push(format!(
                "an instrument has {} to {} observed tasks, this one has {}",
                TASKS.start(),
                TASKS.end(),
                self.tasks.len()
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        let mut per_area: BTreeMap<Area, usize> = BTreeMap::new();
        let mut texts: Vec<(String, &Texts)> = vec![("title".into(), &self.title), ("intro".into(), &self.intro)];
        for step in &self.scale {
            texts.push((format!("scale {}", step.rating.as_str()), &step.text));
        }
        let entries = self.items.iter().map(|i| ("item", &i.id, &i.digcomp, &i.text));
        for (what, id, digcomp, text) in entries.chain(self.tasks.iter().map(|t| ("task", &t.id, &t.digcomp, &t.text)))
        {
            if !is_content_id(id) {
                problems.push(format!("{what} id {id:?} must be lowercase letters, digits and dashes"));
            }
            if !ids.insert(id.as_str()) {
                problems.push(format!("two items or tasks have the id {id:?}"));
            }
            match Area::of_competence(digcomp) {
                Some(area) if what == "item" => *per_area.entry(area).or_default() += 1,
                Some(_) => {}
                None => problems.push(format!(
                    "{what} {id:?}: digcomp {digcomp:?} must be a DigComp 2.2 competence such as \"2.3\""
                )),
            }
            texts.push((format!("{what} {id:?}"), text));
        }
        for area in Area::ALL {
            let count = per_area.get(&area).copied().unwrap_or(0);
            if count < MIN_ITEMS_PER_AREA {
                problems.push(format!(
                    "area {} has {count} item(s); every DigComp area needs at least {MIN_ITEMS_PER_AREA}",
                    area.number()
                ));
            }
        }
        for (place, text) in texts {
            problems.extend(language_problems(&place, text, &LANGUAGES).into_iter().map(|p| {
                // Every language is required here, so "the title has none" would mislead.
                p.replace("but the title has none", "but the instrument is in sq, mk, sr and en only")
            }));
        }
        problems
    }
}

/// One area's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreaScore {
    /// The area.
    pub area: Area,
    /// The mean rating, 0 to 3, observed tasks done counting as "on my own".
    pub mean: Mean,
    /// Its DigComp level.
    pub level: Level,
    /// How many of the area's items were answered.
    pub answered: u32,
    /// How many of the area's observed tasks were done.
    pub observed: u32,
}

/// The scores of one assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scores {
    /// Every area in DigComp's order, `None` where nothing was answered or observed.
    pub areas: [(Area, Option<AreaScore>); 5],
    /// The mean of the assessed areas' scores and its level; `None` if no area was assessed.
    pub overall: Option<(Mean, Level)>,
}

impl Scores {
    /// One area's score, `None` when it was not assessed.
    pub fn area(&self, area: Area) -> Option<AreaScore> {
        self.areas[area as usize].1
    }
}

/// Scores an assessment's `ratings` (item id → answer) and `observed` tasks (task id → done)
/// against `instrument`. Ratings and tasks the instrument does not have (an item removed in a
/// later revision) are left out.
pub fn score(instrument: &Instrument, ratings: &BTreeMap<String, Rating>, observed: &BTreeMap<String, bool>) -> Scores {
    let mut sums = [(0u64, 0u32, 0u32); 5];
    for item in &instrument.items {
        if let (Some(area), Some(rating)) = (item.area(), ratings.get(&item.id)) {
            let sum = &mut sums[area as usize];
            sum.0 += u64::from(rating.points());
            sum.1 += 1;
        }
    }
    for task in &instrument.tasks {
        if let (Some(area), Some(true)) = (task.area(), observed.get(&task.id)) {
            let sum = &mut sums[area as usize];
            sum.0 += u64::from(Rating::OnMyOwn.points());
            sum.2 += 1;
        }
    }
    let areas = Area::ALL.map(|area| {
        let (total, answered, observed) = sums[area as usize];
        let count = u64::from(answered + observed);
        let score = (count > 0).then(|| {
            let mut mean = Mean { total, count }.reduced();
            // Tasks done lift a score towards "on my own" but never pull a higher one down.
            let self_rated = total - u64::from(observed) * u64::from(Rating::OnMyOwn.points());
            if answered > 0 && (Mean { total: self_rated, count: u64::from(answered) }) > mean {
                mean = Mean { total: self_rated, count: u64::from(answered) }.reduced();
            }
            AreaScore { area, mean, level: Level::of(mean), answered, observed }
        });
        (area, score)
    });
    let means: Vec<Mean> = areas.iter().filter_map(|(_, s)| s.map(|s| s.mean)).collect();
    let overall = Mean::of_means(&means).map(|m| (m, Level::of(m)));
    Scores { areas, overall }
}

/// Which way a score went from one assessment to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// The score grew.
    Up,
    /// The score is the same.
    Same,
    /// The score fell.
    Down,
}

/// One area from one assessment to another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AreaChange {
    /// The area.
    pub area: Area,
    /// Its score before, if assessed.
    pub before: Option<AreaScore>,
    /// Its score after, if assessed.
    pub after: Option<AreaScore>,
    /// Which way it went; `None` unless assessed both times.
    pub trend: Option<Trend>,
    /// After minus before, in rating points (−3 to 3); `None` unless assessed both times.
    pub difference: Option<f64>,
}

/// Compares two assessments' scores area by area (`before` is usually the one taken before the
/// training). An area assessed only once has no trend: it is not compared with zero.
pub fn compare(before: &Scores, after: &Scores) -> [AreaChange; 5] {
    Area::ALL.map(|area| {
        let (b, a) = (before.area(area), after.area(area));
        let (trend, difference) = match (b, a) {
            (Some(b), Some(a)) => {
                let trend = match a.mean.cmp(&b.mean) {
                    Ordering::Greater => Trend::Up,
                    Ordering::Equal => Trend::Same,
                    Ordering::Less => Trend::Down,
                };
                (Some(trend), Some(a.mean.value() - b.mean.value()))
            }
            _ => (None, None),
        };
        AreaChange { area, before: b, after: a, trend, difference }
    })
}

/// An assessment as its document holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The resident assessed; the document's owner.
    pub profile: ProfileId,
    /// The volunteer or trainer who took it, if someone did.
    pub taken_by: Option<ProfileId>,
    /// The revision of the instrument it was taken with.
    pub revision: u64,
    /// When it started, in ms since the Unix epoch.
    pub started_at: i64,
    /// When it was finished; until then more answers may be given.
    pub finished_at: Option<i64>,
    /// The answer per item id.
    pub ratings: BTreeMap<String, Rating>,
    /// Whether each observed task (by id) was done.
    pub observed: BTreeMap<String, bool>,
}

/// Why an assessment was not changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChangeError {
    /// A finished assessment is the record of that day: it takes no more answers.
    #[error("the assessment is finished")]
    Finished,
    /// The document is not an assessment.
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

/// A new assessment of `profile`, taken by `taken_by` (a volunteer's profile) or by the resident
/// alone, with revision `revision` of the instrument.
pub fn new_document(profile: ProfileId, taken_by: Option<ProfileId>, revision: u64, now: i64) -> AutoCommit {
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Assessment, SCHEMA);
    doc.put(ROOT, "profile", profile.to_string()).expect("root is a map");
    if let Some(volunteer) = taken_by {
        doc.put(ROOT, "takenBy", volunteer.to_string()).expect("root is a map");
    }
    doc.put(ROOT, "revision", revision).expect("root is a map");
    doc.put(ROOT, "startedAt", ScalarValue::Timestamp(now)).expect("root is a map");
    doc.put_object(ROOT, "ratings", ObjType::Map).expect("root is a map");
    doc.put_object(ROOT, "observed", ObjType::Map).expect("root is a map");
    doc
}

/// The profile an assessment belongs to.
pub fn owner(doc: &AutoCommit) -> Result<ProfileId, SchemaError> {
    documents::expect_kind(doc, DocKind::Assessment)?;
    documents::get_str(doc, &ROOT, "profile")?.parse().map_err(|_| SchemaError::Field("profile"))
}

/// Reads an assessment.
pub fn read(doc: &AutoCommit) -> Result<Assessment, SchemaError> {
    let profile = owner(doc)?;
    let taken_by = match documents::get_opt_str(doc, &ROOT, "takenBy")? {
        Some(id) => Some(id.parse().map_err(|_| SchemaError::Field("takenBy"))?),
        None => None,
    };
    let revision =
        u64::try_from(documents::get_i64(doc, &ROOT, "revision")?).map_err(|_| SchemaError::Field("revision"))?;
    let started_at = documents::get_i64(doc, &ROOT, "startedAt")?;
    let finished_at = match documents::get_scalar(doc, &ROOT, "finishedAt")? {
        None | Some(ScalarValue::Null) => None,
        Some(_) => Some(documents::get_i64(doc, &ROOT, "finishedAt")?),
    };
    let mut ratings = BTreeMap::new();
    let map = map_at(doc, "ratings")?;
    for item in doc.keys(&map) {
        let rating = match doc.get(&map, item.as_str()) {
            Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
                ScalarValue::Int(n) => Rating::from_points(*n),
                ScalarValue::Uint(n) => i64::try_from(*n).ok().and_then(Rating::from_points),
                _ => None,
            },
            _ => None,
        };
        ratings.insert(item, rating.ok_or(SchemaError::Field("ratings"))?);
    }
    let mut observed = BTreeMap::new();
    let map = map_at(doc, "observed")?;
    for task in doc.keys(&map) {
        match doc.get(&map, task.as_str()) {
            Ok(Some((Value::Scalar(s), _))) if matches!(s.as_ref(), ScalarValue::Boolean(_)) => {
                observed.insert(task, matches!(s.as_ref(), ScalarValue::Boolean(true)));
            }
            _ => return Err(SchemaError::Field("observed")),
        }
    }
    Ok(Assessment { profile, taken_by, revision, started_at, finished_at, ratings, observed })
}

/// Records the answer `rating` to item `item` (a later answer replaces an earlier one).
pub fn rate(doc: &mut AutoCommit, item: &str, rating: Rating, now: i64) -> Result<(), ChangeError> {
    let ratings = open_map(doc, "ratings")?;
    doc.put(&ratings, item, i64::from(rating.points())).expect("ratings is a map");
    doc.put(ROOT, "updatedAt", ScalarValue::Timestamp(now)).expect("root is a map");
    Ok(())
}

/// Records whether the observed task `task` was done.
pub fn observe(doc: &mut AutoCommit, task: &str, done: bool) -> Result<(), ChangeError> {
    let observed = open_map(doc, "observed")?;
    doc.put(&observed, task, done).expect("observed is a map");
    Ok(())
}

/// Marks the assessment finished (the first time is kept).
pub fn finish(doc: &mut AutoCommit, now: i64) -> Result<(), SchemaError> {
    if read(doc)?.finished_at.is_none() {
        doc.put(ROOT, "finishedAt", ScalarValue::Timestamp(now)).expect("root is a map");
    }
    Ok(())
}

/// The map under `key` of an assessment still open for answers.
fn open_map(doc: &AutoCommit, key: &'static str) -> Result<ObjId, ChangeError> {
    if read(doc)?.finished_at.is_some() {
        return Err(ChangeError::Finished);
    }
    Ok(map_at(doc, key)?)
}

fn map_at(doc: &AutoCommit, key: &'static str) -> Result<ObjId, SchemaError> {
    match doc.get(ROOT, key) {
        Ok(Some((Value::Object(ObjType::Map), id))) => Ok(id),
        _ => Err(SchemaError::Field(key)),
    }
}

/// A small instrument in the file format, for examples and tests (two items per area, three
/// tasks, every language).
pub const EXAMPLE: &str = include_str!("assessment/example.toml");

#[cfg(test)]
mod tests;

#[cfg(test)]
mod wire {
    use super::Level;

    #[test]
    fn levels_travel_as_the_words_the_ui_reads() {
        let words: Vec<String> = [Level::Foundation1, Level::Foundation2, Level::Intermediate3, Level::Intermediate4]
            .iter()
            .map(|l| serde_json::to_string(l).unwrap())
            .collect();
        assert_eq!(words, ["\"foundation-1\"", "\"foundation-2\"", "\"intermediate-3\"", "\"intermediate-4\""]);
    }
}
