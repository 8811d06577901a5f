//! Deterministic draws: the same seed and the same position always give the same answer, so a
//! lossy run can be repeated exactly. A hash of the position (not a stateful generator) keeps the
//! answer independent of how the operating system happened to split the byte stream into reads.

/// A well-mixed 64-bit value for the given parts (SplitMix64's finaliser, chained).
pub(crate) fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for &part in parts {
        h = finalise(h ^ part.wrapping_mul(0xD1B5_4A32_D192_ED03));
    }
    h
}

/// A value in `[0, 1)` for the given parts.
pub(crate) fn unit(parts: &[u64]) -> f64 {
    // The top 53 bits fill an f64's mantissa exactly.
    (mix(parts) >> 11) as f64 / (1u64 << 53) as f64
}

fn finalise(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_are_repeatable_and_spread() {
        assert_eq!(mix(&[1, 2, 3]), mix(&[1, 2, 3]), "the same parts must give the same draw");
        assert_ne!(mix(&[1, 2, 3]), mix(&[1, 2, 4]), "a different position must give a different draw");
        assert_ne!(mix(&[1, 2]), mix(&[2, 1]), "order of parts matters");
        let n = 100_000;
        let below = (0..n).filter(|i| unit(&[7, *i]) < 0.01).count();
        // 1 % of 100,000 is 1,000; a fair draw lands well within ±200 of it.
        assert!((800..1200).contains(&below), "about 1 % of draws should fall below 0.01, got {below}");
        assert!((0..n).all(|i| (0.0..1.0).contains(&unit(&[i]))), "unit draws stay in [0, 1)");
    }
}
