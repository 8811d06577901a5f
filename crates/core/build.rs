//! Embeds every Fluent file under `locales/<locale>/*.ftl` into the crate, so the messages have one
//! source of truth (the files the UI also reads) and the core needs no file I/O at run time.

use std::{env, fs, path::PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for locale in fs::read_dir(&root).expect("locales/ exists at the workspace root") {
        let locale = locale.unwrap();
        if !locale.file_type().unwrap().is_dir() {
            continue;
        }
        let code = locale.file_name().into_string().expect("locale folder names are ASCII");
        let mut files: Vec<PathBuf> = fs::read_dir(locale.path())
            .unwrap()
            .map(|f| f.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let path = fs::canonicalize(&file).unwrap();
            entries.push(format!(
                "    ({code:?}, {name:?}, include_str!({path:?})),\n",
                name = file.file_name().unwrap().to_string_lossy(),
                path = path.to_string_lossy()
            ));
        }
    }
    entries.sort();
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("locales.rs");
    let body = format!(
        "/// Every embedded Fluent file: (locale code, file name, contents).\n\
         pub(crate) static SOURCES: &[(&str, &str, &str)] = &[\n{}];\n",
        entries.concat()
    );
    fs::write(out, body).unwrap();
}
