//! Community sessions on the volunteer's laptop: a volunteer (a profile linked to a volunteer
//! account on the server) plans a session, registers the people who came — profiles of this
//! device, or new ones made on the spot — with the facts they choose to give and their consent,
//! marks attendance, records what each learned from their own progress record, and writes a note.
//! Each session is a document of the volunteer's profile ([`mcommunity_core::session`]).

use std::collections::BTreeMap;

use mcommunity_core::{
    documents::DocKind,
    forms::rules::Date,
    ids::{DocId, ProfileId},
    places, progress,
    session::{self, Consent, Plan, Registration, SessionError},
};

use crate::{
    error::ClientError,
    store::{Store, now_ms, settings},
    view::{AttendeeView, RegistrationInput, SessionPlanInput, SessionSummary, SessionView},
};

/// Fails unless `profile` is linked to a volunteer account on this device.
pub fn require_volunteer(store: &Store, profile: ProfileId) -> Result<String, ClientError> {
    settings::volunteer(store.conn(), profile)?.ok_or(ClientError::NotVolunteer)
}

fn plan_of(input: &SessionPlanInput) -> Plan {
    Plan {
        date: input.date.trim().to_owned(),
        village: input.village.clone(),
        municipality: input.municipality.clone(),
        country: input.country,
        topic: input.topic.clone(),
        planned: input.planned.clone(),
    }
}

fn session_error(e: SessionError) -> ClientError {
    match e {
        SessionError::Input(input) => ClientError::Input(input),
        SessionError::NotRegistered => ClientError::NotFound,
        SessionError::Schema(schema) => ClientError::Schema(schema),
        other => ClientError::Internal(other.to_string()),
    }
}

/// Starts a session of `volunteer`.
pub fn create(store: &mut Store, volunteer: ProfileId, input: &SessionPlanInput) -> Result<SessionView, ClientError> {
    require_volunteer(store, volunteer)?;
    let id = DocId::random();
    let mut doc = session::new_document(volunteer, &plan_of(input), now_ms()).map_err(session_error)?;
    store.insert(id, DocKind::Session, Some(volunteer), &mut doc)?;
    tracing::info!(session = %id, "community session created");
    get(store, volunteer, id)
}

fn read(store: &Store, volunteer: ProfileId, id: DocId) -> Result<session::Session, ClientError> {
    let stored = store.load(id)?.ok_or(ClientError::NotFound)?;
    if stored.kind != DocKind::Session || stored.owner != Some(volunteer) {
        return Err(ClientError::NotFound);
    }
    let read = session::read(&stored.doc)?;
    if read.volunteer != volunteer {
        return Err(ClientError::NotFound);
    }
    Ok(read)
}

/// The name a place id stands for (a village of the pilot municipality), or the place as written.
fn place_name(village: &str) -> String {
    places::village(village).map_or_else(|| village.to_owned(), |v| v.name.to_owned())
}

/// `volunteer`'s sessions, the latest day first.
pub fn list(store: &Store, volunteer: ProfileId) -> Result<Vec<SessionSummary>, ClientError> {
    require_volunteer(store, volunteer)?;
    let mut out = Vec::new();
    for id in store.list(DocKind::Session, Some(volunteer))? {
        match read(store, volunteer, id) {
            Ok(s) => out.push(SessionSummary {
                id: id.to_string(),
                date: s.plan.date.clone(),
                village_name: place_name(&s.plan.village),
                topic: s.plan.topic.clone(),
                registered: s.attendees.len() as u32,
                present: s.attendees.values().filter(|a| a.present).count() as u32,
            }),
            Err(e @ (ClientError::Schema(_) | ClientError::Store(_))) => {
                tracing::error!(session = %id, error = %e, "skipping a damaged session");
            }
            Err(e) => return Err(e),
        }
    }
    out.sort_by(|a, b| b.date.cmp(&a.date));
    Ok(out)
}

/// One of `volunteer`'s sessions, with the names of the people this device knows.
pub fn get(store: &Store, volunteer: ProfileId, id: DocId) -> Result<SessionView, ClientError> {
    require_volunteer(store, volunteer)?;
    let s = read(store, volunteer, id)?;
    let names: BTreeMap<String, String> = crate::profiles::list(store)?.into_iter().map(|p| (p.id, p.name)).collect();
    let attendees = s
        .attendees
        .iter()
        .map(|(profile, a)| AttendeeView {
            profile: profile.to_string(),
            name: names.get(&profile.to_string()).cloned(),
            present: a.present,
            gender: a.gender,
            age: a.age,
            settlement: a.settlement,
            country: a.country,
            groups: a.groups.clone(),
            consent: a.consent.map(|c| c.by),
            lessons: a.lessons.clone(),
            forms: a.forms.clone(),
        })
        .collect();
    Ok(SessionView {
        id: id.to_string(),
        plan: SessionPlanInput {
            date: s.plan.date,
            village: s.plan.village.clone(),
            municipality: s.plan.municipality,
            country: s.plan.country,
            topic: s.plan.topic,
            planned: s.plan.planned,
        },
        village_name: place_name(&s.plan.village),
        attendees,
        note: s.note,
    })
}

/// Changes one of `volunteer`'s sessions with `change`, in one write.
fn edit(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    change: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<(), SessionError>,
) -> Result<SessionView, ClientError> {
    require_volunteer(store, volunteer)?;
    read(store, volunteer, id)?;
    let now = now_ms();
    store.update(id, |stored| change(&mut stored.doc, now).map_err(session_error))?.ok_or(ClientError::NotFound)??;
    get(store, volunteer, id)
}

/// Changes what a session plans.
pub fn set_plan(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    input: &SessionPlanInput,
) -> Result<SessionView, ClientError> {
    let plan = plan_of(input);
    edit(store, volunteer, id, |doc, now| session::set_plan(doc, &plan, now))
}

/// Registers a person of this device at a session with the facts they chose to give. Consent given
/// now is recorded now; without it no fact is kept.
pub fn register(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    person: ProfileId,
    input: &RegistrationInput,
) -> Result<SessionView, ClientError> {
    crate::profiles::get(store, person)?;
    let registration = Registration {
        gender: input.gender,
        age: input.age,
        settlement: input.settlement,
        country: input.country,
        groups: input.groups.clone(),
        consent: input.consent.map(|by| Consent { at: now_ms(), by }),
        consent_voice: None,
    };
    edit(store, volunteer, id, |doc, now| session::register(doc, person, &registration, now))
}

/// Marks whether a registered person came.
pub fn set_present(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    person: ProfileId,
    present: bool,
) -> Result<SessionView, ClientError> {
    edit(store, volunteer, id, |doc, now| session::set_present(doc, person, present, now))
}

/// Takes a person off a session's list.
pub fn unregister(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    person: ProfileId,
) -> Result<SessionView, ClientError> {
    edit(store, volunteer, id, |doc, now| session::unregister(doc, person, now))
}

/// Sets a session's note.
pub fn set_note(store: &mut Store, volunteer: ProfileId, id: DocId, note: &str) -> Result<SessionView, ClientError> {
    edit(store, volunteer, id, |doc, now| session::set_note(doc, note, now))
}

/// Records, for a registered person, what their own progress record says they did on the
/// session's day (UTC): lessons finished, and practice forms started.
pub fn record_learning(
    store: &mut Store,
    volunteer: ProfileId,
    id: DocId,
    person: ProfileId,
) -> Result<SessionView, ClientError> {
    let s = read(store, volunteer, id)?;
    let day =
        Date::parse(&s.plan.date).map_err(|_| ClientError::Internal("a stored session date does not read".into()))?;
    let start = day.days_since_epoch() * 86_400_000;
    let on_the_day = |t: i64| (start..start + 86_400_000).contains(&t);
    let (lessons, forms) = match store.load(progress::doc_id(person))? {
        Some(stored) if stored.kind == DocKind::Progress && stored.owner == Some(person) => {
            let record = progress::read(&stored.doc)?;
            let lessons: Vec<String> = record
                .lessons
                .iter()
                .filter(|(_, l)| l.done_at.is_some_and(on_the_day))
                .map(|(id, _)| id.clone())
                .collect();
            let mut forms: Vec<String> =
                record.attempts.iter().filter(|a| on_the_day(a.started_at)).map(|a| a.form.clone()).collect();
            forms.sort();
            forms.dedup();
            (lessons, forms)
        }
        _ => (Vec::new(), Vec::new()),
    };
    edit(store, volunteer, id, |doc, now| session::record_learning(doc, person, &lessons, &forms, now))
}
