//! Connections cut on purpose: after a fixed number of bytes for the next few connections, or at a
//! random offset for a seeded share of them.

use std::collections::VecDeque;

use crate::Error;
use crate::chance;
use crate::link::Direction;

/// Where one connection is cut: once `after` bytes have been relayed in `direction`, the proxy
/// delivers exactly those bytes and closes both sides (see [`crate::start`] for what each side sees).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// The direction whose stream is cut.
    pub direction: Direction,
    /// How many bytes of that direction get through before the cut.
    pub after: u64,
}

/// Cuts of a random share of connections, drawn from a seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RandomCuts {
    /// The chance, in `[0, 1]`, that a connection is cut.
    pub probability: f64,
    /// A cut connection is cut at an offset drawn uniformly from `0..=max_offset`, in the request
    /// or in the response (even odds).
    pub max_offset: u64,
    /// The same seed cuts the same connections (by accept order) at the same offsets.
    pub seed: u64,
}

/// The faults the proxy injects. Scripted cuts are used first, one per new connection, in the order
/// they were added; connections after them fall to [`RandomCuts`], if any.
///
/// ```
/// use mcommunity_linksim::faults::Faults;
/// // The first connection loses its request after 100 bytes, the next two their response after
/// // 1 KiB; later ones are cut with a 10 % chance somewhere in their first 4 KiB either way.
/// let faults = Faults::none()
///     .cut_upstream_after(100, 1)
///     .cut_downstream_after(1024, 2)
///     .random_cuts(0.1, 4096, 7);
/// # let _ = faults;
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faults {
    scripted: VecDeque<(Cut, u32)>,
    random: Option<RandomCuts>,
}

impl Faults {
    /// No cuts.
    pub fn none() -> Faults {
        Faults::default()
    }

    /// Also cut the client → server stream after `bytes` bytes, for the next `connections`
    /// connections that are not already scripted.
    pub fn cut_upstream_after(self, bytes: u64, connections: u32) -> Faults {
        self.scripted(Cut { direction: Direction::Upstream, after: bytes }, connections)
    }

    /// Also cut the server → client stream after `bytes` bytes, for the next `connections`
    /// connections that are not already scripted.
    pub fn cut_downstream_after(self, bytes: u64, connections: u32) -> Faults {
        self.scripted(Cut { direction: Direction::Downstream, after: bytes }, connections)
    }

    /// Cut each connection past the scripted ones with `probability`, at an offset drawn from
    /// `0..=max_offset` in the request or the response, deterministically from `seed`.
    pub fn random_cuts(self, probability: f64, max_offset: u64, seed: u64) -> Faults {
        Faults { random: Some(RandomCuts { probability, max_offset, seed }), ..self }
    }

    /// Checks the settings; [`crate::start`] and [`crate::Proxy::set_faults`] call it.
    ///
    /// # Errors
    /// [`Error::InvalidFaults`] when a cut probability is not in `[0, 1]`.
    pub fn validate(&self) -> Result<(), Error> {
        match self.random {
            Some(random) if !(0.0..=1.0).contains(&random.probability) => {
                Err(Error::InvalidFaults("cut probability must be in [0, 1]"))
            }
            _ => Ok(()),
        }
    }

    /// The cut for the connection with this accept number (0 for the first since the proxy
    /// started), using up one scripted cut if any is left.
    pub(crate) fn next(&mut self, connection: u64) -> Option<Cut> {
        while let Some((cut, left)) = self.scripted.front_mut() {
            if *left == 0 {
                self.scripted.pop_front();
                continue;
            }
            *left -= 1;
            return Some(*cut);
        }
        let random = self.random?;
        if chance::unit(&[random.seed, connection, 1]) >= random.probability {
            return None;
        }
        let direction = if chance::mix(&[random.seed, connection, 2]) & 1 == 0 {
            Direction::Upstream
        } else {
            Direction::Downstream
        };
        let after = chance::mix(&[random.seed, connection, 3]) % random.max_offset.saturating_add(1);
        Some(Cut { direction, after })
    }

    fn scripted(mut self, cut: Cut, connections: u32) -> Faults {
        self.scripted.push_back((cut, connections));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_cuts_come_first_in_order_then_random_ones() {
        let mut faults = Faults::none().cut_upstream_after(10, 1).cut_downstream_after(20, 2).random_cuts(1.0, 5, 3);
        assert_eq!(faults.next(0), Some(Cut { direction: Direction::Upstream, after: 10 }));
        assert_eq!(faults.next(1), Some(Cut { direction: Direction::Downstream, after: 20 }));
        assert_eq!(faults.next(2), Some(Cut { direction: Direction::Downstream, after: 20 }));
        for connection in 3..50 {
            let cut = faults.next(connection).expect("probability 1 cuts every connection");
            assert!(cut.after <= 5, "offsets stay within max_offset, got {}", cut.after);
        }
    }

    #[test]
    fn random_cuts_follow_their_seed() {
        let draw = |seed| {
            let mut faults = Faults::none().random_cuts(0.3, 1000, seed);
            (0..200).map(|c| faults.next(c)).collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1), "the same seed must cut the same connections at the same offsets");
        assert_ne!(draw(1), draw(2), "another seed draws another schedule");
        let cut = draw(1).iter().filter(|c| c.is_some()).count();
        assert!((30..90).contains(&cut), "about 30 % of 200 connections are cut, got {cut}");
        let upstream = draw(1).iter().flatten().filter(|c| c.direction == Direction::Upstream).count();
        assert!(upstream > 0 && upstream < cut, "cuts fall in both the request and the response");
    }

    #[test]
    fn no_faults_no_cuts() {
        let mut faults = Faults::none();
        assert!((0..100).all(|c| faults.next(c).is_none()));
        assert!(Faults::none().random_cuts(1.5, 1, 1).validate().is_err(), "a probability above 1 is refused");
    }
}
