//! The storage tests: the `Storage` contract written once and run over SQLite and PostgreSQL,
//! PostgreSQL under several server instances at once (sequence numbers visible in order,
//! single-use pairing codes, one migration), two server instances on one database end to end, and
//! the binary's `--database-url`.
//!
//! The PostgreSQL tests need a server: run them through `tests/with-postgres.sh`, which starts a
//! throwaway one and sets `MCOMMUNITY_TEST_DATABASE_URL` (each test makes its own database there).
//! Without it they fail, never skip:
//!
//! ```text
//! bash tests/with-postgres.sh cargo test -p mcommunity-sync-server --test storage
//! ```

mod cli;
mod concurrency;
mod contract;
mod instances;
#[path = "../common/phone.rs"]
mod phone;
mod support;
