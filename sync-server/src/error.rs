//! The server's one error type. Client errors (4xx) carry a stable code and a clear reason and are
//! not logged as failures; internal errors answer with a generic message and log the detail.

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;

use crate::storage::StorageError;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No credential, or a wrong one.
    #[error("a valid device credential is needed")]
    Unauthorized,
    /// The device may not do this.
    #[error("{0}")]
    Forbidden(&'static str),
    /// The request does not make sense.
    #[error("{0}")]
    BadRequest(String),
    /// A username and password that do not match (counted towards the account's lock).
    #[error("wrong username or password")]
    WrongCredentials,
    /// The account is not a volunteer's.
    #[error("this account is not a volunteer's: ask the project to give it the volunteer role")]
    NotVolunteer,
    /// Nothing there for this device (or something it may not see: the two look the same).
    #[error("not found")]
    NotFound,
    /// The request does not fit the current state; the message says how to go on.
    #[error("{0}")]
    Conflict(String),
    /// The app speaks an older (or newer) protocol.
    #[error("this version of the app is too old for the server: please update the app")]
    UpdateRequired,
    /// Slow down.
    #[error("too many attempts: wait a few minutes, then try again")]
    TooManyRequests,
    /// Storage failed; the detail is logged, not sent.
    #[error("internal: {0}")]
    Internal(#[from] StorageError),
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: String,
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str) {
        match self {
            AppError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            AppError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad-request"),
            AppError::WrongCredentials => (StatusCode::FORBIDDEN, "wrong-credentials"),
            AppError::NotVolunteer => (StatusCode::FORBIDDEN, "not-a-volunteer"),
            AppError::NotFound => (StatusCode::NOT_FOUND, "not-found"),
            AppError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            AppError::UpdateRequired => (StatusCode::UPGRADE_REQUIRED, "update-required"),
            AppError::TooManyRequests => (StatusCode::TOO_MANY_REQUESTS, "too-many-requests"),
            AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let message = match &self {
            AppError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                "something went wrong on the server; try again later".to_owned()
            }
            other => {
                tracing::debug!(code, reason = %other, "request refused");
                other.to_string()
            }
        };
        (status, Json(Body { code, message })).into_response()
    }
}
