use std::sync::Arc;

use mcommunity_sync_server::storage::{Storage, postgres::PgStorage, sqlite::SqliteStorage};
use rand_core::{OsRng, RngCore};

/// Where the PostgreSQL tests find a server that lets them create databases.
const DATABASE_URL_VAR: &str = "MCOMMUNITY_TEST_DATABASE_URL";

/// A storage under test and what keeps its data alive.
pub struct Backend {
    pub storage: Arc<dyn Storage>,
    _data: Data,
}

enum Data {
    Sqlite(#[allow(dead_code, reason = "held so the folder outlives the storage")] tempfile::TempDir),
    Postgres(#[allow(dead_code, reason = "held so the database outlives the storage")] TestDatabase),
}

impl Backend {
    /// SQLite in a fresh temporary folder.
    pub fn sqlite() -> Backend {
        let dir = tempfile::tempdir().unwrap();
        let storage = SqliteStorage::open(dir.path()).unwrap();
        Backend { storage: Arc::new(storage), _data: Data::Sqlite(dir) }
    }

    /// PostgreSQL in a fresh database.
    pub async fn postgres() -> Backend {
        let database = TestDatabase::create().await;
        let storage = PgStorage::connect(&database.url).await.unwrap();
        Backend { storage: Arc::new(storage), _data: Data::Postgres(database) }
    }
}

/// A fresh, empty database on the test server, dropped when this is.
pub struct TestDatabase {
    /// Its URL.
    pub url: String,
    admin_url: String,
    name: String,
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        let admin_url = std::env::var(DATABASE_URL_VAR).unwrap_or_else(|_| {
            panic!(
                "{DATABASE_URL_VAR} is not set, so the PostgreSQL tests cannot run (they fail rather than \
                 skip): run them through tests/with-postgres.sh, which starts a throwaway server, e.g. \
                 `bash tests/with-postgres.sh cargo test -p mcommunity-sync-server --test storage`"
            )
        });
        let name = format!("mcommunity_test_{:016x}", OsRng.next_u64());
        let admin = admin_client(&admin_url).await;
        admin.batch_execute(&format!("CREATE DATABASE {name}")).await.expect("creating a test database");
        let url = with_database(&admin_url, &name);
        TestDatabase { url, admin_url, name }
    }

    /// A plain connection to this database, to look at what the storage wrote.
    pub async fn client(&self) -> tokio_postgres::Client {
        admin_client(&self.url).await
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Dropping runs inside the test's runtime, which cannot be blocked on: a thread of its own.
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let admin = admin_client(&admin_url).await;
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) && !std::thread::panicking() {
            panic!("the test database {} was not dropped: {dropped:?}", self.name);
        }
    }
}

async fn admin_client(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("connecting to the test server of {DATABASE_URL_VAR}: {e} ({:?})", e));
    tokio::spawn(async move {
        let _ = connection.await;
    });
    client
}

/// `url` with its database replaced by `name` (`postgres://user@host:port/db?params`).
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("the test database URL is a postgres:// URL");
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let authority = before_query.split_once('/').map_or(before_query, |(a, _)| a);
    match query {
        Some(q) => format!("{scheme}://{authority}/{name}?{q}"),
        None => format!("{scheme}://{authority}/{name}"),
    }
}

#[test]
fn a_database_name_replaces_the_one_in_the_url() {
    for (url, expect) in [
        ("postgres://postgres@127.0.0.1:5432/postgres", "postgres://postgres@127.0.0.1:5432/t"),
        ("postgres://u:p@h:1/db?connect_timeout=5", "postgres://u:p@h:1/t?connect_timeout=5"),
        ("postgresql://u@h", "postgresql://u@h/t"),
        ("postgres://u@h?sslmode=disable", "postgres://u@h/t?sslmode=disable"),
    ] {
        assert_eq!(with_database(url, "t"), expect, "{url}");
    }
}
