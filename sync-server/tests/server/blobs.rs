//! Attachments: a 2 MB photo goes up and comes down through a link that cuts connections, resumes
//! where each cut left it (bytes resent stay bounded), is verified by hash, deduplicated within its
//! scope, and readable only by devices holding that scope; a file that is not the image or voice
//! note it claims to be is refused (415) and never readable; what is stored is served with its
//! type.

use std::sync::Arc;

use mcommunity_client::{
    blobs::LocalBlobs,
    sync::http::{HttpTransport, register},
};
use mcommunity_core::{
    blobs::{BlobHash, CHUNK},
    ids::ProfileId,
    media::MediaType,
    sync::Scope,
};
use mcommunity_linksim::{faults::Faults, link::Link};
use mcommunity_sync_server::{AppState, blobs::FsBlobs, storage::sqlite::SqliteStorage};

use crate::support::profile;

async fn serve(dir: &std::path::Path) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(Arc::new(SqliteStorage::open(dir).unwrap()), FsBlobs::open(&dir.join("blobs")).unwrap());
    tokio::spawn(async move { axum::serve(listener, mcommunity_sync_server::app(state)).await.unwrap() });
    addr
}

fn noise(len: usize) -> Vec<u8> {
    let mut seed = 0x1234_5678_9abc_def0u64;
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

/// A real JPEG (the `image` crate's encoder) of noisy pixels, which compress badly: about
/// 3 to 4.5 bytes a pixel.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = noise((width * height * 3) as usize);
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 100)
        .encode(&pixels, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut out),
        &noise((width * height * 3) as usize),
        width,
        height,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    out
}

/// A voice note as the app records it: a tone over noise (about 12 kbit/s).
fn voice_note(seconds: f64) -> Vec<u8> {
    let len = (seconds * 16_000.0) as usize;
    let hiss = noise(len);
    let pcm: Vec<i16> =
        (0..len).map(|n| ((n as f64 * 0.07).sin() * 6000.0 + (f64::from(hiss[n]) - 128.0) * 20.0) as i16).collect();
    mcommunity_client::voice::encode(&pcm, 16_000).unwrap().bytes
}

/// A device that holds a profile on the server (it uploaded the profile's document).
async fn holder(base: &str) -> (HttpTransport, ProfileId, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let transport = HttpTransport::new(base, register(base).await.unwrap());
    let pid = {
        let mut device = mcommunity_client::device::Device::open(dir.path()).unwrap();
        device.create_profile(&profile("Fatbardha")).unwrap().id.parse().unwrap()
    };
    let store = std::sync::Mutex::new(mcommunity_client::store::Store::open(dir.path()).unwrap().store);
    mcommunity_client::sync::sync(&transport, &store).await.unwrap();
    (transport, pid, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_2_mb_attachment_survives_cut_connections_both_ways_with_bounded_resending() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = serve(server_dir.path()).await;
    let direct = format!("http://{server}");
    let (owner, pid, owner_dir) = holder(&direct).await;
    let bytes = jpeg(800, 800);
    assert!(bytes.len() > 2_000_000, "{} bytes", bytes.len());
    let local = LocalBlobs::open(owner_dir.path()).unwrap();
    let hash = local.put(&bytes).unwrap();

    // Up, through a link that cuts the first connections part-way through a chunk.
    let cuts = Faults::none().cut_upstream_after(150_000, 1).cut_upstream_after(90_000, 1).cut_downstream_after(30, 1);
    let proxy = mcommunity_linksim::start(server, Link::unlimited(), cuts).await.unwrap();
    let through = HttpTransport::new(&format!("http://{}", proxy.addr()), owner.credential().clone());
    let mut sent = 0;
    let mut failures = 0;
    loop {
        match through.upload_blob(Scope::Profile(pid), hash, MediaType::Jpeg, &bytes).await {
            Ok(moved) => {
                sent += moved.bytes;
                break;
            }
            Err(_) if failures < 20 => failures += 1,
            Err(e) => panic!("{e}"),
        }
    }
    let stats = proxy.stats();
    assert!(failures >= 2 && stats.cuts >= 2, "the upload was cut ({failures} failures, {} cuts)", stats.cuts);
    assert!(
        stats.bytes_up <= bytes.len() as u64 + stats.cuts * (2 * CHUNK as u64 + 2048),
        "resent at most about a chunk per cut: {} bytes up for a {} byte blob",
        stats.bytes_up,
        bytes.len()
    );
    let _ = sent;
    assert_eq!(
        owner.upload_blob(Scope::Profile(pid), hash, MediaType::Jpeg, &bytes).await.unwrap().bytes,
        0,
        "never sent twice"
    );

    // Down, on a paired device, through cuts in the responses.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone = HttpTransport::new(&direct, register(&direct).await.unwrap());
    phone.claim_pairing(&owner.pairing_code(pid).await.unwrap()).await.unwrap();
    proxy.reset_stats();
    proxy.set_faults(Faults::none().cut_downstream_after(100_000, 2)).unwrap();
    let phone_through = HttpTransport::new(&format!("http://{}", proxy.addr()), phone.credential().clone());
    let phone_blobs = LocalBlobs::open(phone_dir.path()).unwrap();
    let mut failures = 0;
    while let Err(e) = phone_through.download_blob(Scope::Profile(pid), hash, &phone_blobs).await {
        failures += 1;
        assert!(failures < 20, "{e}");
    }
    assert!(failures >= 1, "the download was cut");
    assert_eq!(phone_blobs.get(hash).unwrap().as_deref(), Some(bytes.as_slice()), "arrived whole, verified");
    let down = proxy.stats().bytes_down;
    assert!(down <= bytes.len() as u64 + 3 * (CHUNK as u64 + 4096), "{down} bytes down for {} bytes", bytes.len());
}

#[tokio::test]
async fn blobs_are_verified_and_kept_within_their_scope() {
    let server_dir = tempfile::tempdir().unwrap();
    let base = format!("http://{}", serve(server_dir.path()).await);
    let (owner, pid, _dir) = holder(&base).await;
    let bytes = jpeg(250, 250);
    let hash = BlobHash(<sha2::Sha256 as sha2::Digest>::digest(&bytes).into());

    // Bytes that do not match the name are refused and not kept.
    let mut forged = bytes.clone();
    forged[1000] ^= 0xff;
    assert!(owner.upload_blob(Scope::Profile(pid), hash, MediaType::Jpeg, &forged).await.is_err());
    owner.upload_blob(Scope::Profile(pid), hash, MediaType::Jpeg, &bytes).await.unwrap();

    // A stranger, holding a profile of its own, asks for it: the same answer as for nothing.
    let (stranger, own, stranger_dir) = holder(&base).await;
    let blobs = LocalBlobs::open(stranger_dir.path()).unwrap();
    let err = stranger.download_blob(Scope::Profile(pid), hash, &blobs).await.unwrap_err().to_string();
    let err_own_scope = stranger.download_blob(Scope::Profile(own), hash, &blobs).await.unwrap_err().to_string();
    let err_nothing =
        stranger.download_blob(Scope::Profile(own), BlobHash([9; 32]), &blobs).await.unwrap_err().to_string();
    assert!(err.contains("404") && err_own_scope == err_nothing, "{err} / {err_own_scope} / {err_nothing}");
    // Uploading the same bytes in its own scope works (it has them), and only there.
    let moved = stranger.upload_blob(Scope::Profile(own), hash, MediaType::Jpeg, &bytes).await.unwrap();
    assert_eq!(moved.bytes, bytes.len() as u64, "proof of possession: the bytes travel again in a new scope");
    stranger.download_blob(Scope::Profile(own), hash, &blobs).await.unwrap();
    assert_eq!(blobs.get(hash).unwrap().unwrap(), bytes);
}

#[tokio::test]
async fn only_the_municipality_publishes_public_blobs_and_every_device_reads_them() {
    let server_dir = tempfile::tempdir().unwrap();
    let base = format!("http://{}", serve(server_dir.path()).await);
    let (device, _, device_dir) = holder(&base).await;
    let bytes = png(150, 150);
    let hash = BlobHash(<sha2::Sha256 as sha2::Digest>::digest(&bytes).into());

    // A device cannot put anything in the public scope, not even bytes that match their name.
    let err = device.upload_blob(Scope::Public, hash, MediaType::Png, &bytes).await.unwrap_err().to_string();
    assert!(err.contains("403"), "{err}");
    let blobs = LocalBlobs::open(device_dir.path()).unwrap();
    assert!(device.download_blob(Scope::Public, hash, &blobs).await.is_err(), "nothing was kept");

    // Published by the server (as `content publish` does), every device reads it, in chunks.
    let fs = FsBlobs::open(&server_dir.path().join("blobs")).unwrap();
    let (published, new) = fs.publish(&bytes).unwrap();
    assert_eq!((published, new), (hash, true));
    let moved = device.download_blob(Scope::Public, hash, &blobs).await.unwrap();
    assert_eq!(moved.bytes, bytes.len() as u64);
    assert_eq!(blobs.get(hash).unwrap().unwrap(), bytes);
    let credential = device.credential();
    let (content_type, _) =
        fetch(&base, &format!("Bearer {}.{}", credential.device, credential.secret), hash, "public").await;
    assert_eq!(content_type, "image/png", "a published picture's type is recorded, sniffed");
    assert_eq!(fs.media_type(hash), Some(MediaType::Png));
    // A drawing (SVG) is published too, untyped: served as bytes no browser may interpret.
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
    let (svg_hash, _) = fs.publish(svg).unwrap();
    let bearer = format!("Bearer {}.{}", credential.device, credential.secret);
    assert_eq!(fetch(&base, &bearer, svg_hash, "public").await, ("application/octet-stream".into(), svg.to_vec()));
    assert_eq!(fs.media_type(svg_hash), None);
    // A public blob is not readable in a profile's scope: scopes never mix.
    let (other, own, other_dir) = holder(&base).await;
    let other_blobs = LocalBlobs::open(other_dir.path()).unwrap();
    assert!(other.download_blob(Scope::Profile(own), hash, &other_blobs).await.is_err());
    assert_eq!(fs.read(hash, Scope::Profile(own)).unwrap(), None, "nor for the server's own pages");
    assert_eq!(fs.read(hash, Scope::Public).unwrap(), Some(bytes));
}

/// The raw answer to a GET of a whole (small) blob: its `Content-Type`, after checking that it
/// is never to be sniffed.
async fn fetch(base: &str, bearer: &str, hash: BlobHash, scope: &str) -> (String, Vec<u8>) {
    let response = reqwest::Client::new()
        .get(format!("{base}/v1/blobs/{hash}?scope={scope}"))
        .header("authorization", bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    assert_eq!(header("x-content-type-options"), "nosniff", "browsers must not guess another type");
    let content_type = header("content-type");
    (content_type, response.bytes().await.unwrap().to_vec())
}

/// One raw PUT of the first chunk of a blob of `size` bytes named `hash`, with `content_type`:
/// the status and the JSON answer.
async fn put(
    base: &str,
    bearer: &str,
    pid: ProfileId,
    (hash, size): (BlobHash, usize),
    chunk: &[u8],
    content_type: Option<&str>,
) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new()
        .put(format!("{base}/v1/blobs/{hash}?scope={pid}&offset=0&size={size}"))
        .header("authorization", bearer)
        .body(chunk.to_vec());
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn an_upload_must_say_its_type() {
    let server_dir = tempfile::tempdir().unwrap();
    let base = format!("http://{}", serve(server_dir.path()).await);
    let (owner, pid, _dir) = holder(&base).await;
    let bearer = format!("Bearer {}.{}", owner.credential().device, owner.credential().secret);
    let photo = jpeg(40, 30);
    for claimed in [None, Some("application/octet-stream"), Some("image/gif"), Some("text/html")] {
        let (status, body) = put(&base, &bearer, pid, (BlobHash::of(&photo), photo.len()), &photo, claimed).await;
        assert_eq!(status, 415, "{claimed:?}: {body}");
        assert_eq!(body["code"], "unsupported-media-type");
        assert!(body["message"].as_str().unwrap().contains("image/jpeg, image/png or audio/ogg"), "{body}");
    }
    let whole = (BlobHash::of(&photo), photo.len());
    let (status, body) = put(&base, &bearer, pid, whole, &photo, Some("image/jpeg")).await;
    assert_eq!((status, body["complete"].as_bool()), (200, Some(true)), "{body}");
    let (content_type, served) = fetch(&base, &bearer, BlobHash::of(&photo), &pid.to_string()).await;
    assert_eq!((content_type.as_str(), served), ("image/jpeg", photo), "served as what it was checked to be");
}

/// Uploads `bytes` claiming `kind` and expects a 415 whose reason contains `why`; then checks
/// that nothing was kept: the server holds no byte of it and no one can read it.
async fn refused(owner: &HttpTransport, pid: ProfileId, kind: MediaType, bytes: &[u8], why: &str) {
    let hash = BlobHash::of(bytes);
    match owner.upload_blob(Scope::Profile(pid), hash, kind, bytes).await {
        Err(mcommunity_client::sync::TransportError::Refused { status: 415, message }) => {
            assert!(message.contains(why), "refused for the wrong reason: {message:?}, not {why:?}");
        }
        other => panic!("{} bytes claimed as {kind} were not refused with 415: {other:?}", bytes.len()),
    }
    let dir = tempfile::tempdir().unwrap();
    let err = owner.download_blob(Scope::Profile(pid), hash, &LocalBlobs::open(dir.path()).unwrap()).await;
    assert!(err.unwrap_err().to_string().contains("404"), "a refused file is never readable");
    // A second try starts from nothing: the refused bytes were discarded.
    let again = owner.upload_blob(Scope::Profile(pid), hash, kind, bytes).await;
    assert!(matches!(again, Err(mcommunity_client::sync::TransportError::Refused { status: 415, .. })));
}

#[tokio::test]
async fn a_file_that_is_not_the_image_or_audio_it_claims_is_refused() {
    let server_dir = tempfile::tempdir().unwrap();
    let base = format!("http://{}", serve(server_dir.path()).await);
    let (owner, pid, _dir) = holder(&base).await;

    // Refused at the first chunk, before anything is stored.
    let bearer = format!("Bearer {}.{}", owner.credential().device, owner.credential().secret);
    let big_png = png(200, 200);
    let whole = (BlobHash::of(&big_png), big_png.len());
    let (status, body) = put(&base, &bearer, pid, whole, &big_png[..CHUNK], Some("image/jpeg")).await;
    assert_eq!((status, body["message"].as_str()), (415, Some("the file is not a jpeg image")), "{body}");
    let held: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/v1/blobs/{}/status?scope={pid}", whole.0))
        .header("authorization", &bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(held["received"], 0, "no byte of the first chunk was kept");
    refused(&owner, pid, MediaType::Jpeg, &png(30, 20), "the file is not a jpeg image").await;
    refused(&owner, pid, MediaType::OggOpus, &noise(5_000), "the file is not an ogg opus recording").await;
    refused(&owner, pid, MediaType::Png, &voice_note(1.0), "the file is not a png image").await;

    // Refused once whole: the beginning is right, the rest is not. Several chunks each, so the
    // first passes on its own.
    let note = voice_note(100.0);
    assert!(note.len() > CHUNK + 1000, "{} bytes", note.len());
    refused(&owner, pid, MediaType::OggOpus, &note[..note.len() - 500], "the file ends too early").await;
    let photo = jpeg(150, 150);
    assert!(photo.len() > CHUNK, "{} bytes", photo.len());
    refused(&owner, pid, MediaType::Jpeg, &photo[..photo.len() - 2], "the file ends too early").await;
    let mut broken = photo.clone();
    // The frame header's length is past the first segments; a zero length is impossible.
    let sof = broken.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    broken[sof + 2..sof + 4].copy_from_slice(&[0, 0]);
    refused(&owner, pid, MediaType::Jpeg, &broken, "a jpeg segment has an impossible length").await;
    let mut broken = photo.clone();
    broken.extend_from_slice(b"<script>alert(1)</script>");
    refused(&owner, pid, MediaType::Jpeg, &broken, "the file goes on after its end").await;
    let mut damaged = note.clone();
    damaged[CHUNK + 100] ^= 0x20;
    refused(&owner, pid, MediaType::OggOpus, &damaged, "a checksum does not match").await;
    refused(&owner, pid, MediaType::OggOpus, &over_long_voice_note(), "a voice note lasts at most 180 seconds").await;

    // What is what it claims is accepted, and served as that.
    for (kind, bytes) in [(MediaType::Jpeg, photo), (MediaType::OggOpus, note), (MediaType::Png, png(60, 40))] {
        let hash = BlobHash::of(&bytes);
        owner.upload_blob(Scope::Profile(pid), hash, kind, &bytes).await.unwrap();
        let (content_type, served) = fetch(&base, &bearer, hash, &pid.to_string()).await;
        assert_eq!(content_type, kind.mime());
        assert_eq!(served.len(), bytes.len().min(CHUNK));
    }
    // A three-minute note is a voice note too.
    let longest = voice_note(180.0);
    owner.upload_blob(Scope::Profile(pid), BlobHash::of(&longest), MediaType::OggOpus, &longest).await.unwrap();
}

/// Three minutes and ten seconds of speech-band noise, encoded by Debian's `opusenc` (our own
/// encoder refuses to make one).
fn over_long_voice_note() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let rate = 8_000u32;
    let samples = noise(rate as usize * 190 * 2);
    let mut wav = b"RIFF".to_vec();
    wav.extend_from_slice(&(36 + samples.len() as u32).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt \x10\0\0\0\x01\0\x01\0");
    wav.extend_from_slice(&rate.to_le_bytes());
    wav.extend_from_slice(&(rate * 2).to_le_bytes());
    wav.extend_from_slice(b"\x02\0\x10\0data");
    wav.extend_from_slice(&(samples.len() as u32).to_le_bytes());
    wav.extend_from_slice(&samples.iter().map(|b| b / 16).collect::<Vec<u8>>());
    std::fs::write(dir.path().join("long.wav"), wav).unwrap();
    let status = std::process::Command::new("opusenc")
        .args(["--quiet", "--bitrate", "6"])
        .arg(dir.path().join("long.wav"))
        .arg(dir.path().join("long.opus"))
        .status()
        .expect("opusenc (Debian's opus-tools, `make deps`) is needed for this test");
    assert!(status.success());
    std::fs::read(dir.path().join("long.opus")).unwrap()
}

#[tokio::test]
async fn a_requests_photo_and_voice_note_reach_the_residents_other_phone_typed() {
    use mcommunity_client::{background::SyncControl, credentials::MemoryStore, device::Device};
    let server_dir = tempfile::tempdir().unwrap();
    let url = format!("http://{}", serve(server_dir.path()).await);
    let laptop_dir = tempfile::tempdir().unwrap();
    let laptop = std::sync::Mutex::new(Device::open(laptop_dir.path()).unwrap());
    let pcm: Vec<i16> = (0..16_000 * 4).map(|n| ((n as f64 * 0.05).sin() * 5000.0) as i16).collect();
    let (pid, draft, photo, voice) = {
        let mut d = laptop.lock().unwrap();
        let p = d.create_profile(&profile("Mimoza")).unwrap();
        let draft = d.create_draft(crate::support::kind()).unwrap();
        let photo = d.attach_photo(&draft.id, &png(300, 200)).unwrap().photos[0].hash.clone();
        let voice = d.attach_voice(&draft.id, &pcm, 16_000).unwrap().voice.expect("the draft has its note");
        (p.id.parse::<ProfileId>().unwrap(), draft.id, photo, voice.media.hash)
    };
    let control = SyncControl::new(Some(url.clone()), Arc::new(MemoryStore::default()));
    control.sync_once(&laptop).await.unwrap();
    assert!(laptop.lock().unwrap().attachments_to_upload().unwrap().1.is_empty(), "both uploaded, and remembered");

    // The server checked each as what the app said it was, and keeps that type.
    let fs = FsBlobs::open(&server_dir.path().join("blobs")).unwrap();
    assert_eq!(fs.media_type(photo.parse().unwrap()), Some(MediaType::Jpeg), "photos are JPEG once shrunk");
    assert_eq!(fs.media_type(voice.parse().unwrap()), Some(MediaType::OggOpus));

    // The resident's phone, paired, fetches both with its next sync.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone = std::sync::Mutex::new(Device::open(phone_dir.path()).unwrap());
    let phone_control = SyncControl::new(Some(url), Arc::new(MemoryStore::default()));
    phone_control.claim(&control.pairing_code(pid).await.unwrap().code).await.unwrap();
    phone_control.sync_once(&phone).await.unwrap();
    let mut d = phone.lock().unwrap();
    d.open_profile(&pid.to_string(), None).unwrap();
    assert_eq!(d.draft(&draft).unwrap().voice.map(|v| v.media.hash), Some(voice.clone()));
    let note = d.attachment(&voice).expect("the voice note came down with the sync");
    assert_eq!(note, laptop.lock().unwrap().attachment(&voice).unwrap());
    assert_eq!(mcommunity_client::voice::seconds_of(&note), Ok(4));
    assert!(d.attachment(&photo).is_ok(), "and the photo");
}
