//! The inbox over real sent submissions: drafts never show, residents' HTML is text, filters and
//! search, answers and assignments, and attachments served with the type their bytes show.

use std::time::Instant;

use axum::http::{StatusCode, header};
use mcommunity_core::{answer::AnswerStatus, submission::SubmissionKind};
use mcommunity_sync_server::{
    dashboard::inbox::PAGE_SIZE,
    storage::dashboard::{InboxFilter, Role},
};

use crate::{
    phone::{Phone, Server, profile, text},
    support::{send, signed_in},
};

#[tokio::test]
async fn script_and_html_in_a_residents_text_are_shown_as_text() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let evil = send(
        &phone,
        "Vera",
        SubmissionKind::Problem,
        "roads",
        "<script>alert('t')</script>",
        "<img src=x onerror=alert(1)> & <b>bold</b>",
    )
    .await;
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    for page in [clerk.get("/dashboard").await, clerk.get(&format!("/dashboard/submissions/{}", evil.id)).await] {
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        assert!(!html.contains("<script>alert"), "no script element from a resident");
        assert!(!html.contains("<img src=x"), "no image element from a resident");
        assert!(!html.contains("<b>bold"), "no markup from a resident");
        assert!(
            html.contains("&lt;script&gt;alert('t')&lt;/script&gt;")
                || html.contains("&lt;script&gt;alert(&#39;t&#39;)"),
            "the title is shown as text"
        );
    }
    let detail = clerk.get(&format!("/dashboard/submissions/{}", evil.id)).await.text();
    assert!(
        detail.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"),
        "the text is shown as text"
    );
}

#[tokio::test]
async fn drafts_never_reach_the_inbox_and_filters_and_search_find_sent_ones() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let water = send(&phone, "Vera", SubmissionKind::Problem, "water", "Ujë", "Nuk kemi ujë në lagjen Qafë").await;
    let roads = send(&phone, "Ilir", SubmissionKind::Complaint, "roads", "Пат", "Дупка на патот кај училиштето").await;
    let draft = phone.device(|d| {
        let p = d.profiles().unwrap()[0].id.clone();
        d.open_profile(&p, None).unwrap();
        let draft = d.create_draft(SubmissionKind::Question).unwrap();
        d.update_draft(&draft.id, text("A secret draft about water")).unwrap();
        draft.id
    });
    phone.sync().await;

    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let all = clerk.get("/dashboard").await.text();
    assert!(all.contains(&water.id) && all.contains(&roads.id));
    assert!(!all.contains(&draft) && !all.contains("secret draft"), "a draft is not the municipality's business");
    assert_eq!(clerk.get(&format!("/dashboard/submissions/{draft}")).await.status, StatusCode::NOT_FOUND);

    let only = |page: String, yes: &str, no: &str| {
        assert!(page.contains(yes) && !page.contains(no), "expected {yes} and not {no}");
    };
    only(clerk.get("/dashboard?category=water").await.text(), &water.id, &roads.id);
    only(clerk.get("/dashboard?kind=complaint").await.text(), &roads.id, &water.id);
    only(clerk.get("/dashboard?q=UJË").await.text(), &water.id, &roads.id);
    only(clerk.get("/dashboard?q=%D0%B4%D1%83%D0%BF%D0%BA%D0%B0").await.text(), &roads.id, &water.id);
    let none = clerk.get("/dashboard?photo=1").await.text();
    assert!(!none.contains(&water.id) && !none.contains(&roads.id), "neither has a photo");
    let none = clerk.get("/dashboard?from=2999-01-01").await.text();
    assert!(!none.contains(&water.id), "a date range in the future finds nothing");
    let today = mcommunity_sync_server::dashboard::page::date(mcommunity_sync_server::now_ms());
    let both = clerk.get(&format!("/dashboard?from={today}&until={today}")).await.text();
    assert!(both.contains(&water.id) && both.contains(&roads.id), "sent today");

    // Assign one and filter by it.
    let form = format!("/dashboard/submissions/{}", water.id);
    let page = clerk.post(&form, &format!("{form}/assign"), &[("to", "arta")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    only(clerk.get("/dashboard?assigned=arta").await.text(), &water.id, &roads.id);
    only(clerk.get("/dashboard?assigned=-").await.text(), &roads.id, &water.id);
    assert_eq!(
        clerk.post(&form, &format!("{form}/assign"), &[("to", "nobody-by-that-name")]).await.status,
        StatusCode::BAD_REQUEST,
        "only to a staff member"
    );
    let (log, _) = server.storage.audit_log(50, 0).await.unwrap();
    assert!(log.iter().any(|e| e.action == "assign" && e.actor == "arta" && e.target == water.id));
}

#[tokio::test]
async fn a_reply_and_a_status_reach_the_residents_phone_at_its_next_sync() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let sent = send(&phone, "Vera", SubmissionKind::Problem, "water", "", "No water since Monday.").await;
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let form = format!("/dashboard/submissions/{}", sent.id);
    let page = clerk
        .post(
            &form,
            &format!("{form}/answer"),
            &[("status", "in-progress"), ("expected", "2026-12-15"), ("reply", "Ekipi vjen të hënën.")],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
    let typed = "Ekipi vjen sërish të mërkurën.";
    let bad = clerk
        .post(
            &format!("{form}?lang=en"),
            &format!("{form}/answer"),
            &[("status", "fixed"), ("expected", "15.12.2026"), ("reply", typed)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "a date that is not a date is refused");
    let html = bad.text();
    assert!(html.contains("Give the expected date as a day of the calendar"), "said next to the field: {html}");
    assert!(html.contains(typed), "and the reply she typed is still there");
    assert!(html.contains("value=\"15.12.2026\"") && html.contains("aria-invalid=\"true\""));

    let report = phone.sync().await;
    assert!(report.downloaded >= 1, "the answer came down");
    let answer = phone.device(|d| {
        d.open_profile(&sent.profile.to_string(), None).unwrap();
        d.draft(&sent.id).unwrap().answer.expect("the phone has the answer")
    });
    assert_eq!(answer.status, AnswerStatus::InProgress);
    assert_eq!(answer.expected.as_deref(), Some("2026-12-15"));
    assert_eq!(answer.replies.len(), 1);
    assert_eq!(answer.replies[0].text, "Ekipi vjen të hënën.");
    assert_eq!(answer.replies[0].by, "arta, Bashkia Fushë-Arrëz", "who answered, in the page's language");

    let indexed = server.storage.indexed(sent.id.parse().unwrap()).await.unwrap().unwrap();
    assert_eq!(indexed.status, "in-progress");
    assert!(indexed.first_reply_at.is_some());
    let detail = clerk.get(&form).await.text();
    assert!(detail.contains("Ekipi vjen të hënën."), "the conversation shows the reply");
    let (log, _) = server.storage.audit_log(50, 0).await.unwrap();
    assert!(log.iter().any(|e| e.action == "reply" && e.target == sent.id));
    assert!(log.iter().any(|e| e.action == "status" && e.detail == "in-progress"));
}

#[tokio::test]
async fn the_residents_follow_up_messages_are_in_the_conversation() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let sent = send(&phone, "Vera", SubmissionKind::Problem, "water", "", "No water.").await;
    phone.device(|d| {
        d.open_profile(&sent.profile.to_string(), None).unwrap();
        d.add_message(&sent.id, "Still no water on Friday.").unwrap();
    });
    phone.sync().await;
    let mut viewer = signed_in(&server, "besa", Role::Viewer).await;
    let detail = viewer.get(&format!("/dashboard/submissions/{}", sent.id)).await.text();
    assert!(detail.contains("Still no water on Friday."));
    assert!(!detail.contains("name=\"reply\""), "a viewer sees no answer form");
}

#[tokio::test]
async fn a_photo_is_served_to_staff_with_the_type_its_bytes_show() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let jpeg = {
        let img = image::RgbImage::from_fn(32, 24, |x, _| image::Rgb([x as u8 * 8, 120, 200]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        out.into_inner()
    };
    let (id, pid) = phone.device(|d| {
        let p = d.create_profile(&profile("Vera")).unwrap();
        let draft = d.create_draft(SubmissionKind::Problem).unwrap();
        let patch = mcommunity_client::view::DraftPatch { category: Some("roads".into()), ..text("Look.") };
        d.update_draft(&draft.id, patch).unwrap();
        d.attach_photo(&draft.id, &jpeg).unwrap();
        d.send_draft(&draft.id).unwrap();
        (draft.id, p.id.parse::<mcommunity_core::ids::ProfileId>().unwrap())
    });
    phone.sync().await;
    // The phone's background sync would upload the photo; here the test does it, as the phone.
    let stored = server.storage.doc(id.parse().unwrap()).await.unwrap().unwrap();
    let mut doc = automerge::AutoCommit::new();
    for (_, c) in &stored.chunks {
        doc.load_incremental(c).unwrap();
    }
    let photo = mcommunity_core::submission::read(&doc).unwrap().photos[0].clone();
    let bytes = blob_in(phone.dir.path(), photo.hash).expect("the phone keeps the shrunk photo");
    let request =
        axum::http::Request::put(format!("/v1/blobs/{}?scope={pid}&offset=0&size={}", photo.hash, bytes.len()))
            .header(header::AUTHORIZATION, &phone.bearer)
            .header(header::CONTENT_TYPE, "image/jpeg")
            .body(axum::body::Body::from(bytes.clone()))
            .unwrap();
    let (status, body) = server.call(request).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));

    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let detail = clerk.get(&format!("/dashboard/submissions/{id}")).await.text();
    assert!(detail.contains(&format!("/dashboard/submissions/{id}/photo/0")), "the page shows the photo");
    let served = clerk.get(&format!("/dashboard/submissions/{id}/photo/0")).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers[header::CONTENT_TYPE], "image/jpeg");
    assert_eq!(served.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(served.body, bytes);
    assert_eq!(clerk.get(&format!("/dashboard/submissions/{id}/photo/1")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(clerk.get(&format!("/dashboard/submissions/{id}/voice")).await.status, StatusCode::NOT_FOUND);
    let mut nobody = crate::support::Browser::new(&server);
    assert_eq!(
        nobody.get(&format!("/dashboard/submissions/{id}/photo/0")).await.status,
        StatusCode::SEE_OTHER,
        "staff only"
    );
}

#[tokio::test]
async fn the_inbox_of_10000_submissions_renders_fast() {
    let dir = tempfile::tempdir().unwrap();
    let storage =
        std::sync::Arc::new(mcommunity_sync_server::storage::sqlite::SqliteStorage::open(dir.path()).unwrap());
    {
        // Rows straight into the index, in one transaction: the test is about reading them.
        let mut conn = rusqlite::Connection::open(dir.path().join("mcommunity-server.db")).unwrap();
        let tx = conn.transaction().unwrap();
        for i in 0..10_000i64 {
            let author = mcommunity_core::ids::ProfileId::random();
            tx.execute(
                "INSERT INTO submission_index (id, author, kind, category, title, body, search, sent_at, has_photo, has_voice, status)
                 VALUES (?1, ?2, 'problem', ?3, ?4, 'text', ?5, ?6, ?7, 0, 'received')",
                rusqlite::params![
                    mcommunity_core::ids::DocId::random().to_string(),
                    author.to_string(),
                    ["roads", "water", "waste"][i as usize % 3],
                    format!("Submission {i}"),
                    format!("submission {i}\ntext"),
                    1_700_000_000_000 + i * 60_000,
                    i % 2
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let server = Server::over(storage, dir);
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let started = Instant::now();
    let page = clerk.get("/dashboard").await;
    let first = started.elapsed();
    assert_eq!(page.status, StatusCode::OK);
    let rows = page.text().matches("href=\"/dashboard/submissions/").count();
    assert_eq!(rows, PAGE_SIZE as usize, "one page, not the whole inbox");
    assert!(page.text().contains("Submission 9999"), "newest first");
    let started = Instant::now();
    let filtered = clerk.get("/dashboard?category=water&photo=1&q=submission&page=20").await;
    let second = started.elapsed();
    assert_eq!(filtered.status, StatusCode::OK);
    let (_, total) = server
        .storage
        .inbox(&InboxFilter { category: Some("water".into()), has_photo: true, ..Default::default() }, 1, 0)
        .await
        .unwrap();
    assert_eq!(total, 1667);
    eprintln!("inbox of 10000: first page {first:?}, filtered page 20 {second:?}, {} bytes", page.body.len());
    assert!(
        first.as_millis() < 1500 && second.as_millis() < 1500,
        "fast enough for an old office PC: {first:?}, {second:?}"
    );
}

/// The file under `dir` whose bytes have `hash` (where a phone keeps a blob is its business).
fn blob_in(dir: &std::path::Path, hash: mcommunity_core::blobs::BlobHash) -> Option<Vec<u8>> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(found) = blob_in(&path, hash) {
                return Some(found);
            }
        } else if let Ok(bytes) = std::fs::read(&path)
            && mcommunity_core::blobs::BlobHash::of(&bytes) == hash
        {
            return Some(bytes);
        }
    }
    None
}

#[tokio::test]
async fn a_voice_note_plays_in_the_page_as_ogg_opus() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    // Two seconds of a tone shaped like speech, encoded by the app's own voice-note encoder.
    let pcm: Vec<i16> =
        (0..32_000).map(|i| ((i as f32 * 0.07).sin() * (i as f32 * 0.0005).sin() * 12_000.0) as i16).collect();
    let (id, pid) = phone.device(|d| {
        let p = d.create_profile(&profile("Drane")).unwrap();
        let draft = d.create_draft(SubmissionKind::Problem).unwrap();
        let patch = mcommunity_client::view::DraftPatch { category: Some("water".into()), ..Default::default() };
        d.update_draft(&draft.id, patch).unwrap();
        d.attach_voice(&draft.id, &pcm, 16_000).unwrap();
        d.send_draft(&draft.id).unwrap();
        (draft.id, p.id.parse::<mcommunity_core::ids::ProfileId>().unwrap())
    });
    phone.sync().await;
    let sub = mcommunity_sync_server::inbox::sent(&*server.storage, id.parse().unwrap()).await.unwrap().unwrap();
    let voice = sub.voice.expect("a voice note, and no text: a resident who cannot write");
    let bytes = blob_in(phone.dir.path(), voice.hash).expect("the phone keeps the voice note");
    let request =
        axum::http::Request::put(format!("/v1/blobs/{}?scope={pid}&offset=0&size={}", voice.hash, bytes.len()))
            .header(header::AUTHORIZATION, &phone.bearer)
            .header(header::CONTENT_TYPE, "audio/ogg")
            .body(axum::body::Body::from(bytes.clone()))
            .unwrap();
    let (status, body) = server.call(request).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));

    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let listed = clerk.get("/dashboard?voice=1").await.text();
    assert!(listed.contains(&id), "the voice filter finds it");
    let detail = clerk.get(&format!("/dashboard/submissions/{id}")).await.text();
    assert!(
        detail.contains(&format!("<audio controls preload=\"none\" src=\"/dashboard/submissions/{id}/voice\"")),
        "a player"
    );
    let served = clerk.get(&format!("/dashboard/submissions/{id}/voice")).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers[header::CONTENT_TYPE], "audio/ogg", "typed by its bytes");
    assert_eq!(served.body, bytes);
}

#[tokio::test]
async fn the_clerk_sees_that_a_request_was_written_with_help_and_how_the_resident_agreed() {
    use mcommunity_client::view::DraftPatch;
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let id = phone.device(|d| {
        let volunteer = d.create_profile(&profile("Arben")).unwrap();
        d.set_volunteer(volunteer.id.parse().unwrap(), "arben").unwrap();
        d.create_profile(&profile("Drita")).unwrap();
        let draft = d.create_draft(SubmissionKind::Problem).unwrap();
        let patch =
            DraftPatch { category: Some("water".into()), text: Some("Nuk kemi ujë.".into()), ..Default::default() };
        d.update_draft(&draft.id, patch).unwrap();
        d.draft_set_assisted(&draft.id, &volunteer.id).unwrap();
        d.draft_record_consent(&draft.id, None).unwrap();
        d.send_draft(&draft.id).unwrap();
        draft.id
    });
    phone.sync().await;
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let page = clerk.get(&format!("/dashboard/submissions/{id}?lang=en")).await;
    let html = page.text();
    assert!(html.contains("Written with help"), "{html}");
    assert!(html.contains("by the volunteer arben") && html.contains("the resident agreed with a tap"));
    assert!(!html.contains("withdrawn") && !html.contains("stopped the volunteer"));

    // The resident stops the volunteer following it; the clerk sees that too after the next sync.
    phone.device(|d| d.draft_withdraw_consent(&id).unwrap());
    phone.sync().await;
    let html = clerk.get(&format!("/dashboard/submissions/{id}?lang=en")).await.text();
    assert!(html.contains("the resident has since stopped the volunteer following it"), "{html}");

    // The project counts it among requests sent with help, hidden while fewer than five.
    let mut project = signed_in(&server, "projekti", Role::Project).await;
    let html = project.get("/dashboard/indicators?lang=en").await.text();
    let at = html
        .find("Requests sent with a volunteer&#39;s help")
        .or_else(|| html.find("Requests sent with a volunteer's help"));
    let at = at.unwrap_or_else(|| panic!("the indicator is shown: {html}"));
    assert!(
        html[at..].starts_with("Requests sent with a volunteer") && html[at..at + 120].contains("&lt; 5"),
        "one request is a small cell"
    );
}
