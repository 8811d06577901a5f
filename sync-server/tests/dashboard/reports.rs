//! Reports, the CSV export and the public transparency page, over real sent submissions.

use axum::http::{StatusCode, header};
use mcommunity_core::submission::SubmissionKind;
use mcommunity_sync_server::storage::dashboard::Role;

use crate::{
    phone::{Phone, Server},
    support::{Browser, send, signed_in},
};

/// Three submissions from two residents, one answered; returns the answered one's id.
async fn three(server: &Server) -> (String, String) {
    let phone = Phone::new(server).await;
    let a = send(
        &phone,
        "Fatbardha Gjoka",
        SubmissionKind::Problem,
        "water",
        "Ujë",
        "=HYPERLINK(\"http://evil\") çështje ë",
    )
    .await;
    send(&phone, "Марија", SubmissionKind::Request, "roads", "Пат", "Дупка, \"голема\"\nкај школото").await;
    send(&phone, "Ilir", SubmissionKind::Problem, "water", "Ujë përsëri", "Sot").await;
    let mut clerk = signed_in(server, "arta-answers", Role::Clerk).await;
    let form = format!("/dashboard/submissions/{}", a.id);
    let page = clerk.post(&form, &format!("{form}/answer"), &[("status", "answered"), ("reply", "Po vijmë.")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    (a.id, a.profile.to_string())
}

#[tokio::test]
async fn reports_count_by_status_category_and_month() {
    let server = Server::new();
    three(&server).await;
    let mut viewer = signed_in(&server, "besa", Role::Viewer).await;
    let page = viewer.get("/dashboard/reports?lang=en").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    let rows = server.storage.report_rows().await.unwrap();
    assert_eq!(rows.len(), 3);
    let summary = mcommunity_sync_server::dashboard::stats::summarize(&rows);
    assert_eq!((summary.received, summary.answered), (3, 1));
    assert_eq!(summary.answered_percent(), 33);
    assert!(html.contains("33 %"), "the answered share is shown");
    assert!(html.contains("Water and drains") && html.contains("Roads and bridges"), "categories by name");
    assert!(html.contains("<th scope=\"row\">Received</th><td class=\"num\">2</td>"), "two still received: {html}");
    assert!(html.contains("<th scope=\"row\">Answered</th><td class=\"num\">1</td>"));
    let month = mcommunity_sync_server::dashboard::page::month(mcommunity_sync_server::now_ms());
    assert!(html.contains(&format!("<th scope=\"row\">{month}</th><td class=\"num\">3</td>")), "this month: 3");
}

#[tokio::test]
async fn the_csv_export_opens_in_a_spreadsheet_and_holds_personal_data_only_for_admins() {
    let server = Server::new();
    let (answered, author) = three(&server).await;
    let mut clerk = signed_in(&server, "arta", Role::Clerk).await;
    let file = clerk.get("/dashboard/reports/submissions.csv?lang=sq").await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(file.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    assert!(file.body.starts_with(b"\xEF\xBB\xBF"), "a BOM, so spreadsheets read UTF-8");
    let text = String::from_utf8(file.body[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 5, "a header, three rows and the end: {text:?}");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only (no texts for a clerk)");
    assert!(lines[0].starts_with("Identifikuesi,Dërguar,Lloji,Kategoria,Gjendja"), "{}", lines[0]);
    assert!(text.contains(&answered) && text.contains("U përgjigj"), "statuses in Albanian");
    for personal in [author.as_str(), "HYPERLINK", "Дупка", "Ujë përsëri", "Fatbardha"] {
        assert!(!text.contains(personal), "a clerk's export has no {personal}");
    }
    let (log, _) = server.storage.audit_log(50, 0).await.unwrap();
    assert!(log.iter().any(|e| e.action == "csv-export" && e.actor == "arta" && e.detail == "anonymous"));

    let mut admin = signed_in(&server, "drita", Role::Admin).await;
    let file = admin.get("/dashboard/reports/submissions.csv?lang=mk").await;
    let text = String::from_utf8(file.body[3..].to_vec()).unwrap();
    assert!(text.contains(&author), "an admin's export names the resident id");
    assert!(text.contains("\"'=HYPERLINK(\"\"http://evil\"\") çështje ë\""), "a formula is defused and quoted: {text}");
    assert!(text.contains("\"Дупка, \"\"голема\"\"\nкај школото\""), "Cyrillic, commas, quotes and line breaks intact");
    assert!(text.contains("Примено"), "statuses in Macedonian");
}

#[tokio::test]
async fn the_transparency_page_has_numbers_and_no_names_texts_or_places() {
    let server = Server::new();
    three(&server).await;
    let mut public = Browser::new(&server);
    let page = public.get("/transparency?lang=en").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<td class=\"num\">3</td>") || html.contains("<dd>3</dd>"), "three received");
    assert!(html.contains("33 %"));
    for private in ["Fatbardha", "Марија", "Ilir", "HYPERLINK", "Дупка", "Ujë", "Sot", "Po vijmë", "arta"]
    {
        assert!(!html.contains(private), "the public page shows no {private}");
    }
    assert!(!html.contains("/dashboard/submissions/"), "and no links to submissions");
}
