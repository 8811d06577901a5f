//! Building a [`Bundle`] from the content folder — lessons, practice forms and the skills
//! assessment's instrument: check it, narrate what has no recording, and name every picture and
//! sound by its hash.

use std::{
    collections::BTreeMap,
    path::Path,
    sync::{Mutex, PoisonError},
};

use mcommunity_core::{
    blobs::BlobHash,
    content::{
        Edition,
        bundle::{Bundle, Item, NEXT_KEY, audio_name, hint_key, picture_name, service_step_key},
    },
    documents::DocKind,
    forms::Form,
    locale::Locale,
};
use serde::Serialize;

use crate::{
    narration::{self, NarrationError},
    set::{self, Problem, Set},
};

/// Why a bundle could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The content has problems; each says its file.
    #[error("the content has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Content(Vec<Problem>),
    /// Narration failed.
    #[error(transparent)]
    Narration(#[from] NarrationError),
}

/// A text to read aloud: its narration key, language, words, and a recording if there is one.
struct Spoken {
    key: String,
    locale: Locale,
    text: String,
    recording: Option<String>,
}

/// Reads, checks and narrates the content folder `dir`, with narration cached in `cache`.
pub fn build(dir: &Path, cache: &Path) -> Result<Bundle, BuildError> {
    let set = set::load(dir).map_err(BuildError::Content)?;
    build_set(&set, cache)
}

/// One lesson, form or instrument before narration: what its edition will hold.
struct Planned {
    kind: DocKind,
    id: String,
    revision: u64,
    body: String,
    pictures: Vec<String>,
    narration: Vec<Spoken>,
}

/// Narrates and packs a checked set.
pub fn build_set(set: &Set, cache: &Path) -> Result<Bundle, BuildError> {
    let mut wanted: Vec<Planned> = Vec::new();
    for lesson in &set.lessons {
        let spoken = lesson
            .narration()
            .into_iter()
            .map(|n| Spoken { key: n.key, locale: n.locale, text: n.text, recording: n.recording })
            .collect();
        let pictures = lesson.pictures().into_iter().map(str::to_owned).collect();
        wanted.push(Planned {
            kind: DocKind::Lesson,
            id: lesson.id.clone(),
            revision: lesson.revision,
            body: body(lesson),
            pictures,
            narration: spoken,
        });
    }
    for form in &set.forms {
        let spoken = form_narration(form);
        let pictures = vec![form.picture.clone()];
        wanted.push(Planned {
            kind: DocKind::Form,
            id: form.id.clone(),
            revision: u64::from(form.revision),
            body: body(form),
            pictures,
            narration: spoken,
        });
    }
    for instrument in &set.instruments {
        let spoken = instrument
            .narration()
            .into_iter()
            .map(|n| Spoken { key: n.key, locale: n.locale, text: n.text, recording: n.recording })
            .collect();
        wanted.push(Planned {
            kind: DocKind::Instrument,
            id: instrument.id.clone(),
            revision: instrument.revision,
            body: body(instrument),
            pictures: instrument.pictures().into_iter().map(str::to_owned).collect(),
            narration: spoken,
        });
    }
    let texts: Vec<(Locale, &str)> = wanted
        .iter()
        .flat_map(|w| &w.narration)
        .filter(|s| s.recording.is_none())
        .map(|s| (s.locale, s.text.as_str()))
        .collect();
    let spoken = narrate_all(&texts, cache)?;
    let mut bundle = Bundle::default();
    for Planned { kind, id, revision, body, pictures, narration } in wanted {
        let mut media = BTreeMap::new();
        for file in pictures {
            let bytes = &set.pictures[&file];
            media.insert(picture_name(&file), add_blob(&mut bundle.blobs, bytes));
        }
        for s in narration {
            let bytes = match &s.recording {
                Some(file) => &set.recordings[file],
                None => &spoken[&(s.locale, s.text.clone())],
            };
            media.insert(audio_name(s.locale, &s.key), add_blob(&mut bundle.blobs, bytes));
        }
        bundle.items.push(Item { kind, id, edition: Edition { revision, body, media } });
    }
    Ok(bundle)
}

fn body(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("content serializes to JSON")
}

fn add_blob(blobs: &mut BTreeMap<BlobHash, Vec<u8>>, bytes: &[u8]) -> BlobHash {
    let hash = BlobHash::of(bytes);
    blobs.entry(hash).or_insert_with(|| bytes.to_vec());
    hash
}

/// Everything of a form to read aloud: the real service's steps, each field's label with its
/// hint, and the end page.
fn form_narration(form: &Form) -> Vec<Spoken> {
    let mut out = Vec::new();
    for locale in form.languages.iter().copied() {
        let mut add = |key: String, text: String| out.push(Spoken { key, locale, text, recording: None });
        for (i, step) in form.service_steps.iter().enumerate() {
            add(service_step_key(i), step.text.get(locale).to_owned());
        }
        for (p, page) in form.pages.iter().enumerate() {
            for field in &page.fields {
                let words = match &field.hint {
                    Some(hint) => format!("{}. {}", field.label.get(locale), hint.get(locale)),
                    None => field.label.get(locale).to_owned(),
                };
                add(hint_key(p, &field.id), words);
            }
        }
        add(NEXT_KEY.into(), form.next.text.get(locale).to_owned());
    }
    out
}

/// Speaks every distinct text, on every core, from the cache where it can.
fn narrate_all(texts: &[(Locale, &str)], cache: &Path) -> Result<BTreeMap<(Locale, String), Vec<u8>>, NarrationError> {
    let mut todo: Vec<(Locale, String)> = texts.iter().map(|(l, t)| (*l, (*t).to_owned())).collect();
    todo.sort();
    todo.dedup();
    let queue = Mutex::new(todo);
    let done = Mutex::new(BTreeMap::new());
    let failed = Mutex::new(None);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).pop();
                    let Some((locale, text)) = next else { return };
                    match narration::narrate(&text, locale, cache) {
                        Ok(bytes) => {
                            done.lock().unwrap_or_else(PoisonError::into_inner).insert((locale, text), bytes);
                        }
                        Err(e) => {
                            *failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
                            queue.lock().unwrap_or_else(PoisonError::into_inner).clear();
                            return;
                        }
                    }
                }
            });
        }
    });
    match failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        Some(e) => Err(e),
        None => Ok(done.into_inner().unwrap_or_else(PoisonError::into_inner)),
    }
}
