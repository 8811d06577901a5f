use mcommunity_core::{
    documents::DocKind,
    ids::{DocId, ProfileId},
    submission::{self, SubmissionKind, SubmissionPatch},
};

use super::*;

fn open(dir: &Path) -> Store {
    let opened = Store::open(dir).unwrap();
    assert!(opened.set_aside.is_none(), "a healthy database is never set aside");
    opened.store
}

fn new_draft(store: &mut Store) -> (DocId, ProfileId) {
    let owner = ProfileId::random();
    let id = DocId::random();
    let mut doc = submission::new_document(owner, SubmissionKind::Problem, 1);
    store.insert(id, DocKind::Submission, Some(owner), &mut doc).unwrap();
    (id, owner)
}

fn set_text(store: &mut Store, id: DocId, text: &str) {
    let patch = SubmissionPatch { text: Some(text.into()), ..Default::default() };
    store.update(id, |s| submission::apply(&mut s.doc, &patch, 2)).unwrap().unwrap().unwrap();
}

fn text(store: &Store, id: DocId) -> String {
    submission::read(&store.load(id).unwrap().unwrap().doc).unwrap().text
}

#[test]
fn snapshot_plus_increments_reload_to_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let (id, owner) = new_draft(&mut store);
    let long = "Uji mungon në lagjen tonë që prej tre ditësh. ".repeat(20);
    set_text(&mut store, id, &long);
    set_text(&mut store, id, &format!("{long}Ju lutem!"));
    let (_, increments, rows) = store.sizes(id).unwrap().unwrap();
    assert!(rows >= 1 && increments > 0, "small edits are stored as increments, not snapshots");

    // The same document, rebuilt from the file by a fresh connection.
    let mut in_memory = store.load(id).unwrap().unwrap().doc;
    drop(store);
    let store = open(dir.path());
    let mut reloaded = store.load(id).unwrap().unwrap();
    assert_eq!(reloaded.doc.get_heads(), in_memory.get_heads(), "same history");
    assert_eq!(reloaded.owner, Some(owner));
    assert_eq!(text(&store, id), format!("{long}Ju lutem!"));
}

#[test]
fn compaction_replaces_increments_with_a_snapshot_and_keeps_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let (id, _) = new_draft(&mut store);
    let mut expected = String::new();
    let mut compactions = 0;
    let mut last_rows = 0;
    for i in 0..300 {
        expected.push_str(&format!("fjala{i} "));
        set_text(&mut store, id, &expected);
        let (snapshot, increments, rows) = store.sizes(id).unwrap().unwrap();
        assert!(increments <= snapshot, "increments never outgrow the snapshot: {increments} > {snapshot}");
        if rows < last_rows {
            compactions += 1;
        }
        last_rows = rows;
    }
    assert!(compactions >= 2, "300 edits must have compacted more than once, saw {compactions}");
    assert_eq!(text(&store, id), expected);
    drop(store);
    assert_eq!(text(&open(dir.path()), id), expected, "compacted content survives a reopen");
}

#[test]
fn an_edit_that_fails_or_changes_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let (id, _) = new_draft(&mut store);
    set_text(&mut store, id, "before");
    let sizes = store.sizes(id).unwrap();
    let failed: Option<Result<(), &str>> = store
        .update(id, |s| {
            submission::apply(
                &mut s.doc,
                &SubmissionPatch { title: Some("half-done".into()), ..Default::default() },
                3,
            )
            .unwrap();
            Err("the caller gave up")
        })
        .unwrap();
    assert_eq!(failed, Some(Err("the caller gave up")));
    set_text(&mut store, id, "before"); // the same text: no change
    assert_eq!(store.sizes(id).unwrap(), sizes, "nothing was written");
    let doc = store.load(id).unwrap().unwrap().doc;
    assert_eq!(submission::read(&doc).unwrap().title, "", "the failed edit left no trace");
}

#[test]
fn migrations_bring_a_new_file_to_the_latest_schema_and_reopen_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let version: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, migrations::latest());
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(store);
    open(dir.path()); // running them again is a no-op, not an error
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    store.conn().pragma_update(None, "user_version", 999).unwrap();
    drop(store);
    let err = Store::open(dir.path()).err().expect("a newer schema must not be opened");
    assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| { e.as_ref().unwrap().file_name().to_string_lossy().contains("damaged") })
            .count(),
        0,
        "nothing is moved aside"
    );
}

#[test]
fn a_damaged_file_is_set_aside_intact_and_a_fresh_store_opens() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"this is not an sqlite database, but someone's data might be in here".repeat(100);
    std::fs::write(dir.path().join(FILE_NAME), &garbage).unwrap();
    let opened = Store::open(dir.path()).unwrap();
    let aside = opened.set_aside.expect("the damaged file is reported");
    assert_eq!(std::fs::read(&aside).unwrap(), garbage, "the damaged file is kept byte for byte");
    let mut store = opened.store;
    let (id, _) = new_draft(&mut store);
    set_text(&mut store, id, "a fresh start works");
    assert_eq!(text(&store, id), "a fresh start works");
}

#[test]
fn a_full_disk_fails_the_write_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let (id, _) = new_draft(&mut store);
    set_text(&mut store, id, "saved before the disk filled");
    store.cap_size(store.size_bytes().unwrap()).unwrap();
    // Text that does not compress, so it really needs the pages.
    let mut seed = 0x2545_f491_u32;
    let big: String = (0..20_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            char::from(b'a' + (seed % 26) as u8)
        })
        .collect();
    let patch = SubmissionPatch { text: Some(big), ..Default::default() };
    let err = store.update(id, |s| submission::apply(&mut s.doc, &patch, 3)).expect_err("the disk is full");
    assert!(matches!(err, StoreError::DiskFull), "{err}");
    assert_eq!(text(&store, id), "saved before the disk filled");
    drop(store);
    assert_eq!(text(&open(dir.path()), id), "saved before the disk filled", "the file is sound after the failure");
}

#[test]
fn lists_are_per_owner_and_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let owner = ProfileId::random();
    let other = ProfileId::random();
    let mut ids = Vec::new();
    for who in [owner, other, owner] {
        let id = DocId::random();
        store
            .insert(id, DocKind::Submission, Some(who), &mut submission::new_document(who, SubmissionKind::Question, 1))
            .unwrap();
        ids.push(id);
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    assert_eq!(store.list(DocKind::Submission, Some(owner)).unwrap(), vec![ids[2], ids[0]]);
    set_text(&mut store, ids[0], "edited last");
    assert_eq!(store.list(DocKind::Submission, Some(owner)).unwrap(), vec![ids[0], ids[2]]);
    assert_eq!(store.list(DocKind::Submission, Some(other)).unwrap(), vec![ids[1]]);
    assert_eq!(store.count(DocKind::Submission, owner).unwrap(), 2);
    assert_eq!(store.delete_owner(owner).unwrap(), 2);
    assert_eq!(store.list(DocKind::Submission, None).unwrap(), vec![ids[1]]);
}
