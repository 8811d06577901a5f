//! The real server binary on a real socket with the real client over HTTP: register, sync, kill
//! the server in the middle of a sync, start it again, sync again — nothing lost, nothing doubled.

use std::{
    process::{Child, Command, Stdio},
    sync::Mutex,
    time::Duration,
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

use crate::support::{kind, profile, text};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn start(data: &std::path::Path, port: u16) -> ServerProcess {
    let child = Command::new(env!("CARGO_BIN_EXE_mcommunity-sync-server"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data", data.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let process = ServerProcess(child);
    for _ in 0..200 {
        if let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await
            && r.status().is_success()
        {
            return process;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the server did not answer /healthz");
}

#[tokio::test]
async fn a_server_killed_mid_sync_loses_and_doubles_nothing() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start(data.path(), port).await;

    let laptop_dir = tempfile::tempdir().unwrap();
    let credential = register(&base).await.unwrap();
    let pid = {
        let mut device = Device::open(laptop_dir.path()).unwrap();
        let p = device.create_profile(&profile("Lule")).unwrap();
        for i in 0..120 {
            let draft = device.create_draft(kind()).unwrap();
            device.update_draft(&draft.id, text(&format!("{i}: {}", "fjalë ".repeat(300)))).unwrap();
        }
        p.id.parse::<ProfileId>().unwrap()
    };
    let laptop = Mutex::new(Store::open(laptop_dir.path()).unwrap().store);
    let transport = HttpTransport::new(&base, credential);

    // Kill the server while the backlog is on its way up.
    let syncing = sync::sync(&transport, &laptop);
    let killer = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let _ = server.0.kill();
        let _ = server.0.wait();
    };
    let (outcome, ()) = tokio::join!(syncing, killer);
    let pending_after_kill = sync::pending_count(&laptop.lock().unwrap()).unwrap();
    eprintln!(
        "after the kill: {} pending, sync {}",
        pending_after_kill,
        if outcome.is_ok() { "completed" } else { "cut" }
    );
    if outcome.is_ok() {
        // The whole backlog made it before the kill on a fast machine; the rest still must hold.
        assert_eq!(pending_after_kill, 0);
    } else {
        assert!(pending_after_kill > 0, "a sync cut short leaves work pending");
    }

    server = start(data.path(), port).await;
    let report = sync::sync(&transport, &laptop).await.expect("the sync completes after the restart");
    assert!(report.uploaded as u64 <= pending_after_kill, "what arrived before the kill is not sent again");
    assert_eq!(sync::pending_count(&laptop.lock().unwrap()).unwrap(), 0);

    // A second device sees every draft exactly once, whole.
    let phone_dir = tempfile::tempdir().unwrap();
    let phone_credential = register(&base).await.unwrap();
    let phone_transport = HttpTransport::new(&base, phone_credential);
    let code = transport.pairing_code(pid).await.unwrap();
    assert_eq!(phone_transport.claim_pairing(&code).await.unwrap(), pid);
    let phone = Mutex::new(Store::open(phone_dir.path()).unwrap().store);
    sync::sync(&phone_transport, &phone).await.unwrap();
    let mut device = Device::open(phone_dir.path()).unwrap();
    device.open_profile(&pid.to_string(), None).unwrap();
    let drafts = device.drafts().unwrap();
    assert_eq!(drafts.len(), 120);
    let mut numbers: Vec<usize> = drafts
        .iter()
        .map(|d| {
            let full = device.draft(&d.id).unwrap().text;
            assert!(full.ends_with(&"fjalë ".repeat(300)), "each draft arrives whole");
            full.split(':').next().unwrap().parse().unwrap()
        })
        .collect();
    numbers.sort();
    assert_eq!(numbers, (0..120).collect::<Vec<_>>());
    drop(server);
}
