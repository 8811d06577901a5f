//! Learn: the lessons on the device, in the open profile's language, and that profile's progress
//! through them (steps seen, quiz answers, completion), kept in its progress document.
//!
//! A lesson the municipality retired stays listed for a profile that started it and has not
//! finished, so nobody loses a lesson they are in the middle of; if a newer edition has fewer
//! steps, the place to reopen at is brought within it.

use mcommunity_core::{
    documents::DocKind,
    ids::ProfileId,
    lessons::{self, Lesson},
    locale::Locale,
    progress::{self, LessonProgress},
};

use crate::{
    content,
    error::ClientError,
    store::{Store, now_ms},
    view::{LessonProgressView, LessonStatus, LessonStep, LessonSummary, LessonView, QuizChoice, QuizQuestion},
};

/// Every lesson for `profile`, by course and order, in `locale` where the lesson has it.
pub fn list(store: &Store, profile: ProfileId, locale: Locale) -> Result<Vec<LessonSummary>, ClientError> {
    let record = read_progress(store, profile)?;
    let mut out = Vec::new();
    for content in content::all(store, DocKind::Lesson)? {
        let lesson: Lesson = match content::body(&content) {
            Ok(lesson) => lesson,
            Err(e) => {
                tracing::warn!(lesson = %content.id, error = %e, "a lesson does not read; skipped");
                continue;
            }
        };
        let mine = record.lessons.get(&lesson.id);
        let status = status(mine);
        if content.retired && status != LessonStatus::Started {
            continue;
        }
        let shown = lesson.language_for(locale);
        out.push(LessonSummary {
            id: lesson.id.clone(),
            course: lesson.course,
            order: lesson.order,
            title: lessons::text_in(&lesson.title, shown).to_owned(),
            summary: lessons::text_in(&lesson.summary, shown).to_owned(),
            picture: content::picture(&content, Some(&lesson.picture)),
            minutes: lesson.minutes,
            digcomp: lesson.digcomp.clone(),
            step_count: lesson.steps.len() as u32,
            seen_count: mine
                .map_or(0, |p| p.seen.iter().filter(|s| (**s as usize) < lesson.steps.len()).count() as u32),
            status,
            locale: shown,
        });
    }
    out.sort_by(|a, b| (a.course, a.order, &a.id).cmp(&(b.course, b.order, &b.id)));
    Ok(out)
}

/// One lesson, whole, in `locale` where it has it, with `profile`'s progress.
pub fn get(store: &Store, profile: ProfileId, locale: Locale, id: &str) -> Result<LessonView, ClientError> {
    let content = content::one(store, DocKind::Lesson, id)?;
    let lesson: Lesson = content::body(&content)?;
    let shown = lesson.language_for(locale);
    let text = |t| lessons::text_in(t, shown).to_owned();
    let steps = lesson
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| LessonStep {
            text: text(&s.text),
            picture: content::picture(&content, s.picture.as_deref()),
            audio: content::audio(&content, shown, &lessons::step_key(i)),
        })
        .collect();
    let quiz = lesson
        .quiz
        .iter()
        .enumerate()
        .map(|(q, question)| QuizQuestion {
            question: text(&question.question),
            picture: content::picture(&content, question.picture.as_deref()),
            audio: content::audio(&content, shown, &lessons::question_key(q)),
            choices: question
                .choices
                .iter()
                .enumerate()
                .map(|(c, choice)| QuizChoice {
                    text: text(&choice.text),
                    picture: content::picture(&content, choice.picture.as_deref()),
                    audio: content::audio(&content, shown, &lessons::choice_key(q, c)),
                    right: choice.right,
                    feedback: text(&choice.feedback),
                    feedback_audio: content::audio(&content, shown, &lessons::feedback_key(q, c)),
                })
                .collect(),
        })
        .collect();
    let record = read_progress(store, profile)?;
    Ok(LessonView {
        id: lesson.id.clone(),
        course: lesson.course,
        title: text(&lesson.title),
        summary: text(&lesson.summary),
        picture: content::picture(&content, Some(&lesson.picture)),
        locale: shown,
        steps,
        quiz,
        progress: progress_view(record.lessons.get(id), &lesson),
    })
}

/// Records that `profile` saw step `step` of lesson `id`.
pub fn see_step(store: &mut Store, profile: ProfileId, id: &str, step: u32) -> Result<LessonProgressView, ClientError> {
    let lesson = lesson(store, id)?;
    if step as usize >= lesson.steps.len() {
        return Err(ClientError::NotFound);
    }
    write_progress(store, profile, |doc| progress::see_step(doc, id, step, now_ms()))?;
    current(store, profile, &lesson)
}

/// Records `profile`'s choice `choice` for question `question` of lesson `id`.
pub fn answer(
    store: &mut Store,
    profile: ProfileId,
    id: &str,
    question: u32,
    choice: u32,
) -> Result<LessonProgressView, ClientError> {
    let lesson = lesson(store, id)?;
    let right = lesson
        .quiz
        .get(question as usize)
        .and_then(|q| q.choices.get(choice as usize))
        .map(|c| c.right)
        .ok_or(ClientError::NotFound)?;
    write_progress(store, profile, |doc| progress::answer(doc, id, question, choice, right, now_ms()))?;
    current(store, profile, &lesson)
}

/// Records that `profile` finished lesson `id`.
pub fn finish(store: &mut Store, profile: ProfileId, id: &str) -> Result<LessonProgressView, ClientError> {
    let lesson = lesson(store, id)?;
    write_progress(store, profile, |doc| progress::finish_lesson(doc, id, now_ms()))?;
    current(store, profile, &lesson)
}

fn lesson(store: &Store, id: &str) -> Result<Lesson, ClientError> {
    content::body(&content::one(store, DocKind::Lesson, id)?)
}

fn current(store: &Store, profile: ProfileId, lesson: &Lesson) -> Result<LessonProgressView, ClientError> {
    Ok(progress_view(read_progress(store, profile)?.lessons.get(&lesson.id), lesson))
}

fn status(progress: Option<&LessonProgress>) -> LessonStatus {
    match progress {
        Some(p) if p.done_at.is_some() => LessonStatus::Done,
        Some(_) => LessonStatus::Started,
        None => LessonStatus::New,
    }
}

fn progress_view(progress: Option<&LessonProgress>, lesson: &Lesson) -> LessonProgressView {
    let empty = LessonProgress::default();
    let p = progress.unwrap_or(&empty);
    let steps = lesson.steps.len() as u32;
    LessonProgressView {
        seen: p.seen.iter().copied().filter(|s| *s < steps).collect(),
        last_step: p.last_step.min(steps.saturating_sub(1)),
        answers: (0..lesson.quiz.len() as u32)
            .map(|q| p.answers.get(&q).copied().filter(|c| (*c as usize) < lesson.quiz[q as usize].choices.len()))
            .collect(),
        done: p.done_at.is_some(),
    }
}

/// `profile`'s progress record, empty if it has none yet.
pub(crate) fn read_progress(store: &Store, profile: ProfileId) -> Result<progress::Progress, ClientError> {
    match store.load(progress::doc_id(profile))? {
        Some(stored) if stored.owner == Some(profile) => Ok(progress::read(&stored.doc)?),
        _ => Ok(progress::Progress::default()),
    }
}

/// Changes `profile`'s progress record, creating it first if needed.
pub(crate) fn write_progress(
    store: &mut Store,
    profile: ProfileId,
    edit: impl FnOnce(&mut automerge::AutoCommit),
) -> Result<(), ClientError> {
    let id = progress::doc_id(profile);
    if store.load(id)?.is_none() {
        store.insert(id, DocKind::Progress, Some(profile), &mut progress::new_document(profile))?;
    }
    store
        .update(id, |stored| {
            if stored.owner != Some(profile) {
                return Err(ClientError::NotFound);
            }
            edit(&mut stored.doc);
            Ok(())
        })?
        .ok_or(ClientError::NotFound)?
}
