//! Volunteers who run community sessions: a staff account of role `volunteer` (made with
//! `admin add-staff --role volunteer`), linked from a device to one of its profiles with
//! `POST /v1/volunteers`. Only a linked profile may write session documents (sync refuses the
//! others), so the project's indicators count sessions that a known volunteer vouches for.
//!
//! The link checks the password like a dashboard login, with the same lockout counted on disk
//! (five wrong passwords lock the account for fifteen minutes), and is written to the audit log.

use axum::{Json, extract::State};
use mcommunity_core::ids::ProfileId;
use serde::{Deserialize, Serialize};

use crate::{
    AppState, auth,
    error::AppError,
    now_ms, staff,
    storage::{Storage, StorageError, dashboard::Role},
};

/// Linking a profile to a volunteer account.
#[derive(Serialize, Deserialize)]
pub struct LinkRequest {
    /// The volunteer's username.
    pub username: String,
    /// Their password.
    pub password: String,
    /// The profile on this device that is the volunteer's.
    pub profile: String,
}

/// The account the profile is now linked to.
#[derive(Serialize, Deserialize)]
pub struct Linked {
    /// The volunteer's username.
    pub username: String,
}

/// `POST /v1/volunteers`: links a profile this device holds to a volunteer account.
pub async fn link(
    State(state): State<AppState>,
    device: auth::Device,
    Json(request): Json<LinkRequest>,
) -> Result<Json<Linked>, AppError> {
    let storage = &*state.storage;
    let not_held = AppError::Forbidden("this device does not hold that profile");
    let profile: ProfileId = request.profile.parse().map_err(|_| not_held)?;
    if !device.profiles.contains(&profile) {
        return Err(AppError::Forbidden("this device does not hold that profile"));
    }
    let now = now_ms();
    let username: String = request.username.trim().chars().take(64).collect();
    let account = storage.staff(&username).await?;
    if account.as_ref().and_then(|a| a.locked_until).is_some_and(|until| until > now) {
        staff::record(storage, now, &username, "volunteer-link-locked", &profile.to_string(), "").await?;
        return Err(AppError::TooManyRequests);
    }
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let password = request.password;
    let matches = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => staff::verify_password(&hash, &password),
        None => {
            // Unknown usernames take as long as wrong passwords.
            let _ = staff::verify_password(staff::dummy_hash(), &password);
            false
        }
    })
    .await
    .map_err(|e| StorageError::Database(format!("password check: {e}")))?;
    let Some(account) = account.filter(|_| matches) else {
        storage.record_failed_login(&username, staff::LOCK_AFTER, now + staff::LOCK_MS).await?;
        staff::record(storage, now, &username, "volunteer-link-failed", &profile.to_string(), "").await?;
        return Err(AppError::WrongCredentials);
    };
    storage.clear_failed_logins(&account.username).await?;
    if account.role != Role::Volunteer {
        return Err(AppError::NotVolunteer);
    }
    if !storage.link_volunteer(profile, &account.username, now).await? {
        return Err(AppError::Conflict("this profile is already linked to another volunteer".into()));
    }
    staff::record(storage, now, &account.username, "volunteer-link", &profile.to_string(), &device.id.to_string())
        .await?;
    tracing::info!(device = %device.id, "volunteer profile linked");
    Ok(Json(Linked { username: account.username }))
}

/// Whether `profile` may write session documents: it is linked to an account that is still a
/// volunteer's.
pub async fn may_write_sessions(storage: &dyn Storage, profile: ProfileId) -> Result<bool, StorageError> {
    let Some(username) = storage.volunteer_of(profile).await? else { return Ok(false) };
    Ok(storage.staff(&username).await?.is_some_and(|a| a.role == Role::Volunteer))
}
