//! mcommunity-sync-server: syncs devices' documents over slow, lossy links, and decides for every
//! request who may read and write what.
//!
//! [`app`] builds the whole HTTP service from an [`AppState`], so tests call it without a socket
//! (`app(state).oneshot(request)`). Storage sits behind [`storage::Storage`]; the embedded SQLite
//! implementation is the default. The sync protocol and the access rules are pure functions in
//! `mcommunity-core` (`sync`, `access`); [`sync`] runs them against storage.
//!
//! Routes: `GET /healthz`; `POST /v1/devices` (register); `POST /v1/pairing` and
//! `POST /v1/pairing/claim`; `POST /v1/volunteers` (a volunteer's profile, see [`volunteers`]);
//! `POST /v1/sync` (binary, see `mcommunity_core::sync`); attachments
//! under `/v1/blobs/{hash}` (see [`blobs`]); the municipality's dashboard under `/dashboard` and
//! the public `/transparency` page (see [`dashboard`]).

pub mod announcements;
pub mod answers;
pub mod auth;
pub mod blobs;
pub mod categories;
pub mod content;
pub mod dashboard;
pub mod demo;
pub mod devices;
pub mod error;
pub mod grants;
pub mod inbox;
pub mod indicators;
pub mod staff;
pub mod storage;
pub mod sync;
pub mod volunteers;

use std::sync::Arc;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Path},
    routing::{get, post},
};

use crate::{error::AppError, storage::Storage};

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Where devices, pairing codes and documents are kept.
    pub storage: Arc<dyn Storage>,
    /// Where attachments are kept (a folder every instance of the server shares).
    pub blobs: blobs::FsBlobs,
    /// Whether staff cookies are marked `Secure` (the dashboard is served over https).
    pub secure_cookies: bool,
}

impl AppState {
    /// The state of a server over `storage` and `blobs`.
    pub fn new(storage: Arc<dyn Storage>, blobs: blobs::FsBlobs) -> AppState {
        AppState { storage, blobs, secure_cookies: false }
    }

    /// The same state, with staff cookies marked `Secure` or not.
    pub fn with_secure_cookies(self, secure: bool) -> AppState {
        AppState { secure_cookies: secure, ..self }
    }

    pub(crate) fn blobs(&self) -> Result<&blobs::FsBlobs, AppError> {
        Ok(&self.blobs)
    }
}

/// The largest JSON body the small endpoints accept.
const JSON_LIMIT: usize = 16 * 1024;

/// The whole HTTP service.
pub fn app(state: AppState) -> Router {
    let small = Router::new()
        .route("/v1/devices", post(devices::register))
        .route("/v1/pairing", post(devices::create_pairing))
        .route("/v1/pairing/claim", post(devices::claim_pairing))
        .route("/v1/volunteers", post(volunteers::link))
        .layer(DefaultBodyLimit::max(JSON_LIMIT));
    let blobs = Router::new()
        .route("/v1/blobs/{hash}/status", get(blobs::status))
        .route("/v1/blobs/{hash}", get(blobs::download).put(blobs::upload))
        .layer(DefaultBodyLimit::max(mcommunity_core::blobs::CHUNK + 1024));
    let sync = Router::new()
        .route("/v1/sync", post(sync::handle))
        .route("/{version}/sync", post(other_version))
        .layer(DefaultBodyLimit::max(mcommunity_core::sync::MAX_BODY));
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .merge(small)
        .merge(blobs)
        .merge(sync)
        .merge(dashboard::routes())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// A sync endpoint of another protocol version: the app must be updated.
async fn other_version(Path(_version): Path<String>) -> AppError {
    AppError::UpdateRequired
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}
