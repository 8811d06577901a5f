//! A profile's learning record: lessons (steps seen, first answers to the quiz, completion) and
//! practice-form attempts (started, finished, mistakes per field). One document per profile,
//! written by that profile's devices; it syncs like the profile's other documents.
//!
//! A volunteer's laptop and the resident's phone may each start the record while apart. The
//! document's id is derived from the profile and its first change is built the same way on every
//! device, so both copies are one document; entries two devices created at once are read as the
//! union of both (steps seen on either device count).
//!
//! ```
//! use mcommunity_core::{ids::ProfileId, progress};
//!
//! let profile = ProfileId::random();
//! let mut doc = progress::new_document(profile);
//! progress::see_step(&mut doc, "phone-basics", 0, 1_000);
//! progress::answer(&mut doc, "phone-basics", 0, 1, false, 2_000);
//! progress::answer(&mut doc, "phone-basics", 0, 0, true, 3_000);
//! let record = progress::read(&doc).unwrap();
//! let lesson = &record.lessons["phone-basics"];
//! assert_eq!(lesson.answers[&0], 1, "the first answer is the one that counts");
//! assert_eq!(lesson.wrong_answers, 1);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use automerge::{
    ActorId, AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::CommitOptions,
    transaction::Transactable,
};

use crate::{
    documents::{self, DocKind, SchemaError},
    ids::{DocId, ProfileId},
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// Where a profile is in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonProgress {
    /// Steps seen (zero-based).
    pub seen: BTreeSet<u32>,
    /// The step last shown, to reopen the lesson there.
    pub last_step: u32,
    /// The first choice made for each quiz question.
    pub answers: BTreeMap<u32, u32>,
    /// Wrong choices made, counting retries.
    pub wrong_answers: i64,
    /// When the lesson was first finished, in ms since the Unix epoch.
    pub done_at: Option<i64>,
}

/// One try at a practice form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The attempt's id.
    pub id: String,
    /// The form's content id.
    pub form: String,
    /// When it started.
    pub started_at: i64,
    /// When it reached the end page.
    pub finished_at: Option<i64>,
    /// Mistakes per field id (each time a page was checked with the field wrong).
    pub mistakes: BTreeMap<String, i64>,
}

/// A profile's whole record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Per lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Practice attempts, oldest first.
    pub attempts: Vec<Attempt>,
}

/// The id of `profile`'s progress document, the same on every device.
pub fn doc_id(profile: ProfileId) -> DocId {
    DocId::derived("progress", &profile.to_string())
}

/// A new, empty record for `profile`, built the same way on every device.
pub fn new_document(profile: ProfileId) -> AutoCommit {
    use sha2::{Digest, Sha256};
    let seed = Sha256::new().chain_update("progress").chain_update(profile.to_string()).finalize();
    let mut doc = AutoCommit::new().with_actor(ActorId::from(&seed[..16]));
    documents::init(&mut doc, DocKind::Progress, SCHEMA);
    doc.put(ROOT, "owner", profile.to_string()).expect("root is a map");
    doc.put_object(ROOT, "lessons", ObjType::Map).expect("root is a map");
    doc.put_object(ROOT, "attempts", ObjType::Map).expect("root is a map");
    doc.commit_with(CommitOptions::default().with_time(0));
    doc.set_actor(ActorId::random());
    doc
}

/// The profile a record belongs to.
pub fn owner(doc: &AutoCommit) -> Result<ProfileId, SchemaError> {
    documents::expect_kind(doc, DocKind::Progress)?;
    documents::get_str(doc, &ROOT, "owner")?.parse().map_err(|_| SchemaError::Field("owner"))
}

/// Reads a record.
pub fn read(doc: &AutoCommit) -> Result<Progress, SchemaError> {
    owner(doc)?;
    let mut progress = Progress::default();
    let lessons = map_at(doc, &ROOT, "lessons")?;
    for id in doc.keys(&lessons) {
        let mut merged = LessonProgress::default();
        for entry in all_maps(doc, &lessons, &id)? {
            merge_lesson(doc, &entry, &mut merged)?;
        }
        progress.lessons.insert(id, merged);
    }
    let attempts = map_at(doc, &ROOT, "attempts")?;
    for id in doc.keys(&attempts) {
        let entry = map_at(doc, &attempts, &id)?;
        let mut mistakes = BTreeMap::new();
        let fields = map_at(doc, &entry, "mistakes")?;
        for field in doc.keys(&fields) {
            mistakes.insert(field.clone(), int(doc, &fields, &field)?.unwrap_or(0));
        }
        progress.attempts.push(Attempt {
            form: documents::get_str(doc, &entry, "form")?,
            started_at: int(doc, &entry, "startedAt")?.ok_or(SchemaError::Field("startedAt"))?,
            finished_at: int(doc, &entry, "finishedAt")?,
            mistakes,
            id,
        });
    }
    progress.attempts.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
    Ok(progress)
}

/// Records that step `step` of `lesson` was shown.
pub fn see_step(doc: &mut AutoCommit, lesson: &str, step: u32, now: i64) {
    let entry = lesson_entry(doc, lesson, now);
    let seen = map_at(doc, &entry, "seen").expect("a lesson entry has seen");
    doc.put(&seen, step.to_string(), true).expect("seen is a map");
    doc.put(&entry, "lastStep", step as i64).expect("a lesson entry is a map");
}

/// Records a choice for quiz question `question`: the first choice is kept; wrong ones count.
pub fn answer(doc: &mut AutoCommit, lesson: &str, question: u32, choice: u32, right: bool, now: i64) {
    let entry = lesson_entry(doc, lesson, now);
    let answers = map_at(doc, &entry, "answers").expect("a lesson entry has answers");
    if doc.get(&answers, question.to_string()).ok().flatten().is_none() {
        doc.put(&answers, question.to_string(), choice as i64).expect("answers is a map");
    }
    if !right {
        doc.increment(&entry, "wrongAnswers", 1).expect("wrongAnswers is a counter");
    }
}

/// Records that `lesson` was finished (the first time is kept).
pub fn finish_lesson(doc: &mut AutoCommit, lesson: &str, now: i64) {
    let entry = lesson_entry(doc, lesson, now);
    if int(doc, &entry, "doneAt").ok().flatten().is_none() {
        doc.put(&entry, "doneAt", ScalarValue::Timestamp(now)).expect("a lesson entry is a map");
    }
}

/// Starts a practice attempt at `form`.
pub fn start_attempt(doc: &mut AutoCommit, attempt: &str, form: &str, now: i64) {
    let attempts = map_at(doc, &ROOT, "attempts").expect("a record has attempts");
    let entry = doc.put_object(&attempts, attempt, ObjType::Map).expect("attempts is a map");
    doc.put(&entry, "form", form).expect("an attempt is a map");
    doc.put(&entry, "startedAt", ScalarValue::Timestamp(now)).expect("an attempt is a map");
    doc.put_object(&entry, "mistakes", ObjType::Map).expect("an attempt is a map");
}

/// Counts one mistake on each of `fields` in `attempt`; false if there is no such attempt.
pub fn record_mistakes<'a>(doc: &mut AutoCommit, attempt: &str, fields: impl IntoIterator<Item = &'a str>) -> bool {
    let Some(entry) = attempt_entry(doc, attempt) else { return false };
    let mistakes = map_at(doc, &entry, "mistakes").expect("an attempt has mistakes");
    for field in fields {
        if doc.get(&mistakes, field).ok().flatten().is_none() {
            doc.put(&mistakes, field, ScalarValue::counter(0)).expect("mistakes is a map");
        }
        doc.increment(&mistakes, field, 1).expect("a mistake count is a counter");
    }
    true
}

/// Marks `attempt` finished; false if there is no such attempt.
pub fn finish_attempt(doc: &mut AutoCommit, attempt: &str, now: i64) -> bool {
    let Some(entry) = attempt_entry(doc, attempt) else { return false };
    if int(doc, &entry, "finishedAt").ok().flatten().is_none() {
        doc.put(&entry, "finishedAt", ScalarValue::Timestamp(now)).expect("an attempt is a map");
    }
    true
}

fn attempt_entry(doc: &AutoCommit, attempt: &str) -> Option<ObjId> {
    let attempts = map_at(doc, &ROOT, "attempts").ok()?;
    map_at(doc, &attempts, attempt).ok()
}

fn lesson_entry(doc: &mut AutoCommit, lesson: &str, now: i64) -> ObjId {
    let lessons = map_at(doc, &ROOT, "lessons").expect("a record has lessons");
    if let Ok(entry) = map_at(doc, &lessons, lesson) {
        return entry;
    }
    let entry = doc.put_object(&lessons, lesson, ObjType::Map).expect("lessons is a map");
    doc.put_object(&entry, "seen", ObjType::Map).expect("a lesson entry is a map");
    doc.put_object(&entry, "answers", ObjType::Map).expect("a lesson entry is a map");
    doc.put(&entry, "wrongAnswers", ScalarValue::counter(0)).expect("a lesson entry is a map");
    doc.put(&entry, "startedAt", ScalarValue::Timestamp(now)).expect("a lesson entry is a map");
    entry
}

fn merge_lesson(doc: &AutoCommit, entry: &ObjId, into: &mut LessonProgress) -> Result<(), SchemaError> {
    let seen = map_at(doc, entry, "seen")?;
    into.seen.extend(doc.keys(&seen).filter_map(|k| k.parse::<u32>().ok()));
    into.last_step = into.last_step.max(int(doc, entry, "lastStep")?.unwrap_or(0).clamp(0, u32::MAX as i64) as u32);
    let answers = map_at(doc, entry, "answers")?;
    for q in doc.keys(&answers) {
        if let (Ok(question), Some(choice)) = (q.parse::<u32>(), int(doc, &answers, &q)?) {
            into.answers.entry(question).or_insert(choice.clamp(0, u32::MAX as i64) as u32);
        }
    }
    into.wrong_answers += int(doc, entry, "wrongAnswers")?.unwrap_or(0);
    if let Some(done) = int(doc, entry, "doneAt")? {
        into.done_at = Some(into.done_at.map_or(done, |d| d.min(done)));
    }
    Ok(())
}

fn map_at(doc: &AutoCommit, obj: &ObjId, key: &str) -> Result<ObjId, SchemaError> {
    match doc.get(obj, key) {
        Ok(Some((Value::Object(ObjType::Map), id))) => Ok(id),
        _ => Err(SchemaError::Field("map")),
    }
}

/// Every map stored under `key`, including those of a conflict.
fn all_maps(doc: &AutoCommit, obj: &ObjId, key: &str) -> Result<Vec<ObjId>, SchemaError> {
    let all = doc.get_all(obj, key).map_err(|_| SchemaError::Field("lessons"))?;
    Ok(all.into_iter().filter(|(v, _)| matches!(v, Value::Object(ObjType::Map))).map(|(_, id)| id).collect())
}

fn int(doc: &AutoCommit, obj: &ObjId, key: &str) -> Result<Option<i64>, SchemaError> {
    match doc.get(obj, key) {
        Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
            ScalarValue::Int(n) | ScalarValue::Timestamp(n) => Ok(Some(*n)),
            ScalarValue::Uint(n) => Ok(i64::try_from(*n).ok()),
            ScalarValue::Counter(c) => Ok(Some(i64::from(c))),
            ScalarValue::Null => Ok(None),
            _ => Err(SchemaError::Field("number")),
        },
        Ok(None) => Ok(None),
        _ => Err(SchemaError::Field("number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_devices_that_start_apart_keep_everything() {
        let profile = ProfileId::random();
        let mut laptop = new_document(profile);
        let mut phone = new_document(profile);
        assert_eq!(laptop.get_heads(), phone.get_heads(), "both devices start from the same change");
        see_step(&mut laptop, "keyboard", 0, 10);
        see_step(&mut laptop, "keyboard", 1, 11);
        see_step(&mut phone, "keyboard", 2, 12);
        answer(&mut phone, "keyboard", 0, 2, false, 13);
        finish_lesson(&mut phone, "keyboard", 14);
        start_attempt(&mut laptop, "a1", "e-albania-registration", 20);
        record_mistakes(&mut laptop, "a1", ["nid", "phone"]);
        laptop.merge(&mut phone).unwrap();
        phone.merge(&mut laptop).unwrap();
        record_mistakes(&mut phone, "a1", ["nid"]);
        record_mistakes(&mut laptop, "a1", ["nid"]);
        laptop.merge(&mut phone).unwrap();
        let record = read(&laptop).unwrap();
        let lesson = &record.lessons["keyboard"];
        assert_eq!(lesson.seen, BTreeSet::from([0, 1, 2]), "steps seen on either device count");
        assert_eq!(lesson.done_at, Some(14));
        assert_eq!(lesson.wrong_answers, 1);
        assert_eq!(record.attempts.len(), 1);
        assert_eq!(record.attempts[0].mistakes["nid"], 3, "mistakes counted on both devices add up");
        assert_eq!(record.attempts[0].mistakes["phone"], 1);
        assert_eq!(owner(&laptop), Ok(profile));
    }

    #[test]
    fn finishing_keeps_the_first_time_and_attempts_end_once() {
        let mut doc = new_document(ProfileId::random());
        finish_lesson(&mut doc, "keyboard", 5);
        finish_lesson(&mut doc, "keyboard", 9);
        start_attempt(&mut doc, "a", "f", 1);
        assert!(finish_attempt(&mut doc, "a", 7));
        assert!(finish_attempt(&mut doc, "a", 8));
        assert!(!finish_attempt(&mut doc, "missing", 8), "an unknown attempt is not invented");
        assert!(!record_mistakes(&mut doc, "missing", ["x"]));
        let record = read(&AutoCommit::load(&doc.save()).unwrap()).unwrap();
        assert_eq!(record.lessons["keyboard"].done_at, Some(5));
        assert_eq!(record.attempts[0].finished_at, Some(7));
    }

    #[test]
    fn records_of_different_profiles_are_different_documents() {
        let (a, b) = (ProfileId::random(), ProfileId::random());
        assert_ne!(doc_id(a), doc_id(b));
        assert_ne!(new_document(a).get_heads(), new_document(b).get_heads());
    }
}
