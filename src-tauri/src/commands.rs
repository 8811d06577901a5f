//! The app's commands: each takes the app state, calls one method of
//! [`mcommunity_client::device::Device`], and maps its error to the one [`CommandError`]. No SQL,
//! no Automerge and no decisions here.

use std::sync::{Arc, Mutex};

use mcommunity_client::{
    background::SyncControl,
    device::Device,
    error::ClientError,
    view::{
        AppStart, Category, CommandError, DeletionImpact, Draft, DraftPatch, DraftSummary, NewProfile, PairingCode,
        ProfileSummary, SyncStatus,
    },
};
use mcommunity_core::{locale::Locale, profile::Avatar, submission::SubmissionKind};
use tauri::State;

/// The app's state: the device (or why it could not be opened: then every command says so),
/// shared with the background sync task, and where sync stands.
pub struct AppState {
    device: Result<Arc<Mutex<Device>>, CommandError>,
    /// Where sync stands; the background task and the commands share it.
    pub sync: Arc<SyncControl>,
}

impl AppState {
    /// Opens the device whose data lives in `dir`; sync goes to `server` when there is one.
    pub fn open(dir: &std::path::Path, sync: Arc<SyncControl>) -> AppState {
        let device = Device::open(dir).map(|d| Arc::new(Mutex::new(d))).map_err(|e| {
            tracing::error!(error = %e, "could not open the device's store");
            CommandError::new(&e, Locale::Sq)
        });
        AppState { device, sync }
    }

    /// The shared device, for the background sync task.
    pub fn device(&self) -> Option<Arc<Mutex<Device>>> {
        self.device.as_ref().ok().cloned()
    }

    /// Seeds demo content into an empty device (`make run`).
    pub fn seed_demo(&self) {
        if let Err(e) = self.with(mcommunity_client::demo::seed) {
            tracing::error!(code = ?e.code, "demo content could not be seeded");
        }
    }

    fn with<T>(&self, action: impl FnOnce(&mut Device) -> Result<T, ClientError>) -> Result<T, CommandError> {
        let device = self.device.as_ref().map_err(Clone::clone)?;
        // A panic in another command must not lock everyone out of their drafts.
        let mut device = device.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        action(&mut device).map_err(|e| device.command_error(&e))
    }

    fn error(&self, e: &ClientError) -> CommandError {
        match &self.device {
            Ok(device) => device.lock().unwrap_or_else(|p| p.into_inner()).command_error(e),
            Err(startup) => startup.clone(),
        }
    }
}

type Reply<T> = Result<T, CommandError>;

/// What the first screen needs.
#[tauri::command]
#[specta::specta]
pub fn app_start(state: State<'_, AppState>) -> Reply<AppStart> {
    tracing::info!("first screen requested");
    state.with(|d| d.start())
}

/// Sets the language used before any profile is open.
#[tauri::command]
#[specta::specta]
pub fn device_set_locale(state: State<'_, AppState>, locale: Locale) -> Reply<()> {
    state.with(|d| d.set_device_locale(locale))
}

/// The categories a request can have.
#[tauri::command]
#[specta::specta]
pub fn categories_list(state: State<'_, AppState>) -> Reply<Vec<Category>> {
    state.with(|d| Ok(d.categories()))
}

/// Every profile on the device.
#[tauri::command]
#[specta::specta]
pub fn profiles_list(state: State<'_, AppState>) -> Reply<Vec<ProfileSummary>> {
    state.with(|d| d.profiles())
}

/// Creates a profile and opens it.
#[tauri::command]
#[specta::specta]
pub fn profile_create(state: State<'_, AppState>, input: NewProfile) -> Reply<ProfileSummary> {
    state.with(|d| d.create_profile(&input))
}

/// Opens a profile, checking its PIN.
#[tauri::command]
#[specta::specta]
pub fn profile_open(state: State<'_, AppState>, id: String, pin: Option<String>) -> Reply<ProfileSummary> {
    state.with(|d| d.open_profile(&id, pin.as_deref()))
}

/// Closes the open profile.
#[tauri::command]
#[specta::specta]
pub fn profile_close(state: State<'_, AppState>) -> Reply<()> {
    state.with(|d| d.close_profile())
}

/// Renames the open profile.
#[tauri::command]
#[specta::specta]
pub fn profile_rename(state: State<'_, AppState>, name: String) -> Reply<ProfileSummary> {
    state.with(|d| d.rename_profile(&name))
}

/// Changes the open profile's picture.
#[tauri::command]
#[specta::specta]
pub fn profile_set_avatar(state: State<'_, AppState>, avatar: Avatar) -> Reply<ProfileSummary> {
    state.with(|d| d.set_profile_avatar(avatar))
}

/// Changes the open profile's language.
#[tauri::command]
#[specta::specta]
pub fn profile_set_locale(state: State<'_, AppState>, locale: Locale) -> Reply<ProfileSummary> {
    state.with(|d| d.set_profile_locale(locale))
}

/// What deleting the open profile would remove.
#[tauri::command]
#[specta::specta]
pub fn profile_deletion_impact(state: State<'_, AppState>) -> Reply<DeletionImpact> {
    state.with(|d| d.profile_deletion_impact())
}

/// Deletes the open profile and its drafts.
#[tauri::command]
#[specta::specta]
pub fn profile_delete(state: State<'_, AppState>) -> Reply<()> {
    state.with(|d| d.delete_profile())
}

/// The open profile's drafts, newest first.
#[tauri::command]
#[specta::specta]
pub fn drafts_list(state: State<'_, AppState>) -> Reply<Vec<DraftSummary>> {
    state.with(|d| d.drafts())
}

/// Starts a draft.
#[tauri::command]
#[specta::specta]
pub fn draft_create(state: State<'_, AppState>, kind: SubmissionKind) -> Reply<Draft> {
    state.with(|d| d.create_draft(kind))
}

/// One draft, for the editor.
#[tauri::command]
#[specta::specta]
pub fn draft_get(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.draft(&id))
}

/// Saves a change to a draft (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub fn draft_update(state: State<'_, AppState>, id: String, patch: DraftPatch) -> Reply<DraftSummary> {
    state.with(|d| d.update_draft(&id, patch))
}

/// Deletes a draft.
#[tauri::command]
#[specta::specta]
pub fn draft_delete(state: State<'_, AppState>, id: String) -> Reply<()> {
    state.with(|d| d.delete_draft(&id))
}

/// Where sync stands (the UI polls this).
#[tauri::command]
#[specta::specta]
pub fn sync_status(state: State<'_, AppState>) -> Reply<SyncStatus> {
    state.with(|d| state.sync.status(d))
}

/// Starts a sync now, in the background.
#[tauri::command]
#[specta::specta]
pub fn sync_now(state: State<'_, AppState>) -> Reply<SyncStatus> {
    state.sync.wake();
    state.with(|d| state.sync.status(d))
}

/// A pairing code for the open profile, to type on another device.
#[tauri::command]
#[specta::specta]
pub async fn pairing_code_create(state: State<'_, AppState>) -> Reply<PairingCode> {
    let profile = state.with(|d| d.active_profile())?;
    state.sync.pairing_code(profile).await.map_err(|e| state.error(&e))
}

/// Enters a pairing code shown on another device.
#[tauri::command]
#[specta::specta]
pub async fn pairing_claim(state: State<'_, AppState>, code: String) -> Reply<()> {
    state.sync.claim(&code).await.map_err(|e| state.error(&e))
}

/// Every command, for the invoke handler and the generated TypeScript.
pub fn builder<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new().commands(tauri_specta::collect_commands![
        app_start,
        device_set_locale,
        categories_list,
        profiles_list,
        profile_create,
        profile_open,
        profile_close,
        profile_rename,
        profile_set_avatar,
        profile_set_locale,
        profile_deletion_impact,
        profile_delete,
        drafts_list,
        draft_create,
        draft_get,
        draft_update,
        draft_delete,
        sync_status,
        sync_now,
        pairing_code_create,
        pairing_claim,
    ])
}
