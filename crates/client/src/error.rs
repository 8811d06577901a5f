//! The client's error type: every way an action on the device can fail, each with a stable
//! [`ErrorCode`] for the UI.

use mcommunity_core::{documents::SchemaError, errors::ErrorCode, limits::InputError};

use crate::store::StoreError;

/// Why an action on the device failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// No such document for this profile (another profile's document looks the same).
    #[error("not found")]
    NotFound,
    /// The action needs an open profile.
    #[error("no active profile")]
    NoActiveProfile,
    /// The PIN was wrong.
    #[error("wrong pin")]
    WrongPin,
    /// Too many wrong PINs; the profile is locked for a while.
    #[error("pin locked")]
    PinLocked,
    /// Something typed breaks a rule; nothing was changed.
    #[error("invalid input: {0:?}")]
    Input(InputError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored document does not follow its schema.
    #[error("malformed document: {0}")]
    Schema(#[from] SchemaError),
    /// The server could not be reached.
    #[error("offline")]
    Offline,
    /// Sync is not set up on this device (no server).
    #[error("sync is off")]
    SyncOff,
    /// The device has no secure store for its sync credential.
    #[error("no secure credential store")]
    NoSecureStore,
    /// The pairing code is wrong or has expired.
    #[error("pairing code invalid")]
    PairingInvalid,
    /// Too many attempts; wait.
    #[error("too many attempts")]
    TooManyAttempts,
    /// The app is too old for the server.
    #[error("update required")]
    UpdateRequired,
    /// A fault of the program (e.g. the PIN hasher failed).
    #[error("internal: {0}")]
    Internal(String),
    /// The action is for volunteers, and the open profile is not one.
    #[error("not a volunteer")]
    NotVolunteer,
    /// The server refused the volunteer account's name or password.
    #[error("volunteer account refused")]
    VolunteerRefused,
}

impl From<InputError> for ClientError {
    fn from(e: InputError) -> ClientError {
        ClientError::Input(e)
    }
}

impl ClientError {
    /// The stable code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            ClientError::NotFound => ErrorCode::NotFound,
            ClientError::NoActiveProfile => ErrorCode::NoActiveProfile,
            ClientError::WrongPin => ErrorCode::WrongPin,
            ClientError::PinLocked => ErrorCode::PinLocked,
            ClientError::Input(_) => ErrorCode::InvalidInput,
            ClientError::Store(StoreError::DiskFull) => ErrorCode::DiskFull,
            ClientError::Store(StoreError::Corrupt(_)) | ClientError::Schema(_) => ErrorCode::StorageCorrupt,
            ClientError::Store(_) => ErrorCode::Storage,
            ClientError::Offline => ErrorCode::Offline,
            ClientError::SyncOff | ClientError::NoSecureStore => ErrorCode::SyncOff,
            ClientError::PairingInvalid => ErrorCode::PairingInvalid,
            ClientError::TooManyAttempts => ErrorCode::TooManyAttempts,
            ClientError::UpdateRequired => ErrorCode::UpdateRequired,
            ClientError::Internal(_) => ErrorCode::Internal,
            ClientError::NotVolunteer => ErrorCode::NotVolunteer,
            ClientError::VolunteerRefused => ErrorCode::VolunteerRefused,
        }
    }
}
