use super::*;
use crate::submission::{self, SubmissionKind, SubmissionPatch};

fn draft_with(text: &str) -> (DocId, AutoCommit) {
    let mut doc = submission::new_document(ProfileId::random(), SubmissionKind::Problem, 1);
    submission::apply(&mut doc, &SubmissionPatch { text: Some(text.into()), ..Default::default() }, 2).unwrap();
    (DocId::random(), doc)
}

#[test]
fn messages_round_trip_through_the_wire_encoding() {
    let (id, mut doc) = draft_with("Ujë nuk ka");
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursors: vec![(Scope::Public, 7), (Scope::Profile(ProfileId::random()), 42)],
        docs: vec![upload(id, &mut doc, &[]).unwrap()],
    };
    assert_eq!(decode::<SyncRequest>(&encode(&request)), Ok(request));
    let response = SyncResponse {
        cursors: vec![(Scope::Public, 9)],
        docs: vec![DocDownload { id, heads: heads_of(&mut doc), changes: vec![1, 2, 3] }],
        refused: vec![(DocId::random(), Refusal::Forbidden)],
        refused_scopes: vec![Scope::Profile(ProfileId::random())],
        revoked: vec![DocId::random()],
        more: true,
    };
    assert_eq!(decode::<SyncResponse>(&encode(&response)), Ok(response));
}

#[test]
fn a_sync_with_nothing_new_is_a_few_bytes() {
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursors: vec![(Scope::Public, 123_456), (Scope::Profile(ProfileId::random()), 123_400)],
        docs: vec![],
    };
    let bytes = encode(&request).len();
    assert!(bytes < 64, "a no-op request body is tiny, got {bytes} bytes");
}

#[test]
fn garbage_and_bombs_are_refused() {
    assert!(decode::<SyncRequest>(b"not zstd at all").is_err());
    assert!(decode::<SyncRequest>(&zstd::bulk::compress(b"\xff\xff\xff\xff garbage", 3).unwrap()).is_err());
    let bomb = zstd::bulk::compress(&vec![0u8; MAX_BODY + 1], 19).unwrap();
    assert!(bomb.len() < MAX_BODY, "a small body that inflates past the limit");
    assert!(decode::<SyncRequest>(&bomb).is_err(), "inflating stops at the limit");
}

#[test]
fn an_upload_carries_only_what_the_server_lacks() {
    let (id, mut doc) = draft_with("first");
    let server_heads = heads_of(&mut doc);
    assert!(upload(id, &mut doc, &server_heads).is_none(), "nothing to send when the server has it");
    let mut server = doc.fork();
    submission::apply(&mut doc, &SubmissionPatch { text: Some("first, then more".into()), ..Default::default() }, 3)
        .unwrap();
    let up = upload(id, &mut doc, &server_heads).unwrap();
    assert!(up.changes.len() < doc.save().len(), "only the new change travels");
    apply(&mut server, &up.changes).unwrap();
    assert_eq!(submission::read(&server).unwrap().text, "first, then more");
    assert!(same_heads(&heads_of(&mut server), &up.heads));
    apply(&mut server, &up.changes).unwrap();
    assert!(same_heads(&heads_of(&mut server), &up.heads), "applying twice is harmless");
}

#[test]
fn changes_on_missing_history_are_refused_and_leave_the_document_alone() {
    let (_, mut doc) = draft_with("a");
    let after_a = doc.get_heads();
    submission::apply(&mut doc, &SubmissionPatch { text: Some("ab".into()), ..Default::default() }, 3).unwrap();
    let after_b = doc.get_heads();
    submission::apply(&mut doc, &SubmissionPatch { text: Some("abc".into()), ..Default::default() }, 4).unwrap();
    let only_c = doc.save_after(&after_b);
    let mut behind = AutoCommit::load(&doc.save()).unwrap().fork_at(&after_a).unwrap();
    let before = behind.get_heads();
    assert_eq!(apply(&mut behind, &only_c), Err(ApplyError::MissingDeps));
    assert_eq!(behind.get_heads(), before);
    assert!(matches!(apply(&mut behind, b"garbage"), Err(ApplyError::Decode(_))));
}
