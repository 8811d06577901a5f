//! Signing in and out. The login form carries a CSRF token of its own (double-submitted: a
//! cookie and a hidden field), as there is no session yet; five wrong passwords lock the account
//! for fifteen minutes (see `staff::login`).

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use maud::html;
use serde::Deserialize;

use super::{
    page::page,
    see_other,
    web::{LOGIN_COOKIE, Lang, PageError, Posted, SESSION_COOKIE, cookie, csrf_matches, set_cookie},
};
use crate::{
    AppState, now_ms,
    staff::{self, LoginOutcome},
    storage::dashboard::Role,
};

fn login_page(lang: Lang, token: &str, problem: Option<String>, secure: bool, status: StatusCode) -> Response {
    let body = html! {
        @if let Some(problem) = &problem {
            p.error role="alert" { (problem) }
        }
        form method="post" action="/dashboard/login" {
            input type="hidden" name="csrf" value=(token);
            label for="username" { (lang.t("dash-login-username")) }
            input #username name="username" type="text" autocomplete="username" required autocapitalize="none";
            label for="password" { (lang.t("dash-login-password")) }
            input #password name="password" type="password" autocomplete="current-password" required;
            div.actions { button type="submit" { (lang.t("dash-login-submit")) } }
        }
    };
    let mut response =
        (status, page(lang, &lang.t("dash-login-title"), "/dashboard/login", None, body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&set_cookie(LOGIN_COOKIE, token, Some(3600), secure)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// `GET /dashboard/login`.
pub async fn form(State(state): State<AppState>, lang: Lang) -> Response {
    login_page(lang, &staff::random_token(), None, state.secure_cookies, StatusCode::OK)
}

#[derive(Deserialize)]
struct Credentials {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// `POST /dashboard/login`.
pub async fn submit(
    State(state): State<AppState>,
    lang: Lang,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let expected = cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !csrf_matches(&body, expected) {
        return Err(PageError::BadCsrf);
    }
    let form: Credentials = serde_urlencoded::from_bytes(&body).map_err(|_| PageError::BadRequest)?;
    let secure = state.secure_cookies;
    match staff::login(&*state.storage, &form.username, &form.password, now_ms()).await? {
        LoginOutcome::SignedIn(session) => {
            // Project members have no inbox: their first page is the indicators.
            let role = state.storage.staff(form.username.trim()).await?.map(|a| a.role);
            let home = if role == Some(Role::Project) { "/dashboard/indicators" } else { "/dashboard" };
            let mut response = see_other(home);
            let cookies = [
                set_cookie(SESSION_COOKIE, &session.token, Some(staff::SESSION_MS / 1000), secure),
                set_cookie(LOGIN_COOKIE, "", Some(0), secure),
            ];
            for c in cookies {
                if let Ok(v) = HeaderValue::from_str(&c) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(response)
        }
        LoginOutcome::Wrong => Ok(login_page(
            lang,
            &staff::random_token(),
            Some(lang.t("dash-login-wrong")),
            secure,
            StatusCode::UNAUTHORIZED,
        )),
        LoginOutcome::Locked { .. } => Ok(login_page(
            lang,
            &staff::random_token(),
            Some(lang.t("dash-login-locked")),
            secure,
            StatusCode::TOO_MANY_REQUESTS,
        )),
    }
}

/// `POST /dashboard/logout`: ends the session.
pub async fn logout(
    State(state): State<AppState>,
    posted: Posted<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    state.storage.delete_session(posted.staff.token_hash).await?;
    staff::record(&*state.storage, now_ms(), &posted.staff.username, "logout", "", "").await?;
    let mut response = see_other("/dashboard/login");
    if let Ok(v) = HeaderValue::from_str(&set_cookie(SESSION_COOKIE, "", Some(0), state.secure_cookies)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}
