//! Loss is deterministic from the seed, costs time, and never corrupts the stream.

use std::time::{Duration, Instant};

use mcommunity_linksim::faults::Faults;
use mcommunity_linksim::link::{Direction, Link, OneWay};
use mcommunity_linksim::stats::Loss;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{Mode, Upstream, connect, pattern, within};

/// Echoes 60 KB through a link losing 20 % of segments each way; returns the sorted losses.
async fn lossy_echo(seed: u64) -> Vec<Loss> {
    let upstream = Upstream::start(Mode::Echo).await;
    let way = OneWay::new(0, Duration::from_millis(5), 0.2);
    let link = Link { min_rto: Duration::from_millis(20), ..Link::symmetric(way) }.with_seed(seed);
    let proxy = mcommunity_linksim::start(upstream.addr, link, Faults::none()).await.unwrap();
    let sent = pattern(60_000);
    let started = Instant::now();
    let mut client = connect(proxy.addr()).await;
    let (mut reader, mut writer) = client.split();
    let write = async {
        writer.write_all(&sent).await.unwrap();
        writer.shutdown().await.unwrap();
    };
    let read = async {
        let mut got = Vec::new();
        reader.read_to_end(&mut got).await.unwrap();
        got
    };
    let ((), got) = within(10, async { tokio::join!(write, read) }).await;
    let took = started.elapsed();
    assert_eq!(got.len(), sent.len(), "every byte gets through the lossy link");
    assert!(got == sent, "and in order, unchanged");

    let mut losses = proxy.losses();
    assert_eq!(proxy.stats().lost_segments, losses.len() as u64);
    for direction in [Direction::Upstream, Direction::Downstream] {
        let lost = losses.iter().filter(|loss| loss.direction == direction).count();
        // 42 segments each way at 20 %: about 8; none at all would mean loss is not applied.
        assert!(lost > 0, "a 20 % loss over 42 segments loses some {direction:?}");
    }
    let rto = link.rto();
    assert!(took >= rto, "a loss costs at least one retransmission timeout ({rto:?}), took {took:?}");
    losses.sort_by_key(|loss| (loss.connection, loss.direction == Direction::Downstream, loss.offset));
    losses
}

#[tokio::test]
async fn loss_is_deterministic_from_the_seed_and_delivers_intact() {
    let first = lossy_echo(7).await;
    assert!(first.iter().all(|loss| loss.offset % 1460 == 0), "losses fall on segment boundaries: {first:?}");
    assert_eq!(first, lossy_echo(7).await, "the same seed holds back the same segments");
    assert_ne!(first, lossy_echo(8).await, "another seed holds back others");
}
