//! The dashboard's HTTP plumbing: the page language (`?lang=`, then the `mc_lang` cookie, then
//! Albanian), the signed-in staff member (the `mc_session` cookie; none → a redirect to the login
//! page), forms checked against the session's CSRF token ([`Posted`]), and [`PageError`], which
//! the error layer turns into a localized page.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{HeaderMap, StatusCode, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};
use mcommunity_core::{
    i18n::{Arg, Messages},
    locale::Locale,
};
use serde::{Deserialize, de::DeserializeOwned};

use crate::{
    AppState, now_ms,
    staff::{same_token, token_hash},
    storage::{StorageError, dashboard::Role},
};

/// The session cookie.
pub const SESSION_COOKIE: &str = "mc_session";
/// The language cookie.
pub const LANG_COOKIE: &str = "mc_lang";
/// The login form's own CSRF cookie (there is no session yet to hold the token).
pub const LOGIN_COOKIE: &str = "mc_login";

/// The value of cookie `name`, if the request has it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: `HttpOnly; SameSite=Strict; Path=/`, `Secure` when asked.
pub fn set_cookie(name: &str, value: &str, max_age_s: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/");
    if let Some(age) = max_age_s {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// The language `?lang=` asks for, if any.
pub fn query_lang(query: Option<&str>) -> Option<Locale> {
    query?.split('&').filter_map(|p| p.split_once('=')).find(|(k, _)| *k == "lang").and_then(|(_, v)| v.parse().ok())
}

/// The page language: `?lang=`, else the cookie, else Albanian.
pub fn lang_of(query: Option<&str>, headers: &HeaderMap) -> Locale {
    query_lang(query).or_else(|| cookie(headers, LANG_COOKIE).and_then(|v| v.parse().ok())).unwrap_or(Locale::Sq)
}

/// The page language, as an extractor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lang(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Lang, Self::Rejection> {
        Ok(Lang(lang_of(parts.uri.query(), &parts.headers)))
    }
}

impl Lang {
    /// Message `id`.
    pub fn t(self, id: &str) -> String {
        Messages::embedded().format(self.0, id, &[])
    }

    /// Message `id` with arguments.
    pub fn ta(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        Messages::embedded().format(self.0, id, args)
    }

    /// The `<html lang>` tag: Serbian is written in Latin script here.
    pub fn tag(self) -> &'static str {
        match self.0 {
            Locale::Sr => "sr-Latn",
            other => other.code(),
        }
    }
}

/// A signed-in member of staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Staff {
    /// Their username.
    pub username: String,
    /// Their role.
    pub role: Role,
    /// Their session's CSRF token.
    pub csrf: String,
    /// Their session token's hash (to end it).
    pub token_hash: [u8; 32],
}

impl Staff {
    /// Refuses (403) unless the role is at least `role`.
    pub fn require(&self, role: Role) -> Result<(), PageError> {
        if self.role >= role { Ok(()) } else { Err(PageError::Forbidden) }
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Staff, Response> {
        let to_login = || Redirect::to("/dashboard/login").into_response();
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else { return Err(to_login()) };
        let hash = token_hash(token);
        match state.storage.session(hash, now_ms()).await {
            Ok(Some(s)) => {
                // Deny by default: a page added later never opens to volunteers or project members
                // unless listed here.
                let path = parts.uri.path();
                let allowed = match s.role {
                    Role::Volunteer => path == "/dashboard/logout",
                    Role::Project => path == "/dashboard/logout" || path.starts_with("/dashboard/indicators"),
                    Role::Viewer | Role::Clerk | Role::Admin => true,
                };
                if !allowed {
                    return Err(PageError::Forbidden.into_response());
                }
                Ok(Staff { username: s.username, role: s.role, csrf: s.csrf, token_hash: hash })
            }
            Ok(None) => Err(to_login()),
            Err(e) => Err(PageError::Internal(e).into_response()),
        }
    }
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// A form posted by a signed-in member of staff, whose `csrf` field matched their session's
/// token (else 403, before anything else is read).
pub struct Posted<T> {
    /// Who posted it.
    pub staff: Staff,
    /// The form.
    pub form: T,
}

/// Whether a form body carries `expected` as its `csrf` field.
pub fn csrf_matches(body: &[u8], expected: &str) -> bool {
    serde_urlencoded::from_bytes::<CsrfField>(body).is_ok_and(|f| !f.csrf.is_empty() && same_token(&f.csrf, expected))
}

impl<T: DeserializeOwned> FromRequest<AppState> for Posted<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Posted<T>, Response> {
        let (mut parts, body) = req.into_parts();
        let staff = Staff::from_request_parts(&mut parts, state).await?;
        let req = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        if !csrf_matches(&bytes, &staff.csrf) {
            return Err(PageError::BadCsrf.into_response());
        }
        let form = serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest.into_response())?;
        Ok(Posted { staff, form })
    }
}

/// Why a page failed; the error layer renders it in the page's language.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Nothing here (or nothing this person may see).
    #[error("not found")]
    NotFound,
    /// The role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// A form without the session's CSRF token.
    #[error("form token missing or wrong")]
    BadCsrf,
    /// A form that does not make sense.
    #[error("bad request")]
    BadRequest,
    /// Storage failed; logged, shown generically.
    #[error("internal: {0}")]
    Internal(#[from] StorageError),
}

/// Put on an error response, so the error layer knows what page to render.
#[derive(Clone, Copy, Debug)]
pub struct Failure(pub &'static str);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            PageError::NotFound => (StatusCode::NOT_FOUND, "dash-error-not-found"),
            PageError::Forbidden => (StatusCode::FORBIDDEN, "dash-error-forbidden"),
            PageError::BadCsrf => (StatusCode::FORBIDDEN, "dash-error-csrf"),
            PageError::BadRequest => (StatusCode::BAD_REQUEST, "dash-error-bad-request"),
            PageError::Internal(detail) => {
                tracing::error!(error = %detail, "dashboard request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "dash-error-internal")
            }
        };
        let mut response = (status, message).into_response();
        response.extensions_mut().insert(Failure(message));
        response
    }
}
