//! A hostile client: every attempt refused with the right status and a clear reason, nothing
//! applied, nothing revealing whether a document exists.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use mcommunity_core::{
    ids::{DocId, ProfileId},
    submission::{self, SubmissionKind, SubmissionPatch},
    sync::{self as protocol, DocUpload, PROTOCOL_VERSION, Refusal, Scope, SyncRequest, SyncResponse},
};

use crate::support::{Phone, Server, kind, profile, text};

fn request(cursors: Vec<(Scope, u64)>, docs: Vec<DocUpload>) -> Vec<u8> {
    protocol::encode(&SyncRequest { version: PROTOCOL_VERSION, cursors, docs })
}

async fn sync_as(server: &Server, bearer: &str, body: Vec<u8>) -> SyncResponse {
    let (status, body) = server.sync_raw(bearer, body).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    protocol::decode(&body).unwrap()
}

/// A victim with a profile and a private draft on the server.
async fn victim(server: &Server) -> (Phone<'_>, ProfileId, DocId) {
    let phone = Phone::new(server).await;
    let (pid, draft) = phone.device(|d| {
        let p = d.create_profile(&profile("Drita")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("my private complaint")).unwrap();
        (p.id.parse().unwrap(), draft.id.parse().unwrap())
    });
    phone.sync().await;
    (phone, pid, draft)
}

#[tokio::test]
async fn no_or_wrong_credentials_are_refused() {
    let server = Server::new();
    let good = server.register().await;
    let body = request(vec![(Scope::Public, 0)], vec![]);
    let (device, _) = good.trim_start_matches("Bearer ").split_once('.').unwrap();
    for bearer in [
        String::new(),
        "Bearer".into(),
        "Basic abc".into(),
        format!("Bearer {device}.wrong-secret"),
        format!("Bearer {}.{}", DocId::random(), "x"),
        "Bearer not-an-id.secret".into(),
    ] {
        let mut builder = Request::post("/v1/sync");
        if !bearer.is_empty() {
            builder = builder.header(header::AUTHORIZATION, &bearer);
        }
        let (status, reason) = server.call(builder.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{bearer:?}");
        let reason: serde_json::Value = serde_json::from_slice(&reason).unwrap();
        assert_eq!(reason["code"], "unauthorized");
        assert!(reason["message"].as_str().unwrap().contains("credential"));
    }
    assert_eq!(server.sync_raw(&good, body).await.0, StatusCode::OK);
}

#[tokio::test]
async fn garbage_truncated_oversized_and_old_messages_are_refused() {
    let server = Server::new();
    let bearer = server.register().await;
    let valid = request(vec![(Scope::Public, 0)], vec![]);
    let check = async |body: Vec<u8>, expect: StatusCode, code: &str| {
        let (status, reason) = server.sync_raw(&bearer, body).await;
        assert_eq!(status, expect);
        if !code.is_empty() {
            let reason: serde_json::Value = serde_json::from_slice(&reason).unwrap();
            assert_eq!(reason["code"], code, "{reason}");
        }
    };
    check(b"garbage bytes".to_vec(), StatusCode::BAD_REQUEST, "bad-request").await;
    check(valid[..valid.len() / 2].to_vec(), StatusCode::BAD_REQUEST, "bad-request").await;
    check(vec![0u8; protocol::MAX_BODY + 1], StatusCode::PAYLOAD_TOO_LARGE, "").await;
    let old = protocol::encode(&SyncRequest { version: 0, cursors: vec![], docs: vec![] });
    check(old, StatusCode::UPGRADE_REQUIRED, "update-required").await;
    let (status, _) = server
        .call(Request::post("/v2/sync").header(header::AUTHORIZATION, &bearer).body(Body::from(valid)).unwrap())
        .await;
    assert_eq!(status, StatusCode::UPGRADE_REQUIRED);
}

#[tokio::test]
async fn another_devices_drafts_cannot_be_read_and_look_like_nothing() {
    let server = Server::new();
    let (_victim, pid, draft) = victim(&server).await;
    let thief = server.register().await;
    let stolen = sync_as(&server, &thief, request(vec![(Scope::Profile(pid), 0), (Scope::Public, 0)], vec![])).await;
    assert!(stolen.docs.is_empty(), "nothing of the victim's comes down");
    assert_eq!(stolen.refused_scopes, vec![Scope::Profile(pid)]);

    // Asking about the real draft and about a made-up id give the same answer.
    let probe = |id| DocUpload { id, heads: vec![[7; 32]], changes: vec![] };
    let real = sync_as(&server, &thief, request(vec![], vec![probe(draft)])).await;
    let fake = sync_as(&server, &thief, request(vec![], vec![probe(DocId::random())])).await;
    assert_eq!(real.refused[0].1, Refusal::Forbidden);
    assert_eq!(fake.refused[0].1, Refusal::Forbidden);
    assert!(real.docs.is_empty() && fake.docs.is_empty());
}

#[tokio::test]
async fn writes_to_another_profiles_documents_are_refused_and_not_applied() {
    let server = Server::new();
    let (victim, pid, draft) = victim(&server).await;
    let thief = server.register().await;

    // Overwrite the victim's draft: the thief forges changes on a document of its own making.
    let mut forged = submission::new_document(pid, SubmissionKind::Complaint, 1);
    submission::apply(&mut forged, &SubmissionPatch { text: Some("defaced".into()), ..Default::default() }, 2).unwrap();
    let overwrite = protocol::upload(draft, &mut forged, &[]).unwrap();
    // A new document claiming to belong to the victim's profile.
    let planted = protocol::upload(DocId::random(), &mut forged, &[]).unwrap();
    // The victim's profile document itself.
    let mut fake_profile = mcommunity_core::profile::new_document(&mcommunity_core::profile::Profile {
        name: "Mallory".into(),
        avatar: mcommunity_core::profile::Avatar::Moon,
        locale: mcommunity_core::locale::Locale::En,
        created_at: 1,
    });
    let takeover = protocol::upload(pid.doc(), &mut fake_profile, &[]).unwrap();

    let answer = sync_as(&server, &thief, request(vec![], vec![overwrite, planted, takeover])).await;
    assert_eq!(answer.refused.iter().map(|r| r.1).collect::<Vec<_>>(), vec![Refusal::Forbidden; 3]);
    assert!(answer.docs.is_empty());

    // The victim's data is as it was, and no stranger's document joined the profile.
    let fresh = Phone::new(&server).await;
    fresh.pair_from(&victim, pid).await;
    fresh.sync().await;
    fresh.device(|d| {
        let opened = d.open_profile(&pid.to_string(), None).unwrap();
        assert_eq!(opened.name, "Drita");
        let drafts = d.drafts().unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(d.draft(&draft.to_string()).unwrap().text, "my private complaint");
    });
}

#[tokio::test]
async fn pairing_codes_are_single_use_and_guessing_is_throttled() {
    let server = Server::new();
    let (victim, pid, _) = victim(&server).await;
    let stranger = server.register().await;
    let (status, _) = server.json("/v1/pairing", &stranger, serde_json::json!({ "profile": pid.to_string() })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only a device holding the profile issues codes");

    let (_, code) = server.json("/v1/pairing", &victim.bearer, serde_json::json!({ "profile": pid.to_string() })).await;
    let code = code["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 8);

    let friend = server.register().await;
    let (status, _) = server.json("/v1/pairing/claim", &friend, serde_json::json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, reason) = server.json("/v1/pairing/claim", &stranger, serde_json::json!({ "code": code })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a code works once");
    assert!(reason["message"].as_str().unwrap().contains("wrong or has expired"));

    let (_, fresh) =
        server.json("/v1/pairing", &victim.bearer, serde_json::json!({ "profile": pid.to_string() })).await;
    let guesser = server.register().await;
    for guess in 0..5 {
        let (status, _) =
            server.json("/v1/pairing/claim", &guesser, serde_json::json!({ "code": format!("{guess:08}") })).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, reason) =
        server.json("/v1/pairing/claim", &guesser, serde_json::json!({ "code": fresh["code"] })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "after five wrong guesses even the right code waits");
    assert_eq!(reason["code"], "too-many-requests");
}

#[tokio::test]
async fn documents_only_the_municipality_writes_are_read_only_for_devices() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    phone.device(|d| d.create_profile(&profile("Blerina")).unwrap());
    phone.sync().await;

    // A public document, as the municipality publishes (announcements, lessons): stored by the
    // server itself, owned by no profile.
    let id = DocId::random();
    let mut notice = mcommunity_core::profile::new_document(&mcommunity_core::profile::Profile {
        name: "Njoftim".into(),
        avatar: mcommunity_core::profile::Avatar::House,
        locale: mcommunity_core::locale::Locale::Sq,
        created_at: 1,
    });
    let heads = protocol::heads_of(&mut notice);
    let meta = mcommunity_core::access::DocMeta { kind: mcommunity_core::documents::DocKind::Profile, owner: None };
    server.storage.append(id, meta, &notice.save(), &heads).await.unwrap();

    // Every device reads it...
    let read = sync_as(&server, &phone.bearer, request(vec![(Scope::Public, 0)], vec![])).await;
    assert_eq!(read.docs.iter().map(|d| d.id).collect::<Vec<_>>(), vec![id]);
    // ...and none writes it.
    mcommunity_core::profile::set_name(&mut notice, "Njoftim i ndryshuar");
    let attempt = protocol::upload(id, &mut notice, &heads).unwrap();
    let answer = sync_as(&server, &phone.bearer, request(vec![], vec![attempt])).await;
    assert_eq!(answer.refused, vec![(id, Refusal::Forbidden)]);
    let stored = server.storage.doc(id).await.unwrap().unwrap();
    assert_eq!(stored.chunks.len(), 1, "nothing was appended");
    // The phone's own sync carries on past a document it does not keep.
    assert_eq!(phone.sync().await.refused, 0);
}

#[tokio::test]
async fn only_a_profile_linked_to_a_volunteer_writes_sessions() {
    // #6: sessions feed the project's indicators, so a device cannot make up attendances.
    let server = Server::new();
    let phone = Phone::new(&server).await;
    let pid: ProfileId = phone.device(|d| d.create_profile(&profile("Mallory")).unwrap().id.parse().unwrap());
    phone.sync().await;
    let plan = mcommunity_core::session::Plan {
        date: "2026-11-28".into(),
        village: "qelez".into(),
        municipality: "Fushë-Arrëz".into(),
        country: mcommunity_core::idnum::Country::Al,
        topic: "Made up".into(),
        planned: vec![],
    };
    let mut forged = mcommunity_core::session::new_document(pid, &plan, 1).unwrap();
    let id = DocId::random();
    let upload = protocol::upload(id, &mut forged, &[]).unwrap();
    let answer = sync_as(&server, &phone.bearer, request(vec![(Scope::Profile(pid), 0)], vec![upload])).await;
    assert_eq!(answer.refused, vec![(id, Refusal::Forbidden)], "its own profile, but not a volunteer's");
    assert!(server.storage.doc(id).await.unwrap().is_none(), "nothing stored");
    assert!(server.storage.indexed_sessions().await.unwrap().is_empty(), "nothing counted");
    // Nor for a profile it does not hold, linked or not.
    let victim = ProfileId::random();
    server.storage.link_volunteer(victim, "someone", 1).await.unwrap();
    let mut planted = mcommunity_core::session::new_document(victim, &plan, 1).unwrap();
    let other = DocId::random();
    let upload = protocol::upload(other, &mut planted, &[]).unwrap();
    let answer = sync_as(&server, &phone.bearer, request(vec![], vec![upload])).await;
    assert_eq!(answer.refused, vec![(other, Refusal::Forbidden)]);
    assert!(server.storage.doc(other).await.unwrap().is_none());
}
