use mcommunity_client::view::{RegistrationInput, SessionPlanInput};
use mcommunity_core::{
    errors::ErrorCode,
    idnum::Country,
    ids::ProfileId,
    session::{AgeBand, ConsentBy, Gender, Settlement, TargetGroup},
};

use crate::support::{code, device_with, new_profile};

fn plan() -> SessionPlanInput {
    SessionPlanInput {
        date: "2026-11-28".into(),
        village: "qelez".into(),
        municipality: "Fushë-Arrëz".into(),
        country: Country::Al,
        topic: "Telefoni dhe mesazhet zanore".into(),
        planned: vec!["phone-basics".into()],
    }
}

#[test]
fn only_a_volunteer_keeps_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, _) = device_with(dir.path(), "Arben");
    assert_eq!(device.volunteer().unwrap().username, None);
    assert_eq!(code(device.session_create(&plan())), ErrorCode::NotVolunteer);
    assert_eq!(code(device.sessions()), ErrorCode::NotVolunteer);
}

#[test]
fn a_volunteer_runs_a_session_registers_people_and_records_what_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let (mut device, volunteer) = device_with(dir.path(), "Arben");
    let volunteer_id: ProfileId = volunteer.id.parse().unwrap();
    device.set_volunteer(volunteer_id, "arben").unwrap();
    assert_eq!(device.volunteer().unwrap().username.as_deref(), Some("arben"));

    let bad = device.session_create(&SessionPlanInput { date: "nesër".into(), ..plan() }).unwrap_err();
    assert_eq!(device.command_error(&bad).field.as_deref(), Some("date"));
    let session = device.session_create(&plan()).unwrap();
    assert_eq!(session.village_name, "Qelëz");

    // Someone new, registered on the spot: their profile is made, the volunteer stays open.
    let facts = RegistrationInput {
        gender: Some(Gender::Woman),
        age: Some(AgeBand::From55To74),
        settlement: Some(Settlement::Rural),
        country: Some(Country::Al),
        groups: vec![TargetGroup::WomanReadingLittle],
        consent: Some(ConsentBy::Tap),
    };
    let with_drita = device.session_register_new(&session.id, &new_profile("Drita", None), &facts).unwrap();
    assert_eq!(device.volunteer().unwrap().username.as_deref(), Some("arben"), "the volunteer's profile stays open");
    let drita = &with_drita.attendees[0];
    assert_eq!(
        (drita.name.as_deref(), drita.gender, drita.consent),
        (Some("Drita"), Some(Gender::Woman), Some(ConsentBy::Tap))
    );

    // Someone who gives facts but no consent: counted as present, nothing else kept.
    let no_consent = RegistrationInput { gender: Some(Gender::Man), consent: None, ..Default::default() };
    let both = device.session_register_new(&session.id, &new_profile("Gjon", None), &no_consent).unwrap();
    let gjon = both.attendees.iter().find(|a| a.name.as_deref() == Some("Gjon")).unwrap().clone();
    assert_eq!((gjon.gender, gjon.consent, gjon.present), (None, None, true));

    let marked = device.session_set_present(&session.id, &gjon.profile, false).unwrap();
    assert!(!marked.attendees.iter().find(|a| a.profile == gjon.profile).unwrap().present);
    device.session_set_note(&session.id, "Salla e shkollës; drita u ndërpre një orë.").unwrap();
    assert_eq!(
        code(device.session_register(&session.id, &ProfileId::random().to_string(), &facts)),
        ErrorCode::NotFound
    );

    let list = device.sessions().unwrap();
    assert_eq!((list.len(), list[0].registered, list[0].present), (1, 2, 1));

    // Learning is read from the person's own progress record: nothing on another day.
    let recorded = device.session_record_learning(&session.id, &drita.profile).unwrap();
    let drita_now = recorded.attendees.iter().find(|a| a.profile == drita.profile).unwrap();
    assert!(drita_now.lessons.is_empty() && drita_now.forms.is_empty(), "Drita did no lesson on 2026-11-28");

    // Another profile of the laptop is not a volunteer: it sees no sessions.
    device.open_profile(&drita.profile, None).unwrap();
    assert_eq!(code(device.session(&session.id)), ErrorCode::NotVolunteer);
}

/// Today in UTC, `YYYY-MM-DD`.
fn today() -> String {
    let days = (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400) as i64;
    mcommunity_core::forms::rules::Date::from_days_since_epoch(days).to_string()
}

#[test]
fn a_lesson_finished_on_the_session_day_is_recorded_for_that_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut device = crate::learn::device_in(dir.path());
    let volunteer = device.create_profile(&new_profile("Arben", None)).unwrap();
    device.set_volunteer(volunteer.id.parse().unwrap(), "arben").unwrap();
    let session = device.session_create(&SessionPlanInput { date: today(), ..plan() }).unwrap();
    let consent = RegistrationInput { consent: Some(ConsentBy::Tap), ..Default::default() };
    let registered = device.session_register_new(&session.id, &new_profile("Drita", None), &consent).unwrap();
    let drita = registered.attendees[0].profile.clone();

    // Drita does the first lesson on the laptop, in her own profile.
    device.open_profile(&drita, None).unwrap();
    let lesson = device.lessons().unwrap()[0].id.clone();
    device.lesson_finish(&lesson).unwrap();
    device.open_profile(&volunteer.id, None).unwrap();

    let recorded = device.session_record_learning(&session.id, &drita).unwrap();
    assert_eq!(recorded.attendees[0].lessons, [lesson], "the lesson she finished today");
}

#[test]
fn a_request_written_with_help_is_sent_with_consent_and_followed_until_it_is_withdrawn() {
    use mcommunity_client::view::DraftPatch;
    use mcommunity_core::submission::SubmissionKind;
    let dir = tempfile::tempdir().unwrap();
    let (mut device, volunteer) = device_with(dir.path(), "Arben");
    assert_eq!(code(device.helped_requests()), ErrorCode::NotVolunteer);
    device.set_volunteer(volunteer.id.parse().unwrap(), "arben").unwrap();
    let helpers = device.helpers().unwrap();
    assert_eq!((helpers.len(), helpers[0].username.as_str()), (1, "arben"));

    // In the resident's own profile, the volunteer writes her request.
    let drita = device.create_profile(&new_profile("Drita", None)).unwrap();
    assert_eq!(code(device.draft_set_assisted("x", &drita.id)), ErrorCode::NotVolunteer, "Drita is no volunteer");
    let draft = device.create_draft(SubmissionKind::Problem).unwrap();
    let mine = device.create_draft(SubmissionKind::Question).unwrap();
    let patch = DraftPatch {
        text: Some("Nuk kemi ujë prej tri ditësh.".into()),
        category: Some("water".into()),
        ..Default::default()
    };
    device.update_draft(&draft.id, patch.clone()).unwrap();
    device.update_draft(&mine.id, patch).unwrap();
    let assisted = device.draft_set_assisted(&draft.id, &volunteer.id).unwrap().assisted.unwrap();
    assert_eq!((assisted.name.as_str(), assisted.consent), ("arben", None));
    let refused = device.send_draft(&draft.id).unwrap_err();
    assert_eq!(device.command_error(&refused).field.as_deref(), Some("consent"), "no consent, no sending");

    // She says yes aloud; it is kept as her voice note and goes with the request.
    let yes: Vec<i16> = (0..16_000).map(|i| ((i as f64 / 16_000.0 * 900.0).sin() * 8_000.0) as i16).collect();
    let consented = device.draft_record_consent(&draft.id, Some((&yes, 16_000))).unwrap();
    assert_eq!(consented.assisted.unwrap().consent, Some(ConsentBy::Voice));
    device.send_draft(&draft.id).unwrap();
    device.send_draft(&mine.id).unwrap();

    // The volunteer follows it, and only it.
    device.open_profile(&volunteer.id, None).unwrap();
    let helped = device.helped_requests().unwrap();
    assert_eq!(helped.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), [draft.id.as_str()]);
    assert_eq!(helped[0].resident.as_deref(), Some("Drita"));
    assert_eq!(device.helped_request(&draft.id).unwrap().text, "Nuk kemi ujë prej tri ditësh.");
    assert_eq!(code(device.helped_request(&mine.id)), ErrorCode::NotFound, "not her other requests");

    // Drita withdraws her consent: the volunteer no longer follows it.
    device.open_profile(&drita.id, None).unwrap();
    assert!(device.draft_withdraw_consent(&draft.id).unwrap().assisted.unwrap().withdrawn);
    device.open_profile(&volunteer.id, None).unwrap();
    assert!(device.helped_requests().unwrap().is_empty());
    assert_eq!(code(device.helped_request(&draft.id)), ErrorCode::NotFound);
}

#[test]
fn a_volunteer_sees_the_skills_checks_they_took_with_people_and_no_other() {
    use mcommunity_core::assessment::Rating;
    let dir = tempfile::tempdir().unwrap();
    let mut device = crate::learn::device_in(dir.path());
    let volunteer = device.create_profile(&new_profile("Arben", None)).unwrap();
    assert_eq!(code(device.assessments_taken()), ErrorCode::NotVolunteer);
    device.set_volunteer(volunteer.id.parse().unwrap(), "arben").unwrap();
    let drita = device.create_profile(&new_profile("Drita", None)).unwrap();
    let instrument = device.assessment_instrument().unwrap();
    let mut take = |with: Option<&str>| {
        let check = device.assessment_start(with).unwrap();
        device.assessment_rate(&check.id, &instrument.items[0].id, Rating::OnMyOwn).unwrap();
        device.assessment_finish(&check.id).unwrap();
        check.id
    };
    let with_him = take(Some(&volunteer.id));
    take(None);
    device.open_profile(&volunteer.id, None).unwrap();
    let taken = device.assessments_taken().unwrap();
    assert_eq!(
        taken.iter().map(|t| t.check.id.as_str()).collect::<Vec<_>>(),
        [with_him.as_str()],
        "only the one he took"
    );
    assert_eq!(taken[0].resident.as_deref(), Some(drita.name.as_str()));
    assert!(taken[0].check.finished_at.is_some());
}
