//! Limits on what a person may type, and the checks that enforce them. A broken rule is an
//! [`InputError`] naming the field and the message that says how to fix it; it is not a failure.

use crate::i18n::Arg;

/// Longest profile name, in characters.
pub const NAME_MAX_CHARS: usize = 60;
/// Longest submission title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// Longest submission text, in characters (a long letter; voice notes carry more).
pub const TEXT_MAX_CHARS: usize = 20_000;
/// Shortest and longest PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=6;

/// A rule broken by something typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The name is empty (or only spaces).
    NameEmpty,
    /// The name is longer than [`NAME_MAX_CHARS`].
    NameTooLong,
    /// The PIN is not 4–6 digits.
    PinFormat,
    /// The title is longer than [`TITLE_MAX_CHARS`].
    TitleTooLong,
    /// The text is longer than [`TEXT_MAX_CHARS`].
    TextTooLong,
    /// The category is not in the municipality's list.
    UnknownCategory,
    /// A submission is sent with nothing in it: it needs a text (or, later, a voice note).
    NothingToSend,
    /// A submission is sent without a category: the municipality routes by it.
    CategoryMissing,
    /// A sent submission cannot be changed any more.
    AlreadySent,
    /// A submission holds at most [`MAX_PHOTOS`] photos.
    TooManyPhotos,
    /// The file is not a JPEG or PNG photo the app can read.
    NotAPhoto,
    /// A voice note is longer than [`MAX_VOICE_SECONDS`].
    VoiceTooLong,
    /// The recording is empty or not a voice note the app can play.
    NotAVoiceNote,
    /// A message to the municipality is empty (or only spaces).
    MessageEmpty,
    /// A message is longer than [`MESSAGE_MAX_CHARS`].
    MessageTooLong,
    /// A message is added to a submission that is still a draft (its text is the place for it).
    NotSentYet,
    /// The chosen point is not within the municipality.
    LocationOutside,
    /// A session's day is not a date.
    SessionDate,
    /// A session needs a topic (at most 120 characters) and a place.
    SessionIncomplete,
    /// A request written with a volunteer's help is sent only with the resident's consent.
    ConsentMissing,
    /// Consent is asked only for a request written with a volunteer's help.
    NotAssisted,
}

impl InputError {
    /// The input at fault, as the UI names its fields.
    pub fn field(self) -> &'static str {
        match self {
            InputError::NameEmpty | InputError::NameTooLong => "name",
            InputError::PinFormat => "pin",
            InputError::TitleTooLong => "title",
            InputError::TextTooLong => "text",
            InputError::UnknownCategory | InputError::CategoryMissing => "category",
            InputError::NothingToSend => "text",
            InputError::AlreadySent => "status",
            InputError::TooManyPhotos | InputError::NotAPhoto => "photos",
            InputError::VoiceTooLong | InputError::NotAVoiceNote => "voice",
            InputError::MessageEmpty | InputError::MessageTooLong | InputError::NotSentYet => "message",
            InputError::LocationOutside => "location",
            InputError::SessionDate => "date",
            InputError::SessionIncomplete => "topic",
            InputError::ConsentMissing | InputError::NotAssisted => "consent",
        }
    }

    /// The Fluent message that says how to fix it, and its arguments.
    pub fn message(self) -> (&'static str, Vec<(&'static str, Arg<'static>)>) {
        let max = |n: usize| vec![("max", Arg::Number(n as i64))];
        match self {
            InputError::NameEmpty => ("error-name-empty", vec![]),
            InputError::NameTooLong => ("error-name-too-long", max(NAME_MAX_CHARS)),
            InputError::PinFormat => (
                "error-pin-format",
                vec![("min", Arg::Number(*PIN_DIGITS.start() as i64)), ("max", Arg::Number(*PIN_DIGITS.end() as i64))],
            ),
            InputError::TitleTooLong => ("error-title-too-long", max(TITLE_MAX_CHARS)),
            InputError::TextTooLong => ("error-text-too-long", max(TEXT_MAX_CHARS)),
            InputError::UnknownCategory => ("error-unknown-category", vec![]),
            InputError::NothingToSend => ("error-nothing-to-send", vec![]),
            InputError::CategoryMissing => ("error-category-missing", vec![]),
            InputError::AlreadySent => ("error-already-sent", vec![]),
            InputError::TooManyPhotos => ("error-too-many-photos", max(MAX_PHOTOS)),
            InputError::NotAPhoto => ("error-not-a-photo", vec![]),
            InputError::VoiceTooLong => {
                ("error-voice-too-long", vec![("minutes", Arg::Number(i64::from(MAX_VOICE_SECONDS / 60)))])
            }
            InputError::NotAVoiceNote => ("error-not-a-voice-note", vec![]),
            InputError::MessageEmpty => ("error-message-empty", vec![]),
            InputError::MessageTooLong => ("error-message-too-long", max(MESSAGE_MAX_CHARS)),
            InputError::NotSentYet => ("error-not-sent-yet", vec![]),
            InputError::LocationOutside => ("error-location-outside", vec![]),
            InputError::SessionDate => ("error-session-date", vec![]),
            InputError::SessionIncomplete => ("error-session-incomplete", vec![("max", Arg::Number(120))]),
            InputError::ConsentMissing => ("error-consent-missing", vec![]),
            InputError::NotAssisted => ("error-not-assisted", vec![]),
        }
    }
}

/// The most photos one submission holds.
pub const MAX_PHOTOS: usize = 5;

/// The longest voice note, in seconds.
pub const MAX_VOICE_SECONDS: u32 = 180;

/// Longest message added to a sent submission, in characters.
pub const MESSAGE_MAX_CHARS: usize = 2_000;

/// A profile name with its surrounding spaces removed, or the rule it breaks.
pub fn profile_name(name: &str) -> Result<String, InputError> {
    let name = name.trim();
    match name.chars().count() {
        0 => Err(InputError::NameEmpty),
        n if n > NAME_MAX_CHARS => Err(InputError::NameTooLong),
        _ => Ok(name.to_owned()),
    }
}

/// Checks a PIN: 4–6 ASCII digits, nothing else.
pub fn pin(pin: &str) -> Result<(), InputError> {
    if PIN_DIGITS.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(InputError::PinFormat)
    }
}

/// Checks a submission title's length.
pub fn title(title: &str) -> Result<(), InputError> {
    if title.chars().count() > TITLE_MAX_CHARS { Err(InputError::TitleTooLong) } else { Ok(()) }
}

/// Checks a submission text's length.
pub fn text(text: &str) -> Result<(), InputError> {
    if text.chars().count() > TEXT_MAX_CHARS { Err(InputError::TextTooLong) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{i18n::Messages, locale::Locale};

    #[test]
    fn profile_names() {
        let check = |input: &str, expect: Result<&str, InputError>| {
            assert_eq!(profile_name(input).as_deref().map_err(|e| *e), expect, "{input:?}")
        };
        check("  Drita  ", Ok("Drita"));
        check("Љубица", Ok("Љубица"));
        check("", Err(InputError::NameEmpty));
        check(" \t ", Err(InputError::NameEmpty));
        let sixty = "ë".repeat(60);
        check(&sixty, Ok(&sixty));
        check(&"ë".repeat(61), Err(InputError::NameTooLong));
    }

    #[test]
    fn pins() {
        let check = |input: &str, ok: bool| assert_eq!(pin(input).is_ok(), ok, "{input:?}");
        check("1234", true);
        check("123456", true);
        check("123", false);
        check("1234567", false);
        check("12a4", false);
        check("١٢٣٤", false); // Arabic-Indic digits are digits, but not on every keypad
        check(" 1234", false);
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert!(title(&"ç".repeat(TITLE_MAX_CHARS)).is_ok());
        assert_eq!(title(&"ç".repeat(TITLE_MAX_CHARS + 1)), Err(InputError::TitleTooLong));
        assert!(text(&"ж".repeat(TEXT_MAX_CHARS)).is_ok());
        assert_eq!(text(&"ж".repeat(TEXT_MAX_CHARS + 1)), Err(InputError::TextTooLong));
    }

    #[test]
    fn every_input_error_has_a_message_that_states_its_limit() {
        let messages = Messages::embedded();
        let all = [
            InputError::NameEmpty,
            InputError::NameTooLong,
            InputError::PinFormat,
            InputError::TitleTooLong,
            InputError::TextTooLong,
            InputError::UnknownCategory,
        ];
        for locale in Locale::ALL {
            for error in all {
                let (id, args) = error.message();
                assert!(messages.ids(locale).contains(id), "{locale} lacks {id}");
                let text = messages.format(locale, id, &args);
                for (_, arg) in &args {
                    if let Arg::Number(n) = arg {
                        assert!(text.contains(&n.to_string()), "{locale} {id} must state {n}: {text}");
                    }
                }
            }
        }
    }
}
