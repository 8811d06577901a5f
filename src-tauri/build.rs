//! Declares the app's commands to Tauri, so each gets an `allow-<command>` permission and the
//! capability file can grant exactly these and nothing else.

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
        "app_start",
        "device_set_locale",
        "categories_list",
        "profiles_list",
        "profile_create",
        "profile_open",
        "profile_close",
        "profile_rename",
        "profile_set_avatar",
        "profile_set_locale",
        "profile_deletion_impact",
        "profile_delete",
        "drafts_list",
        "draft_create",
        "draft_get",
        "draft_update",
        "draft_delete",
        "sync_status",
        "sync_now",
        "pairing_code_create",
        "pairing_claim",
    ])))
    .expect("tauri build configuration");
}
