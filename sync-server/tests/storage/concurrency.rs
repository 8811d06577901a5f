//! PostgreSQL with several server instances on one database: sequence numbers become visible in
//! order, pairing codes are single-use across instances, and instances starting together migrate
//! the schema once.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use mcommunity_core::{
    access::DocMeta,
    documents::DocKind,
    ids::{DocId, ProfileId},
    sync::Scope,
};
use mcommunity_sync_server::storage::{
    Storage,
    postgres::{PgStorage, SCHEMA_VERSION},
};

use crate::support::TestDatabase;

const WRITERS_PER_INSTANCE: usize = 6;
const APPENDS_PER_WRITER: usize = 40;

/// Device cursors only move forward: if a reader could see change set N+1 before N, a device
/// would step past N and never get it. Many writers on two instances append while a reader polls
/// like a device syncing, moving its cursor to the last sequence it saw; it must see every
/// appended change set exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appends_from_two_instances_are_seen_once_each_and_none_skipped() {
    let database = TestDatabase::create().await;
    let instances: [Arc<dyn Storage>; 2] = [
        Arc::new(PgStorage::connect(&database.url).await.unwrap()),
        Arc::new(PgStorage::connect(&database.url).await.unwrap()),
    ];
    let reader: Arc<dyn Storage> = Arc::new(PgStorage::connect(&database.url).await.unwrap());
    let profile = ProfileId::random();
    let scope = Scope::Profile(profile);
    let meta = DocMeta { kind: DocKind::Submission, owner: Some(profile) };
    let heads = vec![[7u8; 32]];

    let mut writers = Vec::new();
    for instance in &instances {
        for _ in 0..WRITERS_PER_INSTANCE {
            let storage = instance.clone();
            let heads = heads.clone();
            writers.push(tokio::spawn(async move {
                let mut appended = Vec::new();
                for _ in 0..APPENDS_PER_WRITER {
                    // A new document each time, so each change set stays listed under its own seq.
                    let id = DocId::random();
                    appended.push((id, storage.append(id, meta, b"change", &heads).await.unwrap()));
                }
                appended
            }));
        }
    }
    let all_written = async {
        let mut appended = Vec::new();
        for writer in writers {
            appended.extend(writer.await.unwrap());
        }
        appended
    };
    let (stop, mut stopped) = tokio::sync::watch::channel(false);
    let polling = tokio::spawn(async move {
        let mut cursor = 0;
        let mut seen = Vec::new();
        loop {
            // Read the stop flag before polling, so the last poll starts after every write ended.
            let last_round = *stopped.borrow_and_update();
            loop {
                let page = reader.changed_since(scope, cursor, 7).await.unwrap();
                let Some(&(_, last)) = page.last() else { break };
                seen.extend(page);
                cursor = last;
            }
            if last_round {
                return seen;
            }
            let _ = tokio::time::timeout(Duration::from_millis(1), stopped.changed()).await;
        }
    });
    let appended = all_written.await;
    stop.send(true).unwrap();
    let seen = polling.await.unwrap();

    let expected = WRITERS_PER_INSTANCE * 2 * APPENDS_PER_WRITER;
    assert_eq!(appended.len(), expected);
    let seqs: BTreeSet<u64> = appended.iter().map(|(_, s)| *s).collect();
    assert_eq!(seqs.len(), expected, "every append got its own sequence number");
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1), "the reader saw sequence numbers in increasing order");
    let mut seen_sorted = seen.clone();
    seen_sorted.sort_by_key(|(_, s)| *s);
    let mut appended_sorted = appended;
    appended_sorted.sort_by_key(|(_, s)| *s);
    let missed: Vec<_> = appended_sorted.iter().filter(|a| !seen_sorted.contains(a)).collect();
    assert!(missed.is_empty(), "the reader's cursor stepped past {} change sets: {missed:?}", missed.len());
    assert_eq!(seen_sorted, appended_sorted, "every change set seen exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_pairing_code_is_taken_once_across_instances() {
    let database = TestDatabase::create().await;
    let instances: [Arc<dyn Storage>; 2] = [
        Arc::new(PgStorage::connect(&database.url).await.unwrap()),
        Arc::new(PgStorage::connect(&database.url).await.unwrap()),
    ];
    for round in 0..10u8 {
        let profile = ProfileId::random();
        instances[0].add_pairing([round; 32], profile, 10_000).await.unwrap();
        let claims: Vec<_> = (0..8)
            .map(|i| {
                let storage = instances[i % 2].clone();
                tokio::spawn(async move { storage.take_pairing([round; 32], 5_000).await.unwrap() })
            })
            .collect();
        let mut taken = Vec::new();
        for claim in claims {
            taken.extend(claim.await.unwrap());
        }
        assert_eq!(taken, vec![profile], "round {round}: one claim of eight, on either instance, gets the profile");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_migrate_the_schema_once() {
    let database = TestDatabase::create().await;
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let url = database.url.clone();
            tokio::spawn(async move { PgStorage::connect(&url).await })
        })
        .collect();
    for start in starts {
        start.await.unwrap().expect("every instance starts");
    }
    let client = database.client().await;
    let versions: Vec<i64> = client
        .query("SELECT version FROM schema_migrations ORDER BY version", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>(), "each migration recorded once");

    // Starting again on a migrated database changes nothing and keeps the data.
    let storage = PgStorage::connect(&database.url).await.unwrap();
    let profile = ProfileId::random();
    let id = DocId::random();
    let seq = storage
        .append(id, DocMeta { kind: DocKind::Profile, owner: Some(profile) }, b"x", &vec![[1; 32]])
        .await
        .unwrap();
    drop(storage);
    let again = PgStorage::connect(&database.url).await.unwrap();
    assert_eq!(again.changed_since(Scope::Profile(profile), 0, 10).await.unwrap(), vec![(id, seq)]);
}

#[tokio::test]
async fn a_database_from_a_newer_server_is_refused() {
    let database = TestDatabase::create().await;
    drop(PgStorage::connect(&database.url).await.unwrap());
    let client = database.client().await;
    client.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&(SCHEMA_VERSION + 1)]).await.unwrap();
    let refused = PgStorage::connect(&database.url).await.err().expect("a newer schema is refused");
    assert!(refused.to_string().contains("newer than this server"), "{refused}");
}
