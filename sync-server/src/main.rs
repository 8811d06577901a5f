//! `mcommunity-sync-server`: the command line of the sync server.

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use anyhow::Context;
use clap::{Parser, Subcommand};
use mcommunity_sync_server::{
    AppState, app,
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
        /// Folder of the embedded SQLite database (the default storage).
        #[arg(long, default_value = "./data")]
        data: PathBuf,
        /// Use this PostgreSQL database instead of SQLite (postgres://user:password@host:port/db),
        /// e.g. to run several instances on one database. Prefer the environment variable to the
        /// flag when the URL holds a password: other users of the machine can read command lines.
        #[arg(long, env = "MCOMMUNITY_DATABASE_URL", hide_env_values = true)]
        database_url: Option<String>,
        /// Folder of attachments (photos, voice notes); several instances must share it.
        /// Default: `blobs` under --data.
        #[arg(long)]
        blobs: Option<PathBuf>,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    match Cli::parse().command {
        Command::Serve { listen, data, database_url, blobs } => {
            let blobs = blobs.unwrap_or_else(|| data.join("blobs"));
            let blobs = mcommunity_sync_server::blobs::FsBlobs::open(&blobs)
                .with_context(|| format!("opening the attachments folder {}", blobs.display()))?;
            let storage: Arc<dyn Storage> = match &database_url {
                // The URL may hold a password: it is never logged or repeated in errors.
                Some(url) => Arc::new(
                    PgStorage::connect(url).await.context("opening the PostgreSQL database of --database-url")?,
                ),
                None => Arc::new(
                    SqliteStorage::open(&data).with_context(|| format!("opening storage in {}", data.display()))?,
                ),
            };
            let listener =
                tokio::net::TcpListener::bind(listen).await.with_context(|| format!("listening on {listen}"))?;
            match database_url {
                Some(_) => tracing::info!(%listen, storage = "postgresql", "serving"),
                None => tracing::info!(%listen, storage = "sqlite", data = %data.display(), "serving"),
            }
            axum::serve(listener, app(AppState::new(storage, blobs)))
                .with_graceful_shutdown(shutdown())
                .await
                .context("serving")?;
            Ok(())
        }
    }
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
