use mcommunity_app_lib::commands::{self, AppState};
use serde_json::{Value, json};
use tauri::{
    WebviewWindow,
    ipc::{CallbackFn, InvokeBody},
    test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder},
    webview::InvokeRequest,
};

struct App {
    // Kept alive for the webview's sake.
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn app(dir: &std::path::Path) -> App {
    let app = mock_builder()
        .invoke_handler(commands::invoke_handler::<MockRuntime>())
        .manage(AppState::open(
            dir,
            mcommunity_client::background::SyncControl::new(
                None,
                std::sync::Arc::new(mcommunity_client::credentials::MemoryStore::default()),
            ),
        ))
        .build(tauri::generate_context!())
        .expect("the app builds with its real configuration");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    App { _app: app, window }
}

impl App {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin on Linux; commands from any other origin are not allowed.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

#[test]
fn a_volunteer_picks_albanian_creates_a_profile_and_drafts_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let start = app.ok("app_start", json!({}));
    assert_eq!(start["deviceLocale"], Value::Null, "first run asks for a language");
    app.ok("device_set_locale", json!({ "locale": "sq" }));

    let profile = app
        .ok("profile_create", json!({ "input": { "name": "Drita", "avatar": "bird", "pin": null, "locale": "sq" } }));
    assert_eq!((profile["name"].as_str(), profile["hasPin"].as_bool()), (Some("Drita"), Some(false)));
    let categories = app.ok("categories_list", json!({}));
    let roads =
        mcommunity_core::i18n::Messages::embedded().format(mcommunity_core::locale::Locale::Sq, "category-roads", &[]);
    assert_eq!(categories[0], json!({ "id": "roads", "name": roads }), "named in the person's language");

    let draft = app.ok("draft_create", json!({ "kind": "problem" }));
    let id = draft["id"].as_str().unwrap();
    let patch = json!({ "kind": null, "category": "roads", "title": "Gropa", "text": "Rruga ka gropa." });
    let summary = app.ok("draft_update", json!({ "id": id, "patch": patch }));
    assert_eq!(summary["preview"], "Rruga ka gropa.");
    assert_eq!(app.ok("draft_get", json!({ "id": id }))["text"], "Rruga ka gropa.");
    let list = app.ok("drafts_list", json!({}));
    assert_eq!(list.as_array().unwrap().len(), 1);

    // The same data through a fresh app over the same folder: nothing was only in memory.
    drop(app);
    let app = app_again(dir.path());
    assert_eq!(app.ok("app_start", json!({}))["active"]["name"], "Drita");
    assert_eq!(app.ok("draft_get", json!({ "id": id }))["title"], "Gropa");
}

fn app_again(dir: &std::path::Path) -> App {
    app(dir)
}

#[test]
fn errors_arrive_as_code_message_and_field_in_the_persons_language() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    app.ok("device_set_locale", json!({ "locale": "mk" }));
    let err = app
        .call("profile_create", json!({ "input": { "name": " ", "avatar": "sun", "pin": null, "locale": "mk" } }))
        .unwrap_err();
    assert_eq!(err, json!({ "code": "invalid-input", "message": "Напишете име.", "field": "name" }));

    let err = app.call("drafts_list", json!({})).unwrap_err();
    assert_eq!(err["code"], "no-active-profile");

    let p =
        app.ok("profile_create", json!({ "input": { "name": "Ана", "avatar": "sun", "pin": "1357", "locale": "en" } }));
    app.ok("profile_close", json!({}));
    let err = app.call("profile_open", json!({ "id": p["id"], "pin": "0000" })).unwrap_err();
    assert_eq!(err["code"], "wrong-pin");
    assert_eq!(err["field"], "pin");
    assert_eq!(
        err["message"], "Тој PIN не е точен. Обидете се повторно.",
        "no profile is open, so the device's language speaks"
    );
    app.ok("profile_open", json!({ "id": p["id"], "pin": "1357" }));
    let err = app.call("draft_get", json!({ "id": "11111111-2222-4333-8444-555555555555" })).unwrap_err();
    assert_eq!(
        err["message"], "We could not find that. It may have been deleted.",
        "Ана's own language, English, now speaks"
    );
}

#[test]
fn malformed_arguments_are_refused_before_they_reach_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    assert!(app.call("device_set_locale", json!({ "locale": "de" })).is_err(), "an unknown language");
    assert!(app.call("draft_create", json!({ "kind": "threat" })).is_err(), "an unknown kind");
    assert!(app.call("profile_create", json!({ "input": { "name": "x" } })).is_err(), "missing fields");
    assert_eq!(app.ok("app_start", json!({}))["profiles"], json!([]), "nothing was created");
}

#[test]
fn only_the_apps_own_commands_are_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    for cmd in ["plugin:path|resolve_directory", "plugin:event|listen", "plugin:window|close", "plugin:webview|print"] {
        let err = app.call(cmd, json!({})).expect_err(cmd);
        assert!(err.to_string().contains("not allowed"), "{cmd}: {err}");
    }
    assert!(app.call("no_such_command", json!({})).is_err());
}
