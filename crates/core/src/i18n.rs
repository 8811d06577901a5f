//! Fluent messages for everything Rust says to a person: error messages now, the server's pages
//! later. The messages are the same `locales/<locale>/*.ftl` files the UI reads, embedded at build
//! time.

use std::{collections::BTreeSet, sync::OnceLock};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

use crate::locale::Locale;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The messages of every UI language.
pub struct Messages {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

/// A Fluent file that does not parse or repeats a message id.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MessagesError {
    /// The file has syntax errors.
    #[error("{locale}/{file}: fluent syntax error: {detail}")]
    Syntax {
        /// The language folder.
        locale: String,
        /// The file name.
        file: String,
        /// The parser's account.
        detail: String,
    },
    /// A message id is defined twice within one language.
    #[error("{locale}/{file}: message defined twice: {detail}")]
    Duplicate {
        /// The language folder.
        locale: String,
        /// The file name.
        file: String,
        /// The bundle's account.
        detail: String,
    },
}

/// One argument of a message, e.g. `("max", Arg::Number(60))`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A number; Fluent picks plural forms by it.
    Number(i64),
    /// A string inserted as it is.
    Text(&'a str),
}

impl Messages {
    /// The messages built into this binary, parsed once.
    ///
    /// # Panics
    /// If an embedded Fluent file is broken; the test suite parses them all, so a release cannot
    /// ship one.
    pub fn embedded() -> &'static Messages {
        static MESSAGES: OnceLock<Messages> = OnceLock::new();
        MESSAGES.get_or_init(|| {
            Messages::from_sources(SOURCES.iter().copied())
                .unwrap_or_else(|e| panic!("embedded Fluent files must parse: {e}"))
        })
    }

    /// Builds the messages from `(locale code, file name, contents)` triples; folders that name no
    /// known [`Locale`] are ignored.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Result<Messages, MessagesError> {
        let mut bundles: Vec<(Locale, FluentBundle<FluentResource>)> = Locale::ALL
            .into_iter()
            .map(|locale| {
                let langid = locale.code().parse().expect("locale codes are valid language ids");
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                // The UI is left-to-right only; isolation marks would only add invisible characters.
                bundle.set_use_isolating(false);
                (locale, bundle)
            })
            .collect();
        for (code, file, source) in sources {
            let Ok(locale) = code.parse::<Locale>() else { continue };
            let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| MessagesError::Syntax {
                locale: code.to_owned(),
                file: file.to_owned(),
                detail: format!("{errors:?}"),
            })?;
            let bundle = &mut bundles.iter_mut().find(|(l, _)| *l == locale).unwrap().1;
            bundle.add_resource(resource).map_err(|errors| MessagesError::Duplicate {
                locale: code.to_owned(),
                file: file.to_owned(),
                detail: format!("{errors:?}"),
            })?;
        }
        Ok(Messages { bundles })
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == locale).expect("a bundle per locale").1
    }

    /// The message `id` in `locale`, with `args` filled in. A message missing in `locale` falls
    /// back to English, then to the id itself, so a gap shows as a visible id, never as nothing.
    pub fn format(&self, locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fluent_args.set(*name, FluentValue::from(*t)),
            }
        }
        for locale in [locale, Locale::En] {
            let bundle = self.bundle(locale);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                return text.into_owned();
            }
        }
        id.to_owned()
    }

    /// The message ids defined for `locale` (terms, which start with `-`, included).
    pub fn ids(&self, locale: Locale) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for (code, _, source) in self.sources_of(locale) {
            debug_assert_eq!(code, locale.code());
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                match entry {
                    fluent_syntax::ast::Entry::Message(m) => ids.insert(m.id.name.to_owned()),
                    fluent_syntax::ast::Entry::Term(t) => ids.insert(format!("-{}", t.id.name)),
                    _ => false,
                };
            }
        }
        ids
    }

    fn sources_of(&self, locale: Locale) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
        SOURCES.iter().copied().filter(move |(code, _, _)| *code == locale.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_the_same_message_ids() {
        let messages = Messages::embedded();
        let all: BTreeSet<String> = Locale::ALL.iter().flat_map(|l| messages.ids(*l)).collect();
        assert!(all.len() > 20, "the embedded locales must hold the app's messages, found {}", all.len());
        for locale in Locale::ALL {
            let ids = messages.ids(locale);
            let missing: Vec<_> = all.difference(&ids).collect();
            assert!(missing.is_empty(), "{locale} lacks messages that another locale has: {missing:?}");
        }
    }

    #[test]
    fn every_embedded_file_parses_without_errors() {
        for (code, file, source) in SOURCES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{code}/{file} has Fluent syntax errors: {errors:?}");
            }
        }
    }

    #[test]
    fn formats_arguments_and_plurals() {
        let messages = Messages::from_sources([
            (
                "en",
                "t.ftl",
                "drafts = { $n ->\n    [one] one draft\n   *[other] { $n } drafts\n}\nhello = Hello, { $name }\n",
            ),
            ("mk", "t.ftl", "hello = Здраво, { $name }\n"),
        ])
        .unwrap();
        let check =
            |locale, id, args: &[(&str, Arg<'_>)], expect: &str| assert_eq!(messages.format(locale, id, args), expect);
        check(Locale::En, "drafts", &[("n", Arg::Number(1))], "one draft");
        check(Locale::En, "drafts", &[("n", Arg::Number(3))], "3 drafts");
        check(Locale::Mk, "hello", &[("name", Arg::Text("Ана"))], "Здраво, Ана");
        // Missing in Albanian: English stands in; missing everywhere: the id shows.
        check(Locale::Sq, "hello", &[("name", Arg::Text("Ana"))], "Hello, Ana");
        check(Locale::Sq, "no-such-message", &[], "no-such-message");
    }

    #[test]
    fn a_broken_file_is_reported_with_its_name() {
        let sources = [("sq", "broken.ftl", "this is = = not fluent {")];
        let err = Messages::from_sources(sources).err().unwrap();
        assert!(err.to_string().starts_with("sq/broken.ftl"), "{err}");
    }
}
