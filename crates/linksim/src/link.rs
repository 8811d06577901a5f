//! What the emulated link does to the bytes: bandwidth, one-way delay and segment loss, for each
//! direction separately.

use std::time::Duration;

use crate::Error;

/// Which way bytes travel through the proxy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Client → server (the request side).
    Upstream,
    /// Server → client (the response side).
    Downstream,
}

/// One direction of a link.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneWay {
    /// Payload bits per second; 0 means unlimited.
    pub bits_per_second: u64,
    /// One-way propagation delay added to every byte.
    pub delay: Duration,
    /// Fraction of segments in `[0, 1)` that are lost and resent after a retransmission timeout.
    pub loss: f64,
}

impl OneWay {
    /// No limit, no delay, no loss.
    pub const fn unlimited() -> OneWay {
        OneWay { bits_per_second: 0, delay: Duration::ZERO, loss: 0.0 }
    }

    /// A direction with the given bandwidth (bits/s, 0 = unlimited), one-way delay and loss fraction.
    pub const fn new(bits_per_second: u64, delay: Duration, loss: f64) -> OneWay {
        OneWay { bits_per_second, delay, loss }
    }

    /// How long `bytes` take to cross at this direction's bandwidth (zero when unlimited).
    pub fn transmit_time(&self, bytes: usize) -> Duration {
        if self.bits_per_second == 0 {
            return Duration::ZERO;
        }
        let nanos = bytes as u128 * 8 * 1_000_000_000 / self.bits_per_second as u128;
        Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
    }
}

/// The emulated link: both directions plus how the proxy segments the stream and recovers losses.
///
/// Each connection through the proxy gets its own pipe with these settings (see the crate docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Client → server.
    pub up: OneWay,
    /// Server → client.
    pub down: OneWay,
    /// The largest segment the proxy forwards at once, in bytes (TCP's MSS on Ethernet is 1,460).
    /// Loss is decided once per `segment_size` bytes of stream offset.
    pub segment_size: usize,
    /// The floor of the retransmission timeout; the timeout is `max(min_rto, 2 × RTT)`.
    pub min_rto: Duration,
    /// Whether a new connection first pays TCP's handshake: the client's first byte reaches the
    /// server one round trip plus one upstream delay after it connected, and the server's first
    /// byte leaves no earlier than one upstream delay after the connect.
    pub handshake: bool,
    /// Seed of the loss pattern: the same seed loses the same segments on every run.
    pub seed: u64,
}

impl Link {
    /// Loopback as it is: no limit, no delay, no loss, no handshake cost.
    pub const fn unlimited() -> Link {
        Link {
            up: OneWay::unlimited(),
            down: OneWay::unlimited(),
            segment_size: 1460,
            min_rto: Duration::from_millis(200),
            handshake: false,
            seed: 0,
        }
    }

    /// A 2G-class link: 100 kbit/s, 200 ms and 1 % segment loss each way, with the TCP handshake.
    pub const fn two_g() -> Link {
        let way = OneWay::new(100_000, Duration::from_millis(200), 0.01);
        Link { up: way, down: way, handshake: true, ..Link::unlimited() }
    }

    /// The same settings in both directions, otherwise like [`Link::unlimited`].
    pub const fn symmetric(way: OneWay) -> Link {
        Link { up: way, down: way, ..Link::unlimited() }
    }

    /// This link with another loss seed.
    pub const fn with_seed(self, seed: u64) -> Link {
        Link { seed, ..self }
    }

    /// The settings of one direction.
    pub fn way(&self, direction: Direction) -> &OneWay {
        match direction {
            Direction::Upstream => &self.up,
            Direction::Downstream => &self.down,
        }
    }

    /// The round-trip propagation time: both one-way delays.
    pub fn rtt(&self) -> Duration {
        self.up.delay + self.down.delay
    }

    /// The retransmission timeout after a first loss: `max(min_rto, 2 × RTT)`. Each further loss
    /// of the same segment doubles it (TCP's back-off), up to 60 s.
    pub fn rto(&self) -> Duration {
        self.min_rto.max(2 * self.rtt())
    }

    /// Checks the settings; [`crate::start`] and [`crate::Proxy::set_link`] call it.
    ///
    /// # Errors
    /// [`Error::InvalidLink`] when a loss is not in `[0, 1)` or the segment size is not in
    /// `1..=65_535`.
    pub fn validate(&self) -> Result<(), Error> {
        for way in [&self.up, &self.down] {
            if !(0.0..1.0).contains(&way.loss) {
                return Err(Error::InvalidLink("loss must be in [0, 1)"));
            }
        }
        if !(1..=65_535).contains(&self.segment_size) {
            return Err(Error::InvalidLink("segment size must be between 1 and 65535 bytes"));
        }
        Ok(())
    }
}

impl Default for Link {
    fn default() -> Link {
        Link::unlimited()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transmit_time_is_bits_over_bandwidth() {
        let way = OneWay::new(100_000, Duration::ZERO, 0.0);
        assert_eq!(way.transmit_time(1250), Duration::from_millis(100), "10,000 bits at 100 kbit/s take 100 ms");
        assert_eq!(way.transmit_time(1), Duration::from_micros(80), "8 bits at 100 kbit/s take 80 µs");
        assert_eq!(OneWay::unlimited().transmit_time(1 << 30), Duration::ZERO, "unlimited costs no time");
    }

    #[test]
    fn two_g_preset() {
        let link = Link::two_g();
        assert_eq!((link.up.bits_per_second, link.down.bits_per_second), (100_000, 100_000));
        assert_eq!(link.rtt(), Duration::from_millis(400));
        assert_eq!(link.rto(), Duration::from_millis(800), "the timeout is twice the 400 ms round trip");
        assert_eq!(Link::unlimited().rto(), Duration::from_millis(200), "the timeout never drops below min_rto");
        assert!(link.validate().is_ok());
    }

    #[test]
    fn validation_refuses_impossible_settings() {
        let bad_loss = Link { up: OneWay::new(0, Duration::ZERO, 1.0), ..Link::unlimited() };
        assert!(matches!(bad_loss.validate(), Err(Error::InvalidLink(_))), "a loss of 1 would never deliver");
        let nan_loss = Link { down: OneWay::new(0, Duration::ZERO, f64::NAN), ..Link::unlimited() };
        assert!(matches!(nan_loss.validate(), Err(Error::InvalidLink(_))), "NaN is no fraction");
        let no_segment = Link { segment_size: 0, ..Link::unlimited() };
        assert!(matches!(no_segment.validate(), Err(Error::InvalidLink(_))), "empty segments carry nothing");
    }
}
