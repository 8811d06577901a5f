//! The stable error codes the app's UI branches on, and their messages.

use serde::{Deserialize, Serialize};

/// What went wrong, in a form the UI can branch on. The wire form (`"disk-full"`, …) never
/// changes meaning; each code has a Fluent message `error-<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The document does not exist (or belongs to another profile, which looks the same).
    NotFound,
    /// The action needs a person to be chosen first.
    NoActiveProfile,
    /// The PIN was wrong.
    WrongPin,
    /// Too many wrong PINs; wait and try again.
    PinLocked,
    /// Something typed breaks a rule; the message says which and how to fix it.
    InvalidInput,
    /// The device's storage is full; nothing was written.
    DiskFull,
    /// The database file was damaged.
    StorageCorrupt,
    /// Storage failed for another reason.
    Storage,
    /// A fault of the program itself.
    Internal,
    /// The server could not be reached; what was done is kept and sent later.
    Offline,
    /// Sending is not set up on this device.
    SyncOff,
    /// A pairing code is wrong or has expired.
    PairingInvalid,
    /// Too many attempts; wait a few minutes.
    TooManyAttempts,
    /// The app must be updated to talk to the server.
    UpdateRequired,
    /// The action is for volunteers: the open profile is not linked to a volunteer account.
    NotVolunteer,
    /// The server did not accept the volunteer account's name and password.
    VolunteerRefused,
}

impl ErrorCode {
    /// The id of the Fluent message that explains this code to a person.
    pub fn message_id(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "error-not-found",
            ErrorCode::NoActiveProfile => "error-no-active-profile",
            ErrorCode::WrongPin => "error-wrong-pin",
            ErrorCode::PinLocked => "error-pin-locked",
            ErrorCode::InvalidInput => "error-invalid-input",
            ErrorCode::DiskFull => "error-disk-full",
            ErrorCode::StorageCorrupt => "error-storage-corrupt",
            ErrorCode::Storage => "error-storage",
            ErrorCode::Internal => "error-internal",
            ErrorCode::Offline => "error-offline",
            ErrorCode::SyncOff => "error-sync-off",
            ErrorCode::PairingInvalid => "error-pairing-invalid",
            ErrorCode::TooManyAttempts => "error-too-many-attempts",
            ErrorCode::UpdateRequired => "error-update-required",
            ErrorCode::NotVolunteer => "error-not-volunteer",
            ErrorCode::VolunteerRefused => "error-volunteer-refused",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{i18n::Messages, locale::Locale};

    const ALL: [ErrorCode; 14] = [
        ErrorCode::Offline,
        ErrorCode::SyncOff,
        ErrorCode::PairingInvalid,
        ErrorCode::TooManyAttempts,
        ErrorCode::UpdateRequired,
        ErrorCode::NotFound,
        ErrorCode::NoActiveProfile,
        ErrorCode::WrongPin,
        ErrorCode::PinLocked,
        ErrorCode::InvalidInput,
        ErrorCode::DiskFull,
        ErrorCode::StorageCorrupt,
        ErrorCode::Storage,
        ErrorCode::Internal,
    ];

    #[test]
    fn every_code_has_a_message_in_every_locale() {
        let messages = Messages::embedded();
        for locale in Locale::ALL {
            let ids = messages.ids(locale);
            for code in ALL {
                assert!(ids.contains(code.message_id()), "{locale} lacks {}", code.message_id());
            }
        }
    }

    #[test]
    fn wire_form_is_the_message_suffix() {
        for code in ALL {
            let wire = serde_json::to_string(&code).unwrap();
            assert_eq!(format!("\"error-{}\"", wire.trim_matches('"')), format!("\"{}\"", code.message_id()));
        }
    }
}
