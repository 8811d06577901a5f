//! Attachments: a 2 MB blob goes up and comes down through a link that cuts connections, resumes
//! where each cut left it (bytes resent stay bounded), is verified by hash, deduplicated within its
//! scope, and readable only by devices holding that scope.

use std::sync::Arc;

use mcommunity_client::{
    blobs::LocalBlobs,
    sync::http::{HttpTransport, register},
};
use mcommunity_core::{
    blobs::{BlobHash, CHUNK},
    ids::ProfileId,
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

fn photo_like(len: usize) -> Vec<u8> {
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
    let bytes = photo_like(2 * 1024 * 1024);
    let local = LocalBlobs::open(owner_dir.path()).unwrap();
    let hash = local.put(&bytes).unwrap();

    // Up, through a link that cuts the first connections part-way through a chunk.
    let cuts = Faults::none().cut_upstream_after(150_000, 1).cut_upstream_after(90_000, 1).cut_downstream_after(30, 1);
    let proxy = mcommunity_linksim::start(server, Link::unlimited(), cuts).await.unwrap();
    let through = HttpTransport::new(&format!("http://{}", proxy.addr()), owner.credential().clone());
    let mut sent = 0;
    let mut failures = 0;
    loop {
        match through.upload_blob(Scope::Profile(pid), hash, &bytes).await {
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
    assert_eq!(owner.upload_blob(Scope::Profile(pid), hash, &bytes).await.unwrap().bytes, 0, "never sent twice");

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
    let bytes = photo_like(200_000);
    let hash = BlobHash(<sha2::Sha256 as sha2::Digest>::digest(&bytes).into());

    // Bytes that do not match the name are refused and not kept.
    let mut forged = bytes.clone();
    forged[1000] ^= 0xff;
    assert!(owner.upload_blob(Scope::Profile(pid), hash, &forged).await.is_err());
    owner.upload_blob(Scope::Profile(pid), hash, &bytes).await.unwrap();

    // A stranger, holding a profile of its own, asks for it: the same answer as for nothing.
    let (stranger, own, stranger_dir) = holder(&base).await;
    let blobs = LocalBlobs::open(stranger_dir.path()).unwrap();
    let err = stranger.download_blob(Scope::Profile(pid), hash, &blobs).await.unwrap_err().to_string();
    let err_own_scope = stranger.download_blob(Scope::Profile(own), hash, &blobs).await.unwrap_err().to_string();
    let err_nothing =
        stranger.download_blob(Scope::Profile(own), BlobHash([9; 32]), &blobs).await.unwrap_err().to_string();
    assert!(err.contains("404") && err_own_scope == err_nothing, "{err} / {err_own_scope} / {err_nothing}");
    // Uploading the same bytes in its own scope works (it has them), and only there.
    let moved = stranger.upload_blob(Scope::Profile(own), hash, &bytes).await.unwrap();
    assert_eq!(moved.bytes, bytes.len() as u64, "proof of possession: the bytes travel again in a new scope");
    stranger.download_blob(Scope::Profile(own), hash, &blobs).await.unwrap();
    assert_eq!(blobs.get(hash).unwrap().unwrap(), bytes);
}

#[tokio::test]
async fn only_the_municipality_publishes_public_blobs_and_every_device_reads_them() {
    let server_dir = tempfile::tempdir().unwrap();
    let base = format!("http://{}", serve(server_dir.path()).await);
    let (device, _, device_dir) = holder(&base).await;
    let bytes = photo_like(70_000);
    let hash = BlobHash(<sha2::Sha256 as sha2::Digest>::digest(&bytes).into());

    // A device cannot put anything in the public scope, not even bytes that match their name.
    let err = device.upload_blob(Scope::Public, hash, &bytes).await.unwrap_err().to_string();
    assert!(err.contains("403"), "{err}");
    let blobs = LocalBlobs::open(device_dir.path()).unwrap();
    assert!(device.download_blob(Scope::Public, hash, &blobs).await.is_err(), "nothing was kept");

    // Published by the server (as `content publish` does), every device reads it, in chunks.
    let (published, new) = FsBlobs::open(&server_dir.path().join("blobs")).unwrap().publish(&bytes).unwrap();
    assert_eq!((published, new), (hash, true));
    let moved = device.download_blob(Scope::Public, hash, &blobs).await.unwrap();
    assert_eq!(moved.bytes, bytes.len() as u64);
    assert_eq!(blobs.get(hash).unwrap().unwrap(), bytes);
    // A public blob is not readable in a profile's scope: scopes never mix.
    let (other, own, other_dir) = holder(&base).await;
    let other_blobs = LocalBlobs::open(other_dir.path()).unwrap();
    assert!(other.download_blob(Scope::Profile(own), hash, &other_blobs).await.is_err());
}
