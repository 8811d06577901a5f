//! The dashboard's tables in PostgreSQL (see `storage::dashboard`): the same tables and meaning as
//! in SQLite; flags are BIGINT 0/1 so both backends share one inbox query.

use async_trait::async_trait;
use mcommunity_core::ids::{DocId, ProfileId};
use tokio_postgres::{Row, types::ToSql};

use super::{PgStorage, db, execute, query};
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
    username       TEXT PRIMARY KEY,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    failed_logins  BIGINT NOT NULL DEFAULT 0,
    locked_until   BIGINT,
    created_at     BIGINT NOT NULL
);
CREATE TABLE staff_sessions (
    token_hash  BYTEA PRIMARY KEY,
    username    TEXT NOT NULL,
    csrf        TEXT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);
CREATE TABLE audit_log (
    seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      BIGINT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    detail  TEXT NOT NULL
);
CREATE TABLE submission_index (
    id              TEXT PRIMARY KEY,
    author          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    category        TEXT NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    search          TEXT NOT NULL,
    sent_at         BIGINT NOT NULL,
    has_photo       BIGINT NOT NULL,
    has_voice       BIGINT NOT NULL,
    village         TEXT,
    status          TEXT NOT NULL DEFAULT 'received',
    assigned_to     TEXT,
    first_reply_at  BIGINT
);
CREATE INDEX submission_index_by_sent ON submission_index (sent_at);
CREATE INDEX submission_index_by_status ON submission_index (status, sent_at);
CREATE INDEX submission_index_by_category ON submission_index (category, sent_at);
CREATE INDEX submission_index_by_assignee ON submission_index (assigned_to, sent_at);
CREATE TABLE announcements (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    published_at  BIGINT NOT NULL,
    withdrawn_at  BIGINT
);
";

/// Volunteers' profiles and the indicators' index (sessions, attendees, assessments). Only add.
/// Sent submissions written with a volunteer's help (#6), for the project's indicators.
pub(super) const ASSISTED_MIGRATION: &str = "
CREATE TABLE assisted_index (
    submission  TEXT PRIMARY KEY,
    volunteer   TEXT NOT NULL,
    sent_at     BIGINT NOT NULL
);
CREATE INDEX assisted_by_time ON assisted_index (sent_at);
";

pub(super) const INDICATORS_MIGRATION: &str = "
CREATE TABLE volunteer_profiles (
    profile    TEXT PRIMARY KEY,
    username   TEXT NOT NULL,
    linked_at  BIGINT NOT NULL
);
CREATE TABLE session_index (
    id            TEXT PRIMARY KEY,
    volunteer     TEXT NOT NULL,
    date          TEXT NOT NULL,
    village       TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    country       TEXT NOT NULL,
    topic         TEXT NOT NULL
);
CREATE INDEX session_index_by_date ON session_index (date);
CREATE TABLE attendance_index (
    session     TEXT NOT NULL,
    profile     TEXT NOT NULL,
    present     BIGINT NOT NULL,
    gender      TEXT,
    age         TEXT,
    settlement  TEXT,
    country     TEXT,
    groups      TEXT NOT NULL,
    consented   BIGINT NOT NULL,
    lessons     BIGINT NOT NULL,
    forms       BIGINT NOT NULL,
    PRIMARY KEY (session, profile)
);
CREATE INDEX attendance_index_by_profile ON attendance_index (profile);
CREATE TABLE assessment_index (
    id           TEXT PRIMARY KEY,
    profile      TEXT NOT NULL,
    taken_by     TEXT,
    finished_at  BIGINT NOT NULL,
    area1_score  DOUBLE PRECISION, area1_level BIGINT,
    area2_score  DOUBLE PRECISION, area2_level BIGINT,
    area3_score  DOUBLE PRECISION, area3_level BIGINT,
    area4_score  DOUBLE PRECISION, area4_level BIGINT,
    area5_score  DOUBLE PRECISION, area5_level BIGINT
);
CREATE INDEX assessment_index_by_profile ON assessment_index (profile, finished_at);
";

fn account(r: &Row) -> Result<StaffAccount, StorageError> {
    let role: String = r.try_get(1).map_err(db)?;
    let failed: i64 = r.try_get(3).map_err(db)?;
    Ok(StaffAccount {
        username: r.try_get(0).map_err(db)?,
        role: role.parse()?,
        password_hash: r.try_get(2).map_err(db)?,
        failed_logins: failed as u32,
        locked_until: r.try_get(4).map_err(db)?,
    })
}

fn indexed(r: &Row) -> Result<IndexedSubmission, StorageError> {
    let id: String = r.try_get(0).map_err(db)?;
    let author: String = r.try_get(1).map_err(db)?;
    let photo: i64 = r.try_get(7).map_err(db)?;
    let voice: i64 = r.try_get(8).map_err(db)?;
    Ok(IndexedSubmission {
        id: parse(&id, "submission id")?,
        author: parse(&author, "author")?,
        kind: r.try_get(2).map_err(db)?,
        category: r.try_get(3).map_err(db)?,
        title: r.try_get(4).map_err(db)?,
        text: r.try_get(5).map_err(db)?,
        sent_at: r.try_get(6).map_err(db)?,
        has_photo: photo != 0,
        has_voice: voice != 0,
        village: r.try_get(9).map_err(db)?,
        status: r.try_get(10).map_err(db)?,
        assigned_to: r.try_get(11).map_err(db)?,
        first_reply_at: r.try_get(12).map_err(db)?,
    })
}

fn boxed(params: Vec<Param>) -> Vec<Box<dyn ToSql + Sync + Send>> {
    params
        .into_iter()
        .map(|p| -> Box<dyn ToSql + Sync + Send> {
            match p {
                Param::Text(s) => Box::new(s),
                Param::Int(i) => Box::new(i),
            }
        })
        .collect()
}

#[async_trait]
impl DashboardStorage for PgStorage {
    async fn add_staff(&self, username: &str, role: Role, password_hash: &str, now: i64) -> Result<bool, StorageError> {
        let client = self.client().await?;
        let added = execute(
            &client,
            "INSERT INTO staff (username, role, password_hash, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (username) DO NOTHING",
            &[&username, &role.as_str(), &password_hash, &now],
        )
        .await?;
        Ok(added == 1)
    }

    async fn set_password(&self, username: &str, password_hash: &str) -> Result<bool, StorageError> {
        let client = self.client().await?;
        let n = execute(
            &client,
            "UPDATE staff SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE username = $1",
            &[&username, &password_hash],
        )
        .await?;
        Ok(n == 1)
    }

    async fn staff(&self, username: &str) -> Result<Option<StaffAccount>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT username, role, password_hash, failed_logins, locked_until FROM staff WHERE username = $1",
            &[&username],
        )
        .await?;
        rows.first().map(account).transpose()
    }

    async fn list_staff(&self) -> Result<Vec<StaffAccount>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT username, role, password_hash, failed_logins, locked_until FROM staff ORDER BY username",
            &[],
        )
        .await?;
        rows.iter().map(account).collect()
    }

    async fn record_failed_login(&self, username: &str, lock_after: u32, lock_until: i64) -> Result<(), StorageError> {
        let client = self.client().await?;
        // One statement, so two instances counting at once cannot lose a failure.
        execute(
            &client,
            "UPDATE staff SET
                 failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                 locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END
             WHERE username = $1",
            &[&username, &i64::from(lock_after), &lock_until],
        )
        .await?;
        Ok(())
    }

    async fn clear_failed_logins(&self, username: &str) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(&client, "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE username = $1", &[&username])
            .await?;
        Ok(())
    }

    async fn add_session(
        &self,
        token_hash: [u8; 32],
        username: &str,
        csrf: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(&client, "DELETE FROM staff_sessions WHERE expires_at <= $1", &[&now]).await?;
        execute(
            &client,
            "INSERT INTO staff_sessions (token_hash, username, csrf, expires_at) VALUES ($1, $2, $3, $4)",
            &[&token_hash.as_slice(), &username, &csrf, &expires_at],
        )
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: [u8; 32], now: i64) -> Result<Option<StaffSession>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT s.username, st.role, s.csrf, s.expires_at FROM staff_sessions s
             JOIN staff st ON st.username = s.username WHERE s.token_hash = $1 AND s.expires_at > $2",
            &[&token_hash.as_slice(), &now],
        )
        .await?;
        rows.first()
            .map(|r| {
                let role: String = r.try_get(1).map_err(db)?;
                Ok(StaffSession {
                    username: r.try_get(0).map_err(db)?,
                    role: role.parse()?,
                    csrf: r.try_get(2).map_err(db)?,
                    expires_at: r.try_get(3).map_err(db)?,
                })
            })
            .transpose()
    }

    async fn delete_session(&self, token_hash: [u8; 32]) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(&client, "DELETE FROM staff_sessions WHERE token_hash = $1", &[&token_hash.as_slice()]).await?;
        Ok(())
    }

    async fn audit(&self, e: &AuditEntry) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)",
            &[&e.at, &e.actor, &e.action, &e.target, &e.detail],
        )
        .await?;
        Ok(())
    }

    async fn audit_log(&self, limit: u32, offset: u32) -> Result<(Vec<AuditEntry>, u64), StorageError> {
        let client = self.client().await?;
        let total: i64 = query(&client, "SELECT count(*) FROM audit_log", &[]).await?[0].try_get(0).map_err(db)?;
        let rows = query(
            &client,
            "SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT $1 OFFSET $2",
            &[&i64::from(limit), &i64::from(offset)],
        )
        .await?;
        let entries = rows
            .iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: r.try_get(0).map_err(db)?,
                    actor: r.try_get(1).map_err(db)?,
                    action: r.try_get(2).map_err(db)?,
                    target: r.try_get(3).map_err(db)?,
                    detail: r.try_get(4).map_err(db)?,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        Ok((entries, total as u64))
    }

    async fn index_submission(&self, e: &IndexedSubmission) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "INSERT INTO submission_index
                (id, author, kind, category, title, body, search, sent_at, has_photo, has_voice, village)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (id) DO UPDATE SET author = $2, kind = $3, category = $4, title = $5, body = $6,
                search = $7, sent_at = $8, has_photo = $9, has_voice = $10, village = $11",
            &[
                &e.id.to_string(),
                &e.author.to_string(),
                &e.kind,
                &e.category,
                &e.title,
                &e.text,
                &search_text(&e.title, &e.text),
                &e.sent_at,
                &(e.has_photo as i64),
                &(e.has_voice as i64),
                &e.village,
            ],
        )
        .await?;
        Ok(())
    }

    async fn unindexed_submissions(&self, limit: u32) -> Result<Vec<DocId>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT d.id FROM docs d LEFT JOIN submission_index s ON s.id = d.id
             WHERE d.kind = 'submission' AND s.id IS NULL ORDER BY d.latest_seq LIMIT $1",
            &[&i64::from(limit)],
        )
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0).map_err(db)?;
                parse(&id, "submission id")
            })
            .collect()
    }

    async fn index_answer(&self, id: DocId, status: &str, first_reply_at: Option<i64>) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "UPDATE submission_index SET status = $2, first_reply_at = coalesce(first_reply_at, $3) WHERE id = $1",
            &[&id.to_string(), &status, &first_reply_at],
        )
        .await?;
        Ok(())
    }

    async fn assign(&self, id: DocId, to: Option<&str>) -> Result<bool, StorageError> {
        let client = self.client().await?;
        let n = execute(&client, "UPDATE submission_index SET assigned_to = $2 WHERE id = $1", &[&id.to_string(), &to])
            .await?;
        Ok(n == 1)
    }

    async fn indexed(&self, id: DocId) -> Result<Option<IndexedSubmission>, StorageError> {
        let client = self.client().await?;
        let rows =
            query(&client, &format!("SELECT {INDEX_COLUMNS} FROM submission_index WHERE id = $1"), &[&id.to_string()])
                .await?;
        rows.first().map(indexed).transpose()
    }

    async fn inbox(
        &self,
        filter: &InboxFilter,
        limit: u32,
        offset: u32,
    ) -> Result<(Vec<IndexedSubmission>, u64), StorageError> {
        let (clause, params) = inbox_where(filter, |n| format!("${n}"));
        let mut params = boxed(params);
        let client = self.client().await?;
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect();
        let total: i64 = client
            .query_one(&format!("SELECT count(*) FROM submission_index{clause}"), &refs)
            .await
            .map_err(db)?
            .try_get(0)
            .map_err(db)?;
        let n = params.len();
        params.push(Box::new(i64::from(limit)));
        params.push(Box::new(i64::from(offset)));
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect();
        let sql = format!(
            "SELECT {INDEX_COLUMNS} FROM submission_index{clause} ORDER BY sent_at DESC, id LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let rows = client.query(&sql, &refs).await.map_err(db)?;
        let rows = rows.iter().map(indexed).collect::<Result<Vec<_>, _>>()?;
        Ok((rows, total as u64))
    }

    async fn report_rows(&self) -> Result<Vec<ReportRow>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT kind, category, village, status, sent_at, first_reply_at FROM submission_index",
            &[],
        )
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReportRow {
                    kind: r.try_get(0).map_err(db)?,
                    category: r.try_get(1).map_err(db)?,
                    village: r.try_get(2).map_err(db)?,
                    status: r.try_get(3).map_err(db)?,
                    sent_at: r.try_get(4).map_err(db)?,
                    first_reply_at: r.try_get(5).map_err(db)?,
                })
            })
            .collect()
    }

    async fn link_volunteer(&self, profile: ProfileId, username: &str, now: i64) -> Result<bool, StorageError> {
        let client = self.client().await?;
        let profile = profile.to_string();
        execute(
            &client,
            "INSERT INTO volunteer_profiles (profile, username, linked_at) VALUES ($1, $2, $3)
             ON CONFLICT (profile) DO NOTHING",
            &[&profile, &username, &now],
        )
        .await?;
        let rows = query(&client, "SELECT username FROM volunteer_profiles WHERE profile = $1", &[&profile]).await?;
        let linked: Option<String> = rows.first().map(|r| r.try_get(0)).transpose().map_err(db)?;
        Ok(linked.as_deref() == Some(username))
    }

    async fn volunteer_of(&self, profile: ProfileId) -> Result<Option<String>, StorageError> {
        let client = self.client().await?;
        let rows =
            query(&client, "SELECT username FROM volunteer_profiles WHERE profile = $1", &[&profile.to_string()])
                .await?;
        rows.first().map(|r| r.try_get(0)).transpose().map_err(db)
    }

    async fn index_session(&self, s: &IndexedSession) -> Result<(), StorageError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        let id = s.id.to_string();
        tx.execute(
            "INSERT INTO session_index (id, volunteer, date, village, municipality, country, topic)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO UPDATE SET volunteer = $2, date = $3, village = $4, municipality = $5,
                country = $6, topic = $7",
            &[&id, &s.volunteer.to_string(), &s.date, &s.village, &s.municipality, &s.country, &s.topic],
        )
        .await
        .map_err(db)?;
        tx.execute("DELETE FROM attendance_index WHERE session = $1", &[&id]).await.map_err(db)?;
        for a in &s.attendees {
            tx.execute(
                "INSERT INTO attendance_index
                    (session, profile, present, gender, age, settlement, country, groups, consented, lessons, forms)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &[
                    &id,
                    &a.profile.to_string(),
                    &(a.present as i64),
                    &a.gender,
                    &a.age,
                    &a.settlement,
                    &a.country,
                    &a.groups,
                    &(a.consented as i64),
                    &i64::from(a.lessons),
                    &i64::from(a.forms),
                ],
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn index_assisted(&self, submission: DocId, volunteer: ProfileId, sent_at: i64) -> Result<(), StorageError> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO assisted_index (submission, volunteer, sent_at) VALUES ($1, $2, $3)
                 ON CONFLICT (submission) DO NOTHING",
                &[&submission.to_string(), &volunteer.to_string(), &sent_at],
            )
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn assisted_count(&self, from: i64, until: i64) -> Result<u64, StorageError> {
        let client = self.client().await?;
        let row = client
            .query_one("SELECT count(*) FROM assisted_index WHERE sent_at >= $1 AND sent_at < $2", &[&from, &until])
            .await
            .map_err(db)?;
        Ok(row.get::<_, i64>(0) as u64)
    }

    async fn index_assessment(&self, a: &IndexedAssessment) -> Result<(), StorageError> {
        let client = self.client().await?;
        let mut params: Vec<Box<dyn ToSql + Sync + Send>> = vec![
            Box::new(a.id.to_string()),
            Box::new(a.profile.to_string()),
            Box::new(a.taken_by.map(|p| p.to_string())),
            Box::new(a.finished_at),
        ];
        for area in a.areas {
            params.push(Box::new(area.map(|r| r.score)));
            params.push(Box::new(area.map(|r| i64::from(r.level))));
        }
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect();
        let sql = format!(
            "INSERT INTO assessment_index ({ASSESSMENT_COLUMNS}) VALUES
                ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             ON CONFLICT (id) DO UPDATE SET profile = $2, taken_by = $3, finished_at = $4,
                area1_score = $5, area1_level = $6, area2_score = $7, area2_level = $8, area3_score = $9,
                area3_level = $10, area4_score = $11, area4_level = $12, area5_score = $13, area5_level = $14"
        );
        client.execute(&sql, &refs).await.map_err(db)?;
        Ok(())
    }

    async fn indexed_sessions(&self) -> Result<Vec<IndexedSession>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT session, profile, present, gender, age, settlement, country, groups, consented, lessons, forms
             FROM attendance_index ORDER BY session, profile",
            &[],
        )
        .await?;
        let mut attendees: std::collections::HashMap<String, Vec<IndexedAttendee>> = Default::default();
        for r in &rows {
            let session: String = r.try_get(0).map_err(db)?;
            let profile: String = r.try_get(1).map_err(db)?;
            let present: i64 = r.try_get(2).map_err(db)?;
            let consented: i64 = r.try_get(8).map_err(db)?;
            let lessons: i64 = r.try_get(9).map_err(db)?;
            let forms: i64 = r.try_get(10).map_err(db)?;
            attendees.entry(session).or_default().push(IndexedAttendee {
                profile: parse(&profile, "attendee")?,
                present: present != 0,
                gender: r.try_get(3).map_err(db)?,
                age: r.try_get(4).map_err(db)?,
                settlement: r.try_get(5).map_err(db)?,
                country: r.try_get(6).map_err(db)?,
                groups: r.try_get(7).map_err(db)?,
                consented: consented != 0,
                lessons: lessons as u32,
                forms: forms as u32,
            });
        }
        let rows = query(
            &client,
            "SELECT id, volunteer, date, village, municipality, country, topic FROM session_index ORDER BY date, id",
            &[],
        )
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0).map_err(db)?;
                let volunteer: String = r.try_get(1).map_err(db)?;
                Ok(IndexedSession {
                    attendees: attendees.remove(&id).unwrap_or_default(),
                    id: parse(&id, "session id")?,
                    volunteer: parse(&volunteer, "volunteer")?,
                    date: r.try_get(2).map_err(db)?,
                    village: r.try_get(3).map_err(db)?,
                    municipality: r.try_get(4).map_err(db)?,
                    country: r.try_get(5).map_err(db)?,
                    topic: r.try_get(6).map_err(db)?,
                })
            })
            .collect()
    }

    async fn indexed_assessments(&self) -> Result<Vec<IndexedAssessment>, StorageError> {
        let client = self.client().await?;
        let rows =
            query(&client, &format!("SELECT {ASSESSMENT_COLUMNS} FROM assessment_index ORDER BY finished_at, id"), &[])
                .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0).map_err(db)?;
                let profile: String = r.try_get(1).map_err(db)?;
                let taken_by: Option<String> = r.try_get(2).map_err(db)?;
                let mut areas = [None; 5];
                for (i, area) in areas.iter_mut().enumerate() {
                    let score: Option<f64> = r.try_get(4 + 2 * i).map_err(db)?;
                    let level: Option<i64> = r.try_get(5 + 2 * i).map_err(db)?;
                    *area = score.zip(level).map(|(score, level)| AreaResult { score, level: level as u8 });
                }
                Ok(IndexedAssessment {
                    id: parse(&id, "assessment id")?,
                    profile: parse(&profile, "profile")?,
                    taken_by: taken_by.map(|t| parse(&t, "taken by")).transpose()?,
                    finished_at: r.try_get(3).map_err(db)?,
                    areas,
                })
            })
            .collect()
    }

    async fn record_announcement(&self, row: &AnnouncementRow) -> Result<(), StorageError> {
        let client = self.client().await?;
        execute(
            &client,
            "INSERT INTO announcements (id, title, published_at, withdrawn_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET title = $2, published_at = $3, withdrawn_at = $4",
            &[&row.id.to_string(), &row.title, &row.published_at, &row.withdrawn_at],
        )
        .await?;
        Ok(())
    }

    async fn announcements(&self) -> Result<Vec<AnnouncementRow>, StorageError> {
        let client = self.client().await?;
        let rows = query(
            &client,
            "SELECT id, title, published_at, withdrawn_at FROM announcements ORDER BY published_at DESC, id",
            &[],
        )
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0).map_err(db)?;
                Ok(AnnouncementRow {
                    id: parse(&id, "announcement id")?,
                    title: r.try_get(1).map_err(db)?,
                    published_at: r.try_get(2).map_err(db)?,
                    withdrawn_at: r.try_get(3).map_err(db)?,
                })
            })
            .collect()
    }
}
