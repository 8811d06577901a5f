//! Sync in the background, for the app: runs when a link appears and on request, backs off with
//! jitter when the network fails, and tells the UI where it stands — without ever holding the
//! device while it waits on the network.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use mcommunity_core::{i18n::Messages, ids::ProfileId, media, sync::Scope};
use rand_core::{OsRng, RngCore};

use crate::{
    credentials::{CredentialError, CredentialStore},
    device::Device,
    error::ClientError,
    store::{Store, settings},
    sync::{
        self, StoreHolder, SyncError, TransportError,
        http::{HttpTransport, register},
    },
    view::{PairingCode, SyncState, SyncStatus},
};

/// How often an idle device looks for news from the server.
const IDLE_EVERY: Duration = Duration::from_secs(60);
/// The first wait after a failure; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(5);
/// The longest wait after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Where background sync stands, shared by the sync task and the app's commands.
pub struct SyncControl {
    server: Option<String>,
    credentials: Arc<dyn CredentialStore>,
    now: Mutex<Now>,
    wake: tokio::sync::Notify,
}

/// The live part of the status.
struct Now {
    state: SyncState,
    /// The message id explaining `state`, for off, offline and error.
    reason: Option<&'static str>,
}

impl StoreHolder for Mutex<Device> {
    fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> Result<R, ClientError>) -> Result<R, ClientError> {
        f(self.lock().unwrap_or_else(|p| p.into_inner()).store_mut())
    }
}

impl SyncControl {
    /// Sync with the server at `server` (none: sync is off), keeping the credential in `credentials`.
    pub fn new(server: Option<String>, credentials: Arc<dyn CredentialStore>) -> Arc<SyncControl> {
        let state = if server.is_some() { SyncState::Idle } else { SyncState::Off };
        let reason = server.is_none().then_some("sync-message-off");
        Arc::new(SyncControl {
            server,
            credentials,
            now: Mutex::new(Now { state, reason }),
            wake: tokio::sync::Notify::new(),
        })
    }

    /// The status as the UI shows it, in the device's language.
    pub fn status(&self, device: &Device) -> Result<SyncStatus, ClientError> {
        let now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        Ok(SyncStatus {
            state: now.state,
            pending: sync::pending_count(device.store())? as u32,
            last_success: settings::sync_last_success(device.store().conn())?.map(|t| t as f64),
            message: now.reason.map(|id| Messages::embedded().format(device.locale(), id, &[])),
        })
    }

    /// Asks the sync task to run now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn set(&self, state: SyncState, reason: Option<&'static str>) {
        *self.now.lock().unwrap_or_else(|p| p.into_inner()) = Now { state, reason };
    }

    async fn transport(&self) -> Result<HttpTransport, ClientError> {
        let server = self.server.as_deref().ok_or(ClientError::SyncOff)?;
        let credential = match self.credentials.load() {
            Ok(Some(c)) => c,
            Ok(None) => {
                let fresh = register(server).await.map_err(ClientError::from)?;
                self.credentials.save(&fresh).map_err(no_store)?;
                tracing::info!(device = %fresh.device, "registered with the sync server");
                fresh
            }
            Err(e) => return Err(no_store(e)),
        };
        Ok(HttpTransport::new(server, credential))
    }

    /// One full sync now.
    pub async fn sync_once(&self, device: &Mutex<Device>) -> Result<sync::Report, ClientError> {
        self.set(SyncState::Syncing, None);
        let outcome = async {
            let transport = self.transport().await?;
            let report = sync::sync(&transport, device).await.map_err(ClientError::from)?;
            sync_attachments(&transport, device).await?;
            fetch_content_media(&transport, device).await?;
            Ok(report)
        }
        .await;
        match &outcome {
            Ok(report) => {
                let guard = device.lock().unwrap_or_else(|p| p.into_inner());
                settings::set_sync_last_success(guard.store().conn(), crate::store::now_ms())?;
                self.set(SyncState::Idle, None);
                tracing::info!(rounds = report.rounds, up = report.uploaded, down = report.downloaded, "synced");
            }
            Err(ClientError::Offline) => self.set(SyncState::Offline, Some("sync-message-offline")),
            Err(ClientError::SyncOff) => self.set(SyncState::Off, Some("sync-message-off")),
            Err(ClientError::NoSecureStore) => self.set(SyncState::Off, Some("sync-message-no-keyring")),
            Err(ClientError::UpdateRequired) => self.set(SyncState::Error, Some("sync-message-update")),
            Err(e) => {
                tracing::warn!(error = %e, "sync failed");
                self.set(SyncState::Error, Some("sync-message-error"));
            }
        }
        outcome
    }

    /// A pairing code for `profile`, to show on this device.
    pub async fn pairing_code(&self, profile: ProfileId) -> Result<PairingCode, ClientError> {
        let transport = self.transport().await?;
        let code = transport.pairing_code(profile).await.map_err(ClientError::from)?;
        Ok(PairingCode { code, expires_at: (crate::store::now_ms() + 5 * 60 * 1000) as f64 })
    }

    /// Signs the open profile in as the volunteer account `username` (the server checks the
    /// password and that the account is a volunteer's); from then on this device keeps community
    /// sessions in that profile. Needs a connection, once.
    pub async fn link_volunteer(
        &self,
        device: &Mutex<Device>,
        username: &str,
        password: &str,
    ) -> Result<String, ClientError> {
        let profile = device.lock().unwrap_or_else(|p| p.into_inner()).active_profile()?;
        let transport = self.transport().await?;
        // Profiles the server does not know yet go up first, so it sees that this device holds it.
        if let Err(e) = sync::sync(&transport, device).await {
            tracing::warn!(error = %e, "sync before linking a volunteer failed; linking anyway");
        }
        let linked = transport.link_volunteer(profile, username.trim(), password).await.map_err(|e| match e {
            TransportError::Refused { status: 429, .. } => ClientError::TooManyAttempts,
            TransportError::Refused { .. } => ClientError::VolunteerRefused,
            other => ClientError::from(other),
        })?;
        device.lock().unwrap_or_else(|p| p.into_inner()).set_volunteer(profile, &linked)?;
        Ok(linked)
    }

    /// Enters a pairing code shown on another device, then syncs to bring that profile here.
    pub async fn claim(&self, code: &str) -> Result<(), ClientError> {
        let transport = self.transport().await?;
        transport.claim_pairing(code).await.map_err(ClientError::from)?;
        self.wake();
        Ok(())
    }
}

fn no_store(e: CredentialError) -> ClientError {
    tracing::error!(error = %e, "the sync credential cannot be kept");
    ClientError::NoSecureStore
}

impl From<TransportError> for ClientError {
    fn from(e: TransportError) -> ClientError {
        match e {
            TransportError::Network(_) => ClientError::Offline,
            TransportError::UpdateRequired => ClientError::UpdateRequired,
            TransportError::Refused { status: 403, .. } => ClientError::PairingInvalid,
            TransportError::Refused { status: 429, .. } => ClientError::TooManyAttempts,
            other => ClientError::Internal(other.to_string()),
        }
    }
}

impl From<SyncError> for ClientError {
    fn from(e: SyncError) -> ClientError {
        match e {
            SyncError::Transport(t) => t.into(),
            SyncError::Client(c) => c,
            other => ClientError::Internal(other.to_string()),
        }
    }
}

/// Uploads the attachments (photos, voice notes) of this device's requests that the server
/// lacks, each into its owner's scope with its type, resuming where a drop left one (each is asked
/// about once, then remembered as sent); then downloads those that requests written on the
/// person's other devices name.
async fn sync_attachments(transport: &HttpTransport, device: &Mutex<Device>) -> Result<(), ClientError> {
    let (blobs, waiting) = device.lock().unwrap_or_else(|p| p.into_inner()).attachments_to_upload()?;
    for (owner, hash) in waiting {
        let Some(bytes) = blobs.get(hash).map_err(|e| ClientError::Internal(format!("reading an attachment: {e}")))?
        else {
            tracing::warn!(%hash, "an attachment named by a request is missing on this device");
            continue;
        };
        // Photos are JPEG (re-encoded when attached), voice notes Ogg Opus: the bytes say which.
        let Some(kind) = media::sniff(&bytes) else {
            tracing::warn!(%hash, "an attachment is neither a photo nor a voice note; not uploaded");
            continue;
        };
        match transport.upload_blob(Scope::Profile(owner), hash, kind, &bytes).await {
            Ok(_) => {}
            // Not what it claims (it would be a bug of ours): the rest of the sync goes on.
            Err(TransportError::Refused { status: 415, message }) => {
                tracing::error!(%hash, kind = kind.mime(), reason = %message, "the server refused an attachment");
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        device.lock().unwrap_or_else(|p| p.into_inner()).attachment_uploaded(owner, hash)?;
    }
    let (blobs, missing) = device.lock().unwrap_or_else(|p| p.into_inner()).attachments_to_download()?;
    for (owner, hash) in missing {
        // An attachment still on its way from the other device is simply not there yet.
        match transport.download_blob(Scope::Profile(owner), hash, &blobs).await {
            Ok(_) | Err(TransportError::Refused { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Downloads the pictures and narration that lessons and forms brought by sync name and the
/// device lacks (resuming where a drop left each one). Until they arrive, the app shows the text
/// and reads it with the platform's voice.
async fn fetch_content_media(transport: &HttpTransport, device: &Mutex<Device>) -> Result<(), ClientError> {
    let (blobs, missing) = device.lock().unwrap_or_else(|p| p.into_inner()).missing_content_media()?;
    let mut bytes = 0;
    for hash in &missing {
        bytes += transport.download_blob(Scope::Public, *hash, &blobs).await?.bytes;
    }
    if !missing.is_empty() {
        tracing::info!(blobs = missing.len(), bytes, "lesson pictures and narration downloaded");
    }
    Ok(())
}

/// Runs background sync for as long as the app runs: at once, then whenever woken, every
/// [`IDLE_EVERY`] when all is well, and with growing, jittered waits after failures.
pub async fn run(control: Arc<SyncControl>, device: Arc<Mutex<Device>>) {
    let mut failures: u32 = 0;
    loop {
        let wait = if control.server.is_none() {
            Duration::from_secs(3600)
        } else {
            match control.sync_once(&device).await {
                Ok(_) => {
                    failures = 0;
                    IDLE_EVERY
                }
                Err(ClientError::SyncOff | ClientError::NoSecureStore | ClientError::UpdateRequired) => {
                    Duration::from_secs(3600)
                }
                Err(_) => {
                    failures = failures.saturating_add(1);
                    backoff(failures)
                }
            }
        };
        tokio::select! {
            _ = control.wake.notified() => {}
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

/// The wait after `failures` failures in a row: doubling from [`FIRST_BACKOFF`] up to
/// [`MAX_BACKOFF`], each between 75 % and 125 % of that, so many devices do not retry in step.
pub fn backoff(failures: u32) -> Duration {
    let base = FIRST_BACKOFF.saturating_mul(1 << failures.saturating_sub(1).min(10)).min(MAX_BACKOFF);
    let jitter = 0.75 + (OsRng.next_u32() % 1000) as f64 / 2000.0;
    base.mul_f64(jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_a_ceiling_with_jitter() {
        let check = |failures, low: f64, high: f64| {
            for _ in 0..50 {
                let wait = backoff(failures).as_secs_f64();
                assert!(wait >= low && wait <= high, "{failures} failures waited {wait} s");
            }
        };
        check(1, 3.75, 6.25);
        check(2, 7.5, 12.5);
        check(4, 30.0, 50.0);
        check(30, 225.0, 375.0);
        let spread: std::collections::BTreeSet<u128> = (0..20).map(|_| backoff(3).as_millis()).collect();
        assert!(spread.len() > 5, "the waits are spread, not in step");
    }
}
