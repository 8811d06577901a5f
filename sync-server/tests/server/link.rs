//! Sync over bad links, through the project's own link emulator (`mcommunity-linksim`): connections
//! cut mid-request and mid-response many times, and a 2G-class link (100 kbit/s, 200 ms each way,
//! 1 % of segments lost and resent late).

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use mcommunity_client::{
    device::Device,
    store::Store,
    sync::{
        self,
        http::{HttpTransport, register},
    },
};
use mcommunity_core::ids::ProfileId;
use mcommunity_linksim::{faults::Faults, link::Link};
use mcommunity_sync_server::{AppState, app, storage::sqlite::SqliteStorage};

use crate::support::{kind, profile, text};

async fn serve(dir: &std::path::Path) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(
        Arc::new(SqliteStorage::open(dir).unwrap()),
        mcommunity_sync_server::blobs::FsBlobs::open(&dir.join("blobs")).unwrap(),
    );
    tokio::spawn(async move {
        axum::serve(listener, app(state)).await.unwrap();
    });
    addr
}

/// A device folder with one profile and `n` drafts of about `chars` characters of everyday text.
fn backlog(dir: &std::path::Path, n: usize, chars: usize) -> ProfileId {
    let mut device = Device::open(dir).unwrap();
    let p = device.create_profile(&profile("Gjergj")).unwrap();
    let words = ["rruga", "uji", "shkolla", "drita", "ura", "fshati", "sot", "nuk", "ka", "ende", "ju", "lutem"];
    for i in 0..n {
        let mut body = format!("{i}:");
        let mut k = i;
        while body.len() < chars {
            k = k.wrapping_mul(2_654_435_761).wrapping_add(12_345);
            body.push(' ');
            body.push_str(words[k % words.len()]);
        }
        let draft = device.create_draft(kind()).unwrap();
        device.update_draft(&draft.id, text(&body)).unwrap();
    }
    p.id.parse().unwrap()
}

/// Syncs through `transport` until it completes, counting the attempts cut short.
async fn sync_until_done(transport: &HttpTransport, store: &Mutex<Store>) -> u32 {
    let mut cut = 0;
    loop {
        match sync::sync(transport, store).await {
            Ok(_) => return cut,
            Err(_) if cut < 500 => cut += 1,
            Err(e) => panic!("still failing after {cut} cut attempts: {e}"),
        }
    }
}

/// Registers a device, retrying through a link that may cut the registration too.
async fn registered(base: &str, via: &str) -> HttpTransport {
    for _ in 0..100 {
        if let Ok(credential) = register(via).await {
            return HttpTransport::new(base, credential);
        }
    }
    panic!("could not register through {via}");
}

/// Pairs a fresh reader with `owner` directly at `base`, syncs it, and returns every draft's text.
async fn read_back(base: &str, owner_credential: &HttpTransport, pid: ProfileId) -> Vec<String> {
    let reader = registered(base, base).await;
    let code = owner_credential.pairing_code(pid).await.unwrap();
    reader.claim_pairing(&code).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Mutex::new(Store::open(dir.path()).unwrap().store);
    sync::sync(&reader, &store).await.unwrap();
    drop(store);
    let mut device = Device::open(dir.path()).unwrap();
    device.open_profile(&pid.to_string(), None).unwrap();
    let mut texts: Vec<String> = device.drafts().unwrap().iter().map(|d| device.draft(&d.id).unwrap().text).collect();
    texts.sort();
    texts
}

fn expected_texts(dir: &std::path::Path, pid: ProfileId) -> Vec<String> {
    let mut device = Device::open(dir).unwrap();
    device.open_profile(&pid.to_string(), None).unwrap();
    let mut texts: Vec<String> = device.drafts().unwrap().iter().map(|d| device.draft(&d.id).unwrap().text).collect();
    texts.sort();
    texts
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap();
        if f.path().is_dir() {
            copy_dir(&f.path(), &to.join(f.file_name()));
        } else {
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_cut_mid_request_and_mid_response_converge_with_bounded_resending() {
    let device_dir = tempfile::tempdir().unwrap();
    let pid = backlog(device_dir.path(), 150, 1500);
    let pristine = tempfile::tempdir().unwrap();
    copy_dir(device_dir.path(), pristine.path());

    // The backlog over a clean link, for the baseline.
    let clean_dir = tempfile::tempdir().unwrap();
    let clean_server = serve(clean_dir.path()).await;
    let clean_proxy = mcommunity_linksim::start(clean_server, Link::unlimited(), Faults::none()).await.unwrap();
    let clean_base = format!("http://{}", clean_proxy.addr());
    let store = Mutex::new(Store::open(device_dir.path()).unwrap().store);
    assert_eq!(sync_until_done(&registered(&clean_base, &clean_base).await, &store).await, 0);
    let clean = clean_proxy.stats();

    // The same backlog from the same starting point. A device keeps its connection alive between
    // requests, so faults are per connection: the first ones are cut at chosen points of the
    // request and of the response stream, later ones at random points in their first 120 KB.
    let server_dir = tempfile::tempdir().unwrap();
    let server = serve(server_dir.path()).await;
    let direct = format!("http://{server}");
    let proxy = mcommunity_linksim::start(
        server,
        Link::unlimited(),
        Faults::none()
            .cut_upstream_after(200, 1)
            .cut_downstream_after(100, 1)
            .cut_upstream_after(30_000, 1)
            .cut_downstream_after(20_000, 1)
            .cut_upstream_after(70_000, 1)
            .random_cuts(0.6, 120_000, 11),
    )
    .await
    .unwrap();
    let through = format!("http://{}", proxy.addr());
    let owner = registered(&through, &direct).await;
    let store = Mutex::new(Store::open(pristine.path()).unwrap().store);
    let failures = sync_until_done(&owner, &store).await;
    let faulty = proxy.stats();
    assert!(
        faulty.cuts >= 3 && failures >= 3,
        "the link really was cut ({} cuts, {failures} failed syncs)",
        faulty.cuts
    );
    assert_eq!(sync::pending_count(&store.lock().unwrap()).unwrap(), 0, "everything arrived in the end");
    // Each cut wastes at most one bounded request and its response; nothing that arrived is resent.
    let waste_per_cut = 2 * 64 * 1024;
    assert!(
        faulty.bytes_up <= clean.bytes_up + faulty.cuts * waste_per_cut,
        "{} bytes up with {} cuts (clean link: {})",
        faulty.bytes_up,
        faulty.cuts,
        clean.bytes_up
    );
    drop(store);

    // The server holds every draft exactly once and whole.
    let owner_direct = HttpTransport::new(&direct, owner_credential_of(&owner));
    assert_eq!(read_back(&direct, &owner_direct, pid).await, expected_texts(pristine.path(), pid));
}

fn owner_credential_of(transport: &HttpTransport) -> mcommunity_client::sync::http::Credential {
    transport.credential().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_2g_link_carries_a_sync_of_100_documents_and_a_cold_upload_of_1000() {
    let server_dir = tempfile::tempdir().unwrap();
    let server = serve(server_dir.path()).await;
    let direct = format!("http://{server}");
    let proxy = mcommunity_linksim::start(server, Link::two_g().with_seed(3), Faults::none()).await.unwrap();
    let through = format!("http://{}", proxy.addr());

    for (n, chars) in [(100, 300), (1000, 200)] {
        let dir = tempfile::tempdir().unwrap();
        let pid = backlog(dir.path(), n, chars);
        let owner = registered(&through, &direct).await;
        let store = Mutex::new(Store::open(dir.path()).unwrap().store);
        assert_eq!(sync_until_done(&owner, &store).await, 0, "no sync fails on a slow link, it is only slow");
        assert_eq!(sync::pending_count(&store.lock().unwrap()).unwrap(), 0);
        drop(store);
        let owner_direct = HttpTransport::new(&direct, owner_credential_of(&owner));
        assert_eq!(read_back(&direct, &owner_direct, pid).await.len(), n, "{n} documents arrived");
    }
    let stats = proxy.stats();
    assert!(stats.lost_segments > 0, "the link lost segments on the way ({stats})");
}
