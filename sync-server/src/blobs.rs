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
//! What a blob is: every upload states its type in `Content-Type` (`image/jpeg`, `image/png` or
//! `audio/ogg`, [`MediaType`]); its first chunk must begin like that type and the finished file
//! must pass [`media::check`] for it (a voice note at most [`MAX_VOICE_SECONDS`] long), or it is
//! discarded and the upload answers 415 — a file that is not the image or recording it claims is
//! never readable. The type is kept beside the blob and served with it, with
//! `X-Content-Type-Options: nosniff`.
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
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use mcommunity_core::{
    blobs::{BlobHash, BlobStatus, CHUNK, MAX_BLOB},
    ids::DeviceId,
    media::{self, MAX_VOICE_SECONDS, MediaType},
    sync::Scope,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::{AppState, auth::Device, error::AppError};

/// The blob folder: `<root>/<2 hex>/<hash>` (complete), `<hash>.scopes` (who may read),
/// `<hash>.type` (its MIME type, checked; absent for blobs stored before types were kept and for
/// published files of other kinds, which are served as `application/octet-stream`),
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

    fn type_path(&self, hash: BlobHash) -> PathBuf {
        self.complete_path(hash).with_extension("type")
    }

    /// The type a stored blob was checked as (or, for published blobs, recognised as); `None`
    /// when unknown.
    pub fn media_type(&self, hash: BlobHash) -> Option<MediaType> {
        std::fs::read_to_string(self.type_path(hash)).ok().and_then(|t| MediaType::from_mime(t.trim()))
    }

    /// A complete blob's bytes if it is readable in `scope` (for the server's own pages, e.g. a
    /// sent request's photo in its author's scope); `None` otherwise.
    pub fn read(&self, hash: BlobHash, scope: Scope) -> std::io::Result<Option<Vec<u8>>> {
        if !self.readable(hash, scope) {
            return Ok(None);
        }
        match std::fs::read(self.complete_path(hash)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Records a blob's type, once (the same bytes are always the same type).
    fn set_type(&self, hash: BlobHash, kind: MediaType) -> std::io::Result<()> {
        let path = self.type_path(hash);
        if path.exists() {
            return Ok(());
        }
        let tmp = path.with_extension("type-new");
        std::fs::write(&tmp, kind.mime())?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(tmp, path)
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
    /// its hash and whether it was new. Its type is recorded when its first bytes say it is one
    /// of [`MediaType`] (lesson narration is Ogg Opus; SVG drawings stay untyped).
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
        if let Some(kind) = media::sniff(bytes) {
            self.set_type(hash, kind)?;
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

/// Why an upload was refused: as [`AppError`], or 415 for a file that is not of a type a request
/// may carry, or not the type it claims.
pub enum UploadError {
    /// Refused like any other request.
    App(AppError),
    /// 415 Unsupported Media Type, with the reason.
    UnsupportedMediaType(String),
}

impl From<AppError> for UploadError {
    fn from(e: AppError) -> UploadError {
        UploadError::App(e)
    }
}

impl IntoResponse for UploadError {
    fn into_response(self) -> Response {
        match self {
            UploadError::App(e) => e.into_response(),
            UploadError::UnsupportedMediaType(message) => {
                tracing::debug!(reason = %message, "upload refused");
                let body = serde_json::json!({ "code": "unsupported-media-type", "message": message });
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, Json(body)).into_response()
            }
        }
    }
}

/// The type an upload claims in its `Content-Type`.
fn claimed_type(headers: &HeaderMap) -> Result<MediaType, UploadError> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(MediaType::from_mime).ok_or_else(|| {
        UploadError::UnsupportedMediaType(
            "say what the file is in Content-Type: image/jpeg, image/png or audio/ogg (an opus voice note)".into(),
        )
    })
}

/// Whether a whole uploaded file is the type it claims (a voice note no longer than allowed,
/// with a second's slack for rounding).
fn check_whole(kind: MediaType, bytes: &[u8]) -> Result<(), String> {
    let info = media::check(kind, bytes).map_err(|e| format!("the file is not {kind}: {e}"))?;
    if kind == MediaType::OggOpus && info.seconds > f64::from(MAX_VOICE_SECONDS + 1) {
        return Err(format!("a voice note lasts at most {MAX_VOICE_SECONDS} seconds; this one {:.0}", info.seconds));
    }
    Ok(())
}

/// `PUT /v1/blobs/{hash}?scope&offset&size`: one chunk of an upload, at `offset`, of the type in
/// `Content-Type`; the last chunk (reaching `size`) is verified against the hash and the type and
/// makes the blob readable in the scope.
pub async fn upload(
    State(state): State<AppState>,
    device: Device,
    UrlPath(hash): UrlPath<String>,
    Query(query): Query<ScopeQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<BlobStatus>, UploadError> {
    let blobs = state.blobs()?;
    let (hash, scope) = parse(&hash, &query, &device)?;
    if scope == Scope::Public {
        return Err(AppError::Forbidden("only the municipality publishes in the public scope").into());
    }
    let kind = claimed_type(&headers)?;
    let size = query.size.ok_or_else(|| AppError::BadRequest("the blob's size is missing".into()))?;
    if size == 0 || size > MAX_BLOB {
        return Err(AppError::BadRequest(format!("a blob is 1 byte to {MAX_BLOB} bytes")).into());
    }
    if body.len() > CHUNK || query.offset + body.len() as u64 > size {
        return Err(AppError::BadRequest(format!("chunks are at most {CHUNK} bytes and stay within the size")).into());
    }
    if blobs.readable(hash, scope) && blobs.size(hash).is_some() {
        return Ok(Json(BlobStatus { received: size, complete: true }));
    }
    // Refused before anything is stored: a file that does not even begin like what it claims.
    if query.offset == 0 && media::sniff(&body) != Some(kind) {
        return Err(UploadError::UnsupportedMediaType(format!("the file is not {kind}")));
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
        return Err(AppError::Conflict(format!("resume from byte {have}")).into());
    };
    if received < size {
        return Ok(Json(BlobStatus { received, complete: false }));
    }
    let verified = tokio::task::spawn_blocking({
        let blobs = blobs.clone();
        move || -> std::io::Result<Result<(), UploadError>> {
            let bytes = std::fs::read(&partial)?;
            if bytes.len() as u64 != size || Sha256::digest(&bytes).as_slice() != hash.0 {
                std::fs::remove_file(&partial)?;
                let reason = "the bytes do not match the blob's hash; upload it again";
                return Ok(Err(AppError::BadRequest(reason.into()).into()));
            }
            if let Err(reason) = check_whole(kind, &bytes) {
                std::fs::remove_file(&partial)?;
                return Ok(Err(UploadError::UnsupportedMediaType(reason)));
            }
            let target = blobs.complete_path(hash);
            std::fs::create_dir_all(target.parent().expect("blobs live in a folder"))?;
            if target.exists() {
                std::fs::remove_file(&partial)?;
            } else {
                std::fs::rename(&partial, &target)?;
            }
            // The type is known before the blob becomes readable.
            blobs.set_type(hash, kind)?;
            blobs.add_scope(hash, scope)?;
            Ok(Ok(()))
        }
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
    .map_err(io)?;
    verified?;
    tracing::info!(device = %device.id, %hash, size, kind = kind.mime(), "blob stored");
    Ok(Json(BlobStatus { received: size, complete: true }))
}

/// `GET /v1/blobs/{hash}?scope&offset`: up to one chunk of a blob from `offset`; the total size is
/// in `X-Blob-Size`, its type in `Content-Type` (`application/octet-stream` when unknown), never
/// to be sniffed.
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
    let mime = blobs.media_type(hash).map_or("application/octet-stream", MediaType::mime);
    let headers = [
        (header::CONTENT_TYPE, mime.to_owned()),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        (header::HeaderName::from_static("x-blob-size"), size.to_string()),
    ];
    Ok((StatusCode::OK, headers, chunk))
}
