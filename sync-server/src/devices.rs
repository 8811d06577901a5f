//! Registering devices and pairing a profile to a second device.
//!
//! Pairing: a device that holds a profile asks for a code (8 digits, valid 5 minutes, usable
//! once) and shows it; the second device enters it and from then on holds the profile too. Wrong
//! codes are counted per device and in total; past the limits, claims wait.

use axum::{Json, extract::State, http::StatusCode};
use mcommunity_core::ids::{DeviceId, ProfileId};
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::{AppState, auth, error::AppError, now_ms};

/// How long a pairing code stays valid.
pub const PAIRING_TTL_MS: i64 = 5 * 60 * 1000;
/// The window over which wrong codes are counted.
pub const CLAIM_WINDOW_MS: i64 = 10 * 60 * 1000;
/// Codes one device may try per window.
pub const CLAIMS_PER_DEVICE: u64 = 5;
/// Codes all devices together may try per window.
pub const CLAIMS_IN_TOTAL: u64 = 200;

/// A new device's credential.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    /// The device's id.
    pub device_id: String,
    /// Its secret: keep it in the OS keyring; it is shown once.
    pub secret: String,
}

/// `POST /v1/devices`: registers a device.
pub async fn register(State(state): State<AppState>) -> Result<(StatusCode, Json<Registered>), AppError> {
    let id = DeviceId::random();
    let secret = auth::new_secret();
    state.storage.add_device(id, auth::hash(&secret), now_ms()).await?;
    tracing::info!(device = %id, "device registered");
    Ok((StatusCode::CREATED, Json(Registered { device_id: id.to_string(), secret })))
}

/// Asking for a pairing code.
#[derive(Serialize, Deserialize)]
pub struct PairingRequest {
    /// The profile to share.
    pub profile: String,
}

/// A pairing code to show on the first device.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairingCode {
    /// Eight digits.
    pub code: String,
    /// How long it stays valid.
    pub expires_in_seconds: u64,
}

/// `POST /v1/pairing`: a code that lets another device hold one of this device's profiles.
pub async fn create_pairing(
    State(state): State<AppState>,
    device: auth::Device,
    Json(request): Json<PairingRequest>,
) -> Result<Json<PairingCode>, AppError> {
    let profile: ProfileId =
        request.profile.parse().map_err(|_| AppError::Forbidden("this device does not hold that profile"))?;
    if !device.profiles.contains(&profile) {
        return Err(AppError::Forbidden("this device does not hold that profile"));
    }
    let mut code = String::new();
    for _ in 0..8 {
        let candidate = format!("{:08}", OsRng.next_u32() % 100_000_000);
        if state.storage.add_pairing(auth::hash(&candidate), profile, now_ms() + PAIRING_TTL_MS).await? {
            code = candidate;
            break;
        }
    }
    if code.is_empty() {
        return Err(AppError::TooManyRequests);
    }
    tracing::info!(device = %device.id, "pairing code issued");
    Ok(Json(PairingCode { code, expires_in_seconds: (PAIRING_TTL_MS / 1000) as u64 }))
}

/// Entering a pairing code.
#[derive(Serialize, Deserialize)]
pub struct Claim {
    /// The code as typed (spaces and dashes are ignored).
    pub code: String,
}

/// The profile a claim brought.
#[derive(Serialize, Deserialize)]
pub struct Claimed {
    /// The profile's id.
    pub profile: String,
}

/// `POST /v1/pairing/claim`: the second device enters the code.
pub async fn claim_pairing(
    State(state): State<AppState>,
    device: auth::Device,
    Json(claim): Json<Claim>,
) -> Result<Json<Claimed>, AppError> {
    let now = now_ms();
    // Count this attempt before trying the code, so parallel guesses cannot all slip under the limit.
    state.storage.record_claim_attempt(device.id, now, now - CLAIM_WINDOW_MS).await?;
    let (mine, all) = state.storage.claim_attempts(device.id, now - CLAIM_WINDOW_MS).await?;
    if mine > CLAIMS_PER_DEVICE || all > CLAIMS_IN_TOTAL {
        tracing::warn!(device = %device.id, mine, all, "pairing claims throttled");
        return Err(AppError::TooManyRequests);
    }
    let code: String = claim.code.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let taken = if code.len() == 8 && code.bytes().all(|b| b.is_ascii_digit()) {
        state.storage.take_pairing(auth::hash(&code), now).await?
    } else {
        None
    };
    match taken {
        Some(profile) => {
            state.storage.grant_profile(device.id, profile).await?;
            tracing::info!(device = %device.id, profile = %profile, "profile paired");
            Ok(Json(Claimed { profile: profile.to_string() }))
        }
        None => Err(AppError::Forbidden("this pairing code is wrong or has expired")),
    }
}
