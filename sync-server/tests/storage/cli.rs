//! The server binary with `--database-url`: it serves from PostgreSQL, and a URL it cannot use is
//! a clear message and a failed exit, not a server that starts and fails every request.

use std::{
    process::{Child, Command, Output, Stdio},
    time::Duration,
};

use crate::support::TestDatabase;

const BIN: &str = env!("CARGO_BIN_EXE_mcommunity-sync-server");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Runs `serve` with this database URL and waits for it to give up.
fn serve_with(url: &str) -> (Output, Duration) {
    let started = std::time::Instant::now();
    let output = Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port()), "--database-url", url])
        .env_remove("MCOMMUNITY_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    (output, started.elapsed())
}

fn check_refused(url: &str, reason: &str) {
    let (output, took) = serve_with(url);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{url}: the server must not start");
    assert!(stderr.contains("opening the PostgreSQL database of --database-url"), "{url}: {stderr}");
    assert!(stderr.contains(reason), "{url}: expected {reason:?} in {stderr}");
    assert!(!stderr.contains("s3cret"), "{url}: the password must not be repeated: {stderr}");
    assert!(took < Duration::from_secs(20), "{url}: gave up after {took:?}");
}

#[test]
fn a_database_url_the_server_cannot_use_is_a_clear_error() {
    check_refused("mysql://user:s3cret@127.0.0.1/db", "must start with postgres://");
    check_refused("postgres://user:s3cret@127.0.0.1:notaport/db", "does not parse");
    // Nothing listens on a port that was just free.
    let port = free_port();
    check_refused(&format!("postgres://user:s3cret@127.0.0.1:{port}/db"), "cannot connect to the database");
}

struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_server_serves_devices_from_postgres() {
    let database = TestDatabase::create().await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    // Through the environment, as a deployment with a password would.
    let mut server = ServerProcess(
        Command::new(BIN)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("MCOMMUNITY_DATABASE_URL", &database.url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut ready = false;
    for _ in 0..400 {
        if let Ok(r) = reqwest::get(format!("{base}/healthz")).await
            && r.status().is_success()
        {
            ready = true;
            break;
        }
        if let Some(status) = server.0.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(server.0.stderr.as_mut().unwrap(), &mut stderr).unwrap();
            panic!("the server exited with {status}: {stderr}");
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(ready, "the server did not answer /healthz");

    let registered = reqwest::Client::new().post(format!("{base}/v1/devices")).send().await.unwrap();
    assert_eq!(registered.status(), reqwest::StatusCode::CREATED);
    let body: serde_json::Value = registered.json().await.unwrap();
    let device = body["deviceId"].as_str().unwrap().to_owned();
    let stored: i64 = database
        .client()
        .await
        .query_one("SELECT count(*) FROM devices WHERE id = $1", &[&device])
        .await
        .unwrap()
        .get(0);
    assert_eq!(stored, 1, "the device is registered in the PostgreSQL database");
}
