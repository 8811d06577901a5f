//! The languages of the user interface.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// A UI language. Adding one is a matter of a variant here and a folder of Fluent files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Albanian, the pilot municipality's language and the default.
    Sq,
    /// Macedonian, in Cyrillic script.
    Mk,
    /// Serbian, in Latin script.
    Sr,
    /// English.
    En,
}

/// A string that names no UI language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale")]
pub struct UnknownLocale;

impl Locale {
    /// Every UI language, in the order the language picker shows them.
    pub const ALL: [Locale; 4] = [Locale::Sq, Locale::Mk, Locale::Sr, Locale::En];

    /// The BCP 47 code, also the name of the folder of Fluent files.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Sq => "sq",
            Locale::Mk => "mk",
            Locale::Sr => "sr",
            Locale::En => "en",
        }
    }

    /// The language's name in its own script, as the first-run picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Sq => "Shqip",
            Locale::Mk => "Македонски",
            Locale::Sr => "Srpski",
            Locale::En => "English",
        }
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(s: &str) -> Result<Locale, UnknownLocale> {
        Locale::ALL.into_iter().find(|l| l.code() == s).ok_or(UnknownLocale)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_the_wire_form() {
        for locale in Locale::ALL {
            assert_eq!(locale.code().parse(), Ok(locale));
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.code()), "the wire form is the code");
        }
        assert_eq!("de".parse::<Locale>(), Err(UnknownLocale));
    }
}
