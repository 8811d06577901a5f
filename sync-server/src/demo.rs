//! Demo mode, for trying the dashboard and for the browser tests: a demo clerk with a printed
//! password and clearly marked demo submissions (every title starts with "DEMO"); a demo volunteer
//! and a demo project member, and a past DEMO community session in Qelëz run by that volunteer,
//! so the indicators page is not empty. Never part of a production start: only `serve --demo`
//! and `admin demo-data` call these.

use mcommunity_core::{
    access::DocMeta,
    documents::DocKind,
    idnum::Country,
    ids::{DocId, ProfileId},
    places,
    session::{AgeBand, Consent, ConsentBy, Gender, Plan, Registration, Settlement, TargetGroup},
    submission::{self, SubmissionKind, SubmissionPatch},
    sync,
};

use crate::{
    answers::StaffAction,
    staff::{self, StaffError},
    storage::{Storage, StorageError, dashboard::Role},
};

/// The demo clerk's username.
pub const DEMO_CLERK: &str = "demo-clerk";

/// The demo volunteer's username.
pub const DEMO_VOLUNTEER: &str = "demo-volunteer";
/// The demo project member's username.
pub const DEMO_PROJECT: &str = "demo-project";

/// Creates the demo clerk (or gives it a new password) and returns the password to print.
pub async fn clerk(storage: &dyn Storage, now: i64) -> Result<String, StaffError> {
    account(storage, DEMO_CLERK, Role::Clerk, now).await
}

/// Creates a demo account (or gives it a new password) and returns the password to print.
pub async fn account(storage: &dyn Storage, username: &str, role: Role, now: i64) -> Result<String, StaffError> {
    let password = staff::random_token()[..16].to_owned();
    if storage.staff(username).await?.is_some() {
        let hash = staff::hash_password(&password)?;
        storage.set_password(username, &hash).await?;
    } else {
        staff::add(storage, username, role, &password, now).await?;
    }
    Ok(password)
}

/// The demo volunteer's and project member's passwords, to print.
pub struct DemoAccounts {
    /// `demo-volunteer`'s password.
    pub volunteer: String,
    /// `demo-project`'s password.
    pub project: String,
}

/// Creates the demo volunteer and project member and, if no session is indexed yet, a past DEMO
/// community session in Qelëz run by that volunteer, with twelve people of varied facts. Returns
/// the accounts' passwords to print.
pub async fn community(storage: &dyn Storage, now: i64) -> Result<DemoAccounts, StaffError> {
    let volunteer = account(storage, DEMO_VOLUNTEER, Role::Volunteer, now).await?;
    let project = account(storage, DEMO_PROJECT, Role::Project, now).await?;
    if storage.indexed_sessions().await?.is_empty() {
        session(storage, now).await?;
    }
    Ok(DemoAccounts { volunteer, project })
}

/// A demo attendee's facts: gender, age band, settlement, groups, consent given, present.
type DemoPerson = (Option<Gender>, Option<AgeBand>, Option<Settlement>, &'static [TargetGroup], bool, bool);

/// The twelve demo attendees.
const PEOPLE: &[DemoPerson] = &[
    (
        Some(Gender::Woman),
        Some(AgeBand::From55To74),
        Some(Settlement::Rural),
        &[TargetGroup::WomanReadingLittle],
        true,
        true,
    ),
    (Some(Gender::Woman), Some(AgeBand::From55To74), Some(Settlement::Rural), &[TargetGroup::FirstPhone], true, true),
    (Some(Gender::Woman), Some(AgeBand::From75), Some(Settlement::Rural), &[TargetGroup::OlderPerson], true, true),
    (
        Some(Gender::Woman),
        Some(AgeBand::From25To54),
        Some(Settlement::Rural),
        &[TargetGroup::WomanReadingLittle, TargetGroup::FirstPhone],
        true,
        true,
    ),
    (Some(Gender::Woman), Some(AgeBand::From55To74), Some(Settlement::Urban), &[], true, true),
    (Some(Gender::Woman), Some(AgeBand::From16To24), Some(Settlement::Rural), &[TargetGroup::YoungPerson], true, true),
    (Some(Gender::Woman), None, Some(Settlement::Rural), &[], true, true),
    (Some(Gender::Man), Some(AgeBand::From55To74), Some(Settlement::Rural), &[TargetGroup::OlderPerson], true, true),
    (
        Some(Gender::Man),
        Some(AgeBand::From75),
        Some(Settlement::Rural),
        &[TargetGroup::OlderPerson, TargetGroup::Disability],
        true,
        true,
    ),
    (Some(Gender::Man), Some(AgeBand::From55To74), Some(Settlement::Urban), &[TargetGroup::FirstPhone], true, true),
    (Some(Gender::Man), Some(AgeBand::From25To54), Some(Settlement::Rural), &[], true, false),
    (Some(Gender::Woman), Some(AgeBand::From55To74), Some(Settlement::Rural), &[], false, true),
];

/// Seeds the DEMO session (three weeks before `now`) and links its volunteer's profile.
async fn session(storage: &dyn Storage, now: i64) -> Result<DocId, StorageError> {
    let corrupt = |e: mcommunity_core::session::SessionError| StorageError::Corrupt(format!("demo session: {e}"));
    let at = now - 21 * 86_400_000;
    let volunteer = ProfileId::random();
    let plan = Plan {
        date: crate::dashboard::page::date(at),
        village: "qelez".into(),
        municipality: "Fushë-Arrëz".into(),
        country: Country::Al,
        topic: "DEMO: Telefoni, mesazhet zanore dhe e-Albania".into(),
        planned: vec!["phone-basics".into(), "voice-message".into()],
    };
    let mut doc = mcommunity_core::session::new_document(volunteer, &plan, at).map_err(corrupt)?;
    for (i, (gender, age, settlement, groups, consented, present)) in PEOPLE.iter().enumerate() {
        let who = ProfileId::random();
        let facts = Registration {
            gender: *gender,
            age: *age,
            settlement: *settlement,
            country: Some(Country::Al),
            groups: groups.to_vec(),
            consent: consented.then_some(Consent { at: at + i as i64, by: ConsentBy::Tap }),
            consent_voice: None,
        };
        mcommunity_core::session::register(&mut doc, who, &facts, at + i as i64).map_err(corrupt)?;
        if !present {
            mcommunity_core::session::set_present(&mut doc, who, false, at + 100).map_err(corrupt)?;
        }
        let lessons: Vec<String> = plan.planned.iter().take(1 + i % 2).cloned().collect();
        let forms: Vec<String> = if i % 3 == 0 { vec!["e-albania-registration".into()] } else { Vec::new() };
        mcommunity_core::session::record_learning(&mut doc, who, &lessons, &forms, at + 200).map_err(corrupt)?;
    }
    mcommunity_core::session::set_note(&mut doc, "DEMO: salla e shkollës, 12 veta.", at + 300).map_err(corrupt)?;
    let seeded = mcommunity_core::session::read(&doc).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    assessments(storage, volunteer, &seeded, at).await?;
    assisted(storage, volunteer, &seeded, at).await?;
    let id = DocId::random();
    let meta = DocMeta { kind: DocKind::Session, owner: Some(volunteer) };
    storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
    storage.link_volunteer(volunteer, DEMO_VOLUNTEER, now).await?;
    crate::indicators::index_document(storage, id, &doc).await?;
    Ok(id)
}

/// DEMO skills assessments of the people who came: one at the session and one three weeks later,
/// rated a step higher after training, so the indicators show skills before and after. Needs the
/// skills instrument published (`make run` publishes the lessons first); without it, none.
async fn assessments(
    storage: &dyn Storage,
    volunteer: ProfileId,
    session: &mcommunity_core::session::Session,
    at: i64,
) -> Result<(), StorageError> {
    use mcommunity_core::assessment::{self, Rating};
    let Some(instrument) = crate::indicators::published_instrument(storage).await? else { return Ok(()) };
    const STEPS: [Rating; 4] = [Rating::CannotDo, Rating::WithHelp, Rating::OnMyOwn, Rating::CanTeach];
    for (n, (&who, _)) in session.attendees.iter().filter(|(_, a)| a.present).enumerate() {
        for (round, when) in [(0, at + 1_000), (1, at + 21 * 86_400_000)] {
            let mut doc = assessment::new_document(who, Some(volunteer), 1, when);
            for (i, item) in instrument.items.iter().enumerate() {
                let step = ((n + i) % 3 + round).min(3);
                assessment::rate(&mut doc, &item.id, STEPS[step], when)
                    .map_err(|e| StorageError::Corrupt(format!("demo assessment: {e}")))?;
            }
            assessment::finish(&mut doc, when + 600_000).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            let id = DocId::random();
            let meta = DocMeta { kind: DocKind::Assessment, owner: Some(who) };
            storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
            let taken = assessment::read(&doc).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            crate::indicators::index_assessment(storage, id, &taken).await?;
        }
    }
    Ok(())
}

/// DEMO requests that people of the session sent with the volunteer's help, each agreed with a tap.
async fn assisted(
    storage: &dyn Storage,
    volunteer: ProfileId,
    session: &mcommunity_core::session::Session,
    at: i64,
) -> Result<(), StorageError> {
    let corrupt = |e: submission::PatchError| StorageError::Corrupt(format!("demo assisted request: {e}"));
    for (n, (&who, _)) in session.attendees.iter().filter(|(_, a)| a.present).take(6).enumerate() {
        let (category, title, text) = TEXTS[n % TEXTS.len()];
        let when = at + 3_600_000 + n as i64 * 60_000;
        let mut doc = submission::new_document(who, SubmissionKind::Request, when);
        let patch = SubmissionPatch {
            category: Some(Some(category.to_owned())),
            title: Some(format!("DEMO: {title}")),
            text: Some(text.to_owned()),
            ..Default::default()
        };
        submission::apply(&mut doc, &patch, when).map_err(corrupt)?;
        submission::set_assisted(&mut doc, volunteer, DEMO_VOLUNTEER, when).map_err(corrupt)?;
        submission::record_consent(&mut doc, ConsentBy::Tap, None, when + 1).map_err(corrupt)?;
        submission::send(&mut doc, when + 2).map_err(corrupt)?;
        let id = DocId::random();
        let meta = DocMeta { kind: DocKind::Submission, owner: Some(who) };
        storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
        let read = submission::read(&doc).map_err(|e| StorageError::Corrupt(e.to_string()))?;
        crate::inbox::index(storage, id, &read).await?;
        crate::grants::follow(storage, id, &read).await?;
    }
    Ok(())
}

const TEXTS: &[(&str, &str, &str)] = &[
    ("roads", "Gropë në rrugë", "Ka një gropë të madhe në rrugën kryesore pranë shkollës."),
    ("water", "Nuk ka ujë", "Nuk kemi ujë që nga e hëna në lagjen tonë."),
    ("lighting", "Drita e rrugës", "Drita e rrugës pranë urës nuk punon prej një jave."),
    ("waste", "Плехот не е собран", "Контејнерот кај пазарот е полн веќе три дена."),
    ("social-help", "Ndihmë sociale", "Si mund të aplikoj për ndihmë ekonomike për nënën time?"),
    ("documents", "Certifikatë", "I need a birth certificate for my son's school."),
    ("public-spaces", "Parku", "Stolat në park janë të thyer."),
    ("other", "Pyetje", "Kur hapet zyra e gjendjes civile të shtunën?"),
];

/// Seeds `count` demo submissions from one demo resident, sent over the last weeks before `now`;
/// about half answered. Returns their ids.
pub async fn seed(storage: &dyn Storage, count: usize, now: i64) -> Result<Vec<DocId>, StorageError> {
    let profile = ProfileId::random();
    let mut ids = Vec::with_capacity(count);
    for i in 0..count {
        let (category, title, text) = TEXTS[i % TEXTS.len()];
        let sent_at = now - (i as i64 + 1) * 5 * 3_600_000;
        let kind = SubmissionKind::ALL[i % SubmissionKind::ALL.len()];
        let mut doc = submission::new_document(profile, kind, sent_at - 60_000);
        let patch = SubmissionPatch {
            category: Some(Some(category.to_owned())),
            title: Some(format!("DEMO {}: {title}", i + 1)),
            text: Some(text.to_owned()),
            ..Default::default()
        };
        submission::apply(&mut doc, &patch, sent_at - 30_000)
            .map_err(|e| StorageError::Corrupt(format!("demo submission: {e}")))?;
        if let Some(village) = places::VILLAGES.get(i % places::VILLAGES.len()) {
            let _ = submission::set_location(&mut doc, Some((village.lat, village.lon)), sent_at - 20_000);
        }
        submission::send(&mut doc, sent_at).map_err(|e| StorageError::Corrupt(format!("demo submission: {e}")))?;
        let id = DocId::random();
        let meta = DocMeta { kind: DocKind::Submission, owner: Some(profile) };
        storage.append(id, meta, &doc.save(), &sync::heads_of(&mut doc)).await?;
        crate::inbox::index_document(storage, id, &doc).await?;
        if i % 2 == 1 {
            let action = StaffAction {
                by: "DEMO",
                status: mcommunity_core::answer::AnswerStatus::Answered,
                expected: None,
                reply: Some("DEMO: Faleminderit, po e shqyrtojmë."),
            };
            let answered_at = sent_at + (i as i64 % 7 + 1) * 3_600_000;
            crate::inbox::answer(storage, "demo", id, &action, answered_at)
                .await
                .map_err(|e| StorageError::Corrupt(format!("demo answer: {e}")))?;
        }
        ids.push(id);
    }
    Ok(ids)
}
