//! Bytes, connections and round trips are counted exactly.

use std::time::Duration;

use mcommunity_linksim::faults::Faults;
use mcommunity_linksim::link::{Link, OneWay};
use mcommunity_linksim::stats::Stats;

use crate::support::{Mode, Upstream, connect, exchange, within};

#[tokio::test]
async fn bytes_each_way_are_counted_exactly() {
    let upstream = Upstream::start(Mode::Exchange).await;
    // A little delay and a small segment size so the bytes cross in many paced pieces.
    let link = Link { segment_size: 500, ..Link::symmetric(OneWay::new(0, Duration::from_millis(2), 0.0)) };
    let proxy = mcommunity_linksim::start(upstream.addr, link, Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    within(5, exchange(&mut client, 5_000, 7_000)).await;
    within(5, exchange(&mut client, 300, 1)).await;
    let stats = proxy.stats();
    assert_eq!(stats.bytes_up, 16 + 5_000 + 16 + 300, "two headers and two bodies went up");
    assert_eq!(stats.bytes_down, 7_001, "both answers came down, nothing else");
    assert_eq!((stats.connections, stats.open_connections), (1, 1), "one connection, still open");
    drop(client);
    assert_eq!(upstream.finished(1).await, vec![16 + 5_000 + 16 + 300], "the upstream got what the proxy counted");
}

#[tokio::test]
async fn each_request_and_response_is_one_round_trip() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let proxy = mcommunity_linksim::start(upstream.addr, Link::unlimited(), Faults::none()).await.unwrap();
    let mut first = connect(proxy.addr()).await;
    for _ in 0..5 {
        // Requests big enough to be read in several pieces must still count once.
        within(5, exchange(&mut first, 40_000, 10)).await;
    }
    assert_eq!(proxy.stats().round_trips, 5, "five exchanges on one connection are five round trips");
    let mut second = connect(proxy.addr()).await;
    for _ in 0..3 {
        within(5, exchange(&mut second, 0, 20_000)).await;
    }
    let stats = proxy.stats();
    assert_eq!(stats.round_trips, 8, "round trips are summed over connections");
    assert_eq!(stats.connections, 2);
}

#[tokio::test]
async fn stats_reset_while_running_and_final_stats_at_shutdown() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let proxy = mcommunity_linksim::start(upstream.addr, Link::unlimited(), Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    within(5, exchange(&mut client, 10, 10)).await;
    proxy.reset_stats();
    assert_eq!(proxy.stats(), Stats { open_connections: 1, ..Stats::default() }, "a reset zeroes all but open");
    within(5, exchange(&mut client, 1, 2)).await;
    let last = proxy.shutdown().await;
    assert_eq!(
        (last.bytes_up, last.bytes_down, last.round_trips, last.connections),
        (17, 2, 1, 0),
        "shutdown returns what crossed since the reset"
    );
    assert_eq!(last.open_connections, 0, "shutdown closes every connection");
    let mut rest = Vec::new();
    let closed = within(5, tokio::io::AsyncReadExt::read_to_end(&mut client, &mut rest)).await;
    assert!(closed.is_err() || rest.is_empty(), "the client sees its connection closed");
}
