//! Profiles on a shared device: create, list, rename, re-picture, change language, delete. Each
//! profile's documents are kept apart by owner; a profile's PIN stays on the device.

use mcommunity_core::{
    documents::DocKind,
    ids::ProfileId,
    limits,
    locale::Locale,
    profile::{self, Avatar, Profile},
};

use crate::{
    error::ClientError,
    pin,
    store::{self, Store, now_ms, pins},
    view::{NewProfile, ProfileSummary},
};

/// Creates a profile (validating the name and PIN) and returns its id.
pub fn create(store: &mut Store, new: &NewProfile) -> Result<ProfileId, ClientError> {
    let name = limits::profile_name(&new.name)?;
    let pin_hash = match new.pin.as_deref().filter(|p| !p.is_empty()) {
        Some(pin) => {
            limits::pin(pin)?;
            Some(pin::hash(pin)?)
        }
        None => None,
    };
    let id = ProfileId::random();
    let mut doc =
        profile::new_document(&Profile { name, avatar: new.avatar, locale: new.locale, created_at: now_ms() });
    // The document and its PIN go in together or not at all.
    store.insert_with(id.doc(), DocKind::Profile, Some(id), &mut doc, |tx| match &pin_hash {
        Some(hash) => pins::set(tx, id, hash),
        None => Ok(()),
    })?;
    tracing::info!(profile = %id, with_pin = new.pin.is_some(), "profile created");
    Ok(id)
}

/// Reads a profile, or [`ClientError::NotFound`].
pub fn get(store: &Store, id: ProfileId) -> Result<Profile, ClientError> {
    let stored = store.load(id.doc())?.ok_or(ClientError::NotFound)?;
    if stored.kind != DocKind::Profile || stored.owner != Some(id) {
        return Err(ClientError::NotFound);
    }
    Ok(profile::read(&stored.doc)?)
}

/// The profile as lists show it.
pub fn summary(store: &Store, id: ProfileId) -> Result<ProfileSummary, ClientError> {
    let p = get(store, id)?;
    Ok(ProfileSummary {
        id: id.to_string(),
        name: p.name,
        avatar: p.avatar,
        locale: p.locale,
        has_pin: pin::is_set(store.conn(), id)?,
        draft_count: store.count(DocKind::Submission, id)? as u32,
    })
}

/// Every profile on the device, oldest first (a stable order, so a person finds their picture in
/// the same place). A profile whose document is damaged is left out and logged; the rest show.
pub fn list(store: &Store) -> Result<Vec<ProfileSummary>, ClientError> {
    let mut out = Vec::new();
    for id in store.list(DocKind::Profile, None)? {
        match summary(store, id.into()) {
            Ok(s) => out.push((get(store, id.into()).map(|p| p.created_at).unwrap_or(0), s)),
            Err(e @ (ClientError::Schema(_) | ClientError::Store(store::StoreError::Corrupt(_)))) => {
                tracing::error!(profile = %id, error = %e, "skipping a damaged profile");
            }
            Err(e) => return Err(e),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

/// Renames a profile.
pub fn rename(store: &mut Store, id: ProfileId, name: &str) -> Result<(), ClientError> {
    let name = limits::profile_name(name)?;
    edit(store, id, |doc| profile::set_name(doc, &name))
}

/// Changes a profile's picture.
pub fn set_avatar(store: &mut Store, id: ProfileId, avatar: Avatar) -> Result<(), ClientError> {
    edit(store, id, |doc| profile::set_avatar(doc, avatar))
}

/// Changes a profile's language.
pub fn set_locale(store: &mut Store, id: ProfileId, locale: Locale) -> Result<(), ClientError> {
    edit(store, id, |doc| profile::set_locale(doc, locale))
}

/// Deletes a profile and everything it owns. Returns how many drafts went with it.
pub fn delete(store: &mut Store, id: ProfileId) -> Result<u64, ClientError> {
    get(store, id)?;
    let drafts = store.count(DocKind::Submission, id)?;
    store.delete_owner(id)?;
    tracing::info!(profile = %id, drafts, "profile deleted");
    Ok(drafts)
}

fn edit(store: &mut Store, id: ProfileId, f: impl FnOnce(&mut automerge::AutoCommit)) -> Result<(), ClientError> {
    let outcome = store.update(id.doc(), |stored| {
        if stored.kind != DocKind::Profile {
            return Err(ClientError::NotFound);
        }
        profile::read(&stored.doc)?;
        f(&mut stored.doc);
        Ok(())
    })?;
    outcome.ok_or(ClientError::NotFound)?
}
