//! The `Storage` contract, written once against `Arc<dyn Storage>` and run over every backend.

use std::{collections::BTreeSet, sync::Arc};

use automerge::{AutoCommit, ReadDoc, transaction::Transactable};
use mcommunity_core::{
    access::DocMeta,
    documents::DocKind,
    ids::{DeviceId, DocId, ProfileId},
    sync::{self, Heads, Scope},
};
use mcommunity_sync_server::storage::Storage;

/// Runs each contract test over SQLite and over PostgreSQL (a fresh database each).
macro_rules! over_every_backend {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    let backend = crate::support::Backend::sqlite();
                    super::$test(backend.storage.clone()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    let backend = crate::support::Backend::postgres().await;
                    super::$test(backend.storage.clone()).await;
                }
            )*
        }
    };
}

over_every_backend!(
    a_device_keeps_its_secret_hash,
    profiles_are_granted_idempotently_and_per_device,
    a_pairing_code_is_taken_once,
    a_pairing_code_expires,
    a_pairing_code_is_taken_once_by_concurrent_claims,
    claim_attempts_are_counted_per_device_and_in_total_within_the_window,
    append_creates_and_updates_documents_with_increasing_sequence_numbers,
    compaction_replaces_chunks_and_keeps_every_change,
    heads_at_gives_the_heads_after_the_last_change_set_up_to_a_sequence,
    changed_since_lists_a_scope_after_a_cursor_oldest_first_within_a_limit,
    grants_and_revocations_come_in_sequence_with_the_granted_documents_changes,
);

fn hash(byte: u8) -> [u8; 32] {
    [byte; 32]
}

fn owned_by(profile: ProfileId) -> DocMeta {
    DocMeta { kind: DocKind::Submission, owner: Some(profile) }
}

fn public() -> DocMeta {
    DocMeta { kind: DocKind::Submission, owner: None }
}

/// An Automerge document and a way to make one more change to it.
struct Doc(AutoCommit);

impl Doc {
    fn new() -> Doc {
        Doc(AutoCommit::new())
    }

    /// Sets `key` and returns the new change (incremental format) and the heads after it.
    fn change(&mut self, key: &str, value: &str) -> (Vec<u8>, Heads) {
        self.0.put(automerge::ROOT, key, value).unwrap();
        (self.0.save_incremental(), sync::heads_of(&mut self.0))
    }
}

/// The document the stored chunks make, applied in the order given.
fn load(chunks: &[(i64, Vec<u8>)]) -> AutoCommit {
    let mut doc = AutoCommit::new();
    for (_, bytes) in chunks {
        doc.load_incremental(bytes).unwrap();
    }
    doc
}

fn text(doc: &AutoCommit, key: &str) -> Option<String> {
    doc.get(automerge::ROOT, key).unwrap().map(|(value, _)| value.into_string().unwrap())
}

async fn a_device_keeps_its_secret_hash(storage: Arc<dyn Storage>) {
    let device = DeviceId::random();
    assert_eq!(storage.device_secret_hash(device).await.unwrap(), None, "an unknown device has no secret");
    storage.add_device(device, hash(1), 1_000).await.unwrap();
    assert_eq!(storage.device_secret_hash(device).await.unwrap(), Some(hash(1)));

    let other = DeviceId::random();
    storage.add_device(other, hash(2), 1_000).await.unwrap();
    assert_eq!(storage.device_secret_hash(other).await.unwrap(), Some(hash(2)), "each device its own secret");

    // Registering an id again must never replace the secret: that would hand the device over.
    assert!(storage.add_device(device, hash(3), 2_000).await.is_err(), "a device id is registered once");
    assert_eq!(storage.device_secret_hash(device).await.unwrap(), Some(hash(1)));
}

async fn profiles_are_granted_idempotently_and_per_device(storage: Arc<dyn Storage>) {
    let (laptop, phone) = (DeviceId::random(), DeviceId::random());
    storage.add_device(laptop, hash(1), 0).await.unwrap();
    storage.add_device(phone, hash(2), 0).await.unwrap();
    assert!(storage.device_profiles(laptop).await.unwrap().is_empty(), "a new device holds nothing");

    let (drita, arben) = (ProfileId::random(), ProfileId::random());
    storage.grant_profile(laptop, drita).await.unwrap();
    storage.grant_profile(laptop, arben).await.unwrap();
    storage.grant_profile(laptop, drita).await.unwrap();
    let mut held = storage.device_profiles(laptop).await.unwrap();
    held.sort();
    let mut expect = vec![drita, arben];
    expect.sort();
    assert_eq!(held, expect, "each profile is held once, however often it is granted");

    assert!(storage.device_profiles(phone).await.unwrap().is_empty(), "grants belong to one device");
    storage.grant_profile(phone, arben).await.unwrap();
    assert_eq!(storage.device_profiles(phone).await.unwrap(), vec![arben]);
    assert_eq!(storage.device_profiles(laptop).await.unwrap().len(), 2);
    assert!(storage.device_profiles(DeviceId::random()).await.unwrap().is_empty());
}

async fn a_pairing_code_is_taken_once(storage: Arc<dyn Storage>) {
    let profile = ProfileId::random();
    assert!(storage.add_pairing(hash(7), profile, 10_000).await.unwrap());
    assert!(
        !storage.add_pairing(hash(7), ProfileId::random(), 20_000).await.unwrap(),
        "a code already waiting is never replaced by another profile's"
    );
    assert_eq!(storage.take_pairing(hash(8), 5_000).await.unwrap(), None, "a code never issued pairs nothing");
    assert_eq!(storage.take_pairing(hash(7), 5_000).await.unwrap(), Some(profile));
    assert_eq!(storage.take_pairing(hash(7), 5_001).await.unwrap(), None, "a code is used once");

    // Other codes are untouched by a take.
    let (first, second) = (ProfileId::random(), ProfileId::random());
    storage.add_pairing(hash(1), first, 10_000).await.unwrap();
    storage.add_pairing(hash(2), second, 10_000).await.unwrap();
    assert_eq!(storage.take_pairing(hash(2), 6_000).await.unwrap(), Some(second));
    assert_eq!(storage.take_pairing(hash(1), 6_000).await.unwrap(), Some(first));
}

async fn a_pairing_code_expires(storage: Arc<dyn Storage>) {
    let profile = ProfileId::random();
    storage.add_pairing(hash(1), profile, 10_000).await.unwrap();
    storage.add_pairing(hash(2), profile, 10_000).await.unwrap();
    assert_eq!(storage.take_pairing(hash(1), 9_999).await.unwrap(), Some(profile), "valid until it expires");
    assert_eq!(storage.take_pairing(hash(2), 10_000).await.unwrap(), None, "expired at its expiry time");
    assert_eq!(storage.take_pairing(hash(2), 9_000).await.unwrap(), None, "an expired code is gone for good");
}

async fn a_pairing_code_is_taken_once_by_concurrent_claims(storage: Arc<dyn Storage>) {
    let profile = ProfileId::random();
    storage.add_pairing(hash(9), profile, 10_000).await.unwrap();
    let claims = (0..16).map(|_| {
        let storage = storage.clone();
        tokio::spawn(async move { storage.take_pairing(hash(9), 5_000).await.unwrap() })
    });
    let mut taken = Vec::new();
    for claim in claims.collect::<Vec<_>>() {
        taken.extend(claim.await.unwrap());
    }
    assert_eq!(taken, vec![profile], "exactly one of sixteen simultaneous claims gets the profile");
}

async fn claim_attempts_are_counted_per_device_and_in_total_within_the_window(storage: Arc<dyn Storage>) {
    let (mallory, eve) = (DeviceId::random(), DeviceId::random());
    assert_eq!(storage.claim_attempts(mallory, 0).await.unwrap(), (0, 0));
    storage.record_claim_attempt(mallory, 100, 0).await.unwrap();
    storage.record_claim_attempt(mallory, 200, 0).await.unwrap();
    storage.record_claim_attempt(eve, 300, 0).await.unwrap();

    assert_eq!(storage.claim_attempts(mallory, 0).await.unwrap(), (2, 3));
    assert_eq!(storage.claim_attempts(eve, 0).await.unwrap(), (1, 3));
    assert_eq!(storage.claim_attempts(mallory, 150).await.unwrap(), (1, 2), "only claims since the window opened");
    assert_eq!(storage.claim_attempts(mallory, 200).await.unwrap(), (1, 2), "a claim at the window's start counts");
    assert_eq!(storage.claim_attempts(mallory, 301).await.unwrap(), (0, 0));
    assert_eq!(storage.claim_attempts(DeviceId::random(), 0).await.unwrap(), (0, 3));

    // Recording forgets claims older than the given time, and keeps the rest.
    storage.record_claim_attempt(eve, 1_000, 250).await.unwrap();
    assert_eq!(storage.claim_attempts(mallory, 0).await.unwrap(), (0, 2), "claims before 250 are forgotten");
    assert_eq!(storage.claim_attempts(eve, 0).await.unwrap(), (2, 2));
}

async fn append_creates_and_updates_documents_with_increasing_sequence_numbers(storage: Arc<dyn Storage>) {
    let owner = ProfileId::random();
    let (id, other) = (DocId::random(), DocId::random());
    assert!(storage.doc(id).await.unwrap().is_none(), "a document never appended is not stored");

    let mut doc = Doc::new();
    let (first, heads) = doc.change("text", "one");
    let s1 = storage.append(id, owned_by(owner), &first, &heads).await.unwrap();
    assert!(s1 > 0, "sequence numbers start after the cursor of a device that has nothing");
    let stored = storage.doc(id).await.unwrap().expect("append creates the document");
    assert_eq!(stored.meta, owned_by(owner));
    assert_eq!(stored.chunks.iter().map(|(_, b)| b.clone()).collect::<Vec<_>>(), vec![first.clone()]);

    let s2 = storage.append(other, public(), &Doc::new().change("a", "b").0, &heads).await.unwrap();
    let (second, heads) = doc.change("text", "two");
    // The kind and owner are fixed at creation: an append claiming another owner stores nothing.
    let (stray, stray_heads) = Doc::new().change("x", "y");
    assert!(matches!(
        storage.append(id, public(), &stray, &stray_heads).await,
        Err(mcommunity_sync_server::storage::StorageError::OwnerMismatch)
    ));
    assert!(matches!(
        storage.append(id, owned_by(ProfileId::random()), &stray, &stray_heads).await,
        Err(mcommunity_sync_server::storage::StorageError::OwnerMismatch)
    ));
    let s3 = storage.append(id, owned_by(owner), &second, &heads).await.unwrap();
    assert!(s1 < s2 && s2 < s3, "one global sequence, strictly increasing: {s1} {s2} {s3}");

    let stored = storage.doc(id).await.unwrap().unwrap();
    assert_eq!(stored.meta, owned_by(owner), "a document keeps the kind and owner it was created with");
    let bytes: BTreeSet<Vec<u8>> = stored.chunks.iter().map(|(_, b)| b.clone()).collect();
    assert_eq!(bytes, BTreeSet::from([first, second]), "every appended change set is kept");
    let keys: BTreeSet<i64> = stored.chunks.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys.len(), 2, "each chunk has its own key");
    assert_eq!(text(&load(&stored.chunks), "text").as_deref(), Some("two"));
    assert_eq!(storage.doc(other).await.unwrap().unwrap().meta, public());
}

async fn compaction_replaces_chunks_and_keeps_every_change(storage: Arc<dyn Storage>) {
    let owner = ProfileId::random();
    let (id, neighbour) = (DocId::random(), DocId::random());
    let mut doc = Doc::new();
    for i in 0..3 {
        let (changes, heads) = doc.change(&format!("k{i}"), &format!("v{i}"));
        storage.append(id, owned_by(owner), &changes, &heads).await.unwrap();
    }
    let (changes, heads) = Doc::new().change("n", "neighbour");
    storage.append(neighbour, owned_by(owner), &changes, &heads).await.unwrap();

    // The server loads the document, and while it compacts another change arrives.
    let loaded = storage.doc(id).await.unwrap().unwrap();
    assert_eq!(loaded.chunks.len(), 3);
    let snapshot = load(&loaded.chunks).save();
    let (late, heads) = doc.change("k3", "v3");
    storage.append(id, owned_by(owner), &late, &heads).await.unwrap();
    let keys: Vec<i64> = loaded.chunks.iter().map(|(k, _)| *k).collect();
    storage.compact(id, &keys, &snapshot).await.unwrap();

    let stored = storage.doc(id).await.unwrap().unwrap();
    assert_eq!(stored.chunks.len(), 2, "the three chunks became one snapshot; the late change stays");
    assert!(stored.chunks.iter().all(|(k, _)| !keys.contains(k)), "replaced chunks are gone");
    let mut compacted = load(&stored.chunks);
    for i in 0..4 {
        assert_eq!(text(&compacted, &format!("k{i}")), Some(format!("v{i}")), "change {i} survives compaction");
    }
    assert!(sync::same_heads(&sync::heads_of(&mut compacted), &heads));

    // Keys of another document are not this document's to replace.
    let theirs: Vec<i64> = storage.doc(neighbour).await.unwrap().unwrap().chunks.iter().map(|(k, _)| *k).collect();
    storage.compact(id, &theirs, &compacted.save()).await.unwrap();
    let neighbour = storage.doc(neighbour).await.unwrap().unwrap();
    assert_eq!(text(&load(&neighbour.chunks), "n").as_deref(), Some("neighbour"), "another document is untouched");
}

async fn heads_at_gives_the_heads_after_the_last_change_set_up_to_a_sequence(storage: Arc<dyn Storage>) {
    let owner = ProfileId::random();
    let (id, other) = (DocId::random(), DocId::random());
    // Two concurrent edits make a document with two heads.
    let mut doc = Doc::new();
    let (base, _) = doc.change("text", "base");
    let mut fork = Doc(doc.0.fork());
    let (left, _) = doc.change("left", "l");
    let (right, _) = fork.change("right", "r");
    doc.0.load_incremental(&right).unwrap();
    let two_heads = sync::heads_of(&mut doc.0);
    assert_eq!(two_heads.len(), 2);
    let one_head = {
        let mut d = AutoCommit::new();
        d.load_incremental(&base).unwrap();
        sync::heads_of(&mut d)
    };

    let s1 = storage.append(id, owned_by(owner), &base, &one_head).await.unwrap();
    let s2 = storage.append(other, owned_by(owner), &Doc::new().change("x", "y").0, &one_head).await.unwrap();
    let s3 = storage.append(id, owned_by(owner), &[left, right].concat(), &two_heads).await.unwrap();

    assert!(storage.heads_at(id, 0).await.unwrap().is_empty(), "before its first change set: no heads");
    assert!(storage.heads_at(id, s1 - 1).await.unwrap().is_empty());
    assert!(sync::same_heads(&storage.heads_at(id, s1).await.unwrap(), &one_head), "at its first change set");
    assert!(sync::same_heads(&storage.heads_at(id, s2).await.unwrap(), &one_head), "between its change sets");
    assert!(sync::same_heads(&storage.heads_at(id, s3).await.unwrap(), &two_heads), "every head is kept");
    assert!(sync::same_heads(&storage.heads_at(id, s3 + 1_000).await.unwrap(), &two_heads), "after the last");
    assert!(storage.heads_at(DocId::random(), s3).await.unwrap().is_empty(), "an unknown document has none");
}

async fn changed_since_lists_a_scope_after_a_cursor_oldest_first_within_a_limit(storage: Arc<dyn Storage>) {
    let (drita, arben) = (ProfileId::random(), ProfileId::random());
    let (a, b, c, d) = (DocId::random(), DocId::random(), DocId::random(), DocId::random());
    let (changes, heads) = Doc::new().change("k", "v");
    let s1 = storage.append(a, owned_by(drita), &changes, &heads).await.unwrap();
    let s2 = storage.append(b, owned_by(arben), &changes, &heads).await.unwrap();
    let s3 = storage.append(c, owned_by(drita), &changes, &heads).await.unwrap();
    let s4 = storage.append(d, public(), &changes, &heads).await.unwrap();
    let s5 = storage.append(a, owned_by(drita), &changes, &heads).await.unwrap();
    let drita_scope = Scope::Profile(drita);

    assert_eq!(
        storage.changed_since(drita_scope, 0, 10).await.unwrap(),
        vec![(c, s3), (a, s5)],
        "each document once, with its latest sequence, oldest change first"
    );
    assert_eq!(storage.changed_since(drita_scope, s1, 10).await.unwrap(), vec![(c, s3), (a, s5)]);
    assert_eq!(storage.changed_since(drita_scope, s3, 10).await.unwrap(), vec![(a, s5)], "only after the cursor");
    assert_eq!(storage.changed_since(drita_scope, s5, 10).await.unwrap(), vec![], "nothing after the last");
    assert_eq!(storage.changed_since(drita_scope, 0, 1).await.unwrap(), vec![(c, s3)], "at most `limit`, oldest");
    assert_eq!(storage.changed_since(Scope::Profile(arben), 0, 10).await.unwrap(), vec![(b, s2)]);
    assert_eq!(storage.changed_since(Scope::Public, 0, 10).await.unwrap(), vec![(d, s4)]);
    assert_eq!(storage.changed_since(Scope::Public, s4, 10).await.unwrap(), vec![]);
    assert_eq!(storage.changed_since(Scope::Profile(ProfileId::random()), 0, 10).await.unwrap(), vec![]);

    // Paging through with the cursor of each page's last entry sees every document once.
    let mut cursor = 0;
    let mut seen = Vec::new();
    loop {
        let page = storage.changed_since(drita_scope, cursor, 1).await.unwrap();
        let Some(&(_, last)) = page.last() else { break };
        seen.extend(page);
        cursor = last;
    }
    assert_eq!(seen, vec![(c, s3), (a, s5)]);
}

async fn grants_and_revocations_come_in_sequence_with_the_granted_documents_changes(storage: Arc<dyn Storage>) {
    use mcommunity_sync_server::storage::Grant;
    let (drita, arben) = (ProfileId::random(), ProfileId::random());
    let (request, answer) = (DocId::random(), DocId::random());
    let mut doc = Doc::new();
    let (changes, heads) = doc.change("k", "v");
    let s1 = storage.append(request, owned_by(drita), &changes, &heads).await.unwrap();
    assert_eq!(storage.grant_of(request, arben).await.unwrap(), None);

    // Granted after the document was stored: the grant's own number orders it.
    let g1 = storage.set_grant(request, arben, true).await.unwrap();
    let g2 = storage.set_grant(answer, arben, true).await.unwrap();
    assert!(s1 < g1 && g1 < g2, "grants draw numbers of the one sequence");
    assert_eq!(storage.grant_of(request, arben).await.unwrap(), Some(true));
    let since = |cursor| storage.grants_since(arben, cursor, 10);
    assert_eq!(
        since(0).await.unwrap(),
        vec![
            Grant { doc: request, seq: g1, granted_at: g1, granted: true },
            Grant { doc: answer, seq: g2, granted_at: g2, granted: true },
        ],
        "a document granted later comes at its grant's number, even one not stored yet"
    );
    assert_eq!(since(g2).await.unwrap(), vec![]);
    assert_eq!(storage.grants_since(drita, 0, 10).await.unwrap(), vec![], "grants are per profile");
    assert_eq!(since(0).await.unwrap().len(), 2);
    assert_eq!(storage.grants_since(arben, 0, 1).await.unwrap().len(), 1, "at most `limit`");

    // A granted document that changes comes again, at its change's number.
    let (changes, heads) = doc.change("k", "w");
    let s2 = storage.append(request, owned_by(drita), &changes, &heads).await.unwrap();
    assert_eq!(since(g2).await.unwrap(), vec![Grant { doc: request, seq: s2, granted_at: g1, granted: true }]);

    // Revoked: reported once, at the revocation; later changes no longer come.
    let r = storage.set_grant(request, arben, false).await.unwrap();
    assert_eq!(storage.grant_of(request, arben).await.unwrap(), Some(false));
    assert_eq!(since(s2).await.unwrap(), vec![Grant { doc: request, seq: r, granted_at: r, granted: false }]);
    let (changes, heads) = doc.change("k", "x");
    let s3 = storage.append(request, owned_by(drita), &changes, &heads).await.unwrap();
    assert!(since(r).await.unwrap().is_empty(), "a revoked document's change at {s3} is not arben's to see");
    // The grant numbers leave each document's own history alone.
    assert_eq!(storage.heads_at(request, r).await.unwrap(), storage.heads_at(request, s2).await.unwrap());
}
