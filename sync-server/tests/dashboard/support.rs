//! A browser for the in-process server: keeps cookies, fills in the CSRF token, logs in.

use std::collections::BTreeMap;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use mcommunity_client::view::DraftPatch;
use mcommunity_core::{ids::ProfileId, submission::SubmissionKind};
use mcommunity_sync_server::{staff, storage::dashboard::Role};
use tower::ServiceExt;

use crate::phone::{Phone, Server, profile};

/// A page as the browser got it.
pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Page {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn location(&self) -> Option<&str> {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok())
    }

    /// The CSRF token of the first form on the page.
    pub fn csrf(&self) -> String {
        let text = self.text();
        let start = text.find("name=\"csrf\" value=\"").expect("the page has a form with a CSRF token") + 19;
        text[start..start + text[start..].find('"').unwrap()].to_owned()
    }
}

/// A browser with its cookies.
pub struct Browser<'a> {
    pub server: &'a Server,
    pub cookies: BTreeMap<String, String>,
}

impl<'a> Browser<'a> {
    pub fn new(server: &'a Server) -> Browser<'a> {
        Browser { server, cookies: BTreeMap::new() }
    }

    async fn send(&mut self, request: axum::http::request::Builder, body: Body) -> Page {
        let cookie: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let request = request.header(header::COOKIE, cookie.join("; ")).body(body).unwrap();
        let response = self.server.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, _) = set.split_once(';').unwrap_or((set, ""));
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() || set.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
        Page { status, headers, body }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        self.send(Request::get(path), Body::empty()).await
    }

    /// Posts a form as it is (no token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(request, Body::from(body)).await
    }

    /// Posts a form with the CSRF token of the page at `form_page`.
    pub async fn post(&mut self, form_page: &str, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(form_page).await.csrf();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    pub async fn login(&mut self, username: &str, password: &str) -> Page {
        self.post("/dashboard/login", "/dashboard/login", &[("username", username), ("password", password)]).await
    }
}

/// The password every test account gets.
pub const PASSWORD: &str = "a long test password";

/// A staff account and a browser signed in with it.
pub async fn signed_in<'a>(server: &'a Server, username: &str, role: Role) -> Browser<'a> {
    staff::add(&*server.storage, username, role, PASSWORD, 0).await.unwrap();
    let mut browser = Browser::new(server);
    let page = browser.login(username, PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{username} logs in: {}", page.text());
    browser
}

/// A submission a resident sends from `phone` (a new profile there), synced to the server.
pub struct Sent {
    pub id: String,
    pub profile: ProfileId,
}

pub async fn send(
    phone: &Phone<'_>,
    name: &str,
    kind: SubmissionKind,
    category: &str,
    title: &str,
    text: &str,
) -> Sent {
    let (id, profile) = phone.device(|d| {
        let p = d.create_profile(&profile(name)).unwrap();
        let draft = d.create_draft(kind).unwrap();
        let patch = DraftPatch {
            category: Some(category.into()),
            title: Some(title.into()),
            text: Some(text.into()),
            ..Default::default()
        };
        d.update_draft(&draft.id, patch).unwrap();
        d.send_draft(&draft.id).unwrap();
        (draft.id, p.id.parse().unwrap())
    });
    phone.sync().await;
    Sent { id, profile }
}
