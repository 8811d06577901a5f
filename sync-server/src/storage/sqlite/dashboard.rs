//! The dashboard's tables in the embedded SQLite database (see `storage::dashboard`).

use async_trait::async_trait;
use mcommunity_core::ids::{DocId, ProfileId};
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params, params_from_iter, types::Value};

use super::{SqliteStorage, db};
use crate::storage::{
    StorageError,
    dashboard::{
        ASSESSMENT_COLUMNS, AnnouncementRow, AreaResult, AuditEntry, DashboardStorage, INDEX_COLUMNS, InboxFilter,
        IndexedAssessment, IndexedAttendee, IndexedSession, IndexedSubmission, Param, ReportRow, Role, StaffAccount,
        StaffSession, inbox_where, search_text,
    },
    parse,
};

/// Staff, sessions, audit log, submission index, announcements. Only add.
pub(super) const MIGRATION: &str = "
CREATE TABLE staff (
    username       TEXT PRIMARY KEY NOT NULL,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   INTEGER,
    created_at     INTEGER NOT NULL
) STRICT;
CREATE TABLE staff_sessions (
    token_hash  BLOB PRIMARY KEY NOT NULL,
    username    TEXT NOT NULL,
    csrf        TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);
CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    detail  TEXT NOT NULL
) STRICT;
CREATE TABLE submission_index (
    id              TEXT PRIMARY KEY NOT NULL,
    author          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    category        TEXT NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    search          TEXT NOT NULL,
    sent_at         INTEGER NOT NULL,
    has_photo       INTEGER NOT NULL,
    has_voice       INTEGER NOT NULL,
    village         TEXT,
    status          TEXT NOT NULL DEFAULT 'received',
    assigned_to     TEXT,
    first_reply_at  INTEGER
) STRICT;
CREATE INDEX submission_index_by_sent ON submission_index (sent_at);
CREATE INDEX submission_index_by_status ON submission_index (status, sent_at);
CREATE INDEX submission_index_by_category ON submission_index (category, sent_at);
CREATE INDEX submission_index_by_assignee ON submission_index (assigned_to, sent_at);
CREATE TABLE announcements (
    id            TEXT PRIMARY KEY NOT NULL,
    title         TEXT NOT NULL,
    published_at  INTEGER NOT NULL,
    withdrawn_at  INTEGER
) STRICT;
";

/// Volunteers' profiles and the indicators' index (sessions, attendees, assessments). Only add.
/// Sent submissions written with a volunteer's help (#6), for the project's indicators.
pub(super) const ASSISTED_MIGRATION: &str = "
CREATE TABLE assisted_index (
    submission  TEXT PRIMARY KEY NOT NULL,
    volunteer   TEXT NOT NULL,
    sent_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX assisted_by_time ON assisted_index (sent_at);
";

pub(super) const INDICATORS_MIGRATION: &str = "
CREATE TABLE volunteer_profiles (
    profile    TEXT PRIMARY KEY NOT NULL,
    username   TEXT NOT NULL,
    linked_at  INTEGER NOT NULL
) STRICT;
CREATE TABLE session_index (
    id            TEXT PRIMARY KEY NOT NULL,
    volunteer     TEXT NOT NULL,
    date          TEXT NOT NULL,
    village       TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    country       TEXT NOT NULL,
    topic         TEXT NOT NULL
) STRICT;
CREATE INDEX session_index_by_date ON session_index (date);
CREATE TABLE attendance_index (
    session     TEXT NOT NULL,
    profile     TEXT NOT NULL,
    present     INTEGER NOT NULL,
    gender      TEXT,
    age         TEXT,
    settlement  TEXT,
    country     TEXT,
    groups      TEXT NOT NULL,
    consented   INTEGER NOT NULL,
    lessons     INTEGER NOT NULL,
    forms       INTEGER NOT NULL,
    PRIMARY KEY (session, profile)
) STRICT;
CREATE INDEX attendance_index_by_profile ON attendance_index (profile);
CREATE TABLE assessment_index (
    id           TEXT PRIMARY KEY NOT NULL,
    profile      TEXT NOT NULL,
    taken_by     TEXT,
    finished_at  INTEGER NOT NULL,
    area1_score  REAL, area1_level INTEGER,
    area2_score  REAL, area2_level INTEGER,
    area3_score  REAL, area3_level INTEGER,
    area4_score  REAL, area4_level INTEGER,
    area5_score  REAL, area5_level INTEGER
) STRICT;
CREATE INDEX assessment_index_by_profile ON assessment_index (profile, finished_at);
";

fn staff_from(r: &Row<'_>) -> rusqlite::Result<(String, String, String, i64, Option<i64>)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn account(
    (username, role, password_hash, failed, locked_until): (String, String, String, i64, Option<i64>),
) -> Result<StaffAccount, StorageError> {
    Ok(StaffAccount { username, role: role.parse()?, password_hash, failed_logins: failed as u32, locked_until })
}

type IndexRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<String>,
    String,
    Option<String>,
    Option<i64>,
);

fn index_from(r: &Row<'_>) -> rusqlite::Result<IndexRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
    ))
}

fn indexed(row: IndexRow) -> Result<IndexedSubmission, StorageError> {
    let (id, author, kind, category, title, text, sent_at, photo, voice, village, status, assigned_to, first_reply_at) =
        row;
    Ok(IndexedSubmission {
        id: parse(&id, "submission id")?,
        author: parse(&author, "author")?,
        kind,
        category,
        title,
        text,
        sent_at,
        has_photo: photo != 0,
        has_voice: voice != 0,
        village,
        status,
        assigned_to,
        first_reply_at,
    })
}

fn values(params: Vec<Param>) -> Vec<Value> {
    params
        .into_iter()
        .map(|p| match p {
            Param::Text(s) => Value::Text(s),
            Param::Int(i) => Value::Integer(i),
        })
        .collect()
}

#[async_trait]
impl DashboardStorage for SqliteStorage {
    async fn add_staff(&self, username: &str, role: Role, password_hash: &str, now: i64) -> Result<bool, StorageError> {
        let (username, hash) = (username.to_owned(), password_hash.to_owned());
        self.run(move |c| {
            let added = c
                .execute(
                    "INSERT OR IGNORE INTO staff (username, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![username, role.as_str(), hash, now],
                )
                .map_err(db)?;
            Ok(added == 1)
        })
        .await
    }

    async fn set_password(&self, username: &str, password_hash: &str) -> Result<bool, StorageError> {
        let (username, hash) = (username.to_owned(), password_hash.to_owned());
        self.run(move |c| {
            let n = c
                .execute(
                    "UPDATE staff SET password_hash = ?2, failed_logins = 0, locked_until = NULL WHERE username = ?1",
                    params![username, hash],
                )
                .map_err(db)?;
            Ok(n == 1)
        })
        .await
    }

    async fn staff(&self, username: &str) -> Result<Option<StaffAccount>, StorageError> {
        let username = username.to_owned();
        self.run(move |c| {
            c.query_row(
                "SELECT username, role, password_hash, failed_logins, locked_until FROM staff WHERE username = ?1",
                [username],
                staff_from,
            )
            .optional()
            .map_err(db)?
            .map(account)
            .transpose()
        })
        .await
    }

    async fn list_staff(&self) -> Result<Vec<StaffAccount>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT username, role, password_hash, failed_logins, locked_until FROM staff ORDER BY username",
                )
                .map_err(db)?;
            let rows = stmt.query_map([], staff_from).map_err(db)?;
            rows.map(|r| r.map_err(db).and_then(account)).collect()
        })
        .await
    }

    async fn record_failed_login(&self, username: &str, lock_after: u32, lock_until: i64) -> Result<(), StorageError> {
        let username = username.to_owned();
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            tx.execute("UPDATE staff SET failed_logins = failed_logins + 1 WHERE username = ?1", [&username])
                .map_err(db)?;
            tx.execute(
                "UPDATE staff SET failed_logins = 0, locked_until = ?2 WHERE username = ?1 AND failed_logins >= ?3",
                params![username, lock_until, lock_after],
            )
            .map_err(db)?;
            tx.commit().map_err(db)
        })
        .await
    }

    async fn clear_failed_logins(&self, username: &str) -> Result<(), StorageError> {
        let username = username.to_owned();
        self.run(move |c| {
            c.execute("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE username = ?1", [username])
                .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn add_session(
        &self,
        token_hash: [u8; 32],
        username: &str,
        csrf: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<(), StorageError> {
        let (username, csrf) = (username.to_owned(), csrf.to_owned());
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            tx.execute("DELETE FROM staff_sessions WHERE expires_at <= ?1", [now]).map_err(db)?;
            tx.execute(
                "INSERT INTO staff_sessions (token_hash, username, csrf, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![token_hash.as_slice(), username, csrf, expires_at],
            )
            .map_err(db)?;
            tx.commit().map_err(db)
        })
        .await
    }

    async fn session(&self, token_hash: [u8; 32], now: i64) -> Result<Option<StaffSession>, StorageError> {
        self.run(move |c| {
            let row: Option<(String, String, String, i64)> = c
                .query_row(
                    "SELECT s.username, st.role, s.csrf, s.expires_at FROM staff_sessions s
                     JOIN staff st ON st.username = s.username WHERE s.token_hash = ?1 AND s.expires_at > ?2",
                    params![token_hash.as_slice(), now],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()
                .map_err(db)?;
            row.map(|(username, role, csrf, expires_at)| {
                Ok(StaffSession { username, role: role.parse()?, csrf, expires_at })
            })
            .transpose()
        })
        .await
    }

    async fn delete_session(&self, token_hash: [u8; 32]) -> Result<(), StorageError> {
        self.run(move |c| {
            c.execute("DELETE FROM staff_sessions WHERE token_hash = ?1", [token_hash.as_slice()]).map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn audit(&self, entry: &AuditEntry) -> Result<(), StorageError> {
        let e = entry.clone();
        self.run(move |c| {
            c.execute(
                "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![e.at, e.actor, e.action, e.target, e.detail],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn audit_log(&self, limit: u32, offset: u32) -> Result<(Vec<AuditEntry>, u64), StorageError> {
        self.run(move |c| {
            let total: i64 = c.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).map_err(db)?;
            let mut stmt = c
                .prepare_cached(
                    "SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT ?1 OFFSET ?2",
                )
                .map_err(db)?;
            let rows = stmt
                .query_map(params![limit, offset], |r| {
                    Ok(AuditEntry {
                        at: r.get(0)?,
                        actor: r.get(1)?,
                        action: r.get(2)?,
                        target: r.get(3)?,
                        detail: r.get(4)?,
                    })
                })
                .map_err(db)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(db)?;
            Ok((rows, total as u64))
        })
        .await
    }

    async fn index_submission(&self, e: &IndexedSubmission) -> Result<(), StorageError> {
        let e = e.clone();
        self.run(move |c| {
            c.execute(
                "INSERT INTO submission_index
                    (id, author, kind, category, title, body, search, sent_at, has_photo, has_voice, village)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (id) DO UPDATE SET author = ?2, kind = ?3, category = ?4, title = ?5, body = ?6,
                    search = ?7, sent_at = ?8, has_photo = ?9, has_voice = ?10, village = ?11",
                params![
                    e.id.to_string(),
                    e.author.to_string(),
                    e.kind,
                    e.category,
                    e.title,
                    e.text,
                    search_text(&e.title, &e.text),
                    e.sent_at,
                    e.has_photo as i64,
                    e.has_voice as i64,
                    e.village
                ],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn unindexed_submissions(&self, limit: u32) -> Result<Vec<DocId>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT d.id FROM docs d LEFT JOIN submission_index s ON s.id = d.id
                     WHERE d.kind = 'submission' AND s.id IS NULL ORDER BY d.latest_seq LIMIT ?1",
                )
                .map_err(db)?;
            let rows = stmt.query_map([limit], |r| r.get::<_, String>(0)).map_err(db)?;
            rows.map(|r| r.map_err(db).and_then(|id| parse(&id, "submission id"))).collect()
        })
        .await
    }

    async fn index_answer(&self, id: DocId, status: &str, first_reply_at: Option<i64>) -> Result<(), StorageError> {
        let status = status.to_owned();
        self.run(move |c| {
            c.execute(
                "UPDATE submission_index SET status = ?2, first_reply_at = coalesce(first_reply_at, ?3) WHERE id = ?1",
                params![id.to_string(), status, first_reply_at],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn assign(&self, id: DocId, to: Option<&str>) -> Result<bool, StorageError> {
        let to = to.map(str::to_owned);
        self.run(move |c| {
            let n = c
                .execute("UPDATE submission_index SET assigned_to = ?2 WHERE id = ?1", params![id.to_string(), to])
                .map_err(db)?;
            Ok(n == 1)
        })
        .await
    }

    async fn indexed(&self, id: DocId) -> Result<Option<IndexedSubmission>, StorageError> {
        self.run(move |c| {
            c.query_row(
                &format!("SELECT {INDEX_COLUMNS} FROM submission_index WHERE id = ?1"),
                [id.to_string()],
                index_from,
            )
            .optional()
            .map_err(db)?
            .map(indexed)
            .transpose()
        })
        .await
    }

    async fn inbox(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> Result<(Vec<IndexedSubmission>, u64), StorageError> {
        let (clause, params) = inbox_where(filter, |n| format!("?{n}"));
        let values = values(params);
        self.run(move |c| {
            let total: i64 = c
                .query_row(
                    &format!("SELECT count(*) FROM submission_index{clause}"),
                    params_from_iter(values.iter()),
                    |r| r.get(0),
                )
                .map_err(db)?;
            let n = values.len();
            let sql = format!(
                "SELECT {INDEX_COLUMNS} FROM submission_index{clause} ORDER BY sent_at DESC, id LIMIT ?{} OFFSET ?{}",
                n + 1,
                n + 2
            );
            let mut all = values;
            all.push(Value::Integer(limit.into()));
            all.push(Value::Integer(offset.into()));
            let mut stmt = c.prepare_cached(&sql).map_err(db)?;
            let rows = stmt.query_map(params_from_iter(all.iter()), index_from).map_err(db)?;
            let rows = rows.map(|r| r.map_err(db).and_then(indexed)).collect::<Result<Vec<_>, _>>()?;
            Ok((rows, total as u64))
        })
        .await
    }

    async fn report_rows(&self) -> Result<Vec<ReportRow>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached("SELECT kind, category, village, status, sent_at, first_reply_at FROM submission_index")
                .map_err(db)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(ReportRow {
                        kind: r.get(0)?,
                        category: r.get(1)?,
                        village: r.get(2)?,
                        status: r.get(3)?,
                        sent_at: r.get(4)?,
                        first_reply_at: r.get(5)?,
                    })
                })
                .map_err(db)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(db)
        })
        .await
    }

    async fn link_volunteer(&self, profile: ProfileId, username: &str, now: i64) -> Result<bool, StorageError> {
        let username = username.to_owned();
        self.run(move |c| {
            c.execute(
                "INSERT OR IGNORE INTO volunteer_profiles (profile, username, linked_at) VALUES (?1, ?2, ?3)",
                params![profile.to_string(), username, now],
            )
            .map_err(db)?;
            let linked: String = c
                .query_row("SELECT username FROM volunteer_profiles WHERE profile = ?1", [profile.to_string()], |r| {
                    r.get(0)
                })
                .map_err(db)?;
            Ok(linked == username)
        })
        .await
    }

    async fn volunteer_of(&self, profile: ProfileId) -> Result<Option<String>, StorageError> {
        self.run(move |c| {
            c.query_row("SELECT username FROM volunteer_profiles WHERE profile = ?1", [profile.to_string()], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)
        })
        .await
    }

    async fn index_session(&self, session: &IndexedSession) -> Result<(), StorageError> {
        let s = session.clone();
        self.run(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
            let id = s.id.to_string();
            tx.execute(
                "INSERT OR REPLACE INTO session_index (id, volunteer, date, village, municipality, country, topic)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, s.volunteer.to_string(), s.date, s.village, s.municipality, s.country, s.topic],
            )
            .map_err(db)?;
            tx.execute("DELETE FROM attendance_index WHERE session = ?1", [&id]).map_err(db)?;
            for a in &s.attendees {
                tx.execute(
                    "INSERT INTO attendance_index
                        (session, profile, present, gender, age, settlement, country, groups, consented, lessons, forms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        id,
                        a.profile.to_string(),
                        a.present as i64,
                        a.gender,
                        a.age,
                        a.settlement,
                        a.country,
                        a.groups,
                        a.consented as i64,
                        a.lessons,
                        a.forms
                    ],
                )
                .map_err(db)?;
            }
            tx.commit().map_err(db)
        })
        .await
    }

    async fn index_assisted(&self, submission: DocId, volunteer: ProfileId, sent_at: i64) -> Result<(), StorageError> {
        self.run(move |c| {
            c.execute(
                "INSERT OR IGNORE INTO assisted_index (submission, volunteer, sent_at) VALUES (?1, ?2, ?3)",
                params![submission.to_string(), volunteer.to_string(), sent_at],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn assisted_count(&self, from: i64, until: i64) -> Result<u64, StorageError> {
        self.run(move |c| {
            let n: i64 = c
                .query_row(
                    "SELECT count(*) FROM assisted_index WHERE sent_at >= ?1 AND sent_at < ?2",
                    params![from, until],
                    |r| r.get(0),
                )
                .map_err(db)?;
            Ok(n as u64)
        })
        .await
    }

    async fn index_assessment(&self, a: &IndexedAssessment) -> Result<(), StorageError> {
        let a = a.clone();
        self.run(move |c| {
            let mut values: Vec<Value> = vec![
                Value::Text(a.id.to_string()),
                Value::Text(a.profile.to_string()),
                a.taken_by.map_or(Value::Null, |p| Value::Text(p.to_string())),
                Value::Integer(a.finished_at),
            ];
            for area in a.areas {
                values.push(area.map_or(Value::Null, |r| Value::Real(r.score)));
                values.push(area.map_or(Value::Null, |r| Value::Integer(r.level.into())));
            }
            c.execute(
                &format!(
                    "INSERT OR REPLACE INTO assessment_index ({ASSESSMENT_COLUMNS}) VALUES \
                     (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                ),
                params_from_iter(values.iter()),
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn indexed_sessions(&self) -> Result<Vec<IndexedSession>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT session, profile, present, gender, age, settlement, country, groups, consented, lessons,
                        forms FROM attendance_index ORDER BY session, profile",
                )
                .map_err(db)?;
            let mut attendees: std::collections::HashMap<String, Vec<IndexedAttendee>> = Default::default();
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, i64>(8)?,
                        r.get::<_, i64>(9)?,
                        r.get::<_, i64>(10)?,
                    ))
                })
                .map_err(db)?;
            for row in rows {
                let (session, profile, present, gender, age, settlement, country, groups, consented, lessons, forms) =
                    row.map_err(db)?;
                attendees.entry(session).or_default().push(IndexedAttendee {
                    profile: parse(&profile, "attendee")?,
                    present: present != 0,
                    gender,
                    age,
                    settlement,
                    country,
                    groups,
                    consented: consented != 0,
                    lessons: lessons as u32,
                    forms: forms as u32,
                });
            }
            let mut stmt = c
                .prepare_cached(
                    "SELECT id, volunteer, date, village, municipality, country, topic FROM session_index
                     ORDER BY date, id",
                )
                .map_err(db)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                })
                .map_err(db)?;
            rows.map(|row| {
                let (id, volunteer, date, village, municipality, country, topic) = row.map_err(db)?;
                Ok(IndexedSession {
                    attendees: attendees.remove(&id).unwrap_or_default(),
                    id: parse(&id, "session id")?,
                    volunteer: parse(&volunteer, "volunteer")?,
                    date,
                    village,
                    municipality,
                    country,
                    topic,
                })
            })
            .collect()
        })
        .await
    }

    async fn indexed_assessments(&self) -> Result<Vec<IndexedAssessment>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(&format!("SELECT {ASSESSMENT_COLUMNS} FROM assessment_index ORDER BY finished_at, id"))
                .map_err(db)?;
            let rows = stmt
                .query_map([], |r| {
                    let mut areas = [None; 5];
                    for (i, area) in areas.iter_mut().enumerate() {
                        let score: Option<f64> = r.get(4 + 2 * i)?;
                        let level: Option<i64> = r.get(5 + 2 * i)?;
                        *area = score.zip(level).map(|(score, level)| AreaResult { score, level: level as u8 });
                    }
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get(3)?,
                        areas,
                    ))
                })
                .map_err(db)?;
            rows.map(|row| {
                let (id, profile, taken_by, finished_at, areas) = row.map_err(db)?;
                Ok(IndexedAssessment {
                    id: parse(&id, "assessment id")?,
                    profile: parse(&profile, "profile")?,
                    taken_by: taken_by.map(|t| parse(&t, "taken by")).transpose()?,
                    finished_at,
                    areas,
                })
            })
            .collect()
        })
        .await
    }

    async fn record_announcement(&self, row: &AnnouncementRow) -> Result<(), StorageError> {
        let row = row.clone();
        self.run(move |c| {
            c.execute(
                "INSERT INTO announcements (id, title, published_at, withdrawn_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET title = ?2, published_at = ?3, withdrawn_at = ?4",
                params![row.id.to_string(), row.title, row.published_at, row.withdrawn_at],
            )
            .map_err(db)?;
            Ok(())
        })
        .await
    }

    async fn announcements(&self) -> Result<Vec<AnnouncementRow>, StorageError> {
        self.run(move |c| {
            let mut stmt = c
                .prepare_cached(
                    "SELECT id, title, published_at, withdrawn_at FROM announcements ORDER BY published_at DESC, id",
                )
                .map_err(db)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                    ))
                })
                .map_err(db)?;
            rows.map(|r| {
                let (id, title, published_at, withdrawn_at) = r.map_err(db)?;
                Ok(AnnouncementRow { id: parse(&id, "announcement id")?, title, published_at, withdrawn_at })
            })
            .collect()
        })
        .await
    }
}
