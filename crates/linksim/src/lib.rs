//! mcommunity-linksim: a TCP proxy on loopback that emulates a slow, lossy link and counts what
//! crosses it.
//!
//! mCommunity's devices sync over 2G-class rural links; this machine's kernel has no netem, so the
//! sync protocol's tests and benchmarks put this proxy between client and server instead. It
//! accepts on `127.0.0.1`, connects each client to one upstream address on loopback, and relays the
//! bytes through an emulated link:
//!
//! - [`link::Link`]: for each direction separately ([`link::OneWay`]) a bandwidth, a one-way delay
//!   and a segment loss. The proxy cuts each direction's stream into segments of at most
//!   [`link::Link::segment_size`] bytes; a lost segment is resent after a retransmission timeout
//!   (`max(min_rto, 2 × RTT)`, doubling if lost again) and everything behind it waits, as in TCP.
//!   Which segments are lost is a pure function of the seed, the connection's accept number and the
//!   stream offset, so a run repeats exactly. [`link::Link::two_g`] is 100 kbit/s, 200 ms and 1 %
//!   each way; [`link::Link::unlimited`] relays as fast as loopback goes.
//! - [`faults::Faults`]: connections cut on purpose, after a number of bytes for the next few
//!   connections or at a seeded random offset.
//! - [`stats::Stats`]: connections, payload bytes each way, round trips (switches from client- to
//!   server-sending), cuts and lost segments; readable while running, resettable, and returned by
//!   [`Proxy::shutdown`].
//!
//! # Timing model
//! Each segment is stamped, as it is read, with the moment it would arrive: it starts crossing when
//! the link is free (not before it was read), takes `bytes × 8 / bandwidth`, and arrives one delay
//! later; the writer sleeps until then (no busy-waiting; the schedule is absolute, so timer
//! rounding does not add up). So B bytes sent at once arrive after about `B × 8 / W + delay`. With
//! [`link::Link::handshake`] (on in `two_g`) a connection also pays TCP's handshake: its first
//! client byte arrives `RTT + upstream delay` after connecting. The proxy holds at most 256
//! segments per direction in flight (like a TCP window), then stops reading, so a fast sender feels
//! backpressure.
//!
//! **Every connection gets its own pipe**: N concurrent connections each get the full configured
//! bandwidth, unlike a real shared radio link. The emulation shapes payload bytes only (no header
//! overhead), and settings changed with [`Proxy::set_link`] apply to bytes read after the change.
//!
//! # Cuts
//! When a cut's offset is reached, the side whose stream was cut receives exactly the bytes before
//! the offset and then end-of-stream; the other side is reset (RST), so a client sees an EOF or a
//! reset mid-request or mid-response. An offset the stream never reaches cuts nothing.
//!
//! # Example
//! ```
//! use mcommunity_linksim::{faults::Faults, link::Link};
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Any loopback server will do; here, one that answers "pong" to anything.
//! let server = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let upstream = server.local_addr()?;
//! tokio::spawn(async move {
//!     let (mut socket, _) = server.accept().await.unwrap();
//!     let mut request = [0; 4];
//!     socket.read_exact(&mut request).await.unwrap();
//!     socket.write_all(b"pong").await.unwrap();
//! });
//!
//! let proxy = mcommunity_linksim::start(upstream, Link::two_g(), Faults::none()).await?;
//! let mut client = tokio::net::TcpStream::connect(proxy.addr()).await?;
//! client.write_all(b"ping").await?;
//! let mut reply = [0; 4];
//! client.read_exact(&mut reply).await?;
//!
//! let stats = proxy.shutdown().await;
//! assert_eq!((stats.bytes_up, stats.bytes_down, stats.round_trips), (4, 4, 1));
//! # Ok(())
//! # }
//! ```
//!
//! The `mcommunity-linksim` binary (feature `cli`, on by default) runs the same proxy from a shell,
//! to feel the app over 2G: `mcommunity-linksim --listen 127.0.0.1:8081 --upstream 127.0.0.1:8080
//! --preset 2g`.

pub mod faults;
pub mod link;
pub mod stats;

mod chance;
mod relay;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};

use crate::faults::Faults;
use crate::link::Link;
use crate::stats::{Counters, Loss, Stats};

/// Why the proxy could not start or take new settings.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The proxy only listens on and connects to loopback addresses, so it can never send traffic
    /// off this machine.
    #[error("{0} is not a loopback address")]
    NotLoopback(SocketAddr),
    /// A [`Link`] setting is out of range.
    #[error("invalid link: {0}")]
    InvalidLink(&'static str),
    /// A [`Faults`] setting is out of range.
    #[error("invalid faults: {0}")]
    InvalidFaults(&'static str),
    /// The listening socket could not be opened.
    #[error("could not listen on {addr}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
}

/// Starts a proxy on `127.0.0.1` with a free port (see [`Proxy::addr`]) that relays every
/// connection to `upstream` through `link`, injecting `faults`.
///
/// Must be called within a tokio runtime; the proxy runs as tasks on it until
/// [`Proxy::shutdown`] or until the [`Proxy`] is dropped.
///
/// # Errors
/// [`Error::NotLoopback`] if `upstream` is not a loopback address; [`Error::InvalidLink`] or
/// [`Error::InvalidFaults`] for settings out of range; [`Error::Listen`] if no port can be bound.
pub async fn start(upstream: SocketAddr, link: Link, faults: Faults) -> Result<Proxy, Error> {
    start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), upstream, link, faults).await
}

/// Like [`start`], listening on `listen`, which must be a loopback address too.
///
/// # Errors
/// As [`start`], and [`Error::NotLoopback`] if `listen` is not a loopback address.
pub async fn start_on(listen: SocketAddr, upstream: SocketAddr, link: Link, faults: Faults) -> Result<Proxy, Error> {
    for addr in [listen, upstream] {
        if !addr.ip().is_loopback() {
            return Err(Error::NotLoopback(addr));
        }
    }
    link.validate()?;
    faults.validate()?;
    let listener = TcpListener::bind(listen).await.map_err(|source| Error::Listen { addr: listen, source })?;
    let addr = listener.local_addr().map_err(|source| Error::Listen { addr: listen, source })?;
    let shared = Arc::new(Shared { link: Mutex::new(link), faults: Mutex::new(faults), counters: Counters::default() });
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(serve(listener, upstream, Arc::clone(&shared), stopped));
    Ok(Proxy { addr, upstream, shared, stop, task })
}

/// A running proxy. Dropping it stops accepting and closes every open connection, as
/// [`Proxy::shutdown`] does without waiting.
#[derive(Debug)]
pub struct Proxy {
    addr: SocketAddr,
    upstream: SocketAddr,
    shared: Arc<Shared>,
    /// Dropping the sender tells the accept loop to stop.
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Proxy {
    /// The address clients connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address every connection is relayed to.
    pub fn upstream(&self) -> SocketAddr {
        self.upstream
    }

    /// The counters so far. Bytes are counted as the proxy hands them to the receiving socket, so
    /// once a client has read a byte it is in these counts.
    pub fn stats(&self) -> Stats {
        self.shared.counters.snapshot()
    }

    /// The segments lost since the start or the last reset, in the order they were scheduled (at
    /// most [`stats::LOSS_LOG_LIMIT`]).
    pub fn losses(&self) -> Vec<Loss> {
        self.shared.counters.losses()
    }

    /// Zeroes the counters and forgets the losses (open connections stay counted as open).
    pub fn reset_stats(&self) {
        self.shared.counters.reset();
    }

    /// The link in force.
    pub fn link(&self) -> Link {
        self.shared.link()
    }

    /// Changes the link for every byte read from now on, on open connections too.
    ///
    /// # Errors
    /// [`Error::InvalidLink`] for settings out of range; the link in force is kept.
    pub fn set_link(&self, link: Link) -> Result<(), Error> {
        link.validate()?;
        *lock(&self.shared.link) = link;
        Ok(())
    }

    /// Replaces the faults for connections accepted from now on (scripted cuts not yet used are
    /// dropped).
    ///
    /// # Errors
    /// [`Error::InvalidFaults`] for settings out of range; the faults in force are kept.
    pub fn set_faults(&self, faults: Faults) -> Result<(), Error> {
        faults.validate()?;
        *lock(&self.shared.faults) = faults;
        Ok(())
    }

    /// Stops accepting, closes every open connection and returns the final counters.
    pub async fn shutdown(self) -> Stats {
        let Proxy { shared, stop, task, .. } = self;
        drop(stop);
        // The accept loop only ends by this signal; a panic in it would be a bug worth surfacing.
        if let Err(error) = task.await
            && error.is_panic()
        {
            std::panic::resume_unwind(error.into_panic());
        }
        shared.counters.snapshot()
    }
}

/// What the proxy's tasks share with its handle.
#[derive(Debug)]
struct Shared {
    link: Mutex<Link>,
    faults: Mutex<Faults>,
    counters: Counters,
}

impl Shared {
    fn link(&self) -> Link {
        *lock(&self.link)
    }
}

/// The settings are plain values, always whole, so a panic elsewhere cannot leave them half-written.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn serve(listener: TcpListener, upstream: SocketAddr, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    let mut number = 0;
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((client, _)) => {
                    let cut = lock(&shared.faults).next(number);
                    connections.spawn(relay::connection(client, upstream, Arc::clone(&shared), number, cut));
                    number += 1;
                }
                // Out of file descriptors or a connection reset before it was accepted: wait a
                // moment rather than spin, and keep serving.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refuses_addresses_off_loopback() {
        let outside: SocketAddr = "192.0.2.1:80".parse().unwrap();
        let result = start(outside, Link::unlimited(), Faults::none()).await;
        assert!(
            matches!(result, Err(Error::NotLoopback(addr)) if addr == outside),
            "must never relay off this machine"
        );
        let local: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let result = start_on("0.0.0.0:0".parse().unwrap(), local, Link::unlimited(), Faults::none()).await;
        assert!(matches!(result, Err(Error::NotLoopback(_))), "must never listen beyond loopback");
        let v6: SocketAddr = "[::1]:9".parse().unwrap();
        assert!(start(v6, Link::unlimited(), Faults::none()).await.is_ok(), "IPv6 loopback is loopback");
    }

    #[tokio::test]
    async fn refuses_invalid_settings_and_keeps_the_old_ones() {
        let local: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let bad = Link { segment_size: 0, ..Link::unlimited() };
        assert!(matches!(start(local, bad, Faults::none()).await, Err(Error::InvalidLink(_))));
        let proxy = start(local, Link::two_g(), Faults::none()).await.unwrap();
        assert!(matches!(proxy.set_link(bad), Err(Error::InvalidLink(_))));
        assert_eq!(proxy.link(), Link::two_g(), "a refused link leaves the old one in force");
        let faults = Faults::none().random_cuts(-0.1, 10, 1);
        assert!(matches!(proxy.set_faults(faults), Err(Error::InvalidFaults(_))));
        assert!(proxy.addr().ip().is_loopback() && proxy.addr().port() != 0);
    }
}
