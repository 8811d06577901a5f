//! The municipality's web dashboard and the public transparency page: server-rendered HTML
//! (maud, which escapes everything it prints, so a resident's text is always shown as text),
//! one stylesheet, no scripts.
//!
//! Routes (all under [`routes`]):
//! - `/dashboard/login`, `/dashboard/logout` — staff sessions ([`login`]);
//! - `/dashboard` (the inbox), `/dashboard/submissions/{id}` and its `answer`, `assign`, `photo/{n}`,
//!   `voice` — [`inbox`];
//! - `/dashboard/reports`, `/dashboard/reports/submissions.csv`, `/transparency` — [`reports`];
//! - `/dashboard/indicators` and its `indicators.csv` and `assessments.csv` — the project's
//!   indicators, for project members and admins ([`indicators`]);
//! - `/dashboard/announcements`, `/dashboard/categories`, `/dashboard/audit` — admins ([`admin`]).
//!
//! Every response carries a strict CSP and `nosniff`; staff pages are not cached. A page without a
//! session redirects to the login page; a role too low gets 403 (a volunteer on every page, a
//! project member on every page but the indicators); a form without the session's
//! CSRF token gets 403. `?lang=` picks the language and is remembered in a cookie.

pub mod admin;
pub mod inbox;
pub mod indicators;
pub mod login;
pub mod page;
pub mod reports;
pub mod stats;
pub mod web;

use axum::{
    Router,
    body::Body,
    extract::{DefaultBodyLimit, Request},
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use maud::html;

use crate::AppState;
use web::{Failure, LANG_COOKIE, Lang, lang_of, query_lang};

/// The Content-Security-Policy of every page: only our own stylesheet, images and sounds.
pub const CSP: &str = "default-src 'self'; img-src 'self'; media-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'";

/// The largest form the dashboard accepts (an announcement with its picture).
const FORM_LIMIT: usize = 6 * 1024 * 1024;

/// The dashboard's and the transparency page's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(page::STYLE_PATH, get(style))
        .route("/dashboard/login", get(login::form).post(login::submit))
        .route("/dashboard/logout", post(login::logout))
        .route("/dashboard", get(inbox::list))
        .route("/dashboard/submissions/{id}", get(inbox::detail))
        .route("/dashboard/submissions/{id}/answer", post(inbox::answer))
        .route("/dashboard/submissions/{id}/assign", post(inbox::assign))
        .route("/dashboard/submissions/{id}/photo/{n}", get(inbox::photo))
        .route("/dashboard/submissions/{id}/voice", get(inbox::voice))
        .route("/dashboard/reports", get(reports::reports))
        .route("/dashboard/reports/submissions.csv", get(reports::export))
        .route("/transparency", get(reports::transparency))
        .route("/dashboard/indicators", get(indicators::indicators))
        .route("/dashboard/indicators/indicators.csv", get(indicators::export_tables))
        .route("/dashboard/indicators/assessments.csv", get(indicators::export_assessments))
        .route("/dashboard/announcements", get(admin::announcements).post(admin::publish))
        .route("/dashboard/announcements/{id}/withdraw", post(admin::withdraw))
        .route("/dashboard/categories", get(admin::categories).post(admin::add_category))
        .route("/dashboard/categories/{id}", post(admin::change_category))
        .route("/dashboard/audit", get(admin::audit))
        .layer(DefaultBodyLimit::max(FORM_LIMIT))
        .layer(middleware::from_fn(frame))
}

async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], page::STYLE)
}

/// Security headers, the language cookie, and localized error pages.
async fn frame(request: Request, next: Next) -> Response {
    let lang = Lang(lang_of(request.uri().query(), request.headers()));
    let chosen = query_lang(request.uri().query());
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if let Some(failure) = response.extensions().get::<Failure>().copied() {
        let status = response.status();
        let title = lang.t(failure.0);
        let body = page::page(
            lang,
            &title,
            &path,
            None,
            html! { p { a href="/dashboard" { (lang.t("dash-back-to-inbox")) } } },
        );
        response = (status, body).into_response();
    }
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if path.starts_with("/dashboard") && path != page::STYLE_PATH {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if let Some(l) = chosen
        && let Ok(v) = HeaderValue::from_str(&web::set_cookie(LANG_COOKIE, l.code(), Some(365 * 86_400), false))
    {
        headers.append(header::SET_COOKIE, v);
    }
    response
}

/// A redirect after a form (303, so the browser follows with GET).
pub fn see_other(to: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
