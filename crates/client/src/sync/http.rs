//! The HTTP transport to the sync server, and device registration.

use std::time::Duration;

use mcommunity_core::{
    blobs::{BlobHash, BlobStatus, CHUNK},
    ids::{DeviceId, ProfileId},
    media::MediaType,
    sync::Scope,
};
use serde::Deserialize;

use super::{Transport, TransportError};

/// A device's credential with the server: kept in the OS keyring, sent with every request.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    /// The device's id.
    pub device: DeviceId,
    /// Its secret.
    pub secret: String,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret.
        f.debug_struct("Credential").field("device", &self.device).finish_non_exhaustive()
    }
}

impl Credential {
    fn bearer(&self) -> String {
        format!("Bearer {}.{}", self.device, self.secret)
    }
}

/// Talks to one sync server over HTTP.
pub struct HttpTransport {
    client: reqwest::Client,
    base: String,
    credential: Credential,
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(20))
        .timeout(Duration::from_secs(180))
        .build()
        .expect("an HTTP client with timeouts builds")
}

fn network(e: reqwest::Error) -> TransportError {
    TransportError::Network(e.to_string())
}

#[derive(Deserialize)]
struct ServerError {
    message: String,
}

async fn refusal(response: reqwest::Response) -> TransportError {
    let status = response.status().as_u16();
    match status {
        401 => TransportError::Unauthorized,
        426 => TransportError::UpdateRequired,
        _ => {
            let message = response.json::<ServerError>().await.map(|e| e.message).unwrap_or_default();
            TransportError::Refused { status, message }
        }
    }
}

impl HttpTransport {
    /// A transport to the server at `base` (e.g. `http://127.0.0.1:8787`).
    pub fn new(base: &str, credential: Credential) -> HttpTransport {
        HttpTransport { client: client(), base: base.trim_end_matches('/').to_owned(), credential }
    }

    /// The credential this transport sends.
    pub fn credential(&self) -> &Credential {
        &self.credential
    }

    /// Asks the server for a pairing code for `profile` (shown on this device, typed on the other).
    pub async fn pairing_code(&self, profile: ProfileId) -> Result<String, TransportError> {
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        let response = self
            .client
            .post(format!("{}/v1/pairing", self.base))
            .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
            .json(&serde_json::json!({ "profile": profile.to_string() }))
            .send()
            .await
            .map_err(network)?;
        if !response.status().is_success() {
            return Err(refusal(response).await);
        }
        Ok(response.json::<Code>().await.map_err(network)?.code)
    }

    /// Enters a pairing code; from then on this device holds the profile.
    pub async fn claim_pairing(&self, code: &str) -> Result<ProfileId, TransportError> {
        #[derive(Deserialize)]
        struct Claimed {
            profile: String,
        }
        let response = self
            .client
            .post(format!("{}/v1/pairing/claim", self.base))
            .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
            .json(&serde_json::json!({ "code": code }))
            .send()
            .await
            .map_err(network)?;
        if !response.status().is_success() {
            return Err(refusal(response).await);
        }
        let claimed = response.json::<Claimed>().await.map_err(network)?;
        claimed.profile.parse().map_err(|_| TransportError::Network("the server sent a malformed profile id".into()))
    }

    /// Links `profile` (held by this device) to the volunteer account `username`, proven by its
    /// password; answers the account's name as the server has it.
    pub async fn link_volunteer(
        &self,
        profile: ProfileId,
        username: &str,
        password: &str,
    ) -> Result<String, TransportError> {
        #[derive(Deserialize)]
        struct Linked {
            username: String,
        }
        let response = self
            .client
            .post(format!("{}/v1/volunteers", self.base))
            .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
            .json(&serde_json::json!({ "username": username, "password": password, "profile": profile.to_string() }))
            .send()
            .await
            .map_err(network)?;
        if !response.status().is_success() {
            return Err(refusal(response).await);
        }
        Ok(response.json::<Linked>().await.map_err(network)?.username)
    }
}

/// What a blob transfer moved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// Payload bytes sent or received in this call.
    pub bytes: u64,
}

impl HttpTransport {
    fn blob_url(&self, hash: BlobHash, scope: Scope) -> String {
        format!("{}/v1/blobs/{hash}?scope={scope}", self.base)
    }

    /// Uploads a blob of type `kind` in chunks, starting where the server's copy stops (nothing if
    /// it has it). Devices upload into their profiles' scopes; the public scope is the
    /// municipality's. Every chunk says the type (`Content-Type`); the server refuses with 415 a
    /// file that is not what it claims.
    pub async fn upload_blob(
        &self,
        scope: Scope,
        hash: BlobHash,
        kind: MediaType,
        bytes: &[u8],
    ) -> Result<Moved, TransportError> {
        let status = self
            .client
            .get(format!("{}/v1/blobs/{hash}/status?scope={scope}", self.base))
            .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
            .send()
            .await
            .map_err(network)?;
        if !status.status().is_success() {
            return Err(refusal(status).await);
        }
        let status: BlobStatus = status.json().await.map_err(network)?;
        if status.complete {
            return Ok(Moved::default());
        }
        let mut offset = status.received.min(bytes.len() as u64) as usize;
        let mut moved = Moved::default();
        while offset < bytes.len() {
            let end = (offset + CHUNK).min(bytes.len());
            let response = self
                .client
                .put(format!("{}&offset={offset}&size={}", self.blob_url(hash, scope), bytes.len()))
                .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
                .header(reqwest::header::CONTENT_TYPE, kind.mime())
                .body(bytes[offset..end].to_vec())
                .send()
                .await
                .map_err(network)?;
            if !response.status().is_success() {
                return Err(refusal(response).await);
            }
            moved.bytes += (end - offset) as u64;
            let status: BlobStatus = response.json().await.map_err(network)?;
            if status.complete {
                break;
            }
            offset = status.received as usize;
        }
        Ok(moved)
    }

    /// Downloads a blob of `scope` (a profile's, or the public one of lessons and forms) into
    /// `blobs`, resuming a download a drop interrupted, and keeps it only if its bytes match its
    /// hash.
    pub async fn download_blob(
        &self,
        scope: Scope,
        hash: BlobHash,
        blobs: &crate::blobs::LocalBlobs,
    ) -> Result<Moved, TransportError> {
        use std::io::Write;
        if blobs.get(hash).map_err(io)?.is_some() {
            return Ok(Moved::default());
        }
        let partial = blobs.partial(hash);
        let mut moved = Moved::default();
        loop {
            let offset = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
            let response = self
                .client
                .get(format!("{}&offset={offset}", self.blob_url(hash, scope)))
                .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
                .send()
                .await
                .map_err(network)?;
            if !response.status().is_success() {
                return Err(refusal(response).await);
            }
            let size: u64 = response
                .headers()
                .get("x-blob-size")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| TransportError::Network("the server did not say the blob's size".into()))?;
            let chunk = response.bytes().await.map_err(network)?;
            let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&partial).map_err(io)?;
            file.write_all(&chunk).map_err(io)?;
            file.sync_data().map_err(io)?;
            moved.bytes += chunk.len() as u64;
            if offset + chunk.len() as u64 >= size {
                break;
            }
            if chunk.is_empty() {
                return Err(TransportError::Network("the server sent an empty chunk".into()));
            }
        }
        if !blobs.finish(hash).map_err(io)? {
            return Err(TransportError::Refused {
                status: 422,
                message: "the blob arrived damaged; it was discarded".into(),
            });
        }
        Ok(moved)
    }
}

fn io(e: std::io::Error) -> TransportError {
    TransportError::Network(format!("local blob folder: {e}"))
}

impl Transport for HttpTransport {
    async fn post_sync(&self, body: Vec<u8>) -> Result<Vec<u8>, TransportError> {
        {
            let response = self
                .client
                .post(format!("{}/v1/sync", self.base))
                .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
                .body(body)
                .send()
                .await
                .map_err(network)?;
            if !response.status().is_success() {
                return Err(refusal(response).await);
            }
            Ok(response.bytes().await.map_err(network)?.to_vec())
        }
    }
}

/// Registers this device with the server at `base` and returns its new credential.
pub async fn register(base: &str) -> Result<Credential, TransportError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Registered {
        device_id: String,
        secret: String,
    }
    let response = client().post(format!("{}/v1/devices", base.trim_end_matches('/'))).send().await.map_err(network)?;
    if !response.status().is_success() {
        return Err(refusal(response).await);
    }
    let registered = response.json::<Registered>().await.map_err(network)?;
    let device = registered
        .device_id
        .parse()
        .map_err(|_| TransportError::Network("the server sent a malformed device id".into()))?;
    Ok(Credential { device, secret: registered.secret })
}
