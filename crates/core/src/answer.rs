//! The municipality's answer to a sent submission: where it stands (received, in progress, …), the
//! date it expects to be done, and its replies. One document per submission, owned by the
//! submission's author so it reaches the author's devices; written only by the server, on behalf of
//! municipal staff — no device may change it (`access`).
//!
//! ```
//! use mcommunity_core::{answer::{self, AnswerStatus}, ids::{DocId, ProfileId}};
//!
//! let submission = DocId::random();
//! let mut doc = answer::new_document(submission, ProfileId::random());
//! answer::set_status(&mut doc, AnswerStatus::InProgress, Some("2026-12-15"));
//! answer::add_reply(&mut doc, "Arta (clerk)", "The team will come on Monday.", 1_700_000_000_000);
//! let read = answer::read(&doc).unwrap();
//! assert_eq!(read.status, AnswerStatus::InProgress);
//! assert_eq!(read.replies[0].text, "The team will come on Monday.");
//! ```

use std::str::FromStr;

use automerge::{AutoCommit, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::Transactable};
use serde::{Deserialize, Serialize};

use crate::{
    documents::{self, DocKind, SchemaError},
    ids::{DocId, ProfileId},
};

/// The schema version this code writes.
pub const SCHEMA: u64 = 1;

/// Where a sent submission stands at the municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum AnswerStatus {
    /// The municipality has it.
    Received,
    /// Someone is working on it.
    InProgress,
    /// The municipality replied.
    Answered,
    /// The problem is fixed.
    Fixed,
    /// Another institution is responsible.
    NotOurResponsibility,
    /// Closed.
    Closed,
}

impl AnswerStatus {
    /// Every status, in the order staff choose from.
    pub const ALL: [AnswerStatus; 6] = [
        AnswerStatus::Received,
        AnswerStatus::InProgress,
        AnswerStatus::Answered,
        AnswerStatus::Fixed,
        AnswerStatus::NotOurResponsibility,
        AnswerStatus::Closed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::Received => "received",
            AnswerStatus::InProgress => "in-progress",
            AnswerStatus::Answered => "answered",
            AnswerStatus::Fixed => "fixed",
            AnswerStatus::NotOurResponsibility => "not-our-responsibility",
            AnswerStatus::Closed => "closed",
        }
    }
}

impl FromStr for AnswerStatus {
    type Err = SchemaError;

    fn from_str(s: &str) -> Result<AnswerStatus, SchemaError> {
        AnswerStatus::ALL.into_iter().find(|a| a.as_str() == s).ok_or(SchemaError::Field("status"))
    }
}

/// One reply of the municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// Who answered, as the resident sees it (a name and role, never a login).
    pub by: String,
    /// The words.
    pub text: String,
    /// When, in ms since the Unix epoch.
    pub at: i64,
}

/// An answer document as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The submission it answers.
    pub submission: DocId,
    /// The submission's author.
    pub owner: ProfileId,
    /// Where the submission stands.
    pub status: AnswerStatus,
    /// The date the municipality expects to be done, `YYYY-MM-DD`.
    pub expected: Option<String>,
    /// The replies, oldest first.
    pub replies: Vec<Reply>,
}

/// The id of the answer to `submission`, the same wherever it is computed.
pub fn doc_id(submission: DocId) -> DocId {
    DocId::derived("answer", &submission.to_string())
}

/// A new answer to `submission` by `owner`: received, no replies yet.
pub fn new_document(submission: DocId, owner: ProfileId) -> AutoCommit {
    let mut doc = AutoCommit::new();
    documents::init(&mut doc, DocKind::Answer, SCHEMA);
    doc.put(ROOT, "submission", submission.to_string()).expect("root is a map");
    doc.put(ROOT, "owner", owner.to_string()).expect("root is a map");
    doc.put(ROOT, "status", AnswerStatus::Received.as_str()).expect("root is a map");
    doc.put(ROOT, "expected", ScalarValue::Null).expect("root is a map");
    doc.put_object(ROOT, "replies", ObjType::List).expect("root is a map");
    doc
}

/// The author an answer belongs to.
pub fn owner(doc: &AutoCommit) -> Result<ProfileId, SchemaError> {
    documents::expect_kind(doc, DocKind::Answer)?;
    documents::get_str(doc, &ROOT, "owner")?.parse().map_err(|_| SchemaError::Field("owner"))
}

/// Reads an answer document.
pub fn read(doc: &AutoCommit) -> Result<Answer, SchemaError> {
    let owner = owner(doc)?;
    let replies_obj = match doc.get(ROOT, "replies") {
        Ok(Some((Value::Object(ObjType::List), id))) => id,
        _ => return Err(SchemaError::Field("replies")),
    };
    let mut replies = Vec::new();
    for i in 0..doc.length(&replies_obj) {
        let Ok(Some((Value::Object(ObjType::Map), reply))) = doc.get(&replies_obj, i) else {
            return Err(SchemaError::Field("replies"));
        };
        replies.push(Reply {
            by: documents::get_str(doc, &reply, "by")?,
            text: documents::get_str(doc, &reply, "text")?,
            at: documents::get_i64(doc, &reply, "at")?,
        });
    }
    Ok(Answer {
        submission: documents::get_str(doc, &ROOT, "submission")?
            .parse()
            .map_err(|_| SchemaError::Field("submission"))?,
        owner,
        status: documents::get_str(doc, &ROOT, "status")?.parse()?,
        expected: documents::get_opt_str(doc, &ROOT, "expected")?,
        replies,
    })
}

/// Sets where the submission stands and the expected date (`None` clears it).
pub fn set_status(doc: &mut AutoCommit, status: AnswerStatus, expected: Option<&str>) {
    doc.put(ROOT, "status", status.as_str()).expect("root is a map");
    match expected {
        Some(date) => doc.put(ROOT, "expected", date),
        None => doc.put(ROOT, "expected", ScalarValue::Null),
    }
    .expect("root is a map");
}

/// Adds a reply at the end.
pub fn add_reply(doc: &mut AutoCommit, by: &str, text: &str, at: i64) {
    let replies = match doc.get(ROOT, "replies") {
        Ok(Some((Value::Object(ObjType::List), id))) => id,
        _ => doc.put_object(ROOT, "replies", ObjType::List).expect("root is a map"),
    };
    let at_end = doc.length(&replies);
    let reply = doc.insert_object(&replies, at_end, ObjType::Map).expect("replies is a list");
    doc.put(&reply, "by", by).expect("a reply is a map");
    doc.put(&reply, "text", text).expect("a reply is a map");
    doc.put(&reply, "at", ScalarValue::Timestamp(at)).expect("a reply is a map");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_survives_save_and_load_and_keeps_replies_in_order() {
        let submission = DocId::random();
        let owner = ProfileId::random();
        let mut doc = new_document(submission, owner);
        let fresh = read(&doc).unwrap();
        assert_eq!((fresh.status, fresh.expected, fresh.replies.len()), (AnswerStatus::Received, None, 0));
        add_reply(&mut doc, "Arta", "Faleminderit, e morëm.", 1);
        set_status(&mut doc, AnswerStatus::Fixed, Some("2026-12-01"));
        add_reply(&mut doc, "Arta", "U rregullua.", 2);
        let back = read(&AutoCommit::load(&doc.save()).unwrap()).unwrap();
        assert_eq!((back.submission, back.owner, back.status), (submission, owner, AnswerStatus::Fixed));
        assert_eq!(back.expected.as_deref(), Some("2026-12-01"));
        assert_eq!(
            back.replies.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["Faleminderit, e morëm.", "U rregullua."]
        );
        assert_ne!(doc_id(submission), submission, "the answer is a document of its own");
    }

    #[test]
    fn statuses_have_one_spelling() {
        for status in AnswerStatus::ALL {
            assert_eq!(status.as_str().parse::<AnswerStatus>(), Ok(status));
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.as_str()));
        }
        assert!("lost".parse::<AnswerStatus>().is_err());
    }
}
