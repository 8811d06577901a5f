//! mcommunity-client's integration tests: the device API as the app uses it, and crash safety of
//! the store with a real killed process.

mod crash;
mod drafts;
mod logs;
mod profiles;
mod support;
