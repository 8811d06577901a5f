//! The digital-skills assessment on the device: the instrument (published content, bundled with
//! the app) in the person's language with its pictures and narration, and the open profile's
//! assessments — each a document of that profile, taken alone or with a volunteer, scored per
//! DigComp area by [`mcommunity_core::assessment::score`], and compared before and after training.
//!
//! Assessments are scored against the instrument on the device, matching items by id, so one
//! taken with an older revision still scores on the items both revisions share.

use automerge::AutoCommit;
use mcommunity_core::{
    assessment::{self, Assessment, Instrument, Rating, Scores},
    content::Content,
    documents::DocKind,
    ids::{DocId, ProfileId},
    lessons::text_in,
    locale::Locale,
};

use crate::{
    content,
    error::ClientError,
    store::{Store, now_ms},
    view::{
        AreaChangeView, AreaScoreView, AssessmentComparison, AssessmentInstrument, AssessmentItemView,
        AssessmentScaleStep, AssessmentTaskView, AssessmentView, SpokenText, TakenCheck,
    },
};

/// The instrument the app offers, in `locale` (every instrument text has every UI language).
pub fn instrument(store: &Store, locale: Locale) -> Result<AssessmentInstrument, ClientError> {
    let (content, instrument) = load_instrument(store)?;
    let text = |texts| text_in(texts, locale).to_owned();
    let spoken = |texts, key: &str| SpokenText { text: text(texts), audio: content::audio(&content, locale, key) };
    Ok(AssessmentInstrument {
        id: instrument.id.clone(),
        revision: revision(instrument.revision),
        title: text(&instrument.title),
        intro: spoken(&instrument.intro, assessment::INTRO_KEY),
        picture: content::picture(&content, Some(&instrument.picture)),
        locale,
        scale: instrument
            .scale
            .iter()
            .map(|s| AssessmentScaleStep {
                rating: s.rating,
                points: u32::from(s.rating.points()),
                text: spoken(&s.text, &assessment::scale_key(s.rating)),
                picture: content::picture(&content, Some(&s.picture)),
            })
            .collect(),
        items: instrument
            .items
            .iter()
            .filter_map(|i| {
                Some(AssessmentItemView {
                    id: i.id.clone(),
                    area: i.area()?,
                    digcomp: i.digcomp.clone(),
                    text: spoken(&i.text, &assessment::item_key(&i.id)),
                    picture: content::picture(&content, Some(&i.picture)),
                })
            })
            .collect(),
        tasks: instrument
            .tasks
            .iter()
            .filter_map(|t| {
                Some(AssessmentTaskView {
                    id: t.id.clone(),
                    area: t.area()?,
                    digcomp: t.digcomp.clone(),
                    text: spoken(&t.text, &assessment::task_key(&t.id)),
                    picture: content::picture(&content, Some(&t.picture)),
                    form: t.form.clone(),
                })
            })
            .collect(),
    })
}

/// Starts an assessment of `profile`, taken by the volunteer `taken_by` or by the person alone.
/// Fails with `NotFound` when the device has no instrument yet.
pub fn start(
    store: &mut Store,
    profile: ProfileId,
    taken_by: Option<ProfileId>,
) -> Result<AssessmentView, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    let id = DocId::random();
    let mut doc = assessment::new_document(profile, taken_by, instrument.revision, now_ms());
    store.insert(id, DocKind::Assessment, Some(profile), &mut doc)?;
    tracing::info!(doc = %id, assisted = taken_by.is_some(), "assessment started");
    view(id, &assessment::read(&doc)?, &instrument)
}

/// Records `profile`'s answer to item `item` of assessment `id`. An unknown item, another
/// profile's assessment, and a finished one (it records that day and takes no more answers) are
/// all `NotFound`.
pub fn rate(
    store: &mut Store,
    profile: ProfileId,
    id: DocId,
    item: &str,
    rating: Rating,
) -> Result<AssessmentView, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    if !instrument.items.iter().any(|i| i.id == item) {
        return Err(ClientError::NotFound);
    }
    change(store, profile, id, &instrument, |doc| assessment::rate(doc, item, rating, now_ms()))
}

/// Records whether the observed task `task` of assessment `id` was done (same refusals as
/// [`rate`]).
pub fn observe(
    store: &mut Store,
    profile: ProfileId,
    id: DocId,
    task: &str,
    done: bool,
) -> Result<AssessmentView, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    if !instrument.tasks.iter().any(|t| t.id == task) {
        return Err(ClientError::NotFound);
    }
    change(store, profile, id, &instrument, |doc| assessment::observe(doc, task, done))
}

/// Finishes assessment `id` (finishing twice keeps the first time).
pub fn finish(store: &mut Store, profile: ProfileId, id: DocId) -> Result<AssessmentView, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    let now = now_ms();
    change(store, profile, id, &instrument, |doc| assessment::finish(doc, now).map_err(assessment::ChangeError::from))
}

/// The finished checks `volunteer` took with someone, of any profile on this device, newest first.
pub fn taken_by(store: &Store, volunteer: ProfileId) -> Result<Vec<TakenCheck>, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    let names: std::collections::BTreeMap<String, String> =
        crate::profiles::list(store)?.into_iter().map(|p| (p.id, p.name)).collect();
    let mut out = Vec::new();
    for id in store.list(DocKind::Assessment, None)? {
        let Some(stored) = store.load(id)? else { continue };
        let Ok(taken) = assessment::read(&stored.doc) else { continue };
        if stored.owner != Some(taken.profile) || taken.taken_by != Some(volunteer) || taken.finished_at.is_none() {
            continue;
        }
        out.push(TakenCheck {
            resident: names.get(&taken.profile.to_string()).cloned(),
            check: view(id, &taken, &instrument)?,
        });
    }
    out.sort_by(|a, b| b.check.started_at.total_cmp(&a.check.started_at).then_with(|| b.check.id.cmp(&a.check.id)));
    Ok(out)
}

/// `profile`'s assessments, newest first, with their scores. A damaged one is left out.
pub fn list(store: &Store, profile: ProfileId) -> Result<Vec<AssessmentView>, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    let mut out = Vec::new();
    for id in store.list(DocKind::Assessment, Some(profile))? {
        match load(store, profile, id) {
            Ok(taken) => out.push(view(id, &taken, &instrument)?),
            Err(ClientError::Schema(e)) => {
                tracing::warn!(doc = %id, error = %e, "an assessment does not read; skipped")
            }
            Err(e) => return Err(e),
        }
    }
    out.sort_by(|a, b| b.started_at.total_cmp(&a.started_at).then_with(|| b.id.cmp(&a.id)));
    Ok(out)
}

/// Compares two of `profile`'s assessments area by area: `before` is usually the one taken
/// before training, `after` the one after it.
pub fn compare(
    store: &Store,
    profile: ProfileId,
    before: DocId,
    after: DocId,
) -> Result<AssessmentComparison, ClientError> {
    let (_, instrument) = load_instrument(store)?;
    let (b, a) = (load(store, profile, before)?, load(store, profile, after)?);
    let (before_scores, after_scores) = (scores(&b, &instrument), scores(&a, &instrument));
    let areas = assessment::compare(&before_scores, &after_scores)
        .iter()
        .map(|c| AreaChangeView {
            area: c.area,
            before: c.before.map(|s| s.mean.value()),
            after: c.after.map(|s| s.mean.value()),
            before_level: c.before.map(|s| s.level),
            after_level: c.after.map(|s| s.level),
            trend: c.trend,
            difference: c.difference,
        })
        .collect();
    Ok(AssessmentComparison { before: view(before, &b, &instrument)?, after: view(after, &a, &instrument)?, areas })
}

fn load_instrument(store: &Store) -> Result<(Content, Instrument), ClientError> {
    let content = content::one(store, DocKind::Instrument, assessment::INSTRUMENT_ID)?;
    let instrument = content::body(&content)?;
    Ok((content, instrument))
}

/// One of `profile`'s assessments; another profile's looks exactly like a missing one.
fn load(store: &Store, profile: ProfileId, id: DocId) -> Result<Assessment, ClientError> {
    match store.load(id)? {
        Some(stored) if stored.kind == DocKind::Assessment && stored.owner == Some(profile) => {
            Ok(assessment::read(&stored.doc)?)
        }
        _ => Err(ClientError::NotFound),
    }
}

fn change(
    store: &mut Store,
    profile: ProfileId,
    id: DocId,
    instrument: &Instrument,
    edit: impl FnOnce(&mut AutoCommit) -> Result<(), assessment::ChangeError>,
) -> Result<AssessmentView, ClientError> {
    let outcome = store
        .update(id, |stored| {
            if stored.kind != DocKind::Assessment || stored.owner != Some(profile) {
                return Err(ClientError::NotFound);
            }
            edit(&mut stored.doc).map_err(|e| match e {
                // The UI offers no answers on a finished assessment; one arriving anyway (from a
                // second tap, or another device that finished it) changes nothing.
                assessment::ChangeError::Finished => ClientError::NotFound,
                assessment::ChangeError::Schema(e) => ClientError::Schema(e),
                other => ClientError::Internal(other.to_string()),
            })?;
            Ok(assessment::read(&stored.doc)?)
        })?
        .ok_or(ClientError::NotFound)??;
    view(id, &outcome, instrument)
}

fn scores(taken: &Assessment, instrument: &Instrument) -> Scores {
    assessment::score(instrument, &taken.ratings, &taken.observed)
}

fn view(id: DocId, taken: &Assessment, instrument: &Instrument) -> Result<AssessmentView, ClientError> {
    let scores = scores(taken, instrument);
    let answered = instrument.items.iter().filter(|i| taken.ratings.contains_key(&i.id)).count() as u32;
    Ok(AssessmentView {
        id: id.to_string(),
        taken_by: taken.taken_by.map(|p| p.to_string()),
        revision: revision(taken.revision),
        started_at: taken.started_at as f64,
        finished_at: taken.finished_at.map(|t| t as f64),
        ratings: taken.ratings.clone(),
        observed: taken.observed.clone(),
        answered,
        item_count: instrument.items.len() as u32,
        areas: scores
            .areas
            .iter()
            .map(|(area, s)| AreaScoreView {
                area: *area,
                score: s.map(|s| s.mean.value()),
                level: s.map(|s| s.level),
                answered: s.map_or(0, |s| s.answered),
                observed: s.map_or(0, |s| s.observed),
            })
            .collect(),
        overall: scores.overall.map(|(mean, _)| mean.value()),
        overall_level: scores.overall.map(|(_, level)| level),
    })
}

/// Revisions are small; the UI's numbers are not 64-bit.
fn revision(revision: u64) -> u32 {
    u32::try_from(revision).unwrap_or(u32::MAX)
}
