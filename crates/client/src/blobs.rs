//! The device's attachments: content-addressed files in the data folder (`blobs/<sha256>`),
//! written atomically, read back only when their bytes still match their name.

use std::path::{Path, PathBuf};

use mcommunity_core::blobs::BlobHash;
use sha2::{Digest, Sha256};

/// The blob folder of one device.
#[derive(Clone)]
pub struct LocalBlobs {
    root: PathBuf,
}

impl LocalBlobs {
    /// The blobs under `data_dir/blobs` (created if missing).
    pub fn open(data_dir: &Path) -> std::io::Result<LocalBlobs> {
        let root = data_dir.join("blobs");
        std::fs::create_dir_all(&root)?;
        Ok(LocalBlobs { root })
    }

    /// Where a blob lives.
    pub fn path(&self, hash: BlobHash) -> PathBuf {
        self.root.join(hash.to_string())
    }

    /// Where a download in progress is kept.
    pub(crate) fn partial(&self, hash: BlobHash) -> PathBuf {
        self.root.join(format!("{hash}.part"))
    }

    /// Stores `bytes` and returns their name.
    pub fn put(&self, bytes: &[u8]) -> std::io::Result<BlobHash> {
        let hash = BlobHash(Sha256::digest(bytes).into());
        let target = self.path(hash);
        if !target.exists() {
            let tmp = self.root.join(format!("{hash}.new"));
            std::fs::write(&tmp, bytes)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            std::fs::rename(tmp, target)?;
        }
        Ok(hash)
    }

    /// A blob's bytes, if present and intact.
    pub fn get(&self, hash: BlobHash) -> std::io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.path(hash)) {
            Ok(bytes) if Sha256::digest(&bytes).as_slice() == hash.0 => Ok(Some(bytes)),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Moves a finished download into place if its bytes match `hash`; otherwise discards it.
    pub(crate) fn finish(&self, hash: BlobHash) -> std::io::Result<bool> {
        let partial = self.partial(hash);
        let bytes = std::fs::read(&partial)?;
        if Sha256::digest(&bytes).as_slice() != hash.0 {
            std::fs::remove_file(&partial)?;
            return Ok(false);
        }
        std::fs::rename(partial, self.path(hash))?;
        Ok(true)
    }
}
