//! The app's background sync against a real server on a socket: registration with the credential
//! kept in the store given, status as the UI sees it, pairing, offline and no-keyring states.

use std::sync::{Arc, Mutex};

use mcommunity_client::{
    background::SyncControl,
    credentials::{CredentialError, CredentialStore, MemoryStore},
    device::Device,
    error::ClientError,
    sync::http::Credential,
    view::SyncState,
};
use mcommunity_core::ids::ProfileId;
use mcommunity_sync_server::{AppState, app, storage::sqlite::SqliteStorage};

use crate::support::{kind, profile, text};

async fn serve(dir: &std::path::Path) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let state = state_in(dir);
    let task = tokio::spawn(async move {
        axum::serve(listener, app(state)).await.unwrap();
    });
    (url, task)
}

fn state_in(dir: &std::path::Path) -> AppState {
    AppState::new(
        Arc::new(SqliteStorage::open(dir).unwrap()),
        mcommunity_sync_server::blobs::FsBlobs::open(&dir.join("blobs")).unwrap(),
    )
}

fn device(dir: &std::path::Path) -> Arc<Mutex<Device>> {
    Arc::new(Mutex::new(Device::open(dir).unwrap()))
}

struct NoKeyring;

impl CredentialStore for NoKeyring {
    fn load(&self) -> Result<Option<Credential>, CredentialError> {
        Ok(None)
    }
    fn save(&self, _: &Credential) -> Result<(), CredentialError> {
        Err(CredentialError::Unavailable("no secret service on this machine".into()))
    }
}

#[tokio::test]
async fn background_sync_registers_sends_pairs_and_reports_its_state() {
    let server_dir = tempfile::tempdir().unwrap();
    let (url, server) = serve(server_dir.path()).await;

    let laptop_dir = tempfile::tempdir().unwrap();
    let laptop = device(laptop_dir.path());
    let (pid, draft) = {
        let mut d = laptop.lock().unwrap();
        let p = d.create_profile(&profile("Mimoza")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        d.update_draft(&draft.id, text("Kontejnerët janë plot.")).unwrap();
        (p.id.parse().unwrap(), draft.id)
    };
    let laptop_keys = Arc::new(MemoryStore::default());
    let control = SyncControl::new(Some(url.clone()), laptop_keys.clone());
    let before = control.status(&laptop.lock().unwrap()).unwrap();
    assert_eq!((before.state, before.pending, before.last_success), (SyncState::Idle, 2, None));

    control.sync_once(&laptop).await.unwrap();
    let after = control.status(&laptop.lock().unwrap()).unwrap();
    assert_eq!((after.state, after.pending), (SyncState::Idle, 0));
    assert!(after.last_success.is_some());
    assert!(laptop_keys.load().unwrap().is_some(), "the credential was kept");

    // A second device pairs with the code the first shows, and gets the draft.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone = device(phone_dir.path());
    let phone_control = SyncControl::new(Some(url.clone()), Arc::new(MemoryStore::default()));
    let code = control.pairing_code(pid).await.unwrap();
    assert_eq!(code.code.len(), 8);
    assert_eq!(
        phone_control.claim("0000 0000").await.unwrap_err().code(),
        mcommunity_core::errors::ErrorCode::PairingInvalid
    );
    phone_control.claim(&code.code).await.unwrap();
    phone_control.sync_once(&phone).await.unwrap();
    {
        let mut d = phone.lock().unwrap();
        d.open_profile(&pid.to_string(), None).unwrap();
        assert_eq!(d.draft(&draft).unwrap().text, "Kontejnerët janë plot.");
    }

    // The server goes away: work waits, the state says so in the person's language.
    server.abort();
    let _ = server.await;
    laptop.lock().unwrap().update_draft(&draft, text("Kontejnerët janë plot prej një jave.")).unwrap();
    let err = control.sync_once(&laptop).await.unwrap_err();
    assert!(matches!(err, ClientError::Offline), "{err}");
    let offline = control.status(&laptop.lock().unwrap()).unwrap();
    assert_eq!((offline.state, offline.pending), (SyncState::Offline, 1));
    assert_eq!(offline.message.as_deref(), Some("Nuk ka lidhje. Puna juaj është ruajtur dhe do të dërgohet më vonë."));

    // It comes back on the same data: the waiting edit goes up.
    let (_url_again, _server) = {
        let listener = tokio::net::TcpListener::bind(url.trim_start_matches("http://")).await.unwrap();
        let state = state_in(server_dir.path());
        let task = tokio::spawn(async move {
            axum::serve(listener, app(state)).await.unwrap();
        });
        (url.clone(), task)
    };
    control.sync_once(&laptop).await.unwrap();
    assert_eq!(control.status(&laptop.lock().unwrap()).unwrap().pending, 0);
}

#[tokio::test]
async fn without_a_server_or_a_safe_keyring_sync_is_off_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let d = device(dir.path());
    d.lock().unwrap().create_profile(&profile("Ana")).unwrap();

    let off = SyncControl::new(None, Arc::new(MemoryStore::default()));
    let status = off.status(&d.lock().unwrap()).unwrap();
    assert_eq!(status.state, SyncState::Off);
    assert!(status.message.unwrap().contains("nuk është rregulluar"));

    let server_dir = tempfile::tempdir().unwrap();
    let (url, _server) = serve(server_dir.path()).await;
    let no_keyring = SyncControl::new(Some(url), Arc::new(NoKeyring));
    assert!(matches!(no_keyring.sync_once(&d).await, Err(ClientError::NoSecureStore)));
    let status = no_keyring.status(&d.lock().unwrap()).unwrap();
    assert_eq!(status.state, SyncState::Off);
    assert!(status.message.unwrap().contains("vend të sigurt"), "says the key has no safe place");
    assert_eq!(status.pending, 1, "nothing was sent, nothing lost");
}

#[tokio::test]
async fn a_requests_photo_reaches_the_residents_other_phone_once_and_no_one_else() {
    let server_dir = tempfile::tempdir().unwrap();
    let (url, _server) = serve(server_dir.path()).await;
    let laptop_dir = tempfile::tempdir().unwrap();
    let laptop = device(laptop_dir.path());
    let picture = image::RgbImage::from_fn(900, 600, |x, y| image::Rgb([(x % 200) as u8, (y % 180) as u8, 90]));
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        picture.as_raw(),
        900,
        600,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    let (pid, draft, photo) = {
        let mut d = laptop.lock().unwrap();
        let p = d.create_profile(&profile("Mimoza")).unwrap();
        let draft = d.create_draft(kind()).unwrap();
        let with_photo = d.attach_photo(&draft.id, &png).unwrap();
        (p.id.parse::<ProfileId>().unwrap(), draft.id, with_photo.photos[0].hash.clone())
    };
    let control = SyncControl::new(Some(url.clone()), Arc::new(MemoryStore::default()));
    control.sync_once(&laptop).await.unwrap();
    assert!(laptop.lock().unwrap().attachments_to_upload().unwrap().1.is_empty(), "uploaded, and remembered as such");

    // The resident's phone, paired, reads the photo from the server in the profile's scope.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone = device(phone_dir.path());
    let phone_control = SyncControl::new(Some(url.clone()), Arc::new(MemoryStore::default()));
    phone_control.claim(&control.pairing_code(pid).await.unwrap().code).await.unwrap();
    phone_control.sync_once(&phone).await.unwrap();
    let credential = mcommunity_client::sync::http::register(&url).await.unwrap();
    let stranger = mcommunity_client::sync::http::HttpTransport::new(&url, credential);
    let hash: mcommunity_core::blobs::BlobHash = photo.parse().unwrap();
    let stranger_dir = tempfile::tempdir().unwrap();
    let blobs = mcommunity_client::blobs::LocalBlobs::open(stranger_dir.path()).unwrap();
    assert!(
        stranger.download_blob(mcommunity_core::sync::Scope::Profile(pid), hash, &blobs).await.is_err(),
        "a device that does not hold Mimoza cannot read her photo"
    );
    let mut d = phone.lock().unwrap();
    d.open_profile(&pid.to_string(), None).unwrap();
    assert_eq!(d.draft(&draft).unwrap().photos[0].hash, photo, "the request names the photo on the phone too");
    let bytes = d.attachment(&photo).expect("and the photo itself came down with the sync");
    assert!(image::load_from_memory(&bytes).is_ok());
}
