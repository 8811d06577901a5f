//! What admins publish: announcements and categories reach devices at their next sync.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use mcommunity_sync_server::storage::dashboard::Role;

use crate::{
    phone::{Phone, Server, profile},
    support::{Browser, signed_in},
};

/// A multipart body of text fields and an optional picture.
fn multipart(fields: &[(&str, &str)], picture: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "mcommunity-test-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    if let Some(bytes) = picture {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(browser: &mut Browser<'_>, fields: &[(&str, &str)], picture: Option<&[u8]>) -> StatusCode {
    let (content_type, body) = multipart(fields, picture);
    let cookie: Vec<String> = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let request = Request::post("/dashboard/announcements")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::COOKIE, cookie.join("; "))
        .body(Body::from(body))
        .unwrap();
    let (status, _) = browser.server.call(request).await;
    status
}

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(8, 8, |x, y| image::Rgb([x as u8 * 30, y as u8 * 30, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn an_announcement_reaches_two_devices_and_its_withdrawal_too() {
    let server = Server::new();
    let phones = [Phone::new(&server).await, Phone::new(&server).await];
    for (i, phone) in phones.iter().enumerate() {
        phone.device(|d| d.create_profile(&profile(["Vera", "Ilir"][i])).unwrap());
        phone.sync().await;
    }
    let mut admin = signed_in(&server, "drita", Role::Admin).await;
    let token = admin.get("/dashboard/announcements").await.csrf();
    let fields = [
        ("csrf", token.as_str()),
        ("title-sq", "Ujë i ndërprerë"),
        ("text-sq", "Nesër nga ora 9 deri në 12."),
        ("title-mk", "Прекин на вода"),
        ("text-mk", "Утре од 9 до 12 часот."),
    ];
    assert_eq!(post_multipart(&mut admin, &fields[1..], None).await, StatusCode::FORBIDDEN, "no CSRF token");
    let not_a_picture = b"GIF89a pretending to be a PNG".to_vec();
    assert_eq!(
        post_multipart(&mut admin, &fields, Some(&not_a_picture)).await,
        StatusCode::BAD_REQUEST,
        "not a picture"
    );
    assert_eq!(post_multipart(&mut admin, &fields, Some(&png())).await, StatusCode::SEE_OTHER);

    for phone in &phones {
        phone.sync().await;
        let news = phone.device(|d| {
            let p = d.profiles().unwrap()[0].id.clone();
            d.open_profile(&p, None).unwrap();
            d.news().unwrap()
        });
        assert_eq!(news.len(), 1, "every device has the announcement");
        assert_eq!(news[0].title, "Ujë i ndërprerë", "in the person's language (Albanian)");
    }
    let list = server.storage.announcements().await.unwrap();
    assert_eq!(list.len(), 1);
    // The picture is a public blob every device may fetch (the app's background sync does).
    let doc = mcommunity_sync_server::storage::load_doc(&*server.storage, list[0].id).await.unwrap().unwrap();
    let hash = mcommunity_core::announcement::read(&doc).unwrap().picture.expect("the announcement names its picture");
    let request = Request::get(format!("/v1/blobs/{hash}?scope=public&offset=0"))
        .header(header::AUTHORIZATION, &phones[1].bearer)
        .body(Body::empty())
        .unwrap();
    let (status, bytes) = server.call(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, png(), "the picture as uploaded");
    let page = admin.get("/dashboard/announcements").await.text();
    assert!(page.contains("Ujë i ndërprerë"));

    let id = list[0].id;
    let out = admin.post("/dashboard/announcements", &format!("/dashboard/announcements/{id}/withdraw"), &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    for phone in &phones {
        phone.sync().await;
        let news = phone.device(|d| {
            let p = d.profiles().unwrap()[0].id.clone();
            d.open_profile(&p, None).unwrap();
            d.news().unwrap()
        });
        assert!(news.is_empty(), "withdrawn on every device");
    }
    let (log, _) = server.storage.audit_log(50, 0).await.unwrap();
    assert!(log.iter().any(|e| e.action == "announcement-publish" && e.actor == "drita"));
    assert!(log.iter().any(|e| e.action == "announcement-withdraw" && e.target == id.to_string()));
}

#[tokio::test]
async fn categories_added_renamed_and_retired_reach_the_device() {
    let server = Server::new();
    let phone = Phone::new(&server).await;
    phone.device(|d| d.create_profile(&profile("Vera")).unwrap());
    let mut admin = signed_in(&server, "drita", Role::Admin).await;
    let add = [
        ("id", "bridges"),
        ("name-sq", "Urat"),
        ("name-mk", "Мостови"),
        ("name-sr", "Mostovi"),
        ("name-en", "Bridges"),
    ];
    assert_eq!(admin.post("/dashboard/categories", "/dashboard/categories", &add).await.status, StatusCode::SEE_OTHER);
    let rename = [
        ("action", "rename"),
        ("name-sq", "Ujë dhe kanalizime"),
        ("name-mk", "Вода"),
        ("name-sr", "Voda"),
        ("name-en", "Water"),
    ];
    assert_eq!(
        admin.post("/dashboard/categories", "/dashboard/categories/water", &rename).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        admin.post("/dashboard/categories", "/dashboard/categories/other", &[("action", "retire")]).await.status,
        StatusCode::SEE_OTHER
    );
    let again = admin.post("/dashboard/categories", "/dashboard/categories", &add).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "an id already taken");

    phone.sync().await;
    let offered = phone.device(|d| {
        let p = d.profiles().unwrap()[0].id.clone();
        d.open_profile(&p, None).unwrap();
        d.categories().unwrap()
    });
    let ids: Vec<&str> = offered.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.contains(&"bridges"), "the new one: {ids:?}");
    assert!(!ids.contains(&"other"), "a retired one is no longer offered");
    let water = offered.iter().find(|c| c.id == "water").unwrap();
    assert_eq!(water.name, "Ujë dhe kanalizime", "renamed, in Albanian");
    let (log, _) = server.storage.audit_log(50, 0).await.unwrap();
    for action in ["category-add", "category-rename", "category-retire"] {
        assert!(log.iter().any(|e| e.action == action), "{action} is in the audit log");
    }
    let audit = admin.get("/dashboard/audit").await.text();
    assert!(audit.contains("category-retire") && audit.contains("drita"), "admins read the audit log");
}
