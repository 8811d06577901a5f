//! Cuts happen exactly at the configured offsets.

use std::time::Duration;

use mcommunity_linksim::faults::Faults;
use mcommunity_linksim::link::{Link, OneWay};

use crate::support::{Mode, Upstream, connect, exchange_until_closed, pattern};

/// A paced link, so cuts are tested through the scheduler, not only on the fast path.
fn paced() -> Link {
    Link { segment_size: 700, ..Link::symmetric(OneWay::new(2_000_000, Duration::from_millis(5), 0.0)) }
}

#[tokio::test]
async fn a_downstream_cut_delivers_exactly_the_bytes_before_it() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let proxy =
        mcommunity_linksim::start(upstream.addr, paced(), Faults::none().cut_downstream_after(3_000, 2)).await.unwrap();
    for _ in 0..2 {
        let mut client = connect(proxy.addr()).await;
        let got = exchange_until_closed(&mut client, 10, 10_000).await;
        assert_eq!(got.len(), 3_000, "the client gets exactly the 3,000 bytes before the cut");
        assert!(got == pattern(3_000), "and they are the first 3,000 of the answer");
    }
    let mut client = connect(proxy.addr()).await;
    let got = exchange_until_closed(&mut client, 10, 10_000).await;
    assert_eq!(got.len(), 10_000, "the scripted cuts are used up; the third connection is whole");
    let stats = proxy.stats();
    assert_eq!(stats.cuts, 2);
    assert_eq!(stats.bytes_down, 3_000 + 3_000 + 10_000, "only delivered bytes are counted");
}

#[tokio::test]
async fn an_upstream_cut_delivers_exactly_the_bytes_before_it() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let faults = Faults::none().cut_upstream_after(1_000, 1).cut_upstream_after(0, 1);
    let proxy = mcommunity_linksim::start(upstream.addr, paced(), faults).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    let got = exchange_until_closed(&mut client, 5_000, 100).await;
    assert!(got.is_empty(), "a request cut short gets no answer, only the end of the connection");
    assert_eq!(upstream.finished(1).await, vec![1_000], "the server got exactly 1,000 bytes, then end-of-stream");

    let mut client = connect(proxy.addr()).await;
    let got = exchange_until_closed(&mut client, 5_000, 100).await;
    assert!(got.is_empty());
    assert_eq!(upstream.finished(2).await[1], 0, "a cut at 0 lets no byte through");
    assert_eq!((proxy.stats().cuts, proxy.stats().bytes_up), (2, 1_000));
}

#[tokio::test]
async fn random_cuts_follow_their_seed() {
    let run = |seed| async move {
        let upstream = Upstream::start(Mode::Exchange).await;
        let faults = Faults::none().random_cuts(1.0, 2_000, seed);
        let proxy = mcommunity_linksim::start(upstream.addr, paced(), faults).await.unwrap();
        let mut at = Vec::new();
        for n in 0..6 {
            let mut client = connect(proxy.addr()).await;
            let client_got = exchange_until_closed(&mut client, 3_000, 3_000).await.len();
            let server_got = upstream.finished(n + 1).await[n];
            at.push((server_got, client_got));
        }
        assert_eq!(proxy.stats().cuts, 6, "probability 1 cuts every connection");
        at
    };
    let first = run(11).await;
    for &(server_got, client_got) in &first {
        let request_cut = server_got <= 2_000 && client_got == 0;
        let response_cut = server_got == 3_016 && client_got <= 2_000;
        assert!(request_cut || response_cut, "each cut falls in the request or the response within 2,000 bytes");
    }
    assert_eq!(first, run(11).await, "the same seed cuts at the same places");
    assert_ne!(first, run(12).await, "another seed cuts elsewhere");
}

#[tokio::test]
async fn new_faults_apply_to_new_connections() {
    let upstream = Upstream::start(Mode::Exchange).await;
    let proxy = mcommunity_linksim::start(upstream.addr, Link::unlimited(), Faults::none()).await.unwrap();
    let mut client = connect(proxy.addr()).await;
    assert_eq!(exchange_until_closed(&mut client, 0, 500).await.len(), 500);
    proxy.set_faults(Faults::none().cut_downstream_after(10, 1)).unwrap();
    let mut client = connect(proxy.addr()).await;
    assert_eq!(exchange_until_closed(&mut client, 0, 500).await.len(), 10, "the new fault cuts the next connection");
    let mut client = connect(proxy.addr()).await;
    assert_eq!(exchange_until_closed(&mut client, 0, 500).await.len(), 500, "and only that one");
}
