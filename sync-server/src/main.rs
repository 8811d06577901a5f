//! `mcommunity-sync-server`: the command line of the sync server.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use anyhow::Context;
use clap::{Parser, Subcommand};
use mcommunity_sync_server::{
    AppState, app,
    blobs::FsBlobs,
    storage::{Storage, postgres::PgStorage, sqlite::SqliteStorage},
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
    /// Serve devices (and, later, the municipality's dashboard) over HTTP.
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: SocketAddr,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Lessons and practice forms.
    Content {
        #[command(subcommand)]
        action: ContentCommand,
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    match Cli::parse().command {
        Command::Serve { listen, store } => {
            let (storage, blobs) = store.open().await?;
            let listener =
                tokio::net::TcpListener::bind(listen).await.with_context(|| format!("listening on {listen}"))?;
            match store.database_url {
                Some(_) => tracing::info!(%listen, storage = "postgresql", "serving"),
                None => tracing::info!(%listen, storage = "sqlite", data = %store.data.display(), "serving"),
            }
            axum::serve(listener, app(AppState::new(storage, blobs)))
                .with_graceful_shutdown(shutdown())
                .await
                .context("serving")?;
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
