//! The municipality's answers: staff set where a sent submission stands and reply to it; the
//! answer is a document of its own (`mcommunity_core::answer`), owned by the submission's author,
//! so it reaches the author's devices at their next sync. No device can write it.
//!
//! Drafts are private: the municipality sees and answers only submissions that were sent. (The
//! dashboard's pages call these functions; tests call them directly.)

use mcommunity_core::{
    access::DocMeta,
    answer::{self, Answer, AnswerStatus},
    documents::DocKind,
    ids::DocId,
    submission::{self, Status},
    sync,
};

use crate::storage::{Storage, StorageError, load_doc};

/// What a member of staff does to a submission: a status, an expected date, maybe a reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffAction<'a> {
    /// Who answers, as the resident will see it ("Arta, clerk").
    pub by: &'a str,
    /// The new status.
    pub status: AnswerStatus,
    /// The date the municipality expects to be done, `YYYY-MM-DD`; `None` clears it.
    pub expected: Option<&'a str>,
    /// A reply to the resident, if any.
    pub reply: Option<&'a str>,
}

/// Why an answer was not written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerError {
    /// No sent submission has this id (a draft is as invisible as nothing).
    #[error("no sent submission has this id")]
    NotFound,
    /// An expected date that is not a `YYYY-MM-DD` date.
    #[error("the expected date must be a date like 2026-12-31")]
    BadDate,
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Applies `action` to the answer of `submission_id` at `now` (ms since the Unix epoch), creating
/// the answer on first use, and returns the answer as it now stands.
pub async fn act(
    storage: &dyn Storage,
    submission_id: DocId,
    action: &StaffAction<'_>,
    now: i64,
) -> Result<Answer, AnswerError> {
    if let Some(date) = action.expected
        && mcommunity_core::forms::rules::Date::parse(date).is_err()
    {
        return Err(AnswerError::BadDate);
    }
    let submission = load_doc(storage, submission_id).await?.ok_or(AnswerError::NotFound)?;
    let sent = submission::read(&submission).map_err(|_| AnswerError::NotFound)?;
    if sent.status != Status::Sent {
        return Err(AnswerError::NotFound);
    }
    let id = answer::doc_id(submission_id);
    let (mut doc, before) = match load_doc(storage, id).await? {
        Some(mut doc) => {
            let heads = doc.get_heads();
            (doc, heads)
        }
        None => (answer::new_document(submission_id, sent.profile), Vec::new()),
    };
    answer::set_status(&mut doc, action.status, action.expected);
    if let Some(text) = action.reply.map(str::trim).filter(|t| !t.is_empty()) {
        answer::add_reply(&mut doc, action.by, text, now);
    }
    let changes = doc.save_after(&before);
    if !changes.is_empty() {
        let meta = DocMeta { kind: DocKind::Answer, owner: Some(sent.profile) };
        storage.append(id, meta, &changes, &sync::heads_of(&mut doc)).await?;
    }
    answer::read(&doc).map_err(|e| AnswerError::Storage(StorageError::Corrupt(e.to_string())))
}
