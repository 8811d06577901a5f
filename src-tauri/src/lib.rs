//! mcommunity-app: the Tauri 2 shell of mCommunity, for desktop and Android.
//!
//! The only crate that knows Tauri. It opens the device's store in the app's data folder, holds
//! it as [`commands::AppState`], and exposes [`commands`], thin wrappers over
//! `mcommunity_client::device::Device`. The UI's TypeScript bindings are generated from these
//! commands (see `bindings_are_current` in the tests).
//!
//! The data folder is the platform's app-data folder, or `MCOMMUNITY_DATA_DIR` when set (tests,
//! demos, a volunteer's USB stick). `MCOMMUNITY_DEMO=1` seeds demo people into an empty device
//! (`make run` does; a production start never does).

pub mod commands;
#[cfg(target_os = "linux")]
mod microphone;

use tauri::Manager;

/// The lessons and practice forms of `lessons/`, narrated and bundled by build.rs; imported into
/// the device's store on first run (and after an app update brings a new set).
pub const CONTENT_BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bundle"));

/// Where the UI's generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/backend/bindings.ts";

/// The app's entry point on every platform.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    init_tracing();
    tauri::Builder::default()
        .invoke_handler(commands::invoke_handler())
        .setup(|app| {
            let dir = match std::env::var_os("MCOMMUNITY_DATA_DIR") {
                Some(dir) => dir.into(),
                None => app.path().app_data_dir()?,
            };
            tracing::info!(data = %dir.display(), "opening the device's store");
            let state = commands::AppState::open(&dir, sync_control());
            state.import_content(CONTENT_BUNDLE);
            if std::env::var_os("MCOMMUNITY_DEMO").is_some_and(|v| v == "1") {
                state.seed_demo();
            }
            if let Some(device) = state.device() {
                tauri::async_runtime::spawn(mcommunity_client::background::run(state.sync.clone(), device));
            }
            app.manage(state);
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                window.with_webview(|webview| microphone::allow_voice_notes(&webview.inner()))?;
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the app window could not be started");
}

/// Sync goes to `MCOMMUNITY_SERVER_URL` when set (until the trainer's settings screen exists);
/// the credential lives in the OS keyring, or — only when `MCOMMUNITY_CREDENTIALS=memory`, for
/// demos and tests, said loudly in the log — in memory for this run.
fn sync_control() -> std::sync::Arc<mcommunity_client::background::SyncControl> {
    use mcommunity_client::credentials::{CredentialStore, KeyringStore, MemoryStore};
    let server = std::env::var("MCOMMUNITY_SERVER_URL").ok().filter(|s| !s.is_empty());
    let credentials: std::sync::Arc<dyn CredentialStore> =
        if std::env::var_os("MCOMMUNITY_CREDENTIALS").is_some_and(|v| v == "memory") {
            tracing::warn!("the sync credential is kept in memory only (MCOMMUNITY_CREDENTIALS=memory)");
            std::sync::Arc::new(MemoryStore::default())
        } else {
            std::sync::Arc::new(KeyringStore::new(server.as_deref().unwrap_or_default()))
        };
    tracing::info!(server = server.as_deref().unwrap_or("none"), "sync");
    mcommunity_client::background::SyncControl::new(server, credentials)
}

/// Logs to standard error, `info` and above unless `RUST_LOG` says otherwise. What residents type
/// and their PINs are never logged; only ids and kinds of events are.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// The TypeScript the UI's backend module is generated from.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    commands::builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `make bindings`; do not edit.\n// @ts-nocheck: the generator emits helpers this app does not use.\n")
                .bigint(specta_typescript::BigIntExportBehavior::Number),
            path,
        )
        .map_err(|e| e.to_string())
}
