//! Declares the app's commands to Tauri, so each gets an `allow-<command>` permission and the
//! capability file can grant exactly these and nothing else; and builds the lessons and practice
//! forms of `lessons/`, narrated, into the bundle the app imports on first run.

use std::path::{Path, PathBuf};

fn main() {
    build_content();
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
        "draft_send",
        "draft_attach_photo",
        "draft_remove_photo",
        "attachment_get",
        "draft_attach_voice",
        "draft_remove_voice",
        "draft_set_location",
        "draft_add_message",
        "places_get",
        "news_list",
        "draft_delete",
        "sync_status",
        "sync_now",
        "pairing_code_create",
        "pairing_claim",
        "lessons_list",
        "lesson_get",
        "lesson_see_step",
        "lesson_answer",
        "lesson_finish",
        "forms_list",
        "form_get",
        "practice_start",
        "practice_check_page",
        "practice_finish",
        "media_get",
        "volunteer_status",
        "volunteer_link",
        "sessions_list",
        "session_get",
        "session_create",
        "session_set_plan",
        "session_register",
        "session_register_new",
        "session_set_present",
        "session_unregister",
        "session_record_learning",
        "session_set_note",
        "helpers_list",
        "draft_set_assisted",
        "draft_record_consent",
        "draft_withdraw_consent",
        "helped_requests_list",
        "helped_request_get",
        "draft_record_consent_voice",
        "assessment_instrument_get",
        "assessment_start",
        "assessment_rate",
        "assessment_observe",
        "assessment_finish",
        "assessments_list",
        "assessment_compare",
        "assessments_taken_list",
    ])))
    .expect("tauri build configuration");
}

/// Checks and narrates `lessons/` into `$OUT_DIR/content.bundle`. Narration is cached beside the
/// cargo target folder (or in `MCOMMUNITY_NARRATION_CACHE`), so only changed texts are spoken again.
fn build_content() {
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
    println!("cargo:rerun-if-changed={}", lessons.display());
    println!("cargo:rerun-if-env-changed=MCOMMUNITY_NARRATION_CACHE");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let cache =
        std::env::var_os("MCOMMUNITY_NARRATION_CACHE").map(PathBuf::from).unwrap_or_else(|| narration_cache(&out));
    match mcommunity_content::bundle::build(&lessons, &cache) {
        Ok(bundle) => std::fs::write(out.join("content.bundle"), bundle.encode()).expect("writing the content bundle"),
        Err(e) => {
            eprintln!("the lessons could not be built into the app:\n{e}");
            std::process::exit(1);
        }
    }
}

/// `<target>/narration-cache`: OUT_DIR is `<target>[/<triple>]/<profile>/build/<crate>-<hash>/out`.
fn narration_cache(out: &Path) -> PathBuf {
    let build = out.ancestors().find(|a| a.file_name().is_some_and(|n| n == "build")).unwrap_or(out);
    build.parent().and_then(Path::parent).unwrap_or(out).join("narration-cache")
}
