//! The sync server's tests: the protocol between real client stores and the real service
//! (in-process), what a hostile client can and cannot do, convergence under random concurrent
//! edits, and the real binary on a real socket.

mod background;
mod blobs;
mod content;
mod convergence;
mod following;
mod hostile;
mod link;
mod socket;
#[path = "../common/phone.rs"]
mod support;
mod sync;
