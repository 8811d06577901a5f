//! The HTTP transport to the sync server, and device registration.

use std::time::Duration;

use mcommunity_core::ids::DeviceId;
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
    pub async fn pairing_code(&self, profile: mcommunity_core::ids::ProfileId) -> Result<String, TransportError> {
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
    pub async fn claim_pairing(&self, code: &str) -> Result<mcommunity_core::ids::ProfileId, TransportError> {
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
}

impl Transport for HttpTransport {
    async fn post_sync(&self, body: Vec<u8>) -> Result<Vec<u8>, TransportError> {
        {
            let response = self
                .client
                .post(format!("{}/v1/sync", self.base))
                .header(reqwest::header::AUTHORIZATION, self.credential.bearer())
                .header(reqwest::header::CONTENT_TYPE, "application/x-mcommunity-sync")
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
