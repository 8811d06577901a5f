//! A volunteer follows a request they helped a resident write, from their own phone (which does
//! not hold the resident's profile), only while the resident's consent stands (#6): the request
//! and its answer come down, none of the resident's other requests do, the volunteer cannot change
//! it, and a withdrawn consent takes effect at the volunteer's next sync.

use mcommunity_client::view::DraftPatch;
use mcommunity_core::{
    answer::AnswerStatus,
    ids::{DocId, ProfileId},
    submission::SubmissionKind,
    sync::{self as protocol, PROTOCOL_VERSION, Refusal, Scope, SyncRequest, SyncResponse},
};
use mcommunity_sync_server::answers::{self, StaffAction};

use crate::support::{Phone, Server, profile};

fn water(text: &str) -> DraftPatch {
    DraftPatch { category: Some("water".into()), text: Some(text.into()), ..Default::default() }
}

#[tokio::test]
async fn a_volunteer_follows_a_request_they_helped_write_only_while_consent_stands() {
    let server = Server::new();
    // The village hall's laptop: the volunteer's profile and the resident's.
    let laptop = Phone::new(&server).await;
    let (volunteer, resident, helped, own) = laptop.device(|d| {
        let v = d.create_profile(&profile("Arben")).unwrap();
        let volunteer: ProfileId = v.id.parse().unwrap();
        d.set_volunteer(volunteer, "arben").unwrap();
        let r = d.create_profile(&profile("Drita")).unwrap();
        let helped = d.create_draft(SubmissionKind::Problem).unwrap();
        d.update_draft(&helped.id, water("Nuk kemi ujë prej tri ditësh.")).unwrap();
        d.draft_set_assisted(&helped.id, &v.id).unwrap();
        d.draft_record_consent(&helped.id, None).unwrap();
        d.send_draft(&helped.id).unwrap();
        let own = d.create_draft(SubmissionKind::Question).unwrap();
        d.update_draft(&own.id, water("Kur vjen fatura?")).unwrap();
        d.send_draft(&own.id).unwrap();
        (volunteer, r.id.parse::<ProfileId>().unwrap(), helped.id, own.id)
    });
    laptop.sync().await;

    // The volunteer's own phone holds only the volunteer's profile.
    let phone = Phone::new(&server).await;
    phone.pair_from(&laptop, volunteer).await;
    phone.sync().await;
    phone.device(|d| d.set_volunteer(volunteer, "arben").unwrap());
    let followed = |phone: &Phone<'_>| {
        phone.device(|d| {
            d.open_profile(&volunteer.to_string(), None).unwrap();
            d.helped_requests().unwrap().into_iter().map(|h| h.id).collect::<Vec<_>>()
        })
    };
    assert_eq!(followed(&phone), std::slice::from_ref(&helped), "the request she helped with, and no other");
    assert!(
        phone.device(|d| d.store().load(own.parse().unwrap()).unwrap().is_none()),
        "the resident's other request never reaches the volunteer's phone"
    );

    // The municipality answers; the answer follows too.
    let sub: DocId = helped.parse().unwrap();
    let action =
        StaffAction {
            by: "Arta, Bashkia", status: AnswerStatus::InProgress, expected: None, reply: Some("Po vijmë.")
        };
    answers::act(&*server.storage, sub, &action, 10).await.unwrap();
    phone.sync().await;
    let seen = phone.device(|d| {
        d.open_profile(&volunteer.to_string(), None).unwrap();
        d.helped_request(&helped).unwrap()
    });
    assert_eq!(seen.answer.map(|a| a.status), Some(AnswerStatus::InProgress));

    // The volunteer's phone cannot change the resident's request, nor follow her profile.
    let mut doc = phone.device(|d| d.store().load(sub).unwrap().unwrap().doc);
    let heads = protocol::heads_of(&mut doc);
    let mut forged = doc.fork();
    mcommunity_core::submission::add_message(&mut forged, "Unë e mbyll.", 11).unwrap();
    let upload = protocol::upload(sub, &mut forged, &heads).unwrap();
    let body = protocol::encode(&SyncRequest {
        version: PROTOCOL_VERSION,
        cursors: vec![(Scope::Profile(resident), 0)],
        docs: vec![upload],
    });
    let (_, answer) = server.sync_raw(&phone.bearer, body).await;
    let answer: SyncResponse = protocol::decode(&answer).unwrap();
    assert_eq!(answer.refused, vec![(sub, Refusal::Forbidden)], "following is reading, never writing");
    assert_eq!(answer.refused_scopes, vec![Scope::Profile(resident)]);

    // Drita withdraws her consent on the laptop; at its next sync the volunteer's phone forgets it.
    laptop.device(|d| {
        d.open_profile(&resident.to_string(), None).unwrap();
        d.draft_withdraw_consent(&helped).unwrap();
    });
    laptop.sync().await;
    phone.sync().await;
    assert!(followed(&phone).is_empty());
    assert!(phone.device(|d| d.store().load(sub).unwrap().is_none()), "forgotten on the volunteer's phone");
    assert!(
        laptop.device(|d| d.store().load(sub).unwrap().is_some()),
        "the resident's own laptop keeps her request (it holds her profile)"
    );
    // And answers that come later do not reach it.
    answers::act(
        &*server.storage,
        sub,
        &StaffAction { reply: Some("U rregullua."), status: AnswerStatus::Fixed, ..action },
        20,
    )
    .await
    .unwrap();
    phone.sync().await;
    assert!(phone.device(|d| d.store().load(mcommunity_core::answer::doc_id(sub)).unwrap().is_none()));
}

#[tokio::test]
async fn a_skills_check_is_readable_by_the_volunteer_who_took_it_and_nobody_else() {
    use mcommunity_core::assessment::{self, Rating};
    let server = Server::new();
    let laptop = Phone::new(&server).await;
    let (volunteer, resident) = laptop.device(|d| {
        let v: ProfileId = d.create_profile(&profile("Arben")).unwrap().id.parse().unwrap();
        let r: ProfileId = d.create_profile(&profile("Drita")).unwrap().id.parse().unwrap();
        (v, r)
    });
    laptop.sync().await;
    let (with_him, alone) = (DocId::random(), DocId::random());
    for (id, taken_by) in [(with_him, Some(volunteer)), (alone, None)] {
        let mut doc = assessment::new_document(resident, taken_by, 1, 1_000);
        assessment::rate(&mut doc, "voice-message", Rating::OnMyOwn, 2_000).unwrap();
        let upload = protocol::upload(id, &mut doc, &[]).unwrap();
        let body = protocol::encode(&SyncRequest { version: PROTOCOL_VERSION, cursors: vec![], docs: vec![upload] });
        let (status, _) = server.sync_raw(&laptop.bearer, body).await;
        assert_eq!(status, axum::http::StatusCode::OK);
    }
    let phone = Phone::new(&server).await;
    phone.pair_from(&laptop, volunteer).await;
    phone.sync().await;
    let has = |id: DocId| phone.device(|d| d.store().load(id).unwrap().is_some());
    assert!(has(with_him), "the check he took with her reaches his phone");
    assert!(!has(alone), "one she took alone does not");
    assert!(!has(resident.doc()), "nor her profile");
}
