//! `mcommunity-sync-server`: the command line of the sync server.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use anyhow::Context;
use clap::{Parser, Subcommand};
use mcommunity_sync_server::{
    AppState, app,
    blobs::FsBlobs,
    demo, staff,
    storage::{Storage, dashboard::Role, postgres::PgStorage, sqlite::SqliteStorage},
};

/// mCommunity's sync server: syncs devices' documents and serves the municipality.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve devices, the municipality's dashboard and the public transparency page over HTTP.
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: SocketAddr,
        /// Mark staff cookies `Secure` (when the dashboard is reached over https, e.g. behind a
        /// TLS proxy).
        #[arg(long)]
        secure_cookies: bool,
        /// DEMO ONLY, never in production: create the staff account `demo-clerk` with a new
        /// password printed at start, and demo submissions if there are none.
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Staff accounts of the dashboard, and demo data.
    Admin {
        #[command(subcommand)]
        action: AdminCommand,
    },
    /// Lessons and practice forms.
    Content {
        #[command(subcommand)]
        action: ContentCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Add a staff account; the password is asked on the terminal (or read from the first line
    /// of standard input when that is not a terminal).
    AddStaff {
        /// The login name: 2 to 32 of a-z, 0-9, '.', '_', '-'.
        #[arg(long)]
        username: String,
        /// viewer (reads), clerk (also answers and assigns), admin (also announcements,
        /// categories, the audit log and exports with personal data), project (only the project's
        /// indicators) or volunteer (no dashboard page: links a device's profile so it may write
        /// community sessions).
        #[arg(long, value_parser = ["viewer", "clerk", "admin", "project", "volunteer"])]
        role: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the staff accounts.
    ListStaff {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// DEMO ONLY: add clearly marked demo submissions (titles start with "DEMO").
    DemoData {
        /// How many.
        #[arg(long, default_value_t = 12)]
        count: usize,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Check a lessons folder, narrate it and publish it to every device: new and changed lessons
    /// and forms reach devices at their next sync. Lessons no longer in the folder are retired.
    Publish {
        /// The lessons folder (courses, forms/, pictures/, audio/).
        dir: PathBuf,
        /// Keep lessons and forms that the folder no longer has, instead of retiring them.
        #[arg(long)]
        keep_missing: bool,
        /// Where generated narration is cached, so only changed texts are spoken again.
        /// Default: `narration-cache` under --data.
        #[arg(long)]
        narration_cache: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Check a lessons folder and say what is wrong, without publishing anything.
    Check {
        /// The lessons folder.
        dir: PathBuf,
    },
}

/// Where the server keeps its data.
#[derive(clap::Args)]
struct StoreArgs {
    /// Folder of the embedded SQLite database (the default storage).
    #[arg(long, default_value = "./data")]
    data: PathBuf,
    /// Use this PostgreSQL database instead of SQLite (postgres://user:password@host:port/db),
    /// e.g. to run several instances on one database. Prefer the environment variable to the
    /// flag when the URL holds a password: other users of the machine can read command lines.
    #[arg(long, env = "MCOMMUNITY_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Folder of attachments (photos, voice notes, lesson audio); several instances must share
    /// it. Default: `blobs` under --data.
    #[arg(long)]
    blobs: Option<PathBuf>,
}

impl StoreArgs {
    async fn open(&self) -> anyhow::Result<(Arc<dyn Storage>, FsBlobs)> {
        let blobs = self.blobs.clone().unwrap_or_else(|| self.data.join("blobs"));
        let blobs =
            FsBlobs::open(&blobs).with_context(|| format!("opening the attachments folder {}", blobs.display()))?;
        let storage: Arc<dyn Storage> = match &self.database_url {
            // The URL may hold a password: it is never logged or repeated in errors.
            Some(url) => {
                Arc::new(PgStorage::connect(url).await.context("opening the PostgreSQL database of --database-url")?)
            }
            None => Arc::new(
                SqliteStorage::open(&self.data)
                    .with_context(|| format!("opening storage in {}", self.data.display()))?,
            ),
        };
        Ok((storage, blobs))
    }
}

/// Prints the demo volunteer's and project member's logins.
fn print_demo_accounts(accounts: &demo::DemoAccounts) {
    println!("DEMO MODE (never in production): volunteer login {} / {}", demo::DEMO_VOLUNTEER, accounts.volunteer);
    println!("DEMO MODE (never in production): project login {} / {}", demo::DEMO_PROJECT, accounts.project);
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    match Cli::parse().command {
        Command::Serve { listen, secure_cookies, demo, store } => {
            let (storage, blobs) = store.open().await?;
            mcommunity_sync_server::categories::ensure(&*storage)
                .await
                .context("publishing the starting categories")?;
            let listener =
                tokio::net::TcpListener::bind(listen).await.with_context(|| format!("listening on {listen}"))?;
            let address = listener.local_addr().context("reading the address listened on")?;
            match store.database_url {
                Some(_) => tracing::info!(%address, storage = "postgresql", "serving"),
                None => tracing::info!(%address, storage = "sqlite", data = %store.data.display(), "serving"),
            }
            if demo {
                let now = mcommunity_sync_server::now_ms();
                let password = demo::clerk(&*storage, now).await.context("creating the demo clerk")?;
                let (_, total) = storage.inbox(&Default::default(), 1, 0).await?;
                if total == 0 {
                    demo::seed(&*storage, 12, now).await.context("adding demo submissions")?;
                }
                let community = demo::community(&*storage, now).await.context("adding the demo community session")?;
                println!("DEMO MODE (never in production): staff login {} / {password}", demo::DEMO_CLERK);
                print_demo_accounts(&community);
            }
            let scheme = if secure_cookies { "https" } else { "http" };
            println!("dashboard: {scheme}://{address}/dashboard");
            println!("transparency: {scheme}://{address}/transparency");
            let state = AppState::new(storage, blobs).with_secure_cookies(secure_cookies);
            axum::serve(listener, app(state)).with_graceful_shutdown(shutdown()).await.context("serving")?;
            Ok(())
        }
        Command::Admin { action: AdminCommand::AddStaff { username, role, store } } => {
            let role = Role::ALL.into_iter().find(|r| r.as_str() == role).context("unknown role")?;
            let password = read_password()?;
            let (storage, _) = store.open().await?;
            staff::add(&*storage, &username, role, &password, mcommunity_sync_server::now_ms())
                .await
                .with_context(|| format!("adding {username}"))?;
            println!("added {username} ({})", role.as_str());
            Ok(())
        }
        Command::Admin { action: AdminCommand::ListStaff { store } } => {
            let (storage, _) = store.open().await?;
            let now = mcommunity_sync_server::now_ms();
            for account in storage.list_staff().await? {
                let locked = if account.locked_until.is_some_and(|t| t > now) { " (locked)" } else { "" };
                println!("{}\t{}{locked}", account.username, account.role.as_str());
            }
            Ok(())
        }
        Command::Admin { action: AdminCommand::DemoData { count, store } } => {
            let (storage, _) = store.open().await?;
            mcommunity_sync_server::categories::ensure(&*storage).await?;
            let ids = demo::seed(&*storage, count, mcommunity_sync_server::now_ms()).await?;
            println!("DEMO: added {} demo submissions", ids.len());
            let community = demo::community(&*storage, mcommunity_sync_server::now_ms())
                .await
                .context("adding the demo community session")?;
            print_demo_accounts(&community);
            Ok(())
        }
        Command::Content { action: ContentCommand::Check { dir } } => {
            let set = mcommunity_content::set::load(&dir).map_err(content_problems)?;
            println!(
                "{}: {} lessons and {} practice forms, no problems",
                dir.display(),
                set.lessons.len(),
                set.forms.len()
            );
            Ok(())
        }
        Command::Content { action: ContentCommand::Publish { dir, keep_missing, narration_cache, store } } => {
            let cache = narration_cache.unwrap_or_else(|| store.data.join("narration-cache"));
            let bundle = tokio::task::spawn_blocking(move || mcommunity_content::bundle::build(&dir, &cache))
                .await
                .context("building the content")?
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let sizes: Vec<String> = bundle
                .narration_bytes()
                .iter()
                .map(|(locale, bytes)| format!("{locale} {} KB", bytes.div_ceil(1024)))
                .collect();
            let (storage, blobs) = store.open().await?;
            let published = mcommunity_sync_server::content::publish(&*storage, &blobs, &bundle, keep_missing)
                .await
                .context("publishing")?;
            let list = |ids: &[String]| if ids.is_empty() { "none".to_owned() } else { ids.join(", ") };
            println!("new: {}", list(&published.created));
            println!("changed: {}", list(&published.updated));
            println!("retired: {}", list(&published.retired));
            println!("unchanged: {}; new pictures and sounds: {}", published.unchanged, published.new_blobs);
            println!("narration: {}", sizes.join(", "));
            Ok(())
        }
    }
}

/// The new password: asked on the terminal without echo, twice; or the first line of standard
/// input when that is not a terminal (scripts and tests).
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("password: ").context("reading the password")?;
        let again = rpassword::prompt_password("password again: ").context("reading the password")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).context("reading the password from standard input")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

fn content_problems(problems: Vec<mcommunity_content::set::Problem>) -> anyhow::Error {
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    anyhow::anyhow!("the lessons folder has {} problem(s):\n{}", problems.len(), lines.join("\n"))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
