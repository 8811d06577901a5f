//! An in-process server and client devices wired to it, shared by the server and storage test
//! binaries (each includes this file as a module).
#![allow(dead_code, reason = "two test binaries include this file, and each uses part of it")]

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
    storage::{Storage, sqlite::SqliteStorage},
};
use tower::ServiceExt;

/// A server instance, in process: its service, its storage, and its attachments folder.
pub struct Server {
    pub router: Router,
    pub storage: Arc<dyn Storage>,
    _dir: tempfile::TempDir,
}

impl Server {
    /// A server over SQLite in a temporary folder.
    pub fn new() -> Server {
        let dir = tempfile::tempdir().unwrap();
        Server::over(Arc::new(SqliteStorage::open(dir.path()).unwrap()), dir)
    }

    /// A server over `storage`, keeping attachments (and anything else) in `dir`.
    pub fn over(storage: Arc<dyn Storage>, dir: tempfile::TempDir) -> Server {
        let blobs = mcommunity_sync_server::blobs::FsBlobs::open(&dir.path().join("blobs")).unwrap();
        Server { router: app(AppState::new(storage.clone(), blobs)), storage, _dir: dir }
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

    pub async fn sync_raw(&self, bearer: &str, body: Vec<u8>) -> (StatusCode, Vec<u8>) {
        let request = Request::post("/v1/sync").header(header::AUTHORIZATION, bearer).body(Body::from(body)).unwrap();
        self.call(request).await
    }
}

/// A client device wired to the in-process server.
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

impl<'a> Phone<'a> {
    pub async fn new(server: &'a Server) -> Phone<'a> {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap().store;
        Phone { bearer: server.register().await, server, store: Mutex::new(store), dir }
    }

    pub async fn sync(&self) -> mcommunity_client::sync::Report {
        mcommunity_client::sync::sync(self, &self.store).await.unwrap()
    }

    /// Runs `f` on the app's Device over this phone's data folder (a second connection to the
    /// same SQLite file, as the app and its background sync would have).
    pub fn device<R>(&self, f: impl FnOnce(&mut Device) -> R) -> R {
        f(&mut Device::open(self.dir.path()).unwrap())
    }

    /// The text of `draft` in `profile`, as this phone's app shows it.
    pub fn draft_text(&self, profile: ProfileId, draft: &str) -> String {
        self.device(|d| {
            d.open_profile(&profile.to_string(), None).unwrap();
            d.draft(draft).unwrap().text
        })
    }

    /// Replaces the text of `draft` in `profile`, as the editor's autosave does.
    pub fn edit(&self, profile: ProfileId, draft: &str, new_text: &str) {
        self.device(|d| {
            d.open_profile(&profile.to_string(), None).unwrap();
            d.update_draft(draft, text(new_text)).unwrap();
        });
    }

    /// Pairs this phone with `profile` of `other`: `other` asks its server for a code, this phone
    /// enters it at its own server (the two may be different instances on one database).
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

impl StoreHolder for Phone<'_> {
    fn with_store<R>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, mcommunity_client::error::ClientError>,
    ) -> Result<R, mcommunity_client::error::ClientError> {
        self.store.with_store(f)
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
