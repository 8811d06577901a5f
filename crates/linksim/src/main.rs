//! `mcommunity-linksim`: runs the link-emulating proxy from a shell, to feel the app over 2G.
//! Prints the counters on Ctrl-C.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, ValueEnum};
use mcommunity_linksim::faults::Faults;
use mcommunity_linksim::link::Link;

/// Relays TCP connections on loopback through an emulated slow, lossy link and counts what crosses it.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Where clients connect (a loopback address).
    #[arg(long)]
    listen: SocketAddr,
    /// Where connections are relayed to (a loopback address).
    #[arg(long)]
    upstream: SocketAddr,
    /// The link to start from.
    #[arg(long, value_enum, default_value_t = Preset::TwoG)]
    preset: Preset,
    /// Fraction of segments lost each way, in [0, 1).
    #[arg(long)]
    loss: Option<f64>,
    /// One-way delay each way, in milliseconds.
    #[arg(long)]
    delay_ms: Option<u64>,
    /// Bandwidth each way, in kbit/s (0 = unlimited).
    #[arg(long)]
    kbps: Option<u64>,
    /// Seed of the loss pattern.
    #[arg(long)]
    seed: Option<u64>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Preset {
    /// 100 kbit/s, 200 ms and 1 % loss each way, with the TCP handshake.
    #[value(name = "2g")]
    TwoG,
    /// Loopback as it is.
    None,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut link = match args.preset {
        Preset::TwoG => Link::two_g(),
        Preset::None => Link::unlimited(),
    };
    for way in [&mut link.up, &mut link.down] {
        if let Some(loss) = args.loss {
            way.loss = loss;
        }
        if let Some(delay) = args.delay_ms {
            way.delay = Duration::from_millis(delay);
        }
        if let Some(kbps) = args.kbps {
            way.bits_per_second = kbps * 1000;
        }
    }
    if let Some(seed) = args.seed {
        link.seed = seed;
    }
    let proxy = mcommunity_linksim::start_on(args.listen, args.upstream, link, Faults::none())
        .await
        .context("starting the proxy")?;
    println!("relaying {} -> {} over {:?}", proxy.addr(), proxy.upstream(), proxy.link());
    println!("Ctrl-C prints the counters and stops");
    tokio::signal::ctrl_c().await.context("waiting for Ctrl-C")?;
    let stats = proxy.shutdown().await;
    println!("{stats}");
    Ok(())
}
