use std::collections::BTreeSet;

use serde_json::Value;

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The commands build.rs declares, read from the source so the three lists cannot drift apart.
fn declared_commands() -> BTreeSet<String> {
    let build = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs")).unwrap();
    let list = build.split("commands(&[").nth(1).unwrap().split("])").next().unwrap();
    list.split(',').map(|s| s.trim().trim_matches('"').to_owned()).filter(|s| !s.is_empty()).collect()
}

#[test]
fn the_capability_grants_exactly_the_apps_commands() {
    let capability = json("capabilities/main.json");
    let granted: BTreeSet<String> =
        capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
    let expected: BTreeSet<String> =
        declared_commands().iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected, "no plugin or core permission, and every command granted");
    assert_eq!(declared_commands().len(), 69);
}

#[test]
fn the_content_security_policy_is_strict() {
    let config = json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"].as_object().expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["frame-ancestors"], "'none'");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:", "http:"] {
            assert!(
                !value.split_whitespace().any(|v| v == forbidden),
                "{directive} must not allow {forbidden}: {value}"
            );
        }
    }
    assert!(config["app"]["security"]["dangerousDisableAssetCspModification"].is_null());
    assert_eq!(config["app"]["withGlobalTauri"], false, "the UI reaches Tauri only through its backend module");
}

#[test]
fn the_bundle_names_icons_that_exist() {
    let config = json("tauri.conf.json");
    for icon in config["bundle"]["icon"].as_array().unwrap() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(icon.as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(bytes.len() > 200, "{} is a real image", path.display());
    }
}

#[test]
fn the_ui_bindings_are_generated_from_the_current_commands() {
    let committed_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(mcommunity_app_lib::BINDINGS_PATH);
    let fresh = tempfile::NamedTempFile::new().unwrap();
    mcommunity_app_lib::export_bindings(fresh.path()).unwrap();
    let fresh = std::fs::read_to_string(fresh.path()).unwrap();
    if std::env::var_os("MCOMMUNITY_WRITE_BINDINGS").is_some() {
        std::fs::write(&committed_path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date with the Rust commands: run `make bindings`",
        committed_path.display()
    );
    for command in declared_commands() {
        let raw = mcommunity_app_lib::commands::RAW_COMMANDS.contains(&command.as_str());
        assert_eq!(
            fresh.contains(&format!("\"{command}\"")),
            !raw,
            "the bindings invoke every JSON command ({command}); raw-byte commands are called by name"
        );
    }
}
