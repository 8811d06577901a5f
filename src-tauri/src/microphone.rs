//! The microphone, for voice notes, in the system webview on Linux (WebKitGTK). WebKitGTK keeps
//! media capture off and refuses every request unless the app says otherwise; the app turns it on
//! and grants sound capture only — never the camera or the screen — to its own page, which is the
//! only page the window ever shows (the CSP allows no remote content). On Android the manifest's
//! RECORD_AUDIO permission and the system's prompt do this; elsewhere the webview asks the person.

use webkit2gtk::{
    PermissionRequestExt, SettingsExt, UserMediaPermissionRequest, UserMediaPermissionRequestExt, WebViewExt,
    glib::object::Cast,
};

/// Lets the page record sound (and nothing else) through `getUserMedia`.
pub fn allow_voice_notes(view: &webkit2gtk::WebView) {
    if let Some(settings) = WebViewExt::settings(view) {
        settings.set_enable_media_stream(true);
    }
    view.connect_permission_request(|_, request| {
        match request.downcast_ref::<UserMediaPermissionRequest>() {
            Some(media) if media.is_for_audio_device() && !media.is_for_video_device() => {
                tracing::info!("the page may record a voice note");
                request.allow();
            }
            _ => request.deny(),
        }
        true
    });
}
