use mcommunity_client::{
    sync::{absorb, prepare},
    view::DraftPatch,
};
use mcommunity_core::{ids::ProfileId, sync as protocol};

use crate::support::{Phone, Server, kind, profile, text};

#[tokio::test]
async fn a_draft_reaches_a_paired_device_and_offline_edits_merge() {
    let server = Server::new();
    let laptop = Phone::new(&server).await;
    let (pid, draft) = laptop.device(|d| {
        let p = d.create_profile(&profile("Drita")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("The street light is broken.")).unwrap();
        (p.id.parse::<ProfileId>().unwrap(), draft.id)
    });
    laptop.sync().await;

    let phone = Phone::new(&server).await;
    phone.pair_from(&laptop, pid).await;
    phone.sync().await;
    assert_eq!(phone.draft_text(pid, &draft), "The street light is broken.");

    // Both edit offline, then sync in turn: nothing is lost, no conflict to resolve.
    laptop.edit(pid, &draft, "The street light is broken again.");
    phone.edit(pid, &draft, "The old street light is broken.");
    laptop.sync().await;
    phone.sync().await;
    laptop.sync().await;
    assert_eq!(laptop.draft_text(pid, &draft), "The old street light is broken again.");
    assert_eq!(phone.draft_text(pid, &draft), laptop.draft_text(pid, &draft));
}

#[tokio::test]
async fn nothing_new_costs_one_small_round_and_one_edit_one_round() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let draft = phone.device(|d| {
        d.create_profile(&profile("Arben")).unwrap();
        for i in 0..50 {
            let draft = d.create_draft(kind()).unwrap();
            d.update_draft(&draft.id, text(&format!("draft number {i} with some words"))).unwrap();
        }
        d.drafts().unwrap()[0].id.clone()
    });
    phone.sync().await;
    let idle = phone.sync().await;
    assert_eq!((idle.rounds, idle.uploaded, idle.downloaded), (1, 0, 0));
    assert!(
        idle.bytes_up + idle.bytes_down < 120,
        "a no-op with 51 documents moved {} + {} bytes",
        idle.bytes_up,
        idle.bytes_down
    );

    phone.device(|d| d.update_draft(&draft, text("changed: draft number 49 with some words")).unwrap());
    let edit = phone.sync().await;
    assert_eq!((edit.rounds, edit.uploaded), (1, 1), "one edit travels in one round");
    assert!(
        edit.bytes_up + edit.bytes_down < 600,
        "one small edit moved {} + {} bytes",
        edit.bytes_up,
        edit.bytes_down
    );
    let after = phone.sync().await;
    assert_eq!((after.rounds, after.uploaded, after.downloaded), (1, 0, 0), "and then it is quiet again");
}

#[tokio::test]
async fn a_lost_response_or_a_resent_request_changes_nothing() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let (pid, draft) = phone.device(|d| {
        let p = d.create_profile(&profile("Vera")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("Water comes only at night.")).unwrap();
        (p.id.parse::<ProfileId>().unwrap(), draft.id)
    });
    // The request reaches the server but the response is lost on the way back.
    let (request, _) = phone.store.lock().map(|mut s| prepare(&mut s).unwrap()).unwrap();
    let body = protocol::encode(&request);
    let (status, _) = server.sync_raw(&phone.bearer, body.clone()).await;
    assert!(status.is_success());
    // The device tries again with the same request, twice.
    let (_, first) = server.sync_raw(&phone.bearer, body.clone()).await;
    let (_, second) = server.sync_raw(&phone.bearer, body).await;
    let first: protocol::SyncResponse = protocol::decode(&first).unwrap();
    let second: protocol::SyncResponse = protocol::decode(&second).unwrap();
    assert_eq!(
        first.docs.iter().map(|d| &d.heads).collect::<Vec<_>>(),
        second.docs.iter().map(|d| &d.heads).collect::<Vec<_>>()
    );
    absorb(&mut phone.store.lock().unwrap(), &request, &second).unwrap();
    assert_eq!(phone.sync().await.uploaded, 0, "the server already had everything");

    let other = Phone::new(&server).await;
    other.pair_from(&phone, pid).await;
    other.sync().await;
    let text = other.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        assert_eq!(d.drafts().unwrap().len(), 1, "one draft, not three");
        d.draft(&draft).unwrap().text
    });
    assert_eq!(text, "Water comes only at night.", "no duplicated words");
}

#[tokio::test]
async fn a_large_backlog_travels_in_bounded_rounds_both_ways() {
    let server = Server::new();
    let laptop = Phone::new(&server).await;
    // More 2 KB drafts than one request or response may carry.
    let drafts = mcommunity_core::sync::REQUEST_BUDGET.max(mcommunity_core::sync::RESPONSE_BUDGET) / 2_000 + 50;
    let pid = laptop.device(|d| {
        let p = d.create_profile(&profile("Besa")).unwrap();
        let mut seed = 7u64;
        for _ in 0..drafts {
            let text_2kb: String = (0..2000)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(b'a' + (seed % 26) as u8)
                })
                .collect();
            let draft = d.create_draft(kind()).unwrap();
            d.update_draft(&draft.id, text(&text_2kb)).unwrap();
        }
        p.id.parse::<ProfileId>().unwrap()
    });
    let up = laptop.sync().await;
    assert!(up.rounds >= 2, "the backlog goes up in bounded requests, took {} rounds", up.rounds);
    assert_eq!(up.uploaded as usize, drafts + 1);
    assert_eq!(laptop.sync().await.uploaded, 0);

    let phone = Phone::new(&server).await;
    phone.pair_from(&laptop, pid).await;
    let down = phone.sync().await;
    assert!(down.rounds > 1, "and come down in bounded responses, took {} rounds", down.rounds);
    let count = phone.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        d.drafts().unwrap().len()
    });
    assert_eq!(count, drafts);
    assert_eq!(phone.sync().await.downloaded, 0, "nothing is sent twice");
}

#[tokio::test]
async fn a_sent_request_reaches_the_server_as_sent() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let draft = phone.device(|d| {
        d.create_profile(&profile("Vera")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        let patch = DraftPatch { category: Some("water".into()), ..text("No water since Monday.") };
        d.update_draft(&draft.id, patch).unwrap();
        d.send_draft(&draft.id).unwrap();
        assert_eq!(d.profile_deletion_impact().unwrap().drafts, 1, "sent but still waiting: it would be lost");
        draft.id
    });
    phone.sync().await;
    let impact = phone.device(|d| {
        d.open_profile(&d.profiles().unwrap()[0].id, None).unwrap();
        d.profile_deletion_impact().unwrap().drafts
    });
    assert_eq!(impact, 0, "once the server has it, deleting the person on this phone loses nothing");
    let stored = server.storage.doc(draft.parse().unwrap()).await.unwrap().expect("the server has it");
    let mut doc = automerge::AutoCommit::new();
    for (_, chunk) in &stored.chunks {
        doc.load_incremental(chunk).unwrap();
    }
    let sent = mcommunity_core::submission::read(&doc).unwrap();
    assert_eq!(sent.status, mcommunity_core::submission::Status::Sent);
    assert_eq!(sent.text, "No water since Monday.");
    assert!(sent.sent_at.is_some());
}

#[tokio::test]
async fn the_municipalitys_answer_reaches_the_residents_phones_and_no_one_else() {
    use mcommunity_core::answer::AnswerStatus;
    use mcommunity_sync_server::answers::{AnswerError, StaffAction, act};
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let (pid, sent, draft) = phone.device(|d| {
        let p = d.create_profile(&profile("Vera")).unwrap();
        let sent = d.create_draft(kind()).unwrap();
        let patch = DraftPatch { category: Some("water".into()), ..text("No water since Monday.") };
        d.update_draft(&sent.id, patch).unwrap();
        d.send_draft(&sent.id).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("Still thinking.")).unwrap();
        (p.id.parse::<ProfileId>().unwrap(), sent.id, draft.id)
    });
    phone.sync().await;

    let reply = StaffAction {
        by: "Arta, clerk",
        status: AnswerStatus::InProgress,
        expected: Some("2026-12-15"),
        reply: Some("The water team comes on Monday."),
    };
    let answered = act(&*server.storage, sent.parse().unwrap(), &reply, 1_000).await.unwrap();
    assert_eq!(answered.replies.len(), 1);
    // A draft is as invisible to the municipality as nothing; a bad date is refused.
    assert!(matches!(act(&*server.storage, draft.parse().unwrap(), &reply, 2).await, Err(AnswerError::NotFound)));
    let bad_date = StaffAction { expected: Some("15.12.2026"), ..reply.clone() };
    assert!(matches!(act(&*server.storage, sent.parse().unwrap(), &bad_date, 3).await, Err(AnswerError::BadDate)));

    let report = phone.sync().await;
    assert_eq!(report.downloaded, 1, "the answer came down");
    let (status, shown) = phone.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        let listed = d.drafts().unwrap().into_iter().find(|s| s.id == sent).unwrap().answer_status;
        (listed, d.draft(&sent).unwrap().answer.unwrap())
    });
    assert_eq!(status, Some(AnswerStatus::InProgress));
    assert_eq!(shown.expected.as_deref(), Some("2026-12-15"));
    assert_eq!(shown.replies[0].text, "The water team comes on Monday.");
    assert_eq!(shown.replies[0].by, "Arta, clerk");

    // The resident's paired laptop gets it too; a stranger's phone never does.
    let laptop = Phone::new(&server).await;
    laptop.pair_from(&phone, pid).await;
    laptop.sync().await;
    let on_laptop = laptop.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        d.draft(&sent).unwrap().answer.map(|a| a.status)
    });
    assert_eq!(on_laptop, Some(AnswerStatus::InProgress));
    let stranger = Phone::new(&server).await;
    stranger.device(|d| d.create_profile(&profile("Other")).unwrap());
    let got = stranger.sync().await;
    assert_eq!(got.downloaded, 0, "nothing of Vera's reaches a stranger");
}
