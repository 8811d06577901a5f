//! The dashboard's tests: staff sessions and their defences (lockout, CSRF, roles, redirects), the
//! inbox over real sent submissions (made by client devices and synced), answers and
//! announcements reaching devices at their next sync, reports, the CSV export and the public
//! transparency page; and the dashboard's storage contract over SQLite and PostgreSQL.
//!
//! The PostgreSQL tests need a server: run them through `tests/with-postgres.sh` (they fail, never
//! skip, without it):
//!
//! ```text
//! bash tests/with-postgres.sh cargo test -p mcommunity-sync-server --test dashboard
//! ```

mod access;
mod inbox;
mod indicators;
#[path = "../common/phone.rs"]
mod phone;
mod publish;
mod reports;
mod storage;
#[path = "../storage/support.rs"]
#[allow(dead_code, reason = "shared with the storage tests, which use all of it")]
mod storage_support;
mod support;
