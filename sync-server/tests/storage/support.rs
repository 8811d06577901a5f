use std::sync::{Arc, Mutex};

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use mcommunity_client::{
    device::Device,
    store::Store,
    sync::{StoreHolder, Transport, TransportError},
    view::{DraftPatch, NewProfile},
};
use mcommunity_core::{ids::ProfileId, locale::Locale, profile::Avatar, submission::SubmissionKind};
use mcommunity_sync_server::{
    AppState, app,
    storage::{Storage, postgres::PgStorage, sqlite::SqliteStorage},
};
use rand_core::{OsRng, RngCore};
use tower::ServiceExt;

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

/// A server instance, in process, over the given storage.
pub struct Server {
    pub router: Router,
}

impl Server {
    pub fn new(storage: Arc<dyn Storage>) -> Server {
        // Attachments are not under test here; each instance gets a folder of its own.
        let blobs = tempfile::tempdir().unwrap().keep();
        Server { router: app(AppState::new(storage, mcommunity_sync_server::blobs::FsBlobs::open(&blobs).unwrap())) }
    }

    pub async fn call(&self, request: Request<Body>) -> (StatusCode, Vec<u8>) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
        (status, body)
    }

    pub async fn register(&self) -> String {
        let (status, body) = self.call(Request::post("/v1/devices").body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::CREATED);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        format!("Bearer {}.{}", json["deviceId"].as_str().unwrap(), json["secret"].as_str().unwrap())
    }

    pub async fn json(&self, path: &str, bearer: &str, body: serde_json::Value) -> (StatusCode, serde_json::Value) {
        let request = Request::post(path)
            .header(header::AUTHORIZATION, bearer)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let (status, body) = self.call(request).await;
        (status, serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null))
    }
}

/// A client device that syncs through one server instance.
pub struct Phone<'a> {
    pub server: &'a Server,
    pub bearer: String,
    pub store: Mutex<Store>,
    pub dir: tempfile::TempDir,
}

impl Transport for Phone<'_> {
    fn post_sync(&self, body: Vec<u8>) -> impl std::future::Future<Output = Result<Vec<u8>, TransportError>> + Send {
        let server = self.server.router.clone();
        let bearer = self.bearer.clone();
        async move {
            let request =
                Request::post("/v1/sync").header(header::AUTHORIZATION, bearer).body(Body::from(body)).unwrap();
            let response = server.oneshot(request).await.unwrap();
            let status = response.status();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
            match status {
                StatusCode::OK => Ok(body),
                StatusCode::UNAUTHORIZED => Err(TransportError::Unauthorized),
                StatusCode::UPGRADE_REQUIRED => Err(TransportError::UpdateRequired),
                other => Err(TransportError::Refused {
                    status: other.as_u16(),
                    message: String::from_utf8_lossy(&body).into(),
                }),
            }
        }
    }
}

impl StoreHolder for Phone<'_> {
    fn with_store<R>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, mcommunity_client::error::ClientError>,
    ) -> Result<R, mcommunity_client::error::ClientError> {
        self.store.with_store(f)
    }
}

impl<'a> Phone<'a> {
    /// A new device, registered through `server`.
    pub async fn new(server: &'a Server) -> Phone<'a> {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap().store;
        Phone { bearer: server.register().await, server, store: Mutex::new(store), dir }
    }

    pub async fn sync(&self) -> mcommunity_client::sync::Report {
        mcommunity_client::sync::sync(self, &self.store).await.unwrap()
    }

    /// Runs `f` on the app's Device over this phone's data folder.
    pub fn device<R>(&self, f: impl FnOnce(&mut Device) -> R) -> R {
        f(&mut Device::open(self.dir.path()).unwrap())
    }

    /// Pairs this phone with `profile` of `other`: `other` asks its server for a code, this phone
    /// enters it at its own server.
    pub async fn pair_from(&self, other: &Phone<'_>, profile: ProfileId) {
        let (status, code) = other
            .server
            .json("/v1/pairing", &other.bearer, serde_json::json!({ "profile": profile.to_string() }))
            .await;
        assert_eq!(status, StatusCode::OK, "{code}");
        let (status, claimed) =
            self.server.json("/v1/pairing/claim", &self.bearer, serde_json::json!({ "code": code["code"] })).await;
        assert_eq!(status, StatusCode::OK, "{claimed}");
        assert_eq!(claimed["profile"], profile.to_string());
    }
}

pub fn profile(name: &str) -> NewProfile {
    NewProfile { name: name.into(), avatar: Avatar::Bird, pin: None, locale: Locale::Sq }
}

pub fn text(s: &str) -> DraftPatch {
    DraftPatch { text: Some(s.into()), ..Default::default() }
}

pub fn kind() -> SubmissionKind {
    SubmissionKind::Problem
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
