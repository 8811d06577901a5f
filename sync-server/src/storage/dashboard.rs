//! What the municipality's dashboard keeps beside the documents: staff accounts (Argon2id hashes,
//! failed logins counted on disk), sessions (only the SHA-256 of their token), the audit log, a
//! query-able index of sent submissions (so the inbox, reports and the transparency page never
//! load whole documents), and a list of published announcements.
//!
//! [`DashboardStorage`] is a supertrait of [`super::Storage`], implemented by both backends
//! (`sqlite/dashboard.rs`, `postgres/dashboard.rs`) over the same tables; the inbox query is built
//! once here ([`inbox_where`]) and only its placeholders differ.

use std::str::FromStr;

use async_trait::async_trait;
use mcommunity_core::ids::{DocId, ProfileId};

use super::StorageError;

/// What a member of staff may do.
///
/// The order is that of the inbox's rights (`require` compares with `>=`): volunteers and project
/// members come first because they have none of them — a volunteer's account only links a device's
/// profile ([`crate::volunteers`]), a project member sees only the indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// A volunteer who runs community sessions: no dashboard page at all, only the link of their
    /// profile on a device (`POST /v1/volunteers`), which lets that profile write sessions.
    Volunteer,
    /// The project's staff: the indicators page and its exports, nothing of the inbox.
    Project,
    /// Reads the inbox and reports.
    Viewer,
    /// Also replies, sets statuses and assigns.
    Clerk,
    /// Also announcements, categories, the audit log and exports with personal data.
    Admin,
}

impl Role {
    /// Every role, least allowed first.
    pub const ALL: [Role; 5] = [Role::Volunteer, Role::Project, Role::Viewer, Role::Clerk, Role::Admin];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Project => "project",
            Role::Viewer => "viewer",
            Role::Clerk => "clerk",
            Role::Admin => "admin",
        }
    }

    /// Whether this role may answer, set statuses and assign.
    pub fn may_act(self) -> bool {
        self >= Role::Clerk
    }

    /// Whether this role reads the municipality's inbox, submissions and reports.
    pub fn reads_inbox(self) -> bool {
        self >= Role::Viewer
    }

    /// Whether this role sees the project's indicators and their exports.
    pub fn sees_indicators(self) -> bool {
        matches!(self, Role::Project | Role::Admin)
    }

    /// Whether this role may administer (announcements, categories, audit log, full export).
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
}

impl FromStr for Role {
    type Err = StorageError;

    fn from_str(s: &str) -> Result<Role, StorageError> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| StorageError::Corrupt(format!("bad role: {s}")))
    }
}

/// A staff account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffAccount {
    /// The login name, unique.
    pub username: String,
    /// What the account may do.
    pub role: Role,
    /// The Argon2id hash of the password (PHC string).
    pub password_hash: String,
    /// Failed logins since the last success or lock.
    pub failed_logins: u32,
    /// Until when (ms) logins are refused, if locked.
    pub locked_until: Option<i64>,
}

/// A signed-in session as stored: whose it is and its CSRF token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffSession {
    /// The account.
    pub username: String,
    /// Its role (read with the session, so a changed role applies at once).
    pub role: Role,
    /// The token every form of this session carries.
    pub csrf: String,
    /// When the session ends (ms).
    pub expires_at: i64,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (ms).
    pub at: i64,
    /// Who: the username (as typed, for a failed login).
    pub actor: String,
    /// What: a stable action name (`login`, `login-failed`, `reply`, …).
    pub action: String,
    /// On what: a submission or document id, a category id, or empty.
    pub target: String,
    /// A short detail (a status, a count); never a resident's text or a password.
    pub detail: String,
}

/// A sent submission as the dashboard indexes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedSubmission {
    /// The submission's document id.
    pub id: DocId,
    /// The author's profile.
    pub author: ProfileId,
    /// The kind (`problem`, …).
    pub kind: String,
    /// The category id (empty when none was chosen).
    pub category: String,
    /// The title.
    pub title: String,
    /// The text.
    pub text: String,
    /// When it was sent (ms).
    pub sent_at: i64,
    /// Whether it has a photo.
    pub has_photo: bool,
    /// Whether it has a voice note.
    pub has_voice: bool,
    /// The village id, if the resident gave a location.
    pub village: Option<String>,
    /// The municipality's status (`received` until staff set another).
    pub status: String,
    /// The staff member it is assigned to.
    pub assigned_to: Option<String>,
    /// When the municipality first replied (ms).
    pub first_reply_at: Option<i64>,
}

/// The few fields reports and the transparency page count with (no texts, no authors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    /// The kind.
    pub kind: String,
    /// The category id.
    pub category: String,
    /// The village id.
    pub village: Option<String>,
    /// The status.
    pub status: String,
    /// When it was sent (ms).
    pub sent_at: i64,
    /// When it was first replied to (ms).
    pub first_reply_at: Option<i64>,
}

/// What the inbox shows: every field is a filter, `None` or empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// A status.
    pub status: Option<String>,
    /// A category id.
    pub category: Option<String>,
    /// A kind.
    pub kind: Option<String>,
    /// Sent at or after (ms).
    pub from: Option<i64>,
    /// Sent before (ms).
    pub until: Option<i64>,
    /// Assigned to this username; `Some("")` means assigned to no one.
    pub assigned_to: Option<String>,
    /// Only those with a voice note.
    pub has_voice: bool,
    /// Only those with a photo.
    pub has_photo: bool,
    /// Words that must appear in the title or the text (any case).
    pub search: Option<String>,
}

/// A published announcement, as the list page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnouncementRow {
    /// Its document.
    pub id: DocId,
    /// Its title in the first language written.
    pub title: String,
    /// When it was published (ms).
    pub published_at: i64,
    /// When it was withdrawn (ms).
    pub withdrawn_at: Option<i64>,
}

/// A community session as indexed for the project's indicators (from its document; names are
/// never in it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedSession {
    /// The session's document id.
    pub id: DocId,
    /// The volunteer's profile (the document's owner).
    pub volunteer: ProfileId,
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    /// The village or town.
    pub village: String,
    /// The municipality.
    pub municipality: String,
    /// The country code (`AL`, `XK`, `MK`).
    pub country: String,
    /// What it was about.
    pub topic: String,
    /// Who was registered, one row each.
    pub attendees: Vec<IndexedAttendee>,
}

/// One person registered at a session; the facts are `None` when not said (or said without
/// consent, which the document reader already drops).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedAttendee {
    /// The person's profile.
    pub profile: ProfileId,
    /// Whether they came.
    pub present: bool,
    /// Gender (`woman`, `man`, `other`).
    pub gender: Option<String>,
    /// Age band (`16-24`, …).
    pub age: Option<String>,
    /// `rural` or `urban`.
    pub settlement: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Target groups, stored names joined by `,`, sorted (empty: none said).
    pub groups: String,
    /// Whether facts were given with consent (so "not said" is told from "no consent" if needed).
    pub consented: bool,
    /// How many lessons were covered.
    pub lessons: u32,
    /// How many practice forms were tried.
    pub forms: u32,
}

/// The DigComp areas in DigComp's order, as stored (`area1` … `area5` columns).
pub const AREAS: [&str; 5] = ["information", "communication", "content-creation", "safety", "problem-solving"];

/// One DigComp area's result in one assessment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AreaResult {
    /// The mean rating, 0 to 3.
    pub score: f64,
    /// The DigComp level, 1 to 4.
    pub level: u8,
}

/// A finished skills assessment as indexed for the indicators (no answers, only results).
#[derive(Clone, Debug, PartialEq)]
pub struct IndexedAssessment {
    /// The assessment's document id.
    pub id: DocId,
    /// The resident assessed.
    pub profile: ProfileId,
    /// The volunteer who took it, if one did.
    pub taken_by: Option<ProfileId>,
    /// When it was finished (ms).
    pub finished_at: i64,
    /// Per area, in [`AREAS`] order; `None` where the area was not assessed.
    pub areas: [Option<AreaResult>; 5],
}

/// A query parameter of either backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// Text.
    Text(String),
    /// A 64-bit integer.
    Int(i64),
}

/// The text searched for a submission: title and text, lower-cased (by Rust, for every script,
/// since SQLite's `lower` knows only ASCII).
pub fn search_text(title: &str, text: &str) -> String {
    format!("{}\n{}", title.to_lowercase(), text.to_lowercase())
}

/// `s` as a LIKE pattern matching it anywhere, with `\` as the escape character.
fn like_anywhere(s: &str) -> String {
    let mut out = String::from("%");
    for c in s.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The `WHERE` clause of the inbox for `filter` (empty or starting with ` WHERE`) and its
/// parameters, with placeholders made by `placeholder(n)` for the n-th (1-based) parameter.
pub fn inbox_where(filter: &InboxFilter, placeholder: fn(usize) -> String) -> (String, Vec<Param>) {
    let mut clauses = Vec::new();
    let mut params = Vec::new();
    let mut add = |clause: &str, param: Option<Param>| match param {
        Some(param) => {
            params.push(param);
            clauses.push(clause.replace('?', &placeholder(params.len())));
        }
        None => clauses.push(clause.to_owned()),
    };
    let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    if let Some(v) = text(&filter.status) {
        add("status = ?", Some(Param::Text(v)));
    }
    if let Some(v) = text(&filter.category) {
        add("category = ?", Some(Param::Text(v)));
    }
    if let Some(v) = text(&filter.kind) {
        add("kind = ?", Some(Param::Text(v)));
    }
    if let Some(v) = filter.from {
        add("sent_at >= ?", Some(Param::Int(v)));
    }
    if let Some(v) = filter.until {
        add("sent_at < ?", Some(Param::Int(v)));
    }
    match filter.assigned_to.as_deref().map(str::trim) {
        Some("") => add("assigned_to IS NULL", None),
        Some(who) => add("assigned_to = ?", Some(Param::Text(who.to_owned()))),
        None => {}
    }
    if filter.has_voice {
        add("has_voice = 1", None);
    }
    if filter.has_photo {
        add("has_photo = 1", None);
    }
    if let Some(words) = text(&filter.search) {
        for word in words.split_whitespace().take(8) {
            add("search LIKE ? ESCAPE '\\'", Some(Param::Text(like_anywhere(word))));
        }
    }
    if clauses.is_empty() { (String::new(), params) } else { (format!(" WHERE {}", clauses.join(" AND ")), params) }
}

/// The columns of [`IndexedSubmission`], in the order the backends read them.
pub const INDEX_COLUMNS: &str = "id, author, kind, category, title, body, sent_at, has_photo, has_voice, village, \
                                 status, assigned_to, first_reply_at";

/// The columns of [`IndexedAssessment`], in the order the backends read and write them.
pub const ASSESSMENT_COLUMNS: &str = "id, profile, taken_by, finished_at, area1_score, area1_level, area2_score, \
                                      area2_level, area3_score, area3_level, area4_score, area4_level, area5_score, \
                                      area5_level";

/// What the dashboard stores.
#[async_trait]
pub trait DashboardStorage: Send + Sync + 'static {
    /// Adds a staff account; `false` (storing nothing) when the username is taken.
    async fn add_staff(&self, username: &str, role: Role, password_hash: &str, now: i64) -> Result<bool, StorageError>;
    /// Replaces an account's password hash and lifts any lock; `false` if there is no such account.
    async fn set_password(&self, username: &str, password_hash: &str) -> Result<bool, StorageError>;
    /// A staff account by username.
    async fn staff(&self, username: &str) -> Result<Option<StaffAccount>, StorageError>;
    /// Every staff account, by username.
    async fn list_staff(&self) -> Result<Vec<StaffAccount>, StorageError>;
    /// Counts a failed login; at `lock_after` failures the account is locked until `lock_until`
    /// and the count starts again. Unknown usernames change nothing.
    async fn record_failed_login(&self, username: &str, lock_after: u32, lock_until: i64) -> Result<(), StorageError>;
    /// Forgets failed logins and any lock (after a successful login).
    async fn clear_failed_logins(&self, username: &str) -> Result<(), StorageError>;

    /// Stores a session by the hash of its token (and forgets sessions expired before `now`).
    async fn add_session(
        &self,
        token_hash: [u8; 32],
        username: &str,
        csrf: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<(), StorageError>;
    /// The session with this token hash, if it has not expired at `now`.
    async fn session(&self, token_hash: [u8; 32], now: i64) -> Result<Option<StaffSession>, StorageError>;
    /// Ends a session.
    async fn delete_session(&self, token_hash: [u8; 32]) -> Result<(), StorageError>;

    /// Appends to the audit log.
    async fn audit(&self, entry: &AuditEntry) -> Result<(), StorageError>;
    /// The audit log, newest first, and how many entries it has.
    async fn audit_log(&self, limit: u32, offset: u32) -> Result<(Vec<AuditEntry>, u64), StorageError>;

    /// Indexes a sent submission (insert, or update its content while keeping the municipality's
    /// status, assignment and first reply).
    async fn index_submission(&self, entry: &IndexedSubmission) -> Result<(), StorageError>;
    /// Submissions stored but not in the index (drafts, and sent ones stored before the index
    /// existed), at most `limit`.
    async fn unindexed_submissions(&self, limit: u32) -> Result<Vec<DocId>, StorageError>;
    /// Records the municipality's status and, if none was recorded yet, the first reply's time.
    async fn index_answer(&self, id: DocId, status: &str, first_reply_at: Option<i64>) -> Result<(), StorageError>;
    /// Assigns a submission to a staff member (or to no one); `false` if it is not indexed.
    async fn assign(&self, id: DocId, to: Option<&str>) -> Result<bool, StorageError>;
    /// One indexed submission.
    async fn indexed(&self, id: DocId) -> Result<Option<IndexedSubmission>, StorageError>;
    /// A page of the inbox, newest first, and how many match.
    async fn inbox(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> Result<(Vec<IndexedSubmission>, u64), StorageError>;
    /// Every indexed submission's countable fields.
    async fn report_rows(&self) -> Result<Vec<ReportRow>, StorageError>;

    /// Links a device's profile to a volunteer account: `true` when the profile is now that
    /// volunteer's (newly or already), `false` (changing nothing) when it is another's.
    async fn link_volunteer(&self, profile: ProfileId, username: &str, now: i64) -> Result<bool, StorageError>;
    /// The volunteer account a profile is linked to.
    async fn volunteer_of(&self, profile: ProfileId) -> Result<Option<String>, StorageError>;
    /// Indexes a session with its attendees (replacing what was indexed of it before).
    async fn index_session(&self, session: &IndexedSession) -> Result<(), StorageError>;
    /// Indexes a finished assessment (insert or replace).
    async fn index_assessment(&self, assessment: &IndexedAssessment) -> Result<(), StorageError>;
    /// Every indexed session with its attendees, by date then id.
    async fn indexed_sessions(&self) -> Result<Vec<IndexedSession>, StorageError>;
    /// Every indexed assessment, by finish time then id.
    async fn indexed_assessments(&self) -> Result<Vec<IndexedAssessment>, StorageError>;
    /// Records that a sent submission was written with a volunteer's help (idempotent).
    async fn index_assisted(&self, submission: DocId, volunteer: ProfileId, sent_at: i64) -> Result<(), StorageError>;
    /// How many submissions sent in `[from, until)` (ms) were written with help.
    async fn assisted_count(&self, from: i64, until: i64) -> Result<u64, StorageError>;

    /// Records an announcement (insert or update).
    async fn record_announcement(&self, row: &AnnouncementRow) -> Result<(), StorageError>;
    /// Announcements, newest first.
    async fn announcements(&self) -> Result<Vec<AnnouncementRow>, StorageError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inbox_filter_becomes_placeholders_and_escaped_patterns() {
        let filter = InboxFilter {
            status: Some("answered".into()),
            assigned_to: Some(String::new()),
            has_voice: true,
            search: Some("Ujë 50%".into()),
            ..Default::default()
        };
        let (sql, params) = inbox_where(&filter, |n| format!("${n}"));
        assert_eq!(
            sql,
            " WHERE status = $1 AND assigned_to IS NULL AND has_voice = 1 AND search LIKE $2 ESCAPE '\\' AND search \
             LIKE $3 ESCAPE '\\'"
        );
        assert_eq!(
            params,
            vec![Param::Text("answered".into()), Param::Text("%ujë%".into()), Param::Text("%50\\%%".into())]
        );
        assert_eq!(inbox_where(&InboxFilter::default(), |_| "?".into()), (String::new(), vec![]));
    }
}
