//! Demo mode, for trying the dashboard and for the browser tests: a demo clerk with a printed
//! password and clearly marked demo submissions (every title starts with "DEMO"). Never part of a
//! production start: only `serve --demo` and `admin demo-data` call these.

use mcommunity_core::{
    access::DocMeta,
    documents::DocKind,
    ids::{DocId, ProfileId},
    places,
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

/// Creates the demo clerk (or gives it a new password) and returns the password to print.
pub async fn clerk(storage: &dyn Storage, now: i64) -> Result<String, StaffError> {
    let password = staff::random_token()[..16].to_owned();
    if storage.staff(DEMO_CLERK).await?.is_some() {
        let hash = staff::hash_password(&password)?;
        storage.set_password(DEMO_CLERK, &hash).await?;
    } else {
        staff::add(storage, DEMO_CLERK, Role::Clerk, &password, now).await?;
    }
    Ok(password)
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
