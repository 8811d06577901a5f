//! The sync benchmark (`make bench`, `tests/bench/sync.sh`): mCommunity's sync against
//! automerge-repo 2.5 on the same workload, through the same byte-counting link emulator.
//!
//! Each system runs as real processes: our server is the release `mcommunity-sync-server serve`
//! binary on SQLite, automerge-repo's is `tests/bench/automerge-repo/server.mjs` under Node. Each
//! device is a child process too (this bench binary re-run as `sync client …`, using the real
//! client store, `Device` and HTTP sync; or `client.mjs`), driven over stdin one scenario at a
//! time, so "restart both sides" really starts fresh processes on the data they left on disk. One
//! `mcommunity-linksim` proxy sits between device and server for each run of scenarios; its
//! counters are reset before each scenario and read once the link has gone quiet after the device
//! said "done". Bytes are everything that crossed the proxy (HTTP and WebSocket framing included);
//! round trips are the proxy's client-to-server direction changes; the server's peak memory is the
//! VmHWM of its process, reset (`/proc/<pid>/clear_refs`) before each scenario.
//!
//! Environment: `MC_BENCH_QUICK=1` runs N = 1 and 100 on loopback only; `MC_BENCH_N`, `MC_BENCH_LINK`
//! (`loopback` or `2g`) and `MC_BENCH_ONLY` (`ours` or `automerge-repo`) narrow a run to one N, one
//! link or one system, for experiments; `MC_BENCH_TIMEOUT_SECS`
//! caps each scenario (default 600); `MC_BENCH_NODE_DIR` points at the automerge-repo side
//! (default `tests/bench/automerge-repo`, its `node_modules` installed by `tests/bench/sync.sh`).

use std::{
    fmt::Write as _,
    io::{BufRead, BufReader, Read, Write},
    net::{SocketAddr, TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, ChildStdin, Command, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

use anyhow::{Context, bail};
use mcommunity_linksim::{Proxy, faults::Faults, link::Link};
use serde::{Deserialize, Serialize};

/// The seed of the workload and of the 2G link's losses: every run measures the same thing.
const SEED: u64 = 2025;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("client") {
        return client::main(&args[1..]);
    }
    orchestrate()
}

// ---------------------------------------------------------------------------------------------
// The workload: the same drafts and edits for both systems, written to a file both devices read.

#[derive(Serialize, Deserialize)]
struct Workload {
    /// The profile the drafts belong to, for automerge-repo's documents (ours makes its own).
    profile: String,
    docs: Vec<DocSpec>,
    /// "one": one edit in one document; "tenth": edits in 10 % of the documents.
    edits: std::collections::BTreeMap<String, Vec<Edit>>,
}

#[derive(Serialize, Deserialize)]
struct DocSpec {
    kind: String,
    category: String,
    title: String,
    /// The whole text after each save, as the app's autosave would store it while a resident writes.
    saves: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct Edit {
    doc: usize,
    /// The document's whole new text (each side stores it as the edit from the old text).
    text: String,
}

/// splitmix64: small, seeded, good enough to pick words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Sentence parts in the app's four languages, for text that reads (and compresses) like what
/// residents write about roads, water and papers.
struct Phrases {
    openers: &'static [&'static str],
    subjects: &'static [&'static str],
    problems: &'static [&'static str],
    places: &'static [&'static str],
    since: &'static [&'static str],
    asks: &'static [&'static str],
    titles: &'static [&'static str],
}

const LANGUAGES: [Phrases; 4] = [
    Phrases {
        openers: &[
            "Përshëndetje,",
            "Të nderuar,",
            "Ju lutem,",
            "Sot në mëngjes",
            "Prej disa ditësh",
            "Si banorë të lagjes,",
        ],
        subjects: &[
            "drita e rrugës",
            "gypi i ujit",
            "rruga kryesore",
            "ura e vjetër",
            "kontejneri i mbeturinave",
            "shkolla fillore",
            "stacioni i autobusit",
            "kanali i ujërave",
        ],
        problems: &[
            "nuk punon",
            "është prishur",
            "rrjedh ujë pa pushim",
            "ka një gropë të madhe",
            "është bllokuar",
            "është e rrezikshme për fëmijët",
            "nuk pastrohet",
            "bën zhurmë gjatë natës",
        ],
        places: &[
            "pranë xhamisë",
            "në hyrje të fshatit",
            "përballë postës",
            "te lagjja e re",
            "afër shkollës",
            "në rrugën për në qytet",
            "pas tregut",
            "te ura e lumit",
        ],
        since: &[
            "që nga java e kaluar",
            "prej një muaji",
            "që nga shiu i fundit",
            "prej dimrit",
            "që nga e hëna",
            "prej dy javësh",
        ],
        asks: &[
            "Ju lutem dërgoni dikë ta shikojë.",
            "Kërkojmë riparim sa më shpejt.",
            "Na tregoni kur mund të vini.",
            "A mund të na jepni një afat?",
            "Faleminderit për përgjigjen.",
            "Banorët presin një zgjidhje.",
        ],
        titles: &[
            "Drita e rrugës nuk punon",
            "Gropë në rrugën kryesore",
            "Rrjedhje uji",
            "Mbeturina të pamarra",
            "Ura e dëmtuar",
            "Kërkesë për certifikatë",
        ],
    },
    Phrases {
        openers: &[
            "Почитувани,",
            "Добар ден,",
            "Ве молиме,",
            "Денеска наутро",
            "Веќе неколку дена",
            "Како жители на населбата,",
        ],
        subjects: &[
            "уличното светло",
            "водоводната цевка",
            "главниот пат",
            "старият мост",
            "контејнерот за отпад",
            "основното училиште",
            "автобуската станица",
            "каналот",
        ],
        problems: &[
            "не работи",
            "е расипан",
            "истекува вода без прекин",
            "има голема дупка",
            "е блокиран",
            "е опасен за децата",
            "не се чисти",
            "прави бучава ноќе",
        ],
        places: &[
            "кај џамијата",
            "на влезот во селото",
            "спроти поштата",
            "во новата населба",
            "близу училиштето",
            "на патот кон градот",
            "зад пазарот",
            "кај мостот на реката",
        ],
        since: &[
            "од минатата недела",
            "веќе еден месец",
            "од последниот дожд",
            "од зимата",
            "од понеделник",
            "веќе две недели",
        ],
        asks: &[
            "Ве молиме испратете некого да погледне.",
            "Бараме поправка што побрзо.",
            "Кажете ни кога можете да дојдете.",
            "Дали може да ни дадете рок?",
            "Ви благодариме за одговорот.",
            "Жителите чекаат решение.",
        ],
        titles: &[
            "Уличното светло не работи",
            "Дупка на главниот пат",
            "Истекување вода",
            "Неподигнат отпад",
            "Оштетен мост",
            "Барање за уверение",
        ],
    },
    Phrases {
        openers: &["Poštovani,", "Dobar dan,", "Molim vas,", "Jutros", "Već nekoliko dana", "Kao stanovnici naselja,"],
        subjects: &[
            "ulično svetlo",
            "vodovodna cev",
            "glavni put",
            "stari most",
            "kontejner za otpad",
            "osnovna škola",
            "autobuska stanica",
            "kanal",
        ],
        problems: &[
            "ne radi",
            "je pokvaren",
            "curi voda bez prestanka",
            "ima veliku rupu",
            "je blokiran",
            "je opasan za decu",
            "se ne čisti",
            "pravi buku noću",
        ],
        places: &[
            "kod džamije",
            "na ulazu u selo",
            "preko puta pošte",
            "u novom naselju",
            "blizu škole",
            "na putu ka gradu",
            "iza pijace",
            "kod mosta na reci",
        ],
        since: &[
            "od prošle nedelje",
            "već mesec dana",
            "od poslednje kiše",
            "od zime",
            "od ponedeljka",
            "već dve nedelje",
        ],
        asks: &[
            "Molimo pošaljite nekoga da pogleda.",
            "Tražimo popravku što pre.",
            "Javite nam kada možete da dođete.",
            "Možete li nam dati rok?",
            "Hvala na odgovoru.",
            "Stanovnici čekaju rešenje.",
        ],
        titles: &[
            "Ulično svetlo ne radi",
            "Rupa na glavnom putu",
            "Curenje vode",
            "Neodnet otpad",
            "Oštećen most",
            "Zahtev za uverenje",
        ],
    },
    Phrases {
        openers: &[
            "Hello,",
            "Dear municipality,",
            "Please,",
            "This morning",
            "For a few days now",
            "As residents of the neighbourhood,",
        ],
        subjects: &[
            "the street light",
            "the water pipe",
            "the main road",
            "the old bridge",
            "the rubbish container",
            "the primary school",
            "the bus stop",
            "the drainage channel",
        ],
        problems: &[
            "does not work",
            "is broken",
            "leaks water all the time",
            "has a big pothole",
            "is blocked",
            "is dangerous for the children",
            "is never cleaned",
            "makes noise at night",
        ],
        places: &[
            "near the mosque",
            "at the entrance of the village",
            "opposite the post office",
            "in the new neighbourhood",
            "close to the school",
            "on the road to town",
            "behind the market",
            "by the river bridge",
        ],
        since: &[
            "since last week",
            "for a month",
            "since the last rain",
            "since the winter",
            "since Monday",
            "for two weeks",
        ],
        asks: &[
            "Please send someone to look at it.",
            "We ask for a repair as soon as possible.",
            "Tell us when you can come.",
            "Can you give us a date?",
            "Thank you for your answer.",
            "The residents are waiting for a solution.",
        ],
        titles: &[
            "Street light not working",
            "Pothole on the main road",
            "Water leak",
            "Rubbish not collected",
            "Damaged bridge",
            "Request for a certificate",
        ],
    },
];

const KINDS: [&str; 5] = ["problem", "request", "complaint", "proposal", "question"];
const CATEGORIES: [&str; 8] =
    ["roads", "water", "waste", "lighting", "public-spaces", "social-help", "documents", "other"];

fn sentence(rng: &mut Rng, p: &Phrases) -> String {
    match rng.below(3) {
        0 => format!(
            "{} {} {} {} {}.",
            rng.pick(p.openers),
            rng.pick(p.subjects),
            rng.pick(p.places),
            rng.pick(p.problems),
            rng.pick(p.since)
        ),
        1 => format!("{} {} {}.", capitalised(rng.pick(p.subjects)), rng.pick(p.problems), rng.pick(p.places)),
        _ => rng.pick(p.asks).to_owned(),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl Workload {
    /// `n` drafts of about 2 KB of UTF-8 text each, written in 4 saves, and the edits.
    fn generate(n: usize, seed: u64) -> Workload {
        let mut rng = Rng(seed);
        let profile = format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            rng.next() as u32,
            rng.next() as u16,
            rng.next() & 0xfff,
            rng.next() & 0xfff,
            rng.next() & 0xffff_ffff_ffff
        );
        let mut docs = Vec::with_capacity(n);
        for _ in 0..n {
            let p = &LANGUAGES[rng.below(LANGUAGES.len())];
            let mut paragraphs = Vec::new();
            let mut bytes = 0;
            while bytes < 2000 {
                let paragraph: Vec<String> = (0..3 + rng.below(3)).map(|_| sentence(&mut rng, p)).collect();
                let paragraph = paragraph.join(" ");
                bytes += paragraph.len() + 2;
                paragraphs.push(paragraph);
            }
            // Four saves, each adding a share of the paragraphs, as a resident writes in sittings.
            let per_save = paragraphs.len().div_ceil(4);
            let saves = (1..=paragraphs.len().div_ceil(per_save))
                .map(|k| paragraphs[..(k * per_save).min(paragraphs.len())].join("\n\n"))
                .collect();
            docs.push(DocSpec {
                kind: rng.pick(&KINDS).to_owned(),
                category: rng.pick(&CATEGORIES).to_owned(),
                title: rng.pick(p.titles).to_owned(),
                saves,
            });
        }
        // Edits add one sentence at a sentence boundary; the 10 % set comes after the single edit
        // and builds on it if it lands on the same document.
        let mut texts: Vec<String> = docs.iter().map(|d| d.saves.last().cloned().unwrap_or_default()).collect();
        let mut edit = |rng: &mut Rng, doc: usize| {
            let p = &LANGUAGES[(rng.next() % 4) as usize];
            let added = sentence(rng, p);
            let text = &texts[doc];
            let boundaries: Vec<usize> = text.match_indices(". ").map(|(i, _)| i + 2).collect();
            let at = if boundaries.is_empty() { text.len() } else { boundaries[rng.below(boundaries.len())] };
            let new = format!("{}{added} {}", &text[..at], &text[at..]);
            texts[doc] = new.clone();
            Edit { doc, text: new }
        };
        let first = rng.below(n);
        let one = vec![edit(&mut rng, first)];
        let mut chosen: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            chosen.swap(i, rng.below(i + 1));
        }
        chosen.truncate((n / 10).max(1));
        chosen.sort_unstable();
        let tenth = chosen.into_iter().map(|doc| edit(&mut rng, doc)).collect();
        let edits = [("one".to_owned(), one), ("tenth".to_owned(), tenth)].into_iter().collect();
        Workload { profile, docs, edits }
    }
}

// ---------------------------------------------------------------------------------------------
// Our device: this binary re-run as `client create|session …`, on the real client crate.

mod client {
    use std::{
        io::BufRead,
        path::{Path, PathBuf},
        sync::Mutex,
        time::Instant,
    };

    use anyhow::{Context, bail};
    use mcommunity_client::{
        device::Device,
        store::Store,
        sync::{
            self,
            http::{Credential, HttpTransport, register},
        },
        view::{DraftPatch, NewProfile},
    };
    use mcommunity_core::{locale::Locale, profile::Avatar, submission::SubmissionKind};

    use crate::Workload;

    pub fn main(args: &[String]) -> anyhow::Result<()> {
        match args {
            [mode, dir, workload] if mode == "create" => create(Path::new(dir), &read_workload(workload)?),
            [mode, dir, workload, base, direct] if mode == "session" => {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
                runtime.block_on(session(Path::new(dir), &read_workload(workload)?, base, direct))
            }
            _ => bail!("usage: sync client create <dir> <workload> | session <dir> <workload> <base-url> <direct-url>"),
        }
    }

    fn read_workload(path: &str) -> anyhow::Result<Workload> {
        Ok(serde_json::from_slice(&std::fs::read(path).context("reading the workload")?)?)
    }

    fn ids_path(dir: &Path) -> PathBuf {
        dir.join("bench-ids.json")
    }

    /// Writes the drafts offline through the app's own API, one save at a time.
    fn create(dir: &Path, workload: &Workload) -> anyhow::Result<()> {
        let mut device = Device::open(dir)?;
        let profile = NewProfile { name: "Drita".into(), avatar: Avatar::Sun, pin: None, locale: Locale::Sq };
        device.create_profile(&profile)?;
        let mut ids = Vec::with_capacity(workload.docs.len());
        for doc in &workload.docs {
            let kind: SubmissionKind = serde_json::from_value(serde_json::Value::String(doc.kind.clone()))?;
            let draft = device.create_draft(kind)?;
            for (i, text) in doc.saves.iter().enumerate() {
                let mut patch = DraftPatch { text: Some(text.clone()), ..DraftPatch::default() };
                if i == 0 {
                    patch.category = Some(doc.category.clone());
                    patch.title = Some(doc.title.clone());
                }
                device.update_draft(&draft.id, patch)?;
            }
            ids.push(draft.id);
        }
        std::fs::write(ids_path(dir), serde_json::to_vec(&ids)?)?;
        Ok(())
    }

    /// A credential kept in a file: the app keeps it in the OS keyring, which a bench has no use for.
    async fn credential(dir: &Path, direct: &str) -> anyhow::Result<Credential> {
        let path = dir.join("bench-credential");
        if let Ok(saved) = std::fs::read_to_string(&path) {
            let (device, secret) = saved.split_once('.').context("a saved credential")?;
            return Ok(Credential { device: device.parse().context("a saved device id")?, secret: secret.into() });
        }
        let credential = register(direct).await?;
        std::fs::write(&path, format!("{}.{}", credential.device, credential.secret))?;
        Ok(credential)
    }

    /// Answers `sync`, `edit <set>` and `exit` from stdin, as `client.mjs` does for automerge-repo.
    async fn session(dir: &Path, workload: &Workload, base: &str, direct: &str) -> anyhow::Result<()> {
        let ids: Vec<String> = serde_json::from_slice(&std::fs::read(ids_path(dir))?)?;
        let transport = HttpTransport::new(base, credential(dir, direct).await?);
        let store = Mutex::new(Store::open(dir)?.store);
        let mut device = Device::open(dir)?;
        println!("ready");
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["sync"] => {}
                ["edit", set] => {
                    // Saved as the app saves a draft; the clock starts at the sync that follows.
                    for edit in workload.edits.get(*set).context("an edit set")? {
                        let patch = DraftPatch { text: Some(edit.text.clone()), ..DraftPatch::default() };
                        device.update_draft(&ids[edit.doc], patch)?;
                    }
                }
                ["exit"] => {
                    println!("bye");
                    return Ok(());
                }
                _ => bail!("unknown command {line}"),
            }
            let start = Instant::now();
            // Done when a sync completes (the server answered its last round with nothing more to
            // send) and nothing is left to upload; a failed round is simply run again.
            let mut failures = 0;
            loop {
                match sync::sync(&transport, &store).await {
                    Ok(_) if sync::pending_count(&store.lock().unwrap())? == 0 => break,
                    Ok(_) => {}
                    Err(e) if failures < 20 => {
                        failures += 1;
                        eprintln!("sync failed, again: {e}");
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            println!("done {}", start.elapsed().as_micros());
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The orchestra: servers, devices, the proxy and the table.

#[derive(Clone, Copy, PartialEq, Eq)]
enum System {
    Ours,
    AutomergeRepo,
}

impl System {
    fn name(self) -> &'static str {
        match self {
            System::Ours => "mCommunity",
            System::AutomergeRepo => "automerge-repo",
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum LinkKind {
    Loopback,
    TwoG,
}

impl LinkKind {
    fn link(self) -> Link {
        match self {
            LinkKind::Loopback => Link::unlimited(),
            LinkKind::TwoG => Link::two_g().with_seed(SEED),
        }
    }

    fn name(self) -> &'static str {
        match self {
            LinkKind::Loopback => "loopback",
            LinkKind::TwoG => "2G",
        }
    }

    /// How long the link must stay silent after "done" before the counters are read: trailing
    /// messages (an acknowledgement after the last change) count too.
    fn quiet(self) -> Duration {
        match self {
            LinkKind::Loopback => Duration::from_millis(300),
            LinkKind::TwoG => Duration::from_millis(3000),
        }
    }
}

const SCENARIOS: [&str; 4] = ["cold upload", "no-op after restart", "one edit", "edits in 10 %"];

struct Measured {
    bytes_up: u64,
    bytes_down: u64,
    round_trips: u64,
    connections: u64,
    lost_segments: u64,
    wall: Duration,
    server_peak_kb: u64,
}

enum Outcome {
    Done(Measured),
    TimedOut(Duration),
    Skipped,
    Failed(String),
}

struct Row {
    link: LinkKind,
    n: usize,
    scenario: &'static str,
    system: System,
    outcome: Outcome,
}

struct Settings {
    server_bin: PathBuf,
    node_dir: PathBuf,
    timeout: Duration,
    runtime: tokio::runtime::Runtime,
}

fn orchestrate() -> anyhow::Result<()> {
    let started = Instant::now();
    let quick = std::env::var("MC_BENCH_QUICK").is_ok_and(|v| v == "1");
    let timeout =
        Duration::from_secs(std::env::var("MC_BENCH_TIMEOUT_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(600));
    let node_dir = std::env::var_os("MC_BENCH_NODE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bench/automerge-repo"));
    if !node_dir.join("node_modules/@automerge/automerge-repo").is_dir() {
        bail!("automerge-repo is not installed in {}: run tests/bench/sync.sh (it runs npm ci)", node_dir.display());
    }
    let settings = Settings {
        server_bin: PathBuf::from(env!("CARGO_BIN_EXE_mcommunity-sync-server")),
        node_dir,
        timeout,
        runtime: tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?,
    };
    let (mut links, mut ns): (Vec<LinkKind>, Vec<usize>) = if quick {
        (vec![LinkKind::Loopback], vec![1, 100])
    } else {
        (vec![LinkKind::Loopback, LinkKind::TwoG], vec![1, 100, 1000])
    };
    // Narrowing for experiments: one N, one link, one system.
    if let Some(n) = std::env::var("MC_BENCH_N").ok().and_then(|v| v.parse().ok()) {
        ns = vec![n];
    }
    match std::env::var("MC_BENCH_LINK").as_deref() {
        Ok("loopback") => links = vec![LinkKind::Loopback],
        Ok("2g") => links = vec![LinkKind::TwoG],
        _ => {}
    }
    let systems: Vec<System> = match std::env::var("MC_BENCH_ONLY").as_deref() {
        Ok("ours") => vec![System::Ours],
        Ok("automerge-repo") => vec![System::AutomergeRepo],
        _ => vec![System::Ours, System::AutomergeRepo],
    };
    eprintln!(
        "sync bench: N = {ns:?} on {}; each scenario capped at {} s",
        links.iter().map(|l| l.name()).collect::<Vec<_>>().join(" and "),
        timeout.as_secs()
    );
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for &link in &links {
        for &n in &ns {
            for &system in &systems {
                rows.extend(run(&settings, system, link, n, &mut notes)?);
            }
        }
    }
    println!("{}", report(&rows, &settings, quick));
    if !notes.is_empty() {
        println!("What automerge-repo's server reported on stderr (counted by server.mjs):\n");
        for note in notes {
            println!("- {note}");
        }
        println!();
    }
    println!("Total bench time: {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The four scenarios in order for one system, link and N, on one proxy.
fn run(
    settings: &Settings,
    system: System,
    link: LinkKind,
    n: usize,
    notes: &mut Vec<String>,
) -> anyhow::Result<Vec<Row>> {
    let work = tempfile::tempdir()?;
    let workload_path = work.path().join("workload.json");
    std::fs::write(&workload_path, serde_json::to_vec(&Workload::generate(n, SEED ^ n as u64))?)?;
    let client_dir = work.path().join("device");
    let server_dir = work.path().join("server");
    std::fs::create_dir_all(&client_dir)?;
    std::fs::create_dir_all(&server_dir)?;
    let port = free_port()?;
    let upstream = SocketAddr::from(([127, 0, 0, 1], port));

    let mut server = Server::start(settings, system, &server_dir, port)?;
    let proxy = settings.runtime.block_on(mcommunity_linksim::start(upstream, link.link(), Faults::none()))?;
    let spawn =
        |settings: &Settings| Device::session(settings, system, &client_dir, &workload_path, proxy.addr(), upstream);
    Device::create(settings, system, &client_dir, &workload_path)?;

    let mut rows = Vec::new();
    let mut row = |scenario, outcome: Outcome| {
        if let Outcome::Done(m) = &outcome {
            eprintln!(
                "  {:<8} N={:<5} {:<14} {:<20} {:>9} B up {:>9} B down {:>5} round trips {:>9.2} s",
                link.name(),
                n,
                system.name(),
                scenario,
                m.bytes_up,
                m.bytes_down,
                m.round_trips,
                m.wall.as_secs_f64()
            );
        } else {
            eprintln!("  {:<8} N={:<5} {:<14} {:<20} {}", link.name(), n, system.name(), scenario, cell(&outcome));
        }
        rows.push(Row { link, n, scenario, system, outcome });
    };

    let mut device = spawn(settings)?;
    let cold = measure(settings, &proxy, link, &server, &mut device, "sync");
    let finished = matches!(cold, Outcome::Done(_));
    row(SCENARIOS[0], cold);
    if finished {
        device.exit()?;
        server.restart(settings)?;
        let mut device = spawn(settings)?;
        let mut going = true;
        for (scenario, command) in SCENARIOS[1..].iter().zip(["sync", "edit one", "edit tenth"]) {
            if !going {
                row(scenario, Outcome::Skipped);
                continue;
            }
            let outcome = measure(settings, &proxy, link, &server, &mut device, command);
            going = matches!(outcome, Outcome::Done(_));
            row(scenario, outcome);
        }
        device.exit()?;
    } else {
        device.kill();
        for scenario in &SCENARIOS[1..] {
            row(scenario, Outcome::Skipped);
        }
    }
    server.stop()?;
    settings.runtime.block_on(proxy.shutdown());
    if let Ok(log) = std::fs::read_to_string(Server::log(&server_dir)) {
        for line in log.lines().filter(|l| !l.trim().is_empty()) {
            notes.push(format!("{} N = {}: {}", link.name(), thousands(n as u64), line.trim()));
        }
    }
    Ok(rows)
}

fn measure(
    settings: &Settings,
    proxy: &Proxy,
    link: LinkKind,
    server: &Server,
    device: &mut Device,
    command: &str,
) -> Outcome {
    server.reset_peak();
    proxy.reset_stats();
    let wall = match device.command(command, settings.timeout) {
        Ok(Some(wall)) => wall,
        Ok(None) => {
            device.kill();
            return Outcome::TimedOut(settings.timeout);
        }
        Err(e) => {
            device.kill();
            return Outcome::Failed(format!("{e:#}"));
        }
    };
    // Wait until nothing crosses the link any more, so trailing messages are counted.
    let mut last = proxy.stats();
    loop {
        std::thread::sleep(link.quiet());
        let now = proxy.stats();
        if (now.bytes_up, now.bytes_down) == (last.bytes_up, last.bytes_down) {
            break;
        }
        last = now;
    }
    Outcome::Done(Measured {
        bytes_up: last.bytes_up,
        bytes_down: last.bytes_down,
        round_trips: last.round_trips,
        connections: last.connections,
        lost_segments: last.lost_segments,
        wall,
        server_peak_kb: server.peak_kb(),
    })
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A server process: ours or automerge-repo's, on a folder of its own.
struct Server {
    system: System,
    dir: PathBuf,
    port: u16,
    child: Child,
}

impl Server {
    fn start(settings: &Settings, system: System, dir: &Path, port: u16) -> anyhow::Result<Server> {
        let child = match system {
            System::Ours => Command::new(&settings.server_bin)
                .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data"])
                .arg(dir)
                .env("RUST_LOG", "warn")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .spawn()
                .context("starting mcommunity-sync-server")?,
            System::AutomergeRepo => Command::new("node")
                .arg(settings.node_dir.join("server.mjs"))
                .arg(dir)
                .arg(port.to_string())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(std::fs::File::options().create(true).append(true).open(Server::log(dir))?)
                .spawn()
                .context("starting automerge-repo's server under node")?,
        };
        let mut server = Server { system, dir: dir.to_owned(), port, child };
        server.wait_ready()?;
        Ok(server)
    }

    fn wait_ready(&mut self) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        match self.system {
            System::Ours => loop {
                if healthy(self.port) {
                    return Ok(());
                }
                if let Some(status) = self.child.try_wait()? {
                    bail!("mcommunity-sync-server exited at start: {status}");
                }
                if Instant::now() > deadline {
                    bail!("mcommunity-sync-server did not answer /healthz within a minute");
                }
                std::thread::sleep(Duration::from_millis(20));
            },
            System::AutomergeRepo => {
                let stdout = self.child.stdout.take().context("the server's stdout")?;
                let mut stdout = BufReader::new(stdout);
                let mut line = String::new();
                stdout.read_line(&mut line)?;
                // Keep reading, so a late write never meets a closed pipe.
                std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
                if line.trim() != "listening" {
                    bail!("automerge-repo's server did not start (said {line:?})");
                }
                Ok(())
            }
        }
    }

    /// Stops the process the way an operator would (SIGTERM: save and exit) and starts it again
    /// on the same folder and port.
    fn restart(&mut self, settings: &Settings) -> anyhow::Result<()> {
        self.terminate()?;
        let fresh = Server::start(settings, self.system, &self.dir, self.port)?;
        *self = fresh;
        Ok(())
    }

    fn stop(mut self) -> anyhow::Result<()> {
        self.terminate()
    }

    fn terminate(&mut self) -> anyhow::Result<()> {
        Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status()?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.child.try_wait()?.is_none() {
            if Instant::now() > deadline {
                eprintln!("the server did not stop within 30 s of SIGTERM; killing it");
                self.child.kill()?;
                self.child.wait()?;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }

    /// Where automerge-repo's server writes what it noticed (see `server.mjs`), beside its folder.
    fn log(dir: &Path) -> PathBuf {
        dir.with_extension("log")
    }

    /// Forgets the process's peak memory, so the next reading is this scenario's.
    fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5");
    }

    /// The process's peak resident memory (VmHWM) in KiB.
    fn peak_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

fn healthy(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

/// A device process, answering one line per command.
struct Device {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Device {
    fn command_for(settings: &Settings, system: System) -> anyhow::Result<Command> {
        Ok(match system {
            System::Ours => {
                let mut command = Command::new(std::env::current_exe()?);
                command.arg("client");
                command
            }
            System::AutomergeRepo => {
                let mut command = Command::new("node");
                command.arg(settings.node_dir.join("client.mjs"));
                command
            }
        })
    }

    /// Writes the workload's drafts into the device's folder, offline.
    fn create(settings: &Settings, system: System, dir: &Path, workload: &Path) -> anyhow::Result<()> {
        let status = Device::command_for(settings, system)?.arg("create").arg(dir).arg(workload).status()?;
        if !status.success() {
            bail!("{}'s device could not write the drafts: {status}", system.name());
        }
        Ok(())
    }

    fn session(
        settings: &Settings,
        system: System,
        dir: &Path,
        workload: &Path,
        proxy: SocketAddr,
        direct: SocketAddr,
    ) -> anyhow::Result<Device> {
        let mut command = Device::command_for(settings, system)?;
        command.arg("session").arg(dir).arg(workload);
        match system {
            System::Ours => command.arg(format!("http://{proxy}")).arg(format!("http://{direct}")),
            System::AutomergeRepo => command.arg(format!("ws://{proxy}")),
        };
        let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
        let stdin = child.stdin.take().context("the device's stdin")?;
        let stdout = child.stdout.take().context("the device's stdout")?;
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut device = Device { child, stdin, lines };
        match device.lines.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if line == "ready" => Ok(device),
            other => {
                device.kill();
                bail!("{}'s device did not start: {other:?}", system.name())
            }
        }
    }

    /// Sends `command` and waits for "done <µs>"; `None` when `timeout` passed first.
    fn command(&mut self, command: &str, timeout: Duration) -> anyhow::Result<Option<Duration>> {
        writeln!(self.stdin, "{command}")?;
        self.stdin.flush()?;
        match self.lines.recv_timeout(timeout) {
            Ok(line) => {
                let micros = line.strip_prefix("done ").with_context(|| format!("the device said {line:?}"))?;
                Ok(Some(Duration::from_micros(micros.trim().parse()?)))
            }
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => bail!("the device exited during {command:?}"),
        }
    }

    fn exit(mut self) -> anyhow::Result<()> {
        writeln!(self.stdin, "exit")?;
        self.stdin.flush()?;
        let _ = self.lines.recv_timeout(Duration::from_secs(60));
        self.child.wait()?;
        Ok(())
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// The report.

fn cell(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Done(_) => String::new(),
        Outcome::TimedOut(t) => format!("did not finish in {} s", t.as_secs()),
        Outcome::Skipped => "skipped (the cold upload did not finish)".into(),
        Outcome::Failed(e) => format!("failed: {e}"),
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 { format!("{:.0} ms", s * 1000.0) } else { format!("{s:.1} s") }
}

fn ratio(ours: f64, theirs: f64) -> String {
    if theirs == 0.0 {
        return "–".into();
    }
    let r = ours / theirs;
    if r >= 0.1 { format!("{r:.2}×") } else { format!("{r:.3}×") }
}

fn measured<'a>(rows: &'a [Row], link: LinkKind, n: usize, scenario: &str, system: System) -> Option<&'a Measured> {
    rows.iter()
        .find(|r| r.link == link && r.n == n && r.scenario == scenario && r.system == system)
        .and_then(|r| if let Outcome::Done(m) = &r.outcome { Some(m) } else { None })
}

fn report(rows: &[Row], settings: &Settings, quick: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n## Sync: mCommunity vs automerge-repo 2.5{}\n", if quick { " (quick)" } else { "" });
    let _ = writeln!(
        out,
        "Documents of ~2 KB of text (seed {SEED}); bytes and round trips counted by the link emulator \
         (HTTP and WebSocket framing included); 2G = 100 kbit/s, 200 ms and 1 % segment loss each way \
         (seed {SEED}); server peak = the server process's VmHWM during the scenario.\n"
    );
    let _ = writeln!(
        out,
        "| link | N | scenario | system | bytes up | bytes down | round trips | new conns | lost segs | wall time | server peak RSS |"
    );
    let _ = writeln!(out, "|---|--:|---|---|--:|--:|--:|--:|--:|--:|--:|");
    for r in rows {
        let head = format!("| {} | {} | {} | {} ", r.link.name(), thousands(r.n as u64), r.scenario, r.system.name());
        match &r.outcome {
            Outcome::Done(m) => {
                let _ = writeln!(
                    out,
                    "{head}| {} | {} | {} | {} | {} | {} | {:.1} MB |",
                    thousands(m.bytes_up),
                    thousands(m.bytes_down),
                    thousands(m.round_trips),
                    m.connections,
                    m.lost_segments,
                    seconds(m.wall),
                    m.server_peak_kb as f64 / 1024.0
                );
            }
            other => {
                let _ = writeln!(out, "{head}| {} | | | | | | |", cell(other));
            }
        }
    }

    let _ = writeln!(out, "\n### mCommunity ÷ automerge-repo\n");
    let _ = writeln!(out, "| link | N | scenario | bytes (up + down) | round trips | wall time | server peak RSS |");
    let _ = writeln!(out, "|---|--:|---|--:|--:|--:|--:|");
    for r in rows.iter().filter(|r| r.system == System::Ours) {
        let head = format!("| {} | {} | {} ", r.link.name(), thousands(r.n as u64), r.scenario);
        let theirs_row = rows
            .iter()
            .find(|t| t.system == System::AutomergeRepo && t.link == r.link && t.n == r.n && t.scenario == r.scenario);
        match (&r.outcome, theirs_row.map(|t| &t.outcome)) {
            (Outcome::Done(o), Some(Outcome::Done(t))) => {
                let _ = writeln!(
                    out,
                    "{head}| {} | {} | {} | {} |",
                    ratio((o.bytes_up + o.bytes_down) as f64, (t.bytes_up + t.bytes_down) as f64),
                    ratio(o.round_trips as f64, t.round_trips as f64),
                    ratio(o.wall.as_secs_f64(), t.wall.as_secs_f64()),
                    ratio(o.server_peak_kb as f64, t.server_peak_kb as f64)
                );
            }
            (Outcome::Done(_), Some(other)) => {
                let _ = writeln!(out, "{head}| automerge-repo: {} | | | |", cell(other));
            }
            (other, _) => {
                let _ = writeln!(out, "{head}| mCommunity: {} | | | |", cell(other));
            }
        }
    }

    // The physical floor of the cold upload over 2G: its bytes at the link's rate plus one round trip.
    let link = LinkKind::TwoG.link();
    for system in [System::Ours, System::AutomergeRepo] {
        if let Some(m) = measured(rows, LinkKind::TwoG, 1000, SCENARIOS[0], system) {
            let floor = link.up.transmit_time(m.bytes_up.max(m.bytes_down) as usize) + link.rtt();
            let _ = writeln!(
                out,
                "\n{}: cold upload of 1,000 over 2G: the link's physical minimum for its {} bytes up is {} \
                 (bytes × 8 ÷ 100 kbit/s + one 400 ms round trip); it took {} = {} of it.",
                system.name(),
                thousands(m.bytes_up),
                seconds(floor),
                seconds(m.wall),
                ratio(m.wall.as_secs_f64(), floor.as_secs_f64())
            );
        }
    }
    out.push_str(&targets(rows));
    if rows.iter().any(|r| r.system == System::AutomergeRepo && matches!(r.outcome, Outcome::TimedOut(_))) {
        let _ = writeln!(out, "\nautomerge-repo scenarios were capped at {} s each.", settings.timeout.as_secs());
    }
    let _ = writeln!(
        out,
        "\nDone means: mCommunity: `sync::sync` returned (the server answered its last round with nothing \
         more to send) and no document is left to upload; the clock runs from that call (edits are saved \
         before it). automerge-repo: for every document concerned, `DocHandle.getSyncInfo(<server's \
         storage id>).lastHeads`, which the Repo updates from the server's sync messages, equals the \
         document's own heads, reported after the scenario began; the clock runs from making the Repo \
         (sync) or from the first change (edits), since it syncs by itself. Bytes are read once the link \
         has been silent for {} ms (loopback) or {} ms (2G) after done.",
        LinkKind::Loopback.quiet().as_millis(),
        LinkKind::TwoG.quiet().as_millis()
    );
    out
}

/// Issue 3's targets, read off the largest N measured: for the lead, not a pass/fail.
fn targets(rows: &[Row]) -> String {
    let mut out = String::from("\n### Targets of issue 3 (largest N measured)\n\n");
    let Some(n) = rows.iter().map(|r| r.n).max() else { return out };
    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    for link in [LinkKind::Loopback, LinkKind::TwoG] {
        if let Some(m) = measured(rows, link, n, SCENARIOS[1], System::Ours) {
            let total = m.bytes_up + m.bytes_down;
            let _ = writeln!(
                out,
                "- no-op at N = {} over {}: {} round trip(s), {} bytes in all (target 1 and < 500): {}",
                thousands(n as u64),
                link.name(),
                m.round_trips,
                thousands(total),
                verdict(m.round_trips == 1 && total < 500)
            );
        }
        if let Some(m) = measured(rows, link, n, SCENARIOS[2], System::Ours) {
            let total = m.bytes_up + m.bytes_down;
            let _ = writeln!(
                out,
                "- one edit at N = {} over {}: {} round trip(s), {} bytes in all (target 1 and < 800): {}",
                thousands(n as u64),
                link.name(),
                m.round_trips,
                thousands(total),
                verdict(m.round_trips == 1 && total < 800)
            );
        }
    }
    let link = LinkKind::TwoG.link();
    if let Some(m) = measured(rows, LinkKind::TwoG, 1000, SCENARIOS[0], System::Ours) {
        let floor = link.up.transmit_time(m.bytes_up.max(m.bytes_down) as usize) + link.rtt();
        let r = m.wall.as_secs_f64() / floor.as_secs_f64();
        let _ = writeln!(
            out,
            "- cold upload of 1,000 over 2G within 1.3× of the link's minimum: {r:.2}×: {}",
            verdict(r <= 1.3)
        );
        if let Some(t) = measured(rows, LinkKind::TwoG, 1000, SCENARIOS[0], System::AutomergeRepo) {
            let bytes = (m.bytes_up + m.bytes_down) as f64 / (t.bytes_up + t.bytes_down) as f64;
            let time = m.wall.as_secs_f64() / t.wall.as_secs_f64();
            let _ = writeln!(
                out,
                "- cold upload of 1,000 over 2G at most half of automerge-repo's bytes and time: {bytes:.2}× the bytes, {time:.2}× the time: {}",
                verdict(bytes <= 0.5 && time <= 0.5)
            );
        }
    }
    for link in [LinkKind::Loopback, LinkKind::TwoG] {
        let peaks: Vec<String> = rows
            .iter()
            .filter(|r| r.link == link && r.system == System::Ours && r.scenario == SCENARIOS[0])
            .filter_map(|r| if let Outcome::Done(m) = &r.outcome { Some((r.n, m)) } else { None })
            .map(|(n, m)| format!("{:.1} MB at N = {}", m.server_peak_kb as f64 / 1024.0, thousands(n as u64)))
            .collect();
        if !peaks.is_empty() {
            let _ = writeln!(
                out,
                "- our server's peak memory in the cold upload over {}: {}",
                link.name(),
                peaks.join(", ")
            );
        }
    }
    out
}
