//! The dashboard's storage contract, written once and run over SQLite and PostgreSQL.

use mcommunity_core::ids::{DocId, ProfileId};
use mcommunity_sync_server::storage::{
    Storage,
    dashboard::{AnnouncementRow, AuditEntry, InboxFilter, IndexedSubmission, Role},
};

use crate::storage_support::Backend;

fn entry(title: &str, text: &str, sent_at: i64, category: &str) -> IndexedSubmission {
    IndexedSubmission {
        id: DocId::random(),
        author: ProfileId::random(),
        kind: "problem".into(),
        category: category.into(),
        title: title.into(),
        text: text.into(),
        sent_at,
        has_photo: sent_at % 2 == 0,
        has_voice: false,
        village: Some("fushe-arrez".into()),
        status: "received".into(),
        assigned_to: None,
        first_reply_at: None,
    }
}

async fn contract(s: &dyn Storage) {
    // Staff and the lockout.
    assert!(s.add_staff("arta", Role::Clerk, "hash-1", 1).await.unwrap());
    assert!(!s.add_staff("arta", Role::Admin, "hash-2", 2).await.unwrap(), "a username is taken once");
    assert_eq!(s.staff("arta").await.unwrap().unwrap().role, Role::Clerk);
    assert!(s.staff("nobody").await.unwrap().is_none());
    for _ in 0..4 {
        s.record_failed_login("arta", 5, 1000).await.unwrap();
    }
    let a = s.staff("arta").await.unwrap().unwrap();
    assert_eq!((a.failed_logins, a.locked_until), (4, None));
    s.record_failed_login("arta", 5, 1000).await.unwrap();
    let a = s.staff("arta").await.unwrap().unwrap();
    assert_eq!((a.failed_logins, a.locked_until), (0, Some(1000)), "the fifth locks");
    s.clear_failed_logins("arta").await.unwrap();
    assert_eq!(s.staff("arta").await.unwrap().unwrap().locked_until, None);
    s.record_failed_login("ghost", 5, 1000).await.unwrap();
    assert!(s.set_password("arta", "hash-3").await.unwrap());
    assert!(!s.set_password("ghost", "hash-3").await.unwrap());
    assert_eq!(s.list_staff().await.unwrap().len(), 1);

    // Sessions expire.
    s.add_session([1; 32], "arta", "csrf-1", 100, 0).await.unwrap();
    assert_eq!(s.session([1; 32], 99).await.unwrap().unwrap().csrf, "csrf-1");
    assert!(s.session([1; 32], 100).await.unwrap().is_none(), "expired");
    assert!(s.session([2; 32], 0).await.unwrap().is_none());
    s.add_session([3; 32], "arta", "csrf-3", 500, 200).await.unwrap();
    s.delete_session([3; 32]).await.unwrap();
    assert!(s.session([3; 32], 201).await.unwrap().is_none());

    // The audit log, newest first.
    for i in 0..3 {
        let e = AuditEntry {
            at: i,
            actor: "arta".into(),
            action: format!("a{i}"),
            target: String::new(),
            detail: String::new(),
        };
        s.audit(&e).await.unwrap();
    }
    let (log, total) = s.audit_log(2, 0).await.unwrap();
    assert_eq!((total, log[0].action.as_str(), log[1].action.as_str()), (3, "a2", "a1"));

    // The index.
    let water = entry("Ujë", "Nuk ka UJË në Qafë-Mali", 2000, "water");
    let road = entry("Пат", "Дупка 50% од патот", 1000, "roads");
    s.index_submission(&water).await.unwrap();
    s.index_submission(&road).await.unwrap();
    s.index_answer(water.id, "answered", Some(5000)).await.unwrap();
    s.index_answer(water.id, "closed", Some(9000)).await.unwrap();
    let got = s.indexed(water.id).await.unwrap().unwrap();
    assert_eq!((got.status.as_str(), got.first_reply_at), ("closed", Some(5000)), "the first reply is kept");
    s.index_submission(&water).await.unwrap();
    assert_eq!(s.indexed(water.id).await.unwrap().unwrap().status, "closed", "re-indexing keeps the answer");
    assert!(s.assign(road.id, Some("arta")).await.unwrap());
    assert!(!s.assign(DocId::random(), Some("arta")).await.unwrap());

    let ids = |rows: Vec<IndexedSubmission>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let (all, n) = s.inbox(&InboxFilter::default(), 10, 0).await.unwrap();
    assert_eq!((ids(all), n), (vec![water.id, road.id], 2), "newest first");
    let (page2, n) = s.inbox(&InboxFilter::default(), 1, 1).await.unwrap();
    assert_eq!((ids(page2), n), (vec![road.id], 2));
    let find = |f: InboxFilter| async move { ids(s.inbox(&f, 10, 0).await.unwrap().0) };
    assert_eq!(find(InboxFilter { search: Some("ujë qafë".into()), ..Default::default() }).await, vec![water.id]);
    assert_eq!(find(InboxFilter { search: Some("ДУПКА".into()), ..Default::default() }).await, vec![road.id]);
    assert_eq!(find(InboxFilter { search: Some("50%".into()), ..Default::default() }).await, vec![road.id]);
    assert_eq!(
        find(InboxFilter { search: Some("%".into()), ..Default::default() }).await,
        vec![road.id],
        "% is a character"
    );
    assert_eq!(find(InboxFilter { status: Some("closed".into()), ..Default::default() }).await, vec![water.id]);
    assert_eq!(find(InboxFilter { assigned_to: Some("arta".into()), ..Default::default() }).await, vec![road.id]);
    assert_eq!(find(InboxFilter { assigned_to: Some(String::new()), ..Default::default() }).await, vec![water.id]);
    assert_eq!(find(InboxFilter { has_photo: true, ..Default::default() }).await, vec![water.id, road.id]);
    assert_eq!(find(InboxFilter { from: Some(1500), ..Default::default() }).await, vec![water.id]);
    assert_eq!(find(InboxFilter { until: Some(1500), ..Default::default() }).await, vec![road.id]);
    assert_eq!(
        find(InboxFilter { category: Some("roads".into()), kind: Some("problem".into()), ..Default::default() }).await,
        vec![road.id]
    );
    let rows = s.report_rows().await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|r| r.first_reply_at == Some(5000) && r.village.as_deref() == Some("fushe-arrez")));

    // Sent submissions stored before the index existed are indexed at start; drafts never.
    let author = ProfileId::random();
    let (sent_id, draft_id) = (DocId::random(), DocId::random());
    for (id, send) in [(sent_id, true), (draft_id, false)] {
        use mcommunity_core::submission;
        let mut doc = submission::new_document(author, submission::SubmissionKind::Question, 10);
        let patch = submission::SubmissionPatch {
            category: Some(Some("other".into())),
            text: Some("Kur hapet zyra?".into()),
            ..Default::default()
        };
        submission::apply(&mut doc, &patch, 11).unwrap();
        if send {
            submission::send(&mut doc, 12).unwrap();
        }
        let meta = mcommunity_core::access::DocMeta {
            kind: mcommunity_core::documents::DocKind::Submission,
            owner: Some(author),
        };
        s.append(id, meta, &doc.save(), &mcommunity_core::sync::heads_of(&mut doc)).await.unwrap();
    }
    let mut waiting = s.unindexed_submissions(10).await.unwrap();
    waiting.sort();
    let mut expect = vec![sent_id, draft_id];
    expect.sort();
    assert_eq!(waiting, expect);
    assert_eq!(mcommunity_sync_server::inbox::backfill(s).await.unwrap(), 1, "only the sent one");
    assert_eq!(s.unindexed_submissions(10).await.unwrap(), vec![draft_id]);
    assert_eq!(s.indexed(sent_id).await.unwrap().unwrap().sent_at, 12);
    assert!(s.indexed(draft_id).await.unwrap().is_none());

    // Announcements.
    let a = AnnouncementRow { id: DocId::random(), title: "Njoftim".into(), published_at: 10, withdrawn_at: None };
    let b = AnnouncementRow {
        id: DocId::random(), title: "Соопштение".into(), published_at: 20, withdrawn_at: None
    };
    s.record_announcement(&a).await.unwrap();
    s.record_announcement(&b).await.unwrap();
    s.record_announcement(&AnnouncementRow { withdrawn_at: Some(30), ..a.clone() }).await.unwrap();
    let list = s.announcements().await.unwrap();
    assert_eq!(list.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), ["Соопштение", "Njoftim"]);
    assert_eq!(list[1].withdrawn_at, Some(30));
}

#[tokio::test]
async fn the_dashboard_storage_contract_holds_on_sqlite() {
    contract(&*Backend::sqlite().storage).await;
}

#[tokio::test]
async fn the_dashboard_storage_contract_holds_on_postgres() {
    contract(&*Backend::postgres().await.storage).await;
}

#[tokio::test]
async fn the_inbox_works_end_to_end_on_postgres() {
    use mcommunity_core::submission::SubmissionKind;
    let backend = Backend::postgres().await;
    let dir = tempfile::tempdir().unwrap();
    let server = crate::phone::Server::over(backend.storage.clone(), dir);
    let phone = crate::phone::Phone::new(&server).await;
    let sent = crate::support::send(&phone, "Vera", SubmissionKind::Problem, "water", "Ujë", "Nuk ka ujë").await;
    let mut clerk = crate::support::signed_in(&server, "arta", Role::Clerk).await;
    let page = clerk.get("/dashboard?q=UJË").await.text();
    assert!(page.contains(&sent.id));
    let form = format!("/dashboard/submissions/{}", sent.id);
    let done = clerk.post(&form, &format!("{form}/answer"), &[("status", "fixed"), ("reply", "U rregullua.")]).await;
    assert_eq!(done.status, axum::http::StatusCode::SEE_OTHER);
    phone.sync().await;
    let status = phone.device(|d| {
        d.open_profile(&sent.profile.to_string(), None).unwrap();
        d.draft(&sent.id).unwrap().answer.map(|a| a.status)
    });
    assert_eq!(status, Some(mcommunity_core::answer::AnswerStatus::Fixed));
}
