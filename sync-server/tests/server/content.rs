//! Publishing lessons and forms: the server publishes a lessons folder, a device syncs and finds
//! the lesson with its pictures and narration; a corrected lesson reaches the device; a change
//! without a raised revision is refused; a retired lesson stays with the person in the middle of
//! it; the real binary's `content check` and `content publish` speak clearly.

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use mcommunity_client::{background::SyncControl, credentials::MemoryStore, device::Device, view::LessonStatus};
use mcommunity_core::{content::PublishError, locale::Locale, profile::Avatar};
use mcommunity_sync_server::{
    AppState, app,
    blobs::FsBlobs,
    content::{PublishFailure, publish},
    storage::{Storage, sqlite::SqliteStorage},
};

const LESSON: &str = "beginners/01-phone-basics.toml";
const FORM: &str = "forms/e-albania-registration.toml";

fn repo_lessons() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons")
}

/// Narration is cached across test runs, as the build's is.
fn cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("narration-cache")
}

/// A lessons folder with one lesson and one form of the real set, and their pictures.
fn small_set(dir: &Path) {
    for file in [LESSON, FORM] {
        let target = dir.join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(repo_lessons().join(file), &target).unwrap();
    }
    std::fs::create_dir_all(dir.join("pictures")).unwrap();
    let set = mcommunity_content::set::load(dir);
    // The copy names pictures it does not have yet: copy exactly those.
    let problems = set.err().unwrap_or_default();
    for problem in problems {
        let name = problem.message.split('"').nth(1).unwrap().to_owned();
        std::fs::copy(repo_lessons().join("pictures").join(&name), dir.join("pictures").join(&name)).unwrap();
    }
    mcommunity_content::set::load(dir).expect("the small set is whole");
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

struct Setup {
    storage: Arc<dyn Storage>,
    blobs: FsBlobs,
    url: String,
    _dir: tempfile::TempDir,
}

async fn serve() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let storage: Arc<dyn Storage> = Arc::new(SqliteStorage::open(dir.path()).unwrap());
    let blobs = FsBlobs::open(&dir.path().join("blobs")).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(storage.clone(), blobs.clone());
    tokio::spawn(async move { axum::serve(listener, app(state)).await.unwrap() });
    Setup { storage, blobs, url, _dir: dir }
}

async fn publish_dir(
    setup: &Setup,
    lessons: &Path,
) -> Result<mcommunity_sync_server::content::Published, PublishFailure> {
    let bundle = mcommunity_content::bundle::build(lessons, &cache()).unwrap();
    publish(&*setup.storage, &setup.blobs, &bundle, false).await
}

#[tokio::test]
async fn a_published_lesson_reaches_a_device_and_a_correction_follows() {
    let setup = serve().await;
    let lessons = tempfile::tempdir().unwrap();
    small_set(lessons.path());
    let first = publish_dir(&setup, lessons.path()).await.unwrap();
    assert_eq!(first.created, vec!["phone-basics".to_string(), "e-albania-registration".to_string()]);
    assert!(first.new_blobs > 10, "pictures and narration are stored: {}", first.new_blobs);
    let again = publish_dir(&setup, lessons.path()).await.unwrap();
    assert_eq!(
        (again.created.len(), again.updated.len(), again.unchanged, again.new_blobs),
        (0, 0, 2, 0),
        "idempotent"
    );

    // A device that never had the bundled set: everything arrives by sync.
    let dir = tempfile::tempdir().unwrap();
    let device = Arc::new(Mutex::new(Device::open(dir.path()).unwrap()));
    let control = SyncControl::new(Some(setup.url.clone()), Arc::new(MemoryStore::default()));
    device
        .lock()
        .unwrap()
        .create_profile(&mcommunity_client::view::NewProfile {
            name: "Vesna".into(),
            avatar: Avatar::Flower,
            pin: None,
            locale: Locale::Mk,
        })
        .unwrap();
    control.sync_once(&device).await.unwrap();
    let lesson = {
        let mut d = device.lock().unwrap();
        let list = d.lessons().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].locale, Locale::Mk, "shown in the profile's language");
        let lesson = d.lesson("phone-basics").unwrap();
        let audio = lesson.steps[0].audio.clone().expect("the step is narrated in Macedonian");
        let sound = d.media(&audio.hash).expect("the narration was downloaded with the sync");
        assert!(sound.starts_with(b"OggS"));
        let picture = lesson.steps[0].picture.clone().unwrap();
        let drawing = d.media(&picture.hash).expect("the picture was downloaded with the sync");
        assert!(String::from_utf8_lossy(&drawing).contains("<svg"));
        d.lesson_see_step("phone-basics", 0).unwrap();
        d.lesson_see_step("phone-basics", 1).unwrap();
        assert_eq!(d.forms().unwrap()[0].id, "e-albania-registration");
        lesson
    };

    // A correction without a raised revision is refused and publishes nothing.
    let old_text = &lesson.steps[0].text;
    edit(lessons.path(), LESSON, old_text, "Поправен чекор.");
    match publish_dir(&setup, lessons.path()).await {
        Err(PublishFailure::Content { id, source: PublishError::RevisionNotRaised { current: 1 }, .. }) => {
            assert_eq!(id, "phone-basics")
        }
        other => panic!("a change without a raised revision must be refused, got {other:?}"),
    }
    edit(lessons.path(), LESSON, "revision = 1", "revision = 2");
    let second = publish_dir(&setup, lessons.path()).await.unwrap();
    assert_eq!(second.updated, vec!["phone-basics".to_string()]);
    control.sync_once(&device).await.unwrap();
    {
        let d = device.lock().unwrap();
        let lesson = d.lesson("phone-basics").unwrap();
        assert_eq!(lesson.steps[0].text, "Поправен чекор.", "the corrected lesson reached the device");
        assert_eq!(lesson.progress.seen, vec![0, 1], "progress survives the new edition");
        let audio = lesson.steps[0].audio.clone().unwrap();
        drop(d);
        let sound = device.lock().unwrap().media(&audio.hash).unwrap();
        assert!(sound.starts_with(b"OggS"), "the new narration arrived too");
    }

    // The lesson leaves the set: retired, but the person in the middle of it keeps it.
    std::fs::remove_file(lessons.path().join(LESSON)).unwrap();
    let third = publish_dir(&setup, lessons.path()).await.unwrap();
    assert_eq!(third.retired, vec!["phone-basics".to_string()]);
    control.sync_once(&device).await.unwrap();
    let mut d = device.lock().unwrap();
    let list = d.lessons().unwrap();
    assert_eq!(list.len(), 1, "kept for the person who started it");
    assert_eq!(list[0].status, LessonStatus::Started);
    d.create_profile(&mcommunity_client::view::NewProfile {
        name: "Arben".into(),
        avatar: Avatar::Sun,
        pin: None,
        locale: Locale::Sq,
    })
    .unwrap();
    assert!(d.lessons().unwrap().is_empty(), "someone who never started it no longer sees it");
}

#[test]
fn the_binary_checks_and_publishes_a_lessons_folder() {
    let lessons = tempfile::tempdir().unwrap();
    small_set(lessons.path());
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mcommunity-sync-server"))
            .args(args)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let dir = lessons.path().to_str().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let check = run(&["content", "check", dir]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 lessons and 1 practice forms"));

    let published = run(&["content", "publish", dir, "--data", data_dir]);
    assert!(published.status.success(), "{}", String::from_utf8_lossy(&published.stderr));
    let out = String::from_utf8_lossy(&published.stdout);
    assert!(out.contains("new: phone-basics, e-albania-registration"), "{out}");

    edit(lessons.path(), LESSON, "right = true", "right = false");
    let broken = run(&["content", "publish", dir, "--data", data_dir]);
    assert!(!broken.status.success(), "a broken lesson is not published");
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("beginners/01-phone-basics.toml") && err.contains("exactly one right choice"), "{err}");
}

#[tokio::test]
async fn a_device_with_the_bundled_lessons_downloads_none_of_them_again() {
    let setup = serve().await;
    let lessons = tempfile::tempdir().unwrap();
    small_set(lessons.path());
    let bundle = mcommunity_content::bundle::build(lessons.path(), &cache()).unwrap();
    publish(&*setup.storage, &setup.blobs, &bundle, false).await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let device = Arc::new(Mutex::new(Device::open(dir.path()).unwrap()));
    device.lock().unwrap().import_content(Box::leak(bundle.encode().into_boxed_slice())).unwrap();
    let control = SyncControl::new(Some(setup.url.clone()), Arc::new(MemoryStore::default()));
    let first = control.sync_once(&device).await.unwrap();
    assert_eq!(first.downloaded, 0, "the server's editions are the very changes the app bundled");
    assert!(first.bytes_down < 2_000, "a first sync costs heads, not lessons: {} bytes down", first.bytes_down);
    let again = control.sync_once(&device).await.unwrap();
    assert_eq!((again.uploaded, again.downloaded), (0, 0), "reported once, then nothing");

    // A newer edition on the server then arrives as a change, not as the whole lesson.
    edit(lessons.path(), LESSON, "revision = 1", "revision = 2");
    edit(lessons.path(), LESSON, "minutes = ", "minutes = 1");
    let newer = mcommunity_content::bundle::build(lessons.path(), &cache()).unwrap();
    publish(&*setup.storage, &setup.blobs, &newer, false).await.unwrap();
    let update = control.sync_once(&device).await.unwrap();
    assert_eq!(update.downloaded, 1);
    let whole = newer.items.iter().find(|i| i.id == "phone-basics").unwrap().edition.body.len() as u64;
    assert!(update.bytes_down < whole, "{} bytes down for a lesson of {whole} bytes", update.bytes_down);
    let mut d = device.lock().unwrap();
    d.create_profile(&mcommunity_client::view::NewProfile {
        name: "Drita".into(),
        avatar: Avatar::Sun,
        pin: None,
        locale: Locale::Sq,
    })
    .unwrap();
    assert_eq!(d.lessons().unwrap()[0].minutes, 15, "the new edition is the one shown");
}

#[tokio::test]
async fn progress_made_on_two_paired_devices_apart_adds_up() {
    use crate::support::{Phone, Server, profile};
    let server = Server::new();
    let lessons = tempfile::tempdir().unwrap();
    small_set(lessons.path());
    let bundle: &'static [u8] =
        Box::leak(mcommunity_content::bundle::build(lessons.path(), &cache()).unwrap().encode().into_boxed_slice());

    let laptop = Phone::new(&server).await;
    let pid = laptop.device(|d| {
        d.import_content(bundle).unwrap();
        let p = d.create_profile(&profile("Lule")).unwrap();
        d.lesson_see_step("phone-basics", 0).unwrap();
        p.id.parse::<mcommunity_core::ids::ProfileId>().unwrap()
    });
    laptop.sync().await;
    let phone = Phone::new(&server).await;
    phone.device(|d| d.import_content(bundle).unwrap());
    phone.pair_from(&laptop, pid).await;
    phone.sync().await;

    // Apart: the laptop sees step 1 and finishes; the phone, offline, sees step 2.
    laptop.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        d.lesson_see_step("phone-basics", 1).unwrap();
        d.lesson_finish("phone-basics").unwrap();
    });
    phone.device(|d| {
        d.open_profile(&pid.to_string(), None).unwrap();
        d.lesson_see_step("phone-basics", 2).unwrap();
    });
    for _ in 0..2 {
        laptop.sync().await;
        phone.sync().await;
    }
    for device in [&laptop, &phone] {
        let progress = device.device(|d| {
            d.open_profile(&pid.to_string(), None).unwrap();
            d.lesson("phone-basics").unwrap().progress
        });
        assert_eq!(progress.seen, vec![0, 1, 2], "steps seen on either device count on both");
        assert!(progress.done);
    }
}
