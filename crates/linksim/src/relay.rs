//! One connection through the proxy: two pipes, client → server and server → client, each with its
//! own clock. A pipe's reader cuts the incoming bytes into segments and stamps each with the moment
//! it may leave; its writer sleeps until then and writes. Keeping the schedule in absolute time
//! means rounding in the timer never adds up over a long transfer.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{ReadHalf, WriteHalf};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until};

use crate::Shared;
use crate::chance;
use crate::faults::Cut;
use crate::link::{Direction, Link};
use crate::stats::{Counters, Loss};

/// How many segments a pipe holds in flight before it stops reading, like a TCP window: about
/// 370 KB at the default segment size. A sender beyond it feels backpressure.
const WINDOW_SEGMENTS: usize = 256;

/// How much one read takes from a socket before it is cut into segments.
const READ_BUFFER: usize = 16 * 1024;

/// A segment lost this many times in a row gets through on the next try regardless.
const MAX_LOSSES: u32 = 16;

/// TCP's ceiling on the backed-off retransmission timeout (RFC 6298 allows 60 s or more).
const MAX_RTO: Duration = Duration::from_secs(60);

/// Relays one accepted connection to `upstream` until both directions have ended, a cut, or an error.
pub(crate) async fn connection(
    mut client: TcpStream,
    upstream: SocketAddr,
    shared: Arc<Shared>,
    number: u64,
    cut: Option<Cut>,
) {
    let accepted = Instant::now();
    let _open = shared.counters.open();
    let mut server = match TcpStream::connect(upstream).await {
        Ok(server) => server,
        Err(_) => {
            // Nothing to relay to: tell the client at once rather than leave it waiting.
            let _ = client.set_zero_linger();
            return;
        }
    };
    // The proxy's own sockets must not hold small segments back (Nagle); pacing is its job.
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);

    let link = shared.link();
    let (up_start, down_start) =
        if link.handshake { (accepted + link.rtt(), accepted + link.up.delay) } else { (accepted, accepted) };
    let turn = Turn::default();
    let cut_at = |direction| cut.filter(|cut| cut.direction == direction).map(|cut| cut.after);

    let end = {
        let (mut client_read, mut client_write) = client.split();
        let (mut server_read, mut server_write) = server.split();
        let pipe = |direction, start| Pipe {
            direction,
            connection: number,
            shared: &shared,
            turn: &turn,
            cut_at: cut_at(direction),
            start,
        };
        let up = relay(pipe(Direction::Upstream, up_start), &mut client_read, &mut server_write);
        let down = relay(pipe(Direction::Downstream, down_start), &mut server_read, &mut client_write);
        tokio::pin!(up, down);
        let (mut up_open, mut down_open) = (true, true);
        loop {
            tokio::select! {
                end = &mut up, if up_open => match end {
                    End::Closed => up_open = false,
                    other => break other,
                },
                end = &mut down, if down_open => match end {
                    End::Closed => down_open = false,
                    other => break other,
                },
            }
            if !up_open && !down_open {
                break End::Closed;
            }
        }
    };

    // The side whose stream was cut already got its bytes and an end-of-stream; the other side is
    // reset, as a dropped link looks to whoever is still talking.
    let _ = match end {
        End::Closed => Ok(()),
        End::Cut(Direction::Upstream) => client.set_zero_linger(),
        End::Cut(Direction::Downstream) => server.set_zero_linger(),
        End::Broken => client.set_zero_linger().and(server.set_zero_linger()),
    };
}

/// How a pipe ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// The source closed and everything it sent was delivered.
    Closed,
    /// A fault cut this direction.
    Cut(Direction),
    /// A socket failed; the connection is torn down.
    Broken,
}

/// Who sent last on a connection, to count round trips.
#[derive(Default)]
struct Turn(AtomicU8);

impl Turn {
    const UP: u8 = 1;
    const DOWN: u8 = 2;

    fn note(&self, direction: Direction, counters: &Counters) {
        let now = match direction {
            Direction::Upstream => Turn::UP,
            Direction::Downstream => Turn::DOWN,
        };
        if self.0.swap(now, Ordering::Relaxed) == Turn::UP && now == Turn::DOWN {
            counters.round_trip();
        }
    }
}

struct Pipe<'a> {
    direction: Direction,
    connection: u64,
    shared: &'a Shared,
    turn: &'a Turn,
    cut_at: Option<u64>,
    /// No byte starts crossing before this moment (the handshake).
    start: Instant,
}

/// What the writer does after writing an item's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    Continue,
    /// The source closed: half-close the destination.
    Eof,
    /// A fault: end the destination's stream here and cut the connection.
    Cut,
    /// The source failed: tear the connection down.
    Broken,
}

struct Item {
    release: Instant,
    bytes: Vec<u8>,
    then: Then,
}

async fn relay(pipe: Pipe<'_>, source: &mut ReadHalf<'_>, destination: &mut WriteHalf<'_>) -> End {
    let (sender, receiver) = mpsc::channel(WINDOW_SEGMENTS);
    let reader = read_side(&pipe, source, sender);
    let writer = write_side(&pipe, destination, receiver);
    tokio::pin!(reader, writer);
    let mut reading = true;
    loop {
        tokio::select! {
            () = &mut reader, if reading => reading = false,
            end = &mut writer => return end,
        }
    }
}

async fn read_side(pipe: &Pipe<'_>, source: &mut ReadHalf<'_>, sender: mpsc::Sender<Item>) {
    let mut clock = Clock::new(pipe.start);
    let mut buffer = vec![0u8; READ_BUFFER];
    loop {
        let read = source.read(&mut buffer).await;
        let now = Instant::now();
        let link = pipe.shared.link();
        let then = match read {
            Ok(0) => Then::Eof,
            Err(_) => Then::Broken,
            Ok(n) => {
                pipe.turn.note(pipe.direction, &pipe.shared.counters);
                let mut data = &buffer[..n];
                while !data.is_empty() {
                    let mut len = clock.next_len(link.segment_size, data.len());
                    let mut then = Then::Continue;
                    if let Some(cut) = pipe.cut_at
                        && clock.offset + len as u64 >= cut
                    {
                        len = (cut - clock.offset) as usize;
                        then = Then::Cut;
                    }
                    let offset = clock.offset;
                    let (release, losses) = clock.segment(&link, pipe.direction, pipe.connection, now, len);
                    if losses > 0 {
                        let loss = Loss { connection: pipe.connection, direction: pipe.direction, offset, losses };
                        pipe.shared.counters.lost(loss);
                    }
                    let item = Item { release, bytes: data[..len].to_vec(), then };
                    if sender.send(item).await.is_err() || then == Then::Cut {
                        return;
                    }
                    data = &data[len..];
                }
                continue;
            }
        };
        let _ = sender.send(Item { release: clock.marker(&link, pipe.direction, now), bytes: Vec::new(), then }).await;
        return;
    }
}

async fn write_side(pipe: &Pipe<'_>, destination: &mut WriteHalf<'_>, mut receiver: mpsc::Receiver<Item>) -> End {
    while let Some(item) = receiver.recv().await {
        sleep_until(item.release).await;
        if !item.bytes.is_empty() {
            // Counted before the write so a reader who got the bytes always sees them counted.
            pipe.shared.counters.relayed(pipe.direction, item.bytes.len());
            if destination.write_all(&item.bytes).await.is_err() {
                return End::Broken;
            }
        }
        match item.then {
            Then::Continue => {}
            Then::Eof => {
                let _ = destination.shutdown().await;
                return End::Closed;
            }
            Then::Cut => {
                let _ = destination.shutdown().await;
                pipe.shared.counters.cut();
                return End::Cut(pipe.direction);
            }
            Then::Broken => return End::Broken,
        }
    }
    // The reader always ends with a marker; a closed channel without one means it was dropped.
    End::Broken
}

/// The emulated link of one direction of one connection: when it is free to send the next
/// segment, and how far into the stream it is.
#[derive(Debug)]
struct Clock {
    /// When the link has finished sending everything given to it so far.
    free: Instant,
    /// Bytes scheduled so far in this direction.
    offset: u64,
    /// The first segment slot whose loss has not been drawn yet.
    next_slot: u64,
}

impl Clock {
    fn new(start: Instant) -> Clock {
        Clock { free: start, offset: 0, next_slot: 0 }
    }

    /// How many of `available` bytes go in the next segment: segments never cross a
    /// `segment_size` boundary of the stream, so loss is drawn per stream position, however the
    /// bytes arrived.
    fn next_len(&self, segment_size: usize, available: usize) -> usize {
        let room = segment_size - (self.offset % segment_size as u64) as usize;
        room.min(available)
    }

    /// Schedules a segment of `len` bytes read at `now`; returns when it arrives at the other end
    /// and how many times it was lost on the way (each loss costs a back-off timeout and a resend,
    /// and everything behind it waits, as in TCP).
    fn segment(
        &mut self,
        link: &Link,
        direction: Direction,
        connection: u64,
        now: Instant,
        len: usize,
    ) -> (Instant, u32) {
        let way = link.way(direction);
        let transmit = way.transmit_time(len);
        let mut done = self.free.max(now) + transmit;
        let slot = self.offset / link.segment_size as u64;
        let mut losses = 0;
        if len > 0 && slot >= self.next_slot {
            self.next_slot = slot + 1;
            losses = drawn_losses(link, direction, connection, slot);
            let mut rto = link.rto();
            for _ in 0..losses {
                done += rto + transmit;
                rto = (rto * 2).min(MAX_RTO);
            }
        }
        self.free = done;
        self.offset += len as u64;
        (done + way.delay, losses)
    }

    /// When an end-of-stream (or error) read at `now` reaches the other end: after all data before it.
    fn marker(&self, link: &Link, direction: Direction, now: Instant) -> Instant {
        self.free.max(now) + link.way(direction).delay
    }
}

/// How many times in a row the segment in stream slot `slot` is lost.
fn drawn_losses(link: &Link, direction: Direction, connection: u64, slot: u64) -> u32 {
    let loss = link.way(direction).loss;
    if loss <= 0.0 {
        return 0;
    }
    let direction = match direction {
        Direction::Upstream => 0,
        Direction::Downstream => 1,
    };
    (0..MAX_LOSSES)
        .take_while(|&attempt| chance::unit(&[link.seed, connection, direction, slot, u64::from(attempt)]) < loss)
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::OneWay;

    const MS: Duration = Duration::from_millis(1);

    /// Schedules `reads` (each: milliseconds after start, bytes) and compares each segment's
    /// (arrival in ms after start, length, losses).
    fn check(link: Link, reads: &[(u32, usize)], expect: &[(u64, usize, u32)]) {
        let start = Instant::now();
        let mut clock = Clock::new(start);
        let mut got = Vec::new();
        for &(at, mut bytes) in reads {
            while bytes > 0 {
                let len = clock.next_len(link.segment_size, bytes);
                let now = start + at * MS;
                let (release, losses) = clock.segment(&link, Direction::Downstream, 0, now, len);
                got.push(((release - start).as_micros(), len, losses));
                bytes -= len;
            }
        }
        let expect: Vec<_> = expect.iter().map(|&(ms, len, losses)| (u128::from(ms) * 1000, len, losses)).collect();
        assert_eq!(got, expect, "arrival (µs), length, losses of each segment");
    }

    #[test]
    fn unlimited_link_releases_at_once() {
        check(Link::unlimited(), &[(0, 3000), (5, 10)], &[(0, 1460, 0), (0, 1460, 0), (0, 80, 0), (5, 10, 0)]);
    }

    #[test]
    fn bandwidth_serialises_segments_and_delay_adds_once() {
        // 1,460 bytes at 1,168,000 bit/s take exactly 10 ms.
        let link = Link::symmetric(OneWay::new(1_168_000, 50 * MS, 0.0));
        check(
            link,
            &[(0, 2920), (100, 730)],
            &[(60, 1460, 0), (70, 1460, 0), (155, 730, 0)], // the link was idle when the last came
        );
    }

    #[test]
    fn segments_never_cross_a_slot_so_loss_follows_stream_position() {
        let link = Link { segment_size: 100, ..Link::unlimited() };
        check(link, &[(0, 150), (1, 100)], &[(0, 100, 0), (0, 50, 0), (1, 50, 0), (1, 50, 0)]);
    }

    #[test]
    fn a_lost_segment_waits_a_timeout_and_holds_back_what_follows() {
        // Find a seed whose first slot is lost once and second not, so the arithmetic is exact.
        let lossy = Link::symmetric(OneWay::new(1_168_000, 50 * MS, 0.5));
        let seed = (0..)
            .find(|&s| {
                let link = lossy.with_seed(s);
                drawn_losses(&link, Direction::Downstream, 0, 0) == 1
                    && drawn_losses(&link, Direction::Downstream, 0, 1) == 0
            })
            .unwrap();
        let link = lossy.with_seed(seed);
        assert_eq!(link.rto(), 200 * MS);
        // First: 10 ms sent and lost, 200 ms timeout, 10 ms resent, 50 ms delay. Second waits behind it.
        check(link, &[(0, 2920)], &[(270, 1460, 1), (280, 1460, 0)]);
    }

    #[test]
    fn losses_follow_the_seed_and_the_rate() {
        let link = Link::symmetric(OneWay::new(0, Duration::ZERO, 0.01)).with_seed(42);
        let lost = |link: &Link| {
            (0..20_000).filter(|&slot| drawn_losses(link, Direction::Upstream, 3, slot) > 0).collect::<Vec<_>>()
        };
        assert_eq!(lost(&link), lost(&link), "the same seed loses the same slots");
        assert_ne!(lost(&link), lost(&link.with_seed(43)), "another seed loses others");
        let count = lost(&link).len();
        assert!((140..260).contains(&count), "about 1 % of 20,000 slots are lost, got {count}");
        assert!(
            (0..1000).all(|slot| drawn_losses(&Link::unlimited(), Direction::Upstream, 0, slot) == 0),
            "no loss configured, none drawn"
        );
    }
}
