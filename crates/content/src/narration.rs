//! Narration generated from text: `espeak-ng` speaks it, `opusenc` encodes it as mono Ogg Opus at
//! a speech bitrate. Both are deterministic for a given text, voice and tool version (the Ogg
//! stream serial is fixed), so the same text always gives the same blob.
//!
//! Results are cached on disk by the SHA-256 of everything that shapes the sound, so a build
//! narrates only texts that changed.

use std::{
    io,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use mcommunity_core::locale::Locale;
use sha2::{Digest, Sha256};

/// Speech rate in words per minute: slower than espeak's default 175, for people new to the
/// language of screens.
const RATE: &str = "140";
/// Opus bitrate in kbit/s and frame size in ms: intelligible synthetic speech for about one
/// kilobyte per second (60 ms frames spend fewer bytes on framing than the default 20 ms).
const BITRATE: &str = "8";
const FRAME_MS: &str = "60";
/// Bumped when the recipe changes, so cached narration is made again.
const RECIPE: &str = "espeak-ng/140wpm + opusenc/8k/60ms/mono/serial1 v1";

/// Why narration could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NarrationError {
    /// A tool is not installed.
    #[error(
        "narration needs `{0}`: install Debian's espeak-ng and opus-tools (`apt-get install espeak-ng opus-tools`, or `make deps`)"
    )]
    ToolMissing(&'static str),
    /// A tool failed.
    #[error("{tool} failed on a {locale} text: {detail}")]
    ToolFailed {
        /// Which tool.
        tool: &'static str,
        /// The text's language.
        locale: Locale,
        /// What it printed.
        detail: String,
    },
    /// The cache could not be used.
    #[error("narration cache {path}: {source}")]
    Cache {
        /// The cache folder.
        path: PathBuf,
        /// The failure.
        source: io::Error,
    },
}

/// The espeak-ng voice for a language.
pub fn voice(locale: Locale) -> &'static str {
    match locale {
        Locale::Sq => "sq",
        Locale::Mk => "mk",
        Locale::Sr => "sr",
        Locale::En => "en-us",
    }
}

/// Speaks `text` in `locale`, from `cache` when it was spoken before.
pub fn narrate(text: &str, locale: Locale, cache: &Path) -> Result<Vec<u8>, NarrationError> {
    let key = cache_key(text, locale);
    let cached = cache.join(format!("{key}.opus"));
    if let Ok(bytes) = std::fs::read(&cached) {
        return Ok(bytes);
    }
    let bytes = speak(text, locale)?;
    let cache_error = |source| NarrationError::Cache { path: cache.to_owned(), source };
    std::fs::create_dir_all(cache).map_err(cache_error)?;
    // Write beside, then rename: a build killed half-way never leaves a truncated file behind.
    let partial = cache.join(format!("{key}.partial-{}", std::process::id()));
    std::fs::write(&partial, &bytes).map_err(cache_error)?;
    std::fs::rename(&partial, &cached).map_err(cache_error)?;
    Ok(bytes)
}

fn cache_key(text: &str, locale: Locale) -> String {
    let digest = Sha256::new()
        .chain_update(RECIPE)
        .chain_update([0])
        .chain_update(voice(locale))
        .chain_update([0])
        .chain_update(text)
        .finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn speak(text: &str, locale: Locale) -> Result<Vec<u8>, NarrationError> {
    let dir = tempfile::tempdir().map_err(|source| NarrationError::Cache { path: std::env::temp_dir(), source })?;
    let wav = dir.path().join("speech.wav");
    let opus = dir.path().join("speech.opus");
    run(
        Command::new("espeak-ng").args(["-v", voice(locale), "-s", RATE, "-w"]).arg(&wav).arg("--").arg(text),
        "espeak-ng",
        locale,
    )?;
    run(
        Command::new("opusenc")
            .args(["--quiet", "--bitrate", BITRATE, "--framesize", FRAME_MS, "--downmix-mono", "--serial", "1"])
            .arg(&wav)
            .arg(&opus),
        "opusenc",
        locale,
    )?;
    std::fs::read(&opus).map_err(|e| NarrationError::ToolFailed { tool: "opusenc", locale, detail: e.to_string() })
}

fn run(command: &mut Command, tool: &'static str, locale: Locale) -> Result<(), NarrationError> {
    let output = command.stdin(Stdio::null()).output().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => NarrationError::ToolMissing(tool),
        _ => NarrationError::ToolFailed { tool, locale, detail: e.to_string() },
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(NarrationError::ToolFailed { tool, locale, detail: String::from_utf8_lossy(&output.stderr).trim().into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narration_is_ogg_opus_made_once_and_then_read_from_the_cache() {
        let cache = tempfile::tempdir().unwrap();
        let first = narrate("Shtypni butonin e gjelbër.", Locale::Sq, cache.path()).unwrap();
        assert_eq!(&first[..4], b"OggS", "an Ogg stream");
        assert!(first.windows(8).any(|w| w == b"OpusHead"), "carrying Opus");
        assert!(first.len() < 16 * 1024, "a short sentence stays small: {} bytes", first.len());
        let files: Vec<_> = std::fs::read_dir(cache.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "one cached file, no partial left behind");
        // Replace the cached sound: a second call must return the cached bytes, not speak again.
        let path = files[0].as_ref().unwrap().path();
        std::fs::write(&path, b"cached").unwrap();
        assert_eq!(narrate("Shtypni butonin e gjelbër.", Locale::Sq, cache.path()).unwrap(), b"cached");
        assert_ne!(cache_key("a", Locale::Sq), cache_key("a", Locale::Mk), "the voice is part of the key");
    }

    #[test]
    fn the_same_text_gives_the_same_bytes() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let text = "Притиснете го зеленото копче.";
        assert_eq!(narrate(text, Locale::Mk, a.path()).unwrap(), narrate(text, Locale::Mk, b.path()).unwrap());
    }

    #[test]
    fn every_language_has_a_voice_that_speaks() {
        let cache = tempfile::tempdir().unwrap();
        for locale in Locale::ALL {
            let bytes = narrate("mCommunity", locale, cache.path()).unwrap();
            assert!(bytes.len() > 200, "{locale}: {} bytes", bytes.len());
        }
    }
}
