//! Device credentials: a device registers once and receives an id and a random secret; every
//! later request carries `Authorization: Bearer <device-id>.<secret>`. The server keeps only the
//! secret's SHA-256 (the secret is 256 random bits, so a fast hash is enough).

use axum::{extract::FromRequestParts, http::request::Parts};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use mcommunity_core::ids::{DeviceId, ProfileId};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

use crate::{AppState, error::AppError};

/// A new random secret, as the device will send it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a secret.
pub fn hash(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// An authenticated device and the profiles it holds.
pub struct Device {
    /// Its id.
    pub id: DeviceId,
    /// The profiles it holds.
    pub profiles: Vec<ProfileId>,
}

fn equal_in_constant_time(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl FromRequestParts<AppState> for Device {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Device, AppError> {
        let header = parts.headers.get(axum::http::header::AUTHORIZATION).ok_or(AppError::Unauthorized)?;
        let token = header.to_str().ok().and_then(|h| h.strip_prefix("Bearer ")).ok_or(AppError::Unauthorized)?;
        let (id, secret) = token.split_once('.').ok_or(AppError::Unauthorized)?;
        let id: DeviceId = id.parse().map_err(|_| AppError::Unauthorized)?;
        let stored = state.storage.device_secret_hash(id).await?.ok_or(AppError::Unauthorized)?;
        if !equal_in_constant_time(&stored, &hash(secret)) {
            return Err(AppError::Unauthorized);
        }
        let profiles = state.storage.device_profiles(id).await?;
        Ok(Device { id, profiles })
    }
}
