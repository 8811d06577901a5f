//! mcommunity-client's integration tests: the device API as the app uses it (people, drafts,
//! lessons and practice), and crash safety of the store with a real killed process.

mod assessments;
mod crash;
mod drafts;
mod learn;
mod logs;
mod profiles;
mod sessions;
mod support;
