//! The project's indicators (#6): counting over seeded sessions and assessments (disaggregation, a
//! person once, the small-cell rule, skills before and after), the page and its exports by role,
//! the volunteer link of a device's profile, and the index's storage contract over both backends.

use axum::http::StatusCode;
use mcommunity_core::{
    idnum::Country,
    ids::{DocId, ProfileId},
    session::{self, Consent, ConsentBy, Gender, Plan, Registration, TargetGroup},
    sync::{self as protocol, PROTOCOL_VERSION, Refusal, SyncRequest, SyncResponse},
};
use mcommunity_sync_server::{
    indicators::{self, Cell, Dimension, Filter, Measure},
    staff,
    storage::{
        Storage,
        dashboard::{AreaResult, IndexedAssessment, IndexedAttendee, IndexedSession, Role},
    },
};

use crate::{
    phone::{Phone, Server, profile},
    storage_support::Backend,
    support::{Browser, PASSWORD, signed_in},
};

fn attendee(gender: Option<&str>, groups: &str) -> IndexedAttendee {
    IndexedAttendee {
        profile: ProfileId::random(),
        present: true,
        gender: gender.map(str::to_owned),
        age: Some("55-74".into()),
        settlement: Some("rural".into()),
        country: Some("AL".into()),
        groups: groups.into(),
        consented: gender.is_some(),
        lessons: 2,
        forms: 1,
    }
}

fn session(date: &str, country: &str, attendees: Vec<IndexedAttendee>) -> IndexedSession {
    IndexedSession {
        id: DocId::random(),
        volunteer: ProfileId::random(),
        date: date.into(),
        village: "qelez".into(),
        municipality: "Fushë-Arrëz".into(),
        country: country.into(),
        topic: "Telefoni".into(),
        attendees,
    }
}

fn assessment(profile: ProfileId, finished_at: i64, score: f64) -> IndexedAssessment {
    let r = Some(AreaResult { score, level: if score < 1.0 { 1 } else { 2 } });
    IndexedAssessment { id: DocId::random(), profile, taken_by: None, finished_at, areas: [r, r, None, r, r] }
}

fn row(ind: &indicators::Indicators, d: Dimension, m: Measure) -> (&[String], &indicators::Row) {
    let t = ind.tables.iter().find(|t| t.dimension == d).unwrap();
    (&t.columns, t.rows.iter().find(|r| r.measure == m).unwrap())
}

fn at<'a>(columns: &[String], row: &'a indicators::Row, column: &str) -> &'a Cell {
    &row.cells[columns.iter().position(|c| c == column).unwrap()]
}

/// Seven women, five men, four who did not say; one woman comes twice and says "man" the
/// second time (her latest facts count, once).
fn seeded() -> Vec<IndexedSession> {
    let mut first: Vec<IndexedAttendee> = (0..7).map(|_| attendee(Some("woman"), "older-person")).collect();
    first.extend((0..4).map(|_| attendee(None, "")));
    let mut again = first[0].clone();
    again.gender = Some("man".into());
    let mut second: Vec<IndexedAttendee> = (0..4).map(|_| attendee(Some("man"), "first-phone")).collect();
    second.push(again);
    let mut absent = attendee(Some("man"), "");
    absent.present = false;
    second.push(absent);
    vec![session("2026-10-01", "AL", first), session("2026-11-01", "AL", second)]
}

#[test]
fn people_count_once_by_their_latest_facts_and_attendances_count_each_time() {
    let ind = indicators::compute(&seeded(), &[], &Filter::default());
    assert_eq!(ind.sessions_total, 2);
    let people = ind.totals[0];
    assert_eq!((people.value, people.people), (15, 15), "12 + 4 new (one absent) − 1 who came twice = 15");
    assert_eq!(ind.totals[1].value, 16, "the one who came twice has two attendances");
    let (cols, reached) = row(&ind, Dimension::Gender, Measure::PeopleReached);
    assert_eq!(at(cols, reached, "woman").people, 6, "she counts with her latest facts, as a man");
    assert_eq!(at(cols, reached, "man").people, 5);
    assert_eq!(at(cols, reached, "not-said").people, 4);
    assert_eq!(reached.total.people, 15);
    let (cols, attended) = row(&ind, Dimension::Gender, Measure::Attendances);
    assert_eq!((at(cols, attended, "man").value, at(cols, attended, "man").people), (6, 5));
    // Target groups are not exclusive, but the total counts each person once.
    let (cols, groups) = row(&ind, Dimension::Group, Measure::PeopleReached);
    assert_eq!(at(cols, groups, "older-person").people, 7, "her latest facts keep her group");
    assert_eq!(at(cols, groups, "first-phone").people, 4);
    assert_eq!(groups.total.people, 15);
    // Filters: a date range and a country.
    let october = Filter { until: Some("2026-10-31".into()), ..Default::default() };
    assert_eq!(indicators::compute(&seeded(), &[], &october).totals[0].people, 11);
    let kosovo = Filter { country: Some("XK".into()), ..Default::default() };
    assert_eq!(indicators::compute(&seeded(), &[], &kosovo).sessions_total, 0);
}

#[test]
fn a_cell_of_four_is_hidden_a_cell_of_five_shown_and_the_total_does_not_give_it_away() {
    // Women 5, men 4 (hidden), not said 6.
    let mut people: Vec<IndexedAttendee> = (0..5).map(|_| attendee(Some("woman"), "")).collect();
    people.extend((0..4).map(|_| attendee(Some("man"), "")));
    people.extend((0..6).map(|_| attendee(None, "")));
    let ind = indicators::compute(&[session("2026-10-01", "AL", people)], &[], &Filter::default());
    let (cols, reached) = row(&ind, Dimension::Gender, Measure::PeopleReached);
    let (woman, man, other, unsaid) = (
        at(cols, reached, "woman"),
        at(cols, reached, "man"),
        at(cols, reached, "other"),
        at(cols, reached, "not-said"),
    );
    assert!(man.hidden, "4 people: hidden");
    assert!(!unsaid.hidden && unsaid.people == 6, "6 people: shown");
    assert!(woman.hidden, "the smallest other cell (5) is hidden with it, else 15 − 6 − 0 gives the 4");
    assert!(!other.hidden && other.people == 0, "zero is shown");
    // Whatever is shown, the hidden cell cannot be recomputed: the total minus the shown cells
    // is the sum of two hidden cells.
    let shown: usize = reached.cells.iter().filter(|c| !c.hidden).map(|c| c.people).sum();
    assert!(!reached.total.hidden);
    assert_eq!(reached.total.people - shown, 9, "only the two hidden cells together");
    assert!(reached.cells.iter().filter(|c| c.hidden).count() >= 2);
    // The page shows "< 5" for them, never their number (checked on the page below).
    let (_, attended) = row(&ind, Dimension::Gender, Measure::Attendances);
    assert_eq!(
        attended.cells.iter().map(|c| c.hidden).collect::<Vec<_>>(),
        reached.cells.iter().map(|c| c.hidden).collect::<Vec<_>>()
    );
}

#[test]
fn skills_compare_first_and_latest_assessment_per_area() {
    let people: Vec<IndexedAttendee> = (0..6).map(|_| attendee(Some("woman"), "")).collect();
    let sessions = vec![session("2026-10-01", "AL", people.clone())];
    let mut assessments = Vec::new();
    for (i, p) in people.iter().enumerate() {
        assessments.push(assessment(p.profile, 1_790_000_000_000, 1.0));
        assessments.push(assessment(p.profile, 1_790_500_000_000, 1.5));
        if i == 0 {
            assessments.push(assessment(p.profile, 1_791_000_000_000, 2.5)); // the latest counts
        }
    }
    assessments.push(assessment(ProfileId::random(), 1_790_000_000_000, 0.5)); // once only
    let ind = indicators::compute(&sessions, &assessments, &Filter::default());
    let info = &ind.skills[0];
    assert_eq!((info.area, info.people, info.hidden), ("information", 6, false));
    assert!((info.before.unwrap() - 1.0).abs() < 1e-9);
    assert!((info.after.unwrap() - (1.5 * 5.0 + 2.5) / 6.0).abs() < 1e-9);
    assert_eq!((ind.skills[2].people, ind.skills[2].before), (0, None), "content creation never assessed");
    assert_eq!(ind.totals[2].value, 14, "assessments taken");
    assert_eq!(ind.totals[2].people, 7);
    // Four people with two assessments: hidden.
    let few: Vec<IndexedAssessment> =
        assessments.iter().filter(|a| people[..4].iter().any(|p| p.profile == a.profile)).cloned().collect();
    let ind = indicators::compute(&sessions, &few, &Filter::default());
    assert!(ind.skills[0].hidden && ind.skills[0].before.is_none());
}

async fn seed(storage: &dyn Storage) -> Vec<ProfileId> {
    let mut people: Vec<IndexedAttendee> = (0..5).map(|_| attendee(Some("woman"), "older-person")).collect();
    people.extend((0..4).map(|_| attendee(Some("man"), "")));
    let ids: Vec<ProfileId> = people.iter().map(|p| p.profile).collect();
    storage.index_session(&session("2026-10-01", "MK", people)).await.unwrap();
    for p in &ids {
        storage.index_assessment(&assessment(*p, 1_790_000_000_000, 1.0)).await.unwrap();
        storage.index_assessment(&assessment(*p, 1_791_000_000_000, 2.0)).await.unwrap();
    }
    ids
}

#[tokio::test]
async fn the_page_and_exports_open_to_project_and_admin_only() {
    let server = Server::new();
    let ids = seed(&*server.storage).await;
    let mut project = signed_in(&server, "projekti", Role::Project).await;
    let page = project.get("/dashboard/indicators?lang=en").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let text = page.text();
    assert!(text.contains("&lt; 5"), "the four men are shown as < 5");
    assert!(text.contains("th scope=\"col\"") && text.contains("<caption>"), "tables have captions and headers");
    assert!(text.contains("href=\"/dashboard/indicators\""), "the navigation links the page");
    assert!(!text.contains("href=\"/dashboard/reports\""), "a project member has no inbox or reports");
    for id in &ids {
        assert!(!text.contains(&id.to_string()), "no profile id on the page");
    }
    for path in ["/dashboard", "/dashboard/reports", "/dashboard/reports/submissions.csv", "/dashboard/audit"] {
        assert_eq!(project.get(path).await.status, StatusCode::FORBIDDEN, "a project member may not open {path}");
    }
    assert_eq!(project.get("/transparency").await.status, StatusCode::OK);

    // The tables as CSV: BOM, CRLF, Cyrillic intact, small cells hidden.
    let csv = project.get("/dashboard/indicators/indicators.csv?lang=mk").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("\u{feff}".as_bytes()), "a BOM, so spreadsheets read Cyrillic");
    let csv_text = csv.text();
    assert!(csv_text.contains("\r\n") && csv_text.contains("Опфатени луѓе") && csv_text.contains("Жени"));
    assert!(csv_text.contains("< 5"));
    assert!(csv_text.contains("Северна Македонија"));

    // Anonymised assessment rows: pseudonyms, month only, no profile ids.
    let rows = project.get("/dashboard/indicators/assessments.csv?lang=en").await.text();
    assert_eq!(rows.lines().count(), 1 + 18, "a header and one row per assessment");
    for id in &ids {
        assert!(!rows.contains(&id.to_string()), "no profile id in the anonymised export");
    }
    assert!(rows.contains("P-") && rows.contains("2026-") && !rows.contains("qelez"));
    let again = project.get("/dashboard/indicators/assessments.csv?lang=en").await.text();
    let code = |t: &str| t.lines().nth(1).unwrap().split(',').next().unwrap().to_owned();
    assert_ne!(code(&rows), code(&again), "pseudonyms are new in every export");

    let mut admin = signed_in(&server, "admin", Role::Admin).await;
    assert_eq!(admin.get("/dashboard/indicators").await.status, StatusCode::OK);
    for role in [Role::Viewer, Role::Clerk] {
        let mut b = signed_in(&server, role.as_str(), role).await;
        assert_eq!(b.get("/dashboard/indicators").await.status, StatusCode::FORBIDDEN, "{role:?}");
        assert_eq!(b.get("/dashboard/indicators/assessments.csv").await.status, StatusCode::FORBIDDEN);
        assert!(!b.get("/dashboard").await.text().contains("/dashboard/indicators"), "not in their navigation");
    }
}

#[tokio::test]
async fn a_volunteer_opens_no_dashboard_page() {
    let server = Server::new();
    let mut volunteer = signed_in(&server, "vullnetari", Role::Volunteer).await;
    for path in [
        "/dashboard",
        "/dashboard/reports",
        "/dashboard/indicators",
        "/dashboard/indicators/indicators.csv",
        "/dashboard/audit",
    ] {
        assert_eq!(volunteer.get(path).await.status, StatusCode::FORBIDDEN, "a volunteer may not open {path}");
    }
}

#[tokio::test]
async fn a_project_member_lands_on_the_indicators() {
    let server = Server::new();
    staff::add(&*server.storage, "projekti", Role::Project, PASSWORD, 0).await.unwrap();
    let mut browser = Browser::new(&server);
    assert_eq!(browser.login("projekti", PASSWORD).await.location(), Some("/dashboard/indicators"));
}

fn plan() -> Plan {
    Plan {
        date: "2026-11-28".into(),
        village: "qelez".into(),
        municipality: "Fushë-Arrëz".into(),
        country: Country::Al,
        topic: "Telefoni".into(),
        planned: vec![],
    }
}

async fn upload_session(server: &Server, bearer: &str, owner: ProfileId) -> (DocId, SyncResponse) {
    let mut doc = session::new_document(owner, &plan(), 1).unwrap();
    let resident = ProfileId::random();
    let consent = Some(Consent { at: 2, by: ConsentBy::Tap });
    let facts = Registration {
        gender: Some(Gender::Woman),
        groups: vec![TargetGroup::OlderPerson],
        consent,
        ..Default::default()
    };
    session::register(&mut doc, resident, &facts, 2).unwrap();
    let id = DocId::random();
    let upload = protocol::upload(id, &mut doc, &[]).unwrap();
    let body = protocol::encode(&SyncRequest { version: PROTOCOL_VERSION, cursors: vec![], docs: vec![upload] });
    let (status, body) = server.sync_raw(bearer, body).await;
    assert_eq!(status, StatusCode::OK);
    (id, protocol::decode(&body).unwrap())
}

#[tokio::test]
async fn the_volunteer_link_checks_device_account_role_and_password_then_lets_sessions_in() {
    let server = Server::new();
    staff::add(&*server.storage, "vullnetari", Role::Volunteer, PASSWORD, 0).await.unwrap();
    staff::add(&*server.storage, "klerk", Role::Clerk, PASSWORD, 0).await.unwrap();
    let laptop = Phone::new(&server).await;
    let pid: ProfileId = laptop.device(|d| d.create_profile(&profile("Arbër")).unwrap().id.parse().unwrap());
    laptop.sync().await;
    let link = |username: &str, password: &str, profile: ProfileId| serde_json::json!({ "username": username, "password": password, "profile": profile.to_string() });

    // Before the link, the laptop's sessions are refused and nothing is stored or indexed.
    let (id, answer) = upload_session(&server, &laptop.bearer, pid).await;
    assert_eq!(answer.refused, vec![(id, Refusal::Forbidden)]);
    assert!(server.storage.doc(id).await.unwrap().is_none(), "nothing stored");
    assert!(server.storage.indexed_sessions().await.unwrap().is_empty());

    let (status, body) =
        server.json("/v1/volunteers", &laptop.bearer, link("vullnetari", "wrong password!", pid)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::FORBIDDEN, Some("wrong-credentials")));
    let (status, body) = server.json("/v1/volunteers", &laptop.bearer, link("klerk", PASSWORD, pid)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::FORBIDDEN, Some("not-a-volunteer")));
    let stranger = server.register().await;
    let (status, body) = server.json("/v1/volunteers", &stranger, link("vullnetari", PASSWORD, pid)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden")),
        "the device must hold the profile"
    );
    assert!(server.storage.volunteer_of(pid).await.unwrap().is_none(), "no refusal linked anything");

    let (status, body) = server.json("/v1/volunteers", &laptop.bearer, link("vullnetari", PASSWORD, pid)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["username"], "vullnetari");
    let (log, _) = server.storage.audit_log(10, 0).await.unwrap();
    assert!(log.iter().any(|e| e.action == "volunteer-link" && e.target == pid.to_string()), "the link is audited");

    // Now the session goes in and is indexed for the indicators.
    let (id, answer) = upload_session(&server, &laptop.bearer, pid).await;
    assert!(answer.refused.is_empty(), "{:?}", answer.refused);
    let indexed = server.storage.indexed_sessions().await.unwrap();
    assert_eq!(indexed.len(), 1);
    assert_eq!((indexed[0].id, indexed[0].attendees.len()), (id, 1));
    assert_eq!(indexed[0].attendees[0].gender.as_deref(), Some("woman"));
    assert_eq!(indexed[0].attendees[0].groups, "older-person");
}

#[tokio::test]
async fn wrong_volunteer_passwords_lock_the_account_like_logins() {
    let server = Server::new();
    staff::add(&*server.storage, "vullnetari", Role::Volunteer, PASSWORD, 0).await.unwrap();
    let laptop = Phone::new(&server).await;
    let pid: ProfileId = laptop.device(|d| d.create_profile(&profile("Arbër")).unwrap().id.parse().unwrap());
    laptop.sync().await;
    let body = |password: &str| serde_json::json!({ "username": "vullnetari", "password": password, "profile": pid.to_string() });
    for _ in 0..staff::LOCK_AFTER {
        let (status, _) = server.json("/v1/volunteers", &laptop.bearer, body("wrong password!")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, reason) = server.json("/v1/volunteers", &laptop.bearer, body(PASSWORD)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "locked: the right password waits too");
    assert_eq!(reason["code"], "too-many-requests");
    assert!(server.storage.volunteer_of(pid).await.unwrap().is_none());
}

async fn contract(s: &dyn Storage) {
    let (p, q) = (ProfileId::random(), ProfileId::random());
    assert!(s.link_volunteer(p, "vullnetari", 1).await.unwrap());
    assert!(s.link_volunteer(p, "vullnetari", 2).await.unwrap(), "linking again is fine");
    assert!(!s.link_volunteer(p, "tjetri", 3).await.unwrap(), "a profile is one volunteer's");
    assert_eq!(s.volunteer_of(p).await.unwrap().as_deref(), Some("vullnetari"));
    assert_eq!(s.volunteer_of(q).await.unwrap(), None);

    let mut seeded =
        session("2026-10-01", "MK", vec![attendee(Some("woman"), "older-person,first-phone"), attendee(None, "")]);
    seeded.attendees[1].present = false;
    s.index_session(&seeded).await.unwrap();
    let mut changed = seeded.clone();
    changed.topic = "Телефони".into();
    changed.attendees.truncate(1);
    s.index_session(&changed).await.unwrap();
    assert_eq!(s.indexed_sessions().await.unwrap(), vec![changed], "re-indexing replaces the session and its people");

    let mut a = assessment(p, 10, 1.25);
    a.taken_by = Some(q);
    s.index_assessment(&a).await.unwrap();
    a.finished_at = 11;
    s.index_assessment(&a).await.unwrap();
    let b = assessment(q, 5, 0.5);
    s.index_assessment(&b).await.unwrap();
    assert_eq!(s.indexed_assessments().await.unwrap(), vec![b, a], "by finish time; replaced, not doubled");

    let (one, two) = (DocId::random(), DocId::random());
    s.index_assisted(one, p, 1_000).await.unwrap();
    s.index_assisted(one, p, 1_000).await.unwrap();
    s.index_assisted(two, q, 5_000).await.unwrap();
    assert_eq!(s.assisted_count(i64::MIN, i64::MAX).await.unwrap(), 2, "each request once");
    assert_eq!(s.assisted_count(0, 5_000).await.unwrap(), 1, "the period's end is left out");
}

#[tokio::test]
async fn the_indicator_index_contract_holds_on_sqlite() {
    contract(&*Backend::sqlite().storage).await;
}

#[tokio::test]
async fn the_indicator_index_contract_holds_on_postgres() {
    contract(&*Backend::postgres().await.storage).await;
}

#[tokio::test]
async fn a_finished_assessment_is_indexed_by_its_results_against_the_published_instrument() {
    use mcommunity_core::{
        access::DocMeta,
        assessment::{self, Instrument, Rating},
        content::{self, Edition},
        documents::DocKind,
    };
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let pid: ProfileId = phone.device(|d| d.create_profile(&profile("Drita")).unwrap().id.parse().unwrap());
    phone.sync().await;

    let send = |doc: &mut automerge::AutoCommit, id: DocId| {
        let upload = protocol::upload(id, doc, &[]).unwrap();
        protocol::encode(&SyncRequest { version: PROTOCOL_VERSION, cursors: vec![], docs: vec![upload] })
    };
    let taken = |ratings: &[(&str, Rating)], finished: bool| {
        let mut doc = assessment::new_document(pid, None, 1, 1_000);
        for (item, rating) in ratings {
            assessment::rate(&mut doc, item, *rating, 2_000).unwrap();
        }
        if finished {
            assessment::finish(&mut doc, 3_000).unwrap();
        }
        doc
    };
    let answers = [("find-hours", Rating::CanTeach), ("check-news", Rating::WithHelp), ("voice", Rating::CannotDo)];

    // Before the instrument is published there is nothing to score against: not indexed.
    let (status, _) = server.sync_raw(&phone.bearer, send(&mut taken(&answers, true), DocId::random())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(server.storage.indexed_assessments().await.unwrap().is_empty(), "no instrument yet: not indexed");

    let instrument = Instrument::from_toml(assessment::EXAMPLE).unwrap();
    let edition = Edition { revision: 1, body: serde_json::to_string(&instrument).unwrap(), media: Default::default() };
    let mut published = content::new_document(DocKind::Instrument, assessment::INSTRUMENT_ID, &edition);
    let heads = protocol::heads_of(&mut published);
    server
        .storage
        .append(
            content::doc_id(DocKind::Instrument, assessment::INSTRUMENT_ID),
            DocMeta { kind: DocKind::Instrument, owner: None },
            &published.save(),
            &heads,
        )
        .await
        .unwrap();

    // One still being answered is not counted; a finished one is, by its results alone.
    let (status, _) = server.sync_raw(&phone.bearer, send(&mut taken(&answers, false), DocId::random())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(server.storage.indexed_assessments().await.unwrap().is_empty(), "not finished: not counted");
    let (status, _) = server.sync_raw(&phone.bearer, send(&mut taken(&answers, true), DocId::random())).await;
    assert_eq!(status, StatusCode::OK);
    let indexed = server.storage.indexed_assessments().await.unwrap();
    assert_eq!(indexed.len(), 1, "indexed once the instrument is there");
    let information = indexed[0].areas[0].expect("area 1 was answered");
    assert_eq!((information.score, information.level), (2.0, 3), "(3 + 1) / 2 is 2.0: intermediate 3");
    assert_eq!((indexed[0].profile, indexed[0].finished_at), (pid, 3_000));
    assert!(indexed[0].areas[4].is_none(), "an area with no answer is not assessed, not zero");
}
