//! What crossed the proxy: connections, payload bytes each way, round trips, cuts and losses.

use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::link::Direction;

/// A snapshot of the proxy's counters since it started or since the last
/// [`crate::Proxy::reset_stats`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Connections accepted.
    pub connections: u64,
    /// Connections open right now (not reset by `reset_stats`).
    pub open_connections: u64,
    /// Payload bytes relayed client → server (counted as the proxy hands them to the server's socket).
    pub bytes_up: u64,
    /// Payload bytes relayed server → client (counted as the proxy hands them to the client's socket).
    pub bytes_down: u64,
    /// Switches from client-sending to server-sending, summed over connections: `k` request/response
    /// exchanges on one connection count `k`. A server speaking first does not count.
    pub round_trips: u64,
    /// Connections cut by [`crate::faults::Faults`].
    pub cuts: u64,
    /// Segments lost (and resent after a timeout); a segment lost twice counts once.
    pub lost_segments: u64,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} connections ({} open), {} bytes up, {} bytes down, {} round trips, {} cuts, {} lost segments",
            self.connections,
            self.open_connections,
            self.bytes_up,
            self.bytes_down,
            self.round_trips,
            self.cuts,
            self.lost_segments
        )
    }
}

/// One segment that was lost and resent late.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The connection's accept number: 0 for the first since the proxy started.
    pub connection: u64,
    /// Which way the segment travelled.
    pub direction: Direction,
    /// The segment's first byte, as an offset in its direction's stream.
    pub offset: u64,
    /// How many times it was lost before it got through (1 or more).
    pub losses: u32,
}

/// The most losses [`crate::Proxy::losses`] remembers; later ones are only counted.
pub const LOSS_LOG_LIMIT: usize = 10_000;

/// The live counters the proxy's tasks update.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    connections: AtomicU64,
    open_connections: AtomicU64,
    bytes_up: AtomicU64,
    bytes_down: AtomicU64,
    round_trips: AtomicU64,
    cuts: AtomicU64,
    lost_segments: AtomicU64,
    losses: Mutex<Vec<Loss>>,
}

impl Counters {
    pub(crate) fn snapshot(&self) -> Stats {
        let get = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        Stats {
            connections: get(&self.connections),
            open_connections: get(&self.open_connections),
            bytes_up: get(&self.bytes_up),
            bytes_down: get(&self.bytes_down),
            round_trips: get(&self.round_trips),
            cuts: get(&self.cuts),
            lost_segments: get(&self.lost_segments),
        }
    }

    pub(crate) fn reset(&self) {
        for counter in
            [&self.connections, &self.bytes_up, &self.bytes_down, &self.round_trips, &self.cuts, &self.lost_segments]
        {
            counter.store(0, Ordering::Relaxed);
        }
        self.losses.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }

    pub(crate) fn losses(&self) -> Vec<Loss> {
        self.losses.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Counts an accepted connection; it stays open until the returned guard is dropped.
    pub(crate) fn open(&self) -> OpenConnection<'_> {
        self.connections.fetch_add(1, Ordering::Relaxed);
        self.open_connections.fetch_add(1, Ordering::Relaxed);
        OpenConnection(self)
    }

    pub(crate) fn relayed(&self, direction: Direction, bytes: usize) {
        let counter = match direction {
            Direction::Upstream => &self.bytes_up,
            Direction::Downstream => &self.bytes_down,
        };
        counter.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    pub(crate) fn round_trip(&self) {
        self.round_trips.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn cut(&self) {
        self.cuts.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn lost(&self, loss: Loss) {
        self.lost_segments.fetch_add(1, Ordering::Relaxed);
        let mut log = self.losses.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if log.len() < LOSS_LOG_LIMIT {
            log.push(loss);
        }
    }
}

/// An open connection in the counters; dropping it (also when its task is aborted) closes it.
pub(crate) struct OpenConnection<'a>(&'a Counters);

impl Drop for OpenConnection<'_> {
    fn drop(&mut self) {
        self.0.open_connections.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_keeps_open_connections() {
        let counters = Counters::default();
        let open = counters.open();
        counters.relayed(Direction::Upstream, 10);
        counters.relayed(Direction::Downstream, 20);
        counters.round_trip();
        counters.cut();
        counters.lost(Loss { connection: 0, direction: Direction::Upstream, offset: 0, losses: 1 });
        let before = counters.snapshot();
        assert_eq!(
            before,
            Stats {
                connections: 1,
                open_connections: 1,
                bytes_up: 10,
                bytes_down: 20,
                round_trips: 1,
                cuts: 1,
                lost_segments: 1
            }
        );
        counters.reset();
        assert_eq!(
            counters.snapshot(),
            Stats { open_connections: 1, ..Stats::default() },
            "a reset zeroes the totals but the connection is still open"
        );
        assert!(counters.losses().is_empty(), "a reset forgets the loss log");
        drop(open);
        assert_eq!(counters.snapshot().open_connections, 0);
    }
}
