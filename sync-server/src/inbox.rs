//! The municipality's inbox, apart from the web: the index of sent submissions (kept in step with
//! the documents: when sync accepts a sent submission and when staff act), staff actions on a
//! submission (answer, assign) with their audit lines, and reading its attachments.
//!
//! Drafts never enter the index: only a submission whose document says "sent" does.

use automerge::AutoCommit;
use mcommunity_core::{
    answer::AnswerStatus,
    documents::{self, DocKind},
    ids::DocId,
    submission::{self, Status, Submission},
};

use crate::{
    answers::{self, AnswerError, StaffAction},
    staff,
    storage::{Storage, StorageError, dashboard::IndexedSubmission},
};

/// The index entry of a sent submission (`None` for a draft).
pub fn entry(id: DocId, s: &Submission) -> Option<IndexedSubmission> {
    if s.status != Status::Sent {
        return None;
    }
    Some(IndexedSubmission {
        id,
        author: s.profile,
        kind: s.kind.as_str().to_owned(),
        category: s.category.clone().unwrap_or_default(),
        title: s.title.clone(),
        text: s.text.clone(),
        sent_at: s.sent_at.unwrap_or(s.updated_at),
        has_photo: !s.photos.is_empty(),
        has_voice: s.voice.is_some(),
        village: s.location.as_ref().map(|l| l.village.clone()),
        status: AnswerStatus::Received.as_str().to_owned(),
        assigned_to: None,
        first_reply_at: None,
    })
}

/// Indexes `doc` if it is a sent submission (anything else is left alone). Called by sync after
/// it stored accepted changes.
pub async fn index_document(storage: &dyn Storage, id: DocId, doc: &AutoCommit) -> Result<(), StorageError> {
    if documents::kind_of(doc).ok() != Some(DocKind::Submission) {
        return Ok(());
    }
    match submission::read(doc) {
        Ok(read) => index(storage, id, &read).await,
        Err(_) => Ok(()),
    }
}

/// Indexes submission `id` as read, if it is sent.
pub async fn index(storage: &dyn Storage, id: DocId, read: &Submission) -> Result<(), StorageError> {
    let Some(entry) = entry(id, read) else { return Ok(()) };
    storage.index_submission(&entry).await?;
    if let Some(helped) = &read.assisted {
        // Counted for the project's indicators: sent with help, whatever became of the consent.
        storage.index_assisted(id, helped.by, entry.sent_at).await?;
    }
    Ok(())
}

/// Indexes every sent submission stored but not yet indexed (those stored before the index
/// existed), with the status and first reply of its answer document; returns how many. Drafts are
/// read and left out, so this runs at start, not per request.
pub async fn backfill(storage: &dyn Storage) -> Result<usize, StorageError> {
    let mut indexed = 0;
    for id in storage.unindexed_submissions(u32::MAX).await? {
        let Some(doc) = crate::storage::load_doc(storage, id).await? else { continue };
        let Some(entry) = submission::read(&doc).ok().and_then(|s| entry(id, &s)) else { continue };
        storage.index_submission(&entry).await?;
        if let Some(answer_doc) = crate::storage::load_doc(storage, mcommunity_core::answer::doc_id(id)).await?
            && let Ok(answer) = mcommunity_core::answer::read(&answer_doc)
        {
            let first = answer.replies.iter().map(|r| r.at).min();
            storage.index_answer(id, answer.status.as_str(), first).await?;
        }
        indexed += 1;
    }
    Ok(indexed)
}

/// A staff member's answer: status, expected date, maybe a reply. Writes the answer document
/// (which reaches the resident's devices at their next sync), the index and the audit log.
pub async fn answer(
    storage: &dyn Storage,
    actor: &str,
    id: DocId,
    action: &StaffAction<'_>,
    now: i64,
) -> Result<(), AnswerError> {
    let answer = answers::act(storage, id, action, now).await?;
    let first_reply = answer.replies.iter().map(|r| r.at).min();
    storage.index_answer(id, answer.status.as_str(), first_reply).await?;
    staff::record(storage, now, actor, "status", &id.to_string(), answer.status.as_str()).await?;
    if action.reply.is_some_and(|r| !r.trim().is_empty()) {
        staff::record(storage, now, actor, "reply", &id.to_string(), "").await?;
    }
    Ok(())
}

/// Assigns a sent submission to a staff member (`None`: to no one). `false` when there is no such
/// submission or no such staff member.
pub async fn assign(
    storage: &dyn Storage,
    actor: &str,
    id: DocId,
    to: Option<&str>,
    now: i64,
) -> Result<bool, StorageError> {
    if let Some(to) = to
        && storage.staff(to).await?.is_none()
    {
        return Ok(false);
    }
    if !storage.assign(id, to).await? {
        return Ok(false);
    }
    staff::record(storage, now, actor, "assign", &id.to_string(), to.unwrap_or("")).await?;
    Ok(true)
}

/// A sent submission's document, read (`None` for a draft, another kind, or nothing).
pub async fn sent(storage: &dyn Storage, id: DocId) -> Result<Option<Submission>, StorageError> {
    let Some(doc) = crate::storage::load_doc(storage, id).await? else { return Ok(None) };
    if documents::kind_of(&doc).ok() != Some(DocKind::Submission) {
        return Ok(None);
    }
    Ok(submission::read(&doc).ok().filter(|s| s.status == Status::Sent))
}
