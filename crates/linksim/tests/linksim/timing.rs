//! Delay and bandwidth cost at least what they should (lower bounds only: a busy machine may be
//! slower, never faster), and each connection is paced on its own.

use std::time::{Duration, Instant};

use mcommunity_linksim::faults::Faults;
use mcommunity_linksim::link::{Link, OneWay};

use crate::support::{Mode, Upstream, connect, exchange, within};

const MS: Duration = Duration::from_millis(1);

#[tokio::test]
async fn delay_adds_both_one_way_delays_to_a_round_trip() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let link = Link {
        up: OneWay::new(0, 40 * MS, 0.0),
        down: OneWay::new(0, 60 * MS, 0.0),
        handshake: false,
        ..Link::unlimited()
    };
    let proxy = mcommunity_linksim::start(upstream.addr, link, Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    for _ in 0..2 {
        let started = Instant::now();
        within(5, exchange(&mut client, 10, 10)).await;
        let took = started.elapsed();
        assert!(took >= 100 * MS, "a round trip pays 40 ms up and 60 ms down, took {took:?}");
    }
}

#[tokio::test]
async fn a_new_connection_pays_the_handshake_when_asked() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let link = Link {
        up: OneWay::new(0, 40 * MS, 0.0),
        down: OneWay::new(0, 60 * MS, 0.0),
        handshake: true,
        ..Link::unlimited()
    };
    let proxy = mcommunity_linksim::start(upstream.addr, link, Faults::none()).await.unwrap();
    let started = Instant::now();
    let mut client = connect(proxy.addr()).await;
    within(5, exchange(&mut client, 10, 10)).await;
    let took = started.elapsed();
    assert!(took >= 200 * MS, "handshake (100 ms) plus one exchange (100 ms), took {took:?}");
}

#[tokio::test]
async fn bandwidth_limits_each_direction() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let slow = OneWay::new(400_000, Duration::ZERO, 0.0);
    let up_only = Link { up: slow, ..Link::unlimited() };
    let proxy = mcommunity_linksim::start(upstream.addr, up_only, Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;

    let started = Instant::now();
    within(5, exchange(&mut client, 25_000, 1)).await;
    let took = started.elapsed();
    let least = slow.transmit_time(16 + 25_000);
    eprintln!("upload of 25,016 B at 400 kbit/s: {took:?} (model {least:?})");
    assert!(took >= least, "25,016 bytes at 400 kbit/s take at least {least:?}, took {took:?}");

    proxy.set_link(Link { down: slow, ..Link::unlimited() }).unwrap();
    let started = Instant::now();
    within(5, exchange(&mut client, 0, 25_000)).await;
    let took = started.elapsed();
    let least = slow.transmit_time(25_000);
    eprintln!("download of 25,000 B at 400 kbit/s: {took:?} (model {least:?})");
    assert!(took >= least, "25,000 bytes at 400 kbit/s take at least {least:?}, took {took:?}");
}

#[tokio::test]
async fn two_g_transfer_costs_bytes_over_bandwidth_plus_delay() {
    let upstream = Upstream::start(Mode::Exchange).await;
    // 2G without loss, so the time is exactly predictable: 5,000 B down at 100 kbit/s is 400 ms.
    let link = Link {
        up: OneWay { loss: 0.0, ..Link::two_g().up },
        down: OneWay { loss: 0.0, ..Link::two_g().down },
        ..Link::two_g()
    };
    let proxy = mcommunity_linksim::start(upstream.addr, link, Faults::none()).await.unwrap();
    let started = Instant::now();
    let mut client = connect(proxy.addr()).await;
    within(5, exchange(&mut client, 0, 5_000)).await;
    let took = started.elapsed();
    // Handshake 400 ms, then the 16-byte request up (1.28 ms + 200 ms), the answer down (400 ms + 200 ms).
    let least =
        link.rtt() + link.up.transmit_time(16) + link.up.delay + link.down.transmit_time(5_000) + link.down.delay;
    eprintln!("2G: connect and fetch 5,000 B: {took:?} (model {least:?})");
    assert!(took >= least, "the model says {least:?}, took {took:?}");
}

#[tokio::test]
async fn concurrent_connections_are_paced_independently() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let way = OneWay::new(250_000, Duration::ZERO, 0.0);
    let proxy = mcommunity_linksim::start(upstream.addr, Link::symmetric(way), Faults::none()).await.unwrap();
    let alone = way.transmit_time(12_500);
    assert_eq!(alone, 400 * MS);
    let started = Instant::now();
    let mut downloads = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let addr = proxy.addr();
        downloads.spawn(async move {
            let mut client = connect(addr).await;
            let started = Instant::now();
            exchange(&mut client, 0, 12_500).await;
            started.elapsed()
        });
    }
    let each = within(5, downloads.join_all()).await;
    let all = started.elapsed();
    eprintln!("4 concurrent downloads of 12,500 B at 250 kbit/s each: {each:?}, all {all:?} (model {alone:?})");
    for took in &each {
        assert!(*took >= alone, "each connection still pays its own bandwidth: {took:?} < {alone:?}");
    }
    // Sharing one pipe would take 4 × 400 ms = 1.6 s; own pipes take 400 ms. The bound sits far
    // from both so a slow machine does not fail it.
    assert!(all < 4 * alone * 3 / 4, "each connection has its own pipe; all four took {all:?}");
    assert_eq!(proxy.stats().bytes_down, 4 * 12_500);
}

#[tokio::test]
async fn a_new_link_applies_to_open_connections() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let proxy = mcommunity_linksim::start(upstream.addr, Link::unlimited(), Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    within(5, exchange(&mut client, 10, 10)).await;
    proxy.set_link(Link::symmetric(OneWay::new(0, 100 * MS, 0.0))).unwrap();
    let started = Instant::now();
    within(5, exchange(&mut client, 10, 10)).await;
    let took = started.elapsed();
    assert!(took >= 200 * MS, "the new 100 ms each way applies at once, took {took:?}");
}
