//! What checking a page of a practice form finds: a [`Report`] of [`Diagnostic`]s, each naming a
//! field and a [`DiagnosticCode`] that is also the id of a Fluent message in `locales/*/forms.ftl`.

use serde::{Serialize, Serializer};

use crate::{
    i18n::{Arg, Messages},
    locale::Locale,
};

/// Declares [`DiagnosticCode`], its Fluent message ids and the list of every code in one place, so
/// a new code cannot be added without its message id and without joining [`DiagnosticCode::ALL`]
/// (which the locale test walks).
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident => $id:literal,)*) => {
        /// Why a field's value is not accepted (or, for [`Severity::Notice`], worth a second look).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $($(#[doc = $doc])* $name,)*
        }

        impl DiagnosticCode {
            /// Every code, in declaration order.
            pub const ALL: &[DiagnosticCode] = &[$(DiagnosticCode::$name,)*];

            /// The Fluent message id that explains this code to a person.
            pub fn message_id(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$name => $id,)*
                }
            }
        }
    };
}

codes! {
    /// A required field is empty.
    Required => "form-required",
    /// A required choice has nothing chosen.
    ChooseOne => "form-choose-one",
    /// A required file has not been chosen.
    FileMissing => "form-file-missing",
    /// Text shorter than `$min` characters.
    TextTooShort => "form-text-too-short",
    /// Text longer than `$max` characters.
    TextTooLong => "form-text-too-long",
    /// Not a whole number.
    NumberNotANumber => "form-number-not-a-number",
    /// A number below `$min`.
    NumberTooSmall => "form-number-too-small",
    /// A number above `$max`.
    NumberTooLarge => "form-number-too-large",
    /// A date not written as year-month-day.
    DateFormat => "form-date-format",
    /// A date that is not in the calendar, such as 30 February.
    DateNotReal => "form-date-not-real",
    /// A date after today where only today or earlier makes sense.
    DateMustBePast => "form-date-must-be-past",
    /// A date before today where only today or later makes sense.
    DateMustBeFuture => "form-date-must-be-future",
    /// A value that is none of the choice's options.
    ChoiceUnknown => "form-choice-unknown",
    /// Not an Albanian mobile number.
    PhoneAlFormat => "form-phone-al-format",
    /// Not an e-mail address.
    EmailFormat => "form-email-format",
    /// A password outside `$min`..=`$max` characters.
    PasswordLength => "form-password-length",
    /// A password without a letter.
    PasswordNeedsLetter => "form-password-needs-letter",
    /// A password without a digit.
    PasswordNeedsDigit => "form-password-needs-digit",
    /// A one-time code that is not six digits.
    OtpFormat => "form-otp-format",
    /// A one-time code that is not the one sent.
    OtpWrong => "form-otp-wrong",
    /// A personal number with nothing in it.
    IdEmpty => "form-id-empty",
    /// A personal number of `$found` signs where `$expected` are needed.
    IdWrongLength => "form-id-wrong-length",
    /// A sign that does not belong at `$position` (counted from 1).
    IdBadCharacter => "form-id-bad-character",
    /// An Albanian number whose first sign names no decade.
    NidBadDecade => "form-nid-bad-decade",
    /// A month part that names no month.
    IdBadMonth => "form-id-bad-month",
    /// A day part outside 01–31.
    IdBadDay => "form-id-bad-day",
    /// A birth date that is not in the calendar.
    IdBadDate => "form-id-bad-date",
    /// An Albanian number whose last letter does not match the rest.
    NidBadCheck => "form-nid-bad-check",
    /// A Macedonian EMBG whose last digit does not match the rest.
    EmbgBadCheck => "form-embg-bad-check",
    /// A Macedonian EMBG whose first twelve digits admit no last digit, so no one has it.
    EmbgNeverIssued => "form-embg-never-issued",
    /// A Kosovo number whose last digit disagrees with the one published check rule (a notice).
    KosovoCheckUnconfirmed => "form-kosovo-check-unconfirmed",
}

/// How much a diagnostic stands in the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value is not accepted; the real service would refuse it.
    Problem,
    /// The value is accepted, but the person should look at it again.
    Notice,
}

impl DiagnosticCode {
    /// Whether this code blocks the page or only asks for a second look.
    pub fn severity(self) -> Severity {
        match self {
            DiagnosticCode::KosovoCheckUnconfirmed => Severity::Notice,
            _ => Severity::Problem,
        }
    }
}

impl Serialize for DiagnosticCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.message_id())
    }
}

/// A value filled into a diagnostic's message, e.g. `("max", 60)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DiagnosticArg {
    /// A number; Fluent picks plural forms by it.
    Number(i64),
    /// Text inserted as it is.
    Text(String),
}

/// One finding about one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The field's id, as in the form file.
    pub field: String,
    /// What is wrong; also the Fluent message id.
    pub code: DiagnosticCode,
    /// The message's arguments, by name.
    pub args: Vec<(String, DiagnosticArg)>,
}

impl Diagnostic {
    /// A diagnostic without arguments.
    pub fn new(field: &str, code: DiagnosticCode) -> Diagnostic {
        Diagnostic { field: field.to_owned(), code, args: Vec::new() }
    }

    /// Adds a number argument.
    pub fn with_number(mut self, name: &str, value: i64) -> Diagnostic {
        self.args.push((name.to_owned(), DiagnosticArg::Number(value)));
        self
    }

    /// The message in `locale`, with the arguments filled in.
    pub fn message(&self, messages: &Messages, locale: Locale) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    DiagnosticArg::Number(n) => Arg::Number(*n),
                    DiagnosticArg::Text(t) => Arg::Text(t),
                };
                (name.as_str(), arg)
            })
            .collect();
        messages.format(locale, self.code.message_id(), &args)
    }
}

/// Everything checking found, in field order. An empty report means the page is filled correctly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The findings, problems and notices alike, in the order of the form's fields.
    pub problems: Vec<Diagnostic>,
}

impl Report {
    /// Whether the person may go on: nothing of [`Severity::Problem`] was found (notices allowed).
    pub fn passes(&self) -> bool {
        self.problems.iter().all(|d| d.code.severity() == Severity::Notice)
    }

    /// Each finding as `(field id, message in locale)`, in order.
    pub fn localize(&self, messages: &Messages, locale: Locale) -> Vec<(String, String)> {
        self.problems.iter().map(|d| (d.field.clone(), d.message(messages, locale))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_in_every_locale() {
        let messages = Messages::embedded();
        for locale in Locale::ALL {
            let ids = messages.ids(locale);
            for code in DiagnosticCode::ALL {
                assert!(ids.contains(code.message_id()), "{locale}/forms.ftl must explain {}", code.message_id());
            }
        }
    }

    #[test]
    fn message_ids_are_unique_and_prefixed() {
        let mut seen = std::collections::BTreeSet::new();
        for code in DiagnosticCode::ALL {
            assert!(code.message_id().starts_with("form-"), "{code:?}: form messages share the form- prefix");
            assert!(seen.insert(code.message_id()), "{code:?}: two codes must not share a message");
        }
    }

    #[test]
    fn localizes_with_arguments() {
        let report = Report {
            problems: vec![
                Diagnostic::new("nid", DiagnosticCode::IdWrongLength)
                    .with_number("expected", 10)
                    .with_number("found", 9),
            ],
        };
        let en = report.localize(Messages::embedded(), Locale::En);
        assert_eq!(en, vec![("nid".to_owned(), "The personal number has 10 signs. You wrote 9.".to_owned())]);
        assert!(!report.passes(), "a wrong length blocks the page");
    }

    #[test]
    fn a_notice_does_not_block() {
        let report = Report { problems: vec![Diagnostic::new("id", DiagnosticCode::KosovoCheckUnconfirmed)] };
        assert!(report.passes(), "an unconfirmed Kosovo check digit is only a notice");
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(json, r#"{"problems":[{"field":"id","code":"form-kosovo-check-unconfirmed","args":[]}]}"#);
    }
}
