//! The loop of issue 5 with real parts only: the real server binary on a socket, a real device
//! (`mcommunity-client`) that sends a request with a photo, a voice note and a place, and a clerk
//! in headless Chromium (Debian's `chromium`, through `chromedriver`) who logs in, finds it, plays
//! the voice note, replies and sets a status; the device syncs and has the reply and the status.

mod webdriver;

use std::{
    io::Write,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use mcommunity_client::{
    background::SyncControl,
    credentials::MemoryStore,
    device::Device,
    view::{DraftPatch, NewProfile, Point},
};
use mcommunity_core::{answer::AnswerStatus, locale::Locale, profile::Avatar, submission::SubmissionKind};
use serde_json::json;

use crate::webdriver::Driver;

const SERVER: &str = env!("CARGO_BIN_EXE_mcommunity-sync-server");

struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn serve(data: &std::path::Path) -> (ServerProcess, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(SERVER)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data", data.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let process = ServerProcess(child);
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..400 {
        if reqwest::get(format!("{url}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
            return (process, url);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the server did not answer /healthz");
}

/// `admin add-staff`, the password given on standard input as a script would.
fn add_staff(data: &std::path::Path, username: &str, role: &str, password: &str) {
    let mut child = Command::new(SERVER)
        .args(["admin", "add-staff", "--username", username, "--role", role, "--data", data.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "add-staff failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// A photo as a phone's gallery gives it: a PNG of 1200×900.
fn photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1200, 900, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 120]));
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    png
}

/// Four seconds of a voice-like sound at 16 kHz: a wavering tone with its harmonics.
fn voice() -> Vec<i16> {
    (0..16_000 * 4)
        .map(|i| {
            let t = f64::from(i) / 16_000.0;
            let pitch = 150.0 + 40.0 * (t * 2.5).sin();
            let s: f64 = (1..6).map(|h| (t * pitch * f64::from(h) * std::f64::consts::TAU).sin() / f64::from(h)).sum();
            (s * 5_000.0) as i16
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_sends_a_clerk_answers_in_a_browser_and_the_phone_has_the_answer() {
    let data = tempfile::tempdir().unwrap();
    let (_server, url) = serve(data.path()).await;
    add_staff(data.path(), "arta", "clerk", "Mali-i-Shenjtë-2026");

    // The resident, on her phone: a request with a photo, a voice note and a place.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone = Arc::new(Mutex::new(Device::open(phone_dir.path()).unwrap()));
    let words = "Uji mungon në Qelëz prej tri ditësh. <script>alert(1)</script>";
    let (draft_id, photo_hash, voice_hash) = {
        let mut d = phone.lock().unwrap();
        d.create_profile(&NewProfile { name: "Mrika".into(), avatar: Avatar::Sun, pin: None, locale: Locale::Sq })
            .unwrap();
        let draft = d.create_draft(SubmissionKind::Problem).unwrap();
        let patch = DraftPatch {
            title: Some("Nuk ka ujë".into()),
            text: Some(words.into()),
            category: Some("water".into()),
            kind: None,
        };
        d.update_draft(&draft.id, patch).unwrap();
        let with_photo = d.attach_photo(&draft.id, &photo()).unwrap();
        let with_voice = d.attach_voice(&draft.id, &voice(), 16_000).unwrap();
        d.set_draft_location(&draft.id, Some(Point { lat: 42.0905, lon: 20.0660 })).unwrap();
        d.send_draft(&draft.id).unwrap();
        (draft.id, with_photo.photos[0].hash.clone(), with_voice.voice.unwrap().media.hash)
    };
    let control = SyncControl::new(Some(url.clone()), Arc::new(MemoryStore::default()));
    control.sync_once(&phone).await.unwrap();
    assert!(phone.lock().unwrap().attachments_to_upload().unwrap().1.is_empty(), "photo and voice note went up");

    // The clerk, in a browser at the municipal office.
    let driver = Driver::start().await;
    let browser = driver.browser(1280, 800).await;
    browser.go(&format!("{url}/dashboard?lang=sq")).await;
    assert!(browser.url().await.contains("/dashboard/login"), "no session: the login page");
    browser.type_into("#username", "arta").await;
    browser.type_into("#password", "Mali-i-Shenjtë-2026").await;
    browser.click("form button[type=submit]").await;
    browser.click(&format!("a[href='/dashboard/submissions/{draft_id}']")).await;
    let page = browser.text("main").await;
    assert!(
        page.contains("Nuk ka ujë") && page.contains(words),
        "the request as sent, its markup shown as text: {page}"
    );
    assert!(page.contains("Qelëz"), "the village of the chosen place");
    let scripts = browser.script("return document.querySelectorAll('script').length", json!([])).await;
    assert_eq!(scripts, json!(0), "the resident's <script> is text, not a script");

    // The photo shows, and the voice note plays for as long as it was recorded.
    let photo_width = browser
        .script_async(
            "const done = arguments[arguments.length - 1];
             const img = document.querySelector('main img');
             if (!img) return done(0);
             if (img.complete) return done(img.naturalWidth);
             img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1);",
            json!([]),
        )
        .await;
    assert!(photo_width.as_i64().unwrap_or(0) > 0, "the photo loads in the page: {photo_width}");
    let played = browser
        .script_async(
            "const done = arguments[arguments.length - 1];
             const a = document.querySelector('audio');
             a.muted = true;
             a.play().then(() => setTimeout(() => done({ duration: a.duration, at: a.currentTime }), 600))
                     .catch(e => done({ error: String(e), code: a.error && a.error.code }));",
            json!([]),
        )
        .await;
    let duration = played["duration"].as_f64().unwrap_or_else(|| panic!("the voice note did not play: {played}"));
    assert!((duration - 4.0).abs() < 0.1, "it lasts the four seconds recorded: {played}");
    assert!(played["at"].as_f64().unwrap() > 0.0, "and it played: {played}");

    // She replies and sets a status and an expected date.
    let reply = "Punëtorët do të vijnë nesër në mëngjes.";
    browser
        .script(
            "document.querySelector('#status').value = 'in-progress';
             document.querySelector('#expected').value = '2026-12-15';",
            json!([]),
        )
        .await;
    browser.type_into("#reply", reply).await;
    browser.click("form[action$='/answer'] button[type=submit]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(browser.text("main").await.contains(reply), "the conversation shows the reply");
    browser.close().await;

    // The phone's next sync brings the reply and the status.
    control.sync_once(&phone).await.unwrap();
    let d = phone.lock().unwrap();
    let seen = d.draft(&draft_id).unwrap();
    let answer = seen.answer.expect("the municipality's answer reached the phone");
    assert_eq!(answer.status, AnswerStatus::InProgress);
    assert_eq!(answer.expected.as_deref(), Some("2026-12-15"));
    assert_eq!(answer.replies.len(), 1);
    assert_eq!(answer.replies[0].text, reply);
    assert!(answer.replies[0].by.contains("arta"), "signed by the clerk: {}", answer.replies[0].by);
    assert_eq!(d.drafts().unwrap()[0].answer_status, Some(AnswerStatus::InProgress), "the list shows the status");
    assert_eq!(
        (seen.photos[0].hash.as_str(), seen.voice.unwrap().media.hash.as_str()),
        (photo_hash.as_str(), voice_hash.as_str())
    );
}
