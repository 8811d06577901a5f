//! Attachments (photos, voice notes, lesson audio) travel as content-addressed blobs beside the
//! documents that name them: named by their SHA-256, moved in bounded chunks that resume where a
//! drop left them, verified by hash on arrival, and readable within one scope — the scope of the
//! documents that reference them.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// The largest chunk one request carries.
pub const CHUNK: usize = 64 * 1024;
/// The largest blob accepted (a 3-minute voice note or a few photos are far below it).
pub const MAX_BLOB: u64 = 25 * 1024 * 1024;

/// A blob's name: the SHA-256 of its bytes, shown as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlobHash(pub [u8; 32]);

impl BlobHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> BlobHash {
        use sha2::{Digest, Sha256};
        BlobHash(Sha256::digest(bytes).into())
    }
}

/// Text that is not a blob hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a blob hash")]
pub struct ParseBlobHashError;

impl FromStr for BlobHash {
    type Err = ParseBlobHashError;

    fn from_str(s: &str) -> Result<BlobHash, ParseBlobHashError> {
        if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(ParseBlobHashError);
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| ParseBlobHashError)?;
        }
        Ok(BlobHash(out))
    }
}

impl fmt::Display for BlobHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for BlobHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BlobHash({self})")
    }
}

/// How much of a blob the server holds for a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlobStatus {
    /// Bytes received so far (the whole size once complete).
    pub received: u64,
    /// Whether the blob is complete, verified and readable in the scope asked about.
    pub complete: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_have_one_spelling() {
        let hash = BlobHash([0xab; 32]);
        assert_eq!(hash.to_string().parse(), Ok(hash));
        let check = |s: &str| assert_eq!(s.parse::<BlobHash>(), Err(ParseBlobHashError), "{s:?}");
        check(&"AB".repeat(32));
        check(&"ab".repeat(31));
        check(&format!("{}/..", "ab".repeat(31)));
        check("");
    }
}
