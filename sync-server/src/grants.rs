//! Who besides a document's owner may read it: the volunteer who helped a resident write a request
//! follows that request and its answer from their own devices, while the resident's consent
//! stands. The server keeps the grants ([`crate::storage::Storage::set_grant`]) from what the
//! submission itself says, whatever a device sends: a grant is made when an assisted request is
//! sent with consent, and revoked when the resident withdraws it; the volunteer's devices then
//! forget both documents at their next sync. A skills assessment a volunteer took with a
//! resident is likewise readable by that volunteer's devices.

use mcommunity_core::{
    answer,
    assessment::Assessment,
    ids::DocId,
    submission::{Status, Submission},
};

use crate::storage::{Storage, StorageError};

/// Brings the grants of submission `id` in line with the submission as stored now.
pub async fn follow(storage: &dyn Storage, id: DocId, read: &Submission) -> Result<(), StorageError> {
    let Some(helped) = &read.assisted else { return Ok(()) };
    let may = read.status == Status::Sent && helped.consent_stands();
    for doc in [id, answer::doc_id(id)] {
        let now = storage.grant_of(doc, helped.by).await?;
        // Only a change is written (each draws a sequence number and makes devices look again);
        // a request never granted needs no revocation.
        if now != Some(may) && (may || now == Some(true)) {
            storage.set_grant(doc, helped.by, may).await?;
            tracing::info!(doc = %doc, granted = may, "a volunteer's following changed");
        }
    }
    Ok(())
}

/// Lets the volunteer who took assessment `id` with its resident read it from their own devices.
pub async fn follow_assessment(storage: &dyn Storage, id: DocId, taken: &Assessment) -> Result<(), StorageError> {
    match taken.taken_by {
        Some(taker) if taker != taken.profile && storage.grant_of(id, taker).await? != Some(true) => {
            storage.set_grant(id, taker, true).await?;
            Ok(())
        }
        _ => Ok(()),
    }
}
