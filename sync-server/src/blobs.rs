//! Attachments as content-addressed blobs (`mcommunity_core::blobs`), kept as files in a folder
//! (several server instances share it, like the database). Uploads and downloads move in chunks of
//! at most 64 KB and resume where a drop left them; a finished upload is verified against its hash
//! before anyone can read it.
//!
//! Who reads a blob: devices holding the scope it was uploaded in — the profile whose documents
//! reference it — or every device for the public scope, where the municipality's published
//! lessons and forms put their pictures and narration ([`FsBlobs::publish`]; no device uploads
//! there). The same bytes uploaded in another scope are uploaded again there (a device must show
//! it has the bytes before it may read them), never served across scopes; within a scope a blob
//! is never sent twice. A blob a device may not read answers exactly like one that does not exist.
//!
//! Routes: `GET /v1/blobs/{hash}/status?scope=S`, `PUT /v1/blobs/{hash}?scope=P&offset=N&size=S`
//! (one chunk), `GET /v1/blobs/{hash}?scope=S&offset=N` (one chunk), where a scope is a profile id
//! or `public`.

use std::{
    io::{Seek, SeekFrom, Write},
    path::{Path, PathBuf},
};

use axum::{
    Json,
    body::Bytes,
    extract::{Path as UrlPath, Query, State},
    http::{StatusCode, header},
    response::IntoResponse,
};
use mcommunity_core::{
    blobs::{BlobHash, BlobStatus, CHUNK, MAX_BLOB},
    ids::DeviceId,
    sync::Scope,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::{AppState, auth::Device, error::AppError};

/// The blob folder: `<root>/<2 hex>/<hash>` (complete), `<hash>.scopes` (who may read),
/// `<root>/partial/<hash>.<scope>.<device>` (uploads under way).
#[derive(Clone)]
pub struct FsBlobs {
    root: PathBuf,
}

fn io(e: std::io::Error) -> AppError {
    AppError::Internal(crate::storage::StorageError::Database(format!("blob folder: {e}")))
}

impl FsBlobs {
    /// Blobs in `root` (created if missing).
    pub fn open(root: &Path) -> std::io::Result<FsBlobs> {
        std::fs::create_dir_all(root.join("partial"))?;
        Ok(FsBlobs { root: root.to_owned() })
    }

    fn complete_path(&self, hash: BlobHash) -> PathBuf {
        let hex = hash.to_string();
        self.root.join(&hex[..2]).join(hex)
    }

    fn scopes_path(&self, hash: BlobHash) -> PathBuf {
        self.complete_path(hash).with_extension("scopes")
    }

    fn partial_path(&self, hash: BlobHash, scope: Scope, device: DeviceId) -> PathBuf {
        self.root.join("partial").join(format!("{hash}.{scope}.{device}"))
    }

    fn readable(&self, hash: BlobHash, scope: Scope) -> bool {
        std::fs::read_to_string(self.scopes_path(hash))
            .map(|s| s.lines().any(|l| l == scope.to_string()))
            .unwrap_or(false)
    }

    fn add_scope(&self, hash: BlobHash, scope: Scope) -> std::io::Result<()> {
        if self.readable(hash, scope) {
            return Ok(());
        }
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(self.scopes_path(hash))?;
        writeln!(file, "{scope}")?;
        file.sync_all()
    }

    /// Stores `bytes` as a public blob, readable by every device (published content); returns
    /// its hash and whether it was new.
    pub fn publish(&self, bytes: &[u8]) -> std::io::Result<(BlobHash, bool)> {
        let hash = BlobHash::of(bytes);
        let target = self.complete_path(hash);
        let new = !target.exists();
        if new {
            std::fs::create_dir_all(target.parent().expect("blobs live in a folder"))?;
            let tmp = target.with_extension("publishing");
            std::fs::write(&tmp, bytes)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            std::fs::rename(&tmp, &target)?;
        }
        self.add_scope(hash, Scope::Public)?;
        Ok((hash, new))
    }

    fn size(&self, hash: BlobHash) -> Option<u64> {
        std::fs::metadata(self.complete_path(hash)).ok().map(|m| m.len())
    }
}

/// Which scope a blob request is in.
#[derive(Deserialize)]
pub struct ScopeQuery {
    scope: String,
    #[serde(default)]
    offset: u64,
    #[serde(default)]
    size: Option<u64>,
}

fn parse(hash: &str, query: &ScopeQuery, device: &Device) -> Result<(BlobHash, Scope), AppError> {
    let hash: BlobHash = hash.parse().map_err(|_| AppError::BadRequest("not a blob hash".into()))?;
    let scope: Scope = query.scope.parse().map_err(|_| AppError::BadRequest("not a scope".into()))?;
    if !mcommunity_core::access::may_follow(scope, &device.profiles) {
        return Err(AppError::NotFound);
    }
    Ok((hash, scope))
}

/// `GET /v1/blobs/{hash}/status`: how much of the blob the server holds for this device.
pub async fn status(
    State(state): State<AppState>,
    device: Device,
    UrlPath(hash): UrlPath<String>,
    Query(query): Query<ScopeQuery>,
) -> Result<Json<BlobStatus>, AppError> {
    let blobs = state.blobs()?;
    let (hash, scope) = parse(&hash, &query, &device)?;
    if blobs.readable(hash, scope)
        && let Some(size) = blobs.size(hash)
    {
        return Ok(Json(BlobStatus { received: size, complete: true }));
    }
    let received = std::fs::metadata(blobs.partial_path(hash, scope, device.id)).map(|m| m.len()).unwrap_or(0);
    Ok(Json(BlobStatus { received, complete: false }))
}

/// `PUT /v1/blobs/{hash}?scope&offset&size`: one chunk of an upload, at `offset`; the last chunk
/// (reaching `size`) is verified against the hash and makes the blob readable in the scope.
pub async fn upload(
    State(state): State<AppState>,
    device: Device,
    UrlPath(hash): UrlPath<String>,
    Query(query): Query<ScopeQuery>,
    body: Bytes,
) -> Result<Json<BlobStatus>, AppError> {
    let blobs = state.blobs()?;
    let (hash, scope) = parse(&hash, &query, &device)?;
    if scope == Scope::Public {
        return Err(AppError::Forbidden("only the municipality publishes in the public scope"));
    }
    let size = query.size.ok_or_else(|| AppError::BadRequest("the blob's size is missing".into()))?;
    if size == 0 || size > MAX_BLOB {
        return Err(AppError::BadRequest(format!("a blob is 1 byte to {MAX_BLOB} bytes")));
    }
    if body.len() > CHUNK || query.offset + body.len() as u64 > size {
        return Err(AppError::BadRequest(format!("chunks are at most {CHUNK} bytes and stay within the size")));
    }
    if blobs.readable(hash, scope) && blobs.size(hash).is_some() {
        return Ok(Json(BlobStatus { received: size, complete: true }));
    }
    let partial = blobs.partial_path(hash, scope, device.id);
    let received = tokio::task::spawn_blocking({
        let partial = partial.clone();
        let offset = query.offset;
        move || -> std::io::Result<Option<u64>> {
            let mut file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&partial)?;
            let have = file.metadata()?.len();
            if offset > have {
                return Ok(None);
            }
            // A resent chunk overwrites the same bytes; only new bytes extend the file.
            file.seek(SeekFrom::Start(offset))?;
            file.write_all(&body)?;
            file.sync_data()?;
            Ok(Some(file.metadata()?.len()))
        }
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
    .map_err(io)?;
    let Some(received) = received else {
        let have = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
        return Err(AppError::Conflict(format!("resume from byte {have}")));
    };
    if received < size {
        return Ok(Json(BlobStatus { received, complete: false }));
    }
    let verified = tokio::task::spawn_blocking({
        let blobs = blobs.clone();
        move || -> std::io::Result<bool> {
            let bytes = std::fs::read(&partial)?;
            if bytes.len() as u64 != size || Sha256::digest(&bytes).as_slice() != hash.0 {
                std::fs::remove_file(&partial)?;
                return Ok(false);
            }
            let target = blobs.complete_path(hash);
            std::fs::create_dir_all(target.parent().expect("blobs live in a folder"))?;
            if target.exists() {
                std::fs::remove_file(&partial)?;
            } else {
                std::fs::rename(&partial, &target)?;
            }
            blobs.add_scope(hash, scope)?;
            Ok(true)
        }
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
    .map_err(io)?;
    if !verified {
        return Err(AppError::BadRequest("the bytes do not match the blob's hash; upload it again".into()));
    }
    tracing::info!(device = %device.id, %hash, size, "blob stored");
    Ok(Json(BlobStatus { received: size, complete: true }))
}

/// `GET /v1/blobs/{hash}?scope&offset`: up to one chunk of a blob from `offset`; the total size is
/// in `X-Blob-Size`.
pub async fn download(
    State(state): State<AppState>,
    device: Device,
    UrlPath(hash): UrlPath<String>,
    Query(query): Query<ScopeQuery>,
) -> Result<impl IntoResponse, AppError> {
    let blobs = state.blobs()?;
    let (hash, scope) = parse(&hash, &query, &device)?;
    let size = blobs.size(hash).filter(|_| blobs.readable(hash, scope)).ok_or(AppError::NotFound)?;
    if query.offset > size {
        return Err(AppError::BadRequest("the offset is past the end of the blob".into()));
    }
    let path = blobs.complete_path(hash);
    let offset = query.offset;
    let chunk = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<u8>> {
        use std::io::Read;
        let mut file = std::fs::File::open(path)?;
        file.seek(SeekFrom::Start(offset))?;
        let mut buf = Vec::with_capacity(CHUNK);
        file.take(CHUNK as u64).read_to_end(&mut buf)?;
        Ok(buf)
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
    .map_err(io)?;
    let headers = [
        (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
        (header::HeaderName::from_static("x-blob-size"), size.to_string()),
    ];
    Ok((StatusCode::OK, headers, chunk))
}
