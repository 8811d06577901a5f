//! A tiny upstream server and client helpers.
//!
//! The upstream speaks an HTTP-like exchange: the client sends a 16-byte header (request body
//! length N, response length M, both big-endian u64) and N body bytes; the server answers with M
//! bytes; repeat until the client closes. Or it echoes. Bodies are a fixed pattern, so a reordered,
//! dropped or duplicated byte shows.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the upstream does with a connection.
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    /// Header-driven request/response exchanges.
    Exchange,
    /// Sends back everything it receives; half-closes when the client does.
    Echo,
}

/// A running upstream; stops when dropped.
pub struct Upstream {
    pub addr: SocketAddr,
    /// Bytes received on each finished connection, in the order they finished.
    finished: Arc<Mutex<Vec<u64>>>,
    task: JoinHandle<()>,
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Upstream {
    pub async fn start(mode: Mode) -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let finished = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&finished);
        let task = tokio::spawn(async move {
            loop {
                let (socket, _) = listener.accept().await.unwrap();
                let log = Arc::clone(&log);
                tokio::spawn(async move {
                    let received = match mode {
                        Mode::Exchange => exchange_server(socket).await,
                        Mode::Echo => echo_server(socket).await,
                    };
                    log.lock().unwrap().push(received);
                });
            }
        });
        Upstream { addr, finished, task }
    }

    /// Waits until `n` connections have finished and returns the bytes each received.
    pub async fn finished(&self, n: usize) -> Vec<u64> {
        within(5, async {
            loop {
                let log = self.finished.lock().unwrap().clone();
                if log.len() >= n {
                    return log;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await
    }
}

async fn exchange_server(mut socket: TcpStream) -> u64 {
    let mut received = 0;
    let mut header = [0u8; 16];
    loop {
        let Ok(n) = read_full(&mut socket, &mut header).await else { return received };
        received += n as u64;
        if n < header.len() {
            return received;
        }
        let body = u64::from_be_bytes(header[..8].try_into().unwrap()) as usize;
        let answer = u64::from_be_bytes(header[8..].try_into().unwrap()) as usize;
        let mut request = vec![0; body];
        let Ok(n) = read_full(&mut socket, &mut request).await else { return received };
        received += n as u64;
        if n < body {
            return received;
        }
        assert_eq!(request, pattern(body), "the upstream must receive the request body intact");
        if socket.write_all(&pattern(answer)).await.is_err() {
            return received;
        }
    }
}

async fn echo_server(mut socket: TcpStream) -> u64 {
    let mut received = 0;
    let mut buffer = vec![0; 8192];
    loop {
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                received += n as u64;
                if socket.write_all(&buffer[..n]).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = socket.shutdown().await;
    received
}

/// Reads until `buffer` is full or the stream ends; returns how many bytes came.
async fn read_full(socket: &mut TcpStream, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match socket.read(&mut buffer[filled..]).await? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// The test pattern's first `len` bytes: not periodic at any segment size, so reordering shows.
pub fn pattern(len: usize) -> Vec<u8> {
    (0..len as u64).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

/// One exchange: sends the header and `up` body bytes, reads the `down`-byte answer and checks it.
/// Counts `16 + up` bytes upstream and `down` downstream.
pub async fn exchange(socket: &mut TcpStream, up: usize, down: usize) {
    let mut request = Vec::with_capacity(16 + up);
    request.extend_from_slice(&(up as u64).to_be_bytes());
    request.extend_from_slice(&(down as u64).to_be_bytes());
    request.extend_from_slice(&pattern(up));
    socket.write_all(&request).await.unwrap();
    let mut answer = vec![0; down];
    socket.read_exact(&mut answer).await.unwrap();
    assert!(answer == pattern(down), "the answer must arrive intact and in order");
}

/// Sends one exchange's request and half-closes (ignoring write errors, for cut connections), then
/// reads whatever comes back until end-of-stream or a reset; returns those bytes.
pub async fn exchange_until_closed(socket: &mut TcpStream, up: usize, down: usize) -> Vec<u8> {
    let mut request = Vec::with_capacity(16 + up);
    request.extend_from_slice(&(up as u64).to_be_bytes());
    request.extend_from_slice(&(down as u64).to_be_bytes());
    request.extend_from_slice(&pattern(up));
    let (mut reader, mut writer) = socket.split();
    let write = async {
        if writer.write_all(&request).await.is_ok() {
            let _ = writer.shutdown().await;
        }
    };
    let read = async {
        let mut got = Vec::new();
        let mut buffer = vec![0; 8192];
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) | Err(_) => return got,
                Ok(n) => got.extend_from_slice(&buffer[..n]),
            }
        }
    };
    let ((), got) = within(5, async { tokio::join!(write, read) }).await;
    got
}

/// Runs `future`, failing the test if it takes more than `seconds` (a hang is a failure, not a wait).
pub async fn within<T>(seconds: u64, future: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(seconds), future)
        .await
        .unwrap_or_else(|_| panic!("did not finish within {seconds} s"))
}

pub async fn connect(addr: SocketAddr) -> TcpStream {
    let socket = TcpStream::connect(addr).await.unwrap();
    socket.set_nodelay(true).unwrap();
    socket
}
