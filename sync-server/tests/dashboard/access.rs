//! Who gets in: logins, the lockout, logout, sessions, roles and CSRF tokens.

use axum::http::{StatusCode, header};
use mcommunity_sync_server::{staff, storage::dashboard::Role};

use crate::{
    phone::Server,
    support::{Browser, PASSWORD, signed_in},
};

#[tokio::test]
async fn pages_without_a_session_redirect_to_the_login_page() {
    let server = Server::new();
    let mut browser = Browser::new(&server);
    for path in [
        "/dashboard",
        "/dashboard/reports",
        "/dashboard/announcements",
        "/dashboard/audit",
        "/dashboard/reports/submissions.csv",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path} needs a session");
        assert_eq!(page.location(), Some("/dashboard/login"), "{path}");
    }
    // A forged or expired cookie is no session either.
    browser.cookies.insert("mc_session".into(), "forged".into());
    assert_eq!(browser.get("/dashboard").await.location(), Some("/dashboard/login"));
    // The public page needs none.
    assert_eq!(browser.get("/transparency").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_login_opens_a_strict_cookie_session_and_logout_ends_it() {
    let server = Server::new();
    staff::add(&*server.storage, "arta", Role::Clerk, PASSWORD, 0).await.unwrap();
    let mut browser = Browser::new(&server);
    let page = browser.login("arta", PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let cookie = page
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("mc_session="))
        .expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
        assert!(cookie.contains(attribute), "the session cookie has {attribute}: {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http in tests: no Secure flag unless asked");
    let token = browser.cookies["mc_session"].clone();
    let stored = server.storage.session(staff::token_hash(&token), 1).await.unwrap().unwrap();
    assert_eq!(stored.username, "arta");
    let inbox = browser.get("/dashboard").await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.text().contains("arta"), "the page says who is signed in");

    let out = browser.post("/dashboard", "/dashboard/logout", &[]).await;
    assert_eq!(out.location(), Some("/dashboard/login"));
    assert!(server.storage.session(staff::token_hash(&token), 1).await.unwrap().is_none(), "the session is gone");
    // Even a copy of the old cookie opens nothing now.
    browser.cookies.insert("mc_session".into(), token);
    assert_eq!(browser.get("/dashboard").await.location(), Some("/dashboard/login"));
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_even_for_the_right_one() {
    let server = Server::new();
    staff::add(&*server.storage, "arta", Role::Clerk, PASSWORD, 0).await.unwrap();
    let mut browser = Browser::new(&server);
    for attempt in 1..=5 {
        let page = browser.login("arta", "wrong password!").await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED, "attempt {attempt} is refused");
        assert!(!browser.cookies.contains_key("mc_session"));
    }
    let account = server.storage.staff("arta").await.unwrap().unwrap();
    assert!(account.locked_until.is_some(), "the lock is on disk, so it outlives a restart");
    let page = browser.login("arta", PASSWORD).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "locked: the right password does not open it");
    assert!(!browser.cookies.contains_key("mc_session"));

    // Fifteen minutes later it opens again.
    let later = account.locked_until.unwrap() + 1;
    let outcome = staff::login(&*server.storage, "arta", PASSWORD, later).await.unwrap();
    assert!(matches!(outcome, staff::LoginOutcome::SignedIn(_)), "{outcome:?}");
    // Four wrong ones then a right one do not lock.
    for _ in 0..4 {
        staff::login(&*server.storage, "arta", "nope nope nope", later).await.unwrap();
    }
    let outcome = staff::login(&*server.storage, "arta", PASSWORD, later).await.unwrap();
    assert!(matches!(outcome, staff::LoginOutcome::SignedIn(_)));

    let (log, _) = server.storage.audit_log(100, 0).await.unwrap();
    let failed = log.iter().filter(|e| e.action == "login-failed").count();
    assert_eq!(failed, 9, "every failed login is in the audit log");
    assert!(log.iter().any(|e| e.action == "login-locked"));
    assert!(log.iter().any(|e| e.action == "login" && e.actor == "arta"));
    assert!(log.iter().all(|e| !e.detail.contains(PASSWORD)), "no password is ever logged");
}

#[tokio::test]
async fn a_clerk_gets_403_on_admin_pages_and_a_viewer_cannot_act() {
    let server = Server::new();
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    for path in ["/dashboard/announcements", "/dashboard/categories", "/dashboard/audit"] {
        let page = clerk.get(path).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "a clerk may not open {path}");
        assert!(page.text().contains("<html"), "a page, not a bare status");
    }
    let token = clerk.get("/dashboard").await.csrf();
    let post = clerk
        .post_raw(
            "/dashboard/categories",
            &[("csrf", &token), ("id", "x"), ("name-sq", "x"), ("name-mk", "x"), ("name-sr", "x"), ("name-en", "x")],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN, "nor post to one");

    let mut viewer = signed_in(&server, "besa", Role::Viewer).await;
    assert_eq!(viewer.get("/dashboard").await.status, StatusCode::OK, "a viewer reads");
    let token = viewer.get("/dashboard").await.csrf();
    let id = mcommunity_core::ids::DocId::random();
    let post = viewer
        .post_raw(&format!("/dashboard/submissions/{id}/answer"), &[("csrf", &token), ("status", "closed")])
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN, "a viewer may not answer");

    let mut admin = signed_in(&server, "drita", Role::Admin).await;
    for path in ["/dashboard/announcements", "/dashboard/categories", "/dashboard/audit"] {
        assert_eq!(admin.get(path).await.status, StatusCode::OK, "an admin opens {path}");
    }
}

#[tokio::test]
async fn a_form_without_the_sessions_csrf_token_is_refused() {
    let server = Server::new();
    let mut admin = signed_in(&server, "drita", Role::Admin).await;
    let fields =
        [("id", "bridges"), ("name-sq", "Ura"), ("name-mk", "Мостови"), ("name-sr", "Mostovi"), ("name-en", "Bridges")];
    let page = admin.post_raw("/dashboard/categories", &fields).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "no token");
    let mut with_wrong = vec![("csrf", "not-the-token")];
    with_wrong.extend_from_slice(&fields);
    assert_eq!(
        admin.post_raw("/dashboard/categories", &with_wrong).await.status,
        StatusCode::FORBIDDEN,
        "a wrong token"
    );
    // Another session's token is wrong too.
    let other = signed_in(&server, "erion", Role::Admin).await;
    let mut theirs = other;
    let their_token = theirs.get("/dashboard").await.csrf();
    let mut with_theirs = vec![("csrf", their_token.as_str())];
    with_theirs.extend_from_slice(&fields);
    assert_eq!(admin.post_raw("/dashboard/categories", &with_theirs).await.status, StatusCode::FORBIDDEN);
    // Logout without a token does not log out.
    assert_eq!(admin.post_raw("/dashboard/logout", &[]).await.status, StatusCode::FORBIDDEN);
    // The login form has a token of its own.
    let mut stranger = Browser::new(&server);
    let page = stranger.post_raw("/dashboard/login", &[("username", "drita"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "a login post without the login form's token");

    let list = mcommunity_sync_server::categories::ensure(&*server.storage).await.unwrap();
    assert!(list.items.iter().all(|c| c.id != "bridges"), "nothing was added");
    assert_eq!(
        admin.post("/dashboard/categories", "/dashboard/categories", &fields).await.status,
        StatusCode::SEE_OTHER,
        "with the token it works"
    );
}

#[tokio::test]
async fn pages_carry_a_strict_csp_and_the_language_is_chosen_and_remembered() {
    let server = Server::new();
    let mut browser = Browser::new(&server);
    let page = browser.get("/transparency").await;
    assert_eq!(page.headers[header::CONTENT_SECURITY_POLICY], mcommunity_sync_server::dashboard::CSP);
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(page.text().contains("<html lang=\"sq\""), "Albanian by default");
    assert!(!page.text().contains("<script"), "no scripts at all");
    let mk = browser.get("/transparency?lang=mk").await;
    assert!(mk.text().contains("<html lang=\"mk\""));
    assert!(mk.text().contains("Како одговара општината"), "Macedonian in Cyrillic");
    let remembered = browser.get("/transparency").await;
    assert!(remembered.text().contains("<html lang=\"mk\""), "the choice is remembered in a cookie");
    let sr = browser.get("/dashboard/login?lang=sr").await;
    assert!(sr.text().contains("<html lang=\"sr-Latn\""), "Serbian in Latin script");
    let css = browser.get(mcommunity_sync_server::dashboard::page::STYLE_PATH).await;
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
}
