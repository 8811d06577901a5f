//! The device as the app sees it: its store, the profile that is open, and every action a person
//! takes, each checked against that profile. This is the API the Tauri commands call, one method
//! per command.

use std::path::Path;

use mcommunity_core::{
    i18n::{Arg, Messages},
    ids::{DocId, ProfileId},
    locale::Locale,
    places,
    profile::Avatar,
    submission::SubmissionKind,
};

use crate::{
    blobs::LocalBlobs,
    categories,
    content::{self, Bundled, Imported, MediaIndex},
    drafts,
    error::ClientError,
    learn, news, pin, practice, profiles, sessions,
    store::{Store, now_ms, settings},
    view::{
        AppStart, Category, CommandError, DeletionImpact, Draft, DraftPatch, DraftSummary, FormSummary, FormView,
        HelpedRequest, HelperView, LessonProgressView, LessonSummary, LessonView, NewProfile, NewsItem, Notice,
        PageCheck, PlacesView, Point, PracticeAttempt, ProfileSummary, RegistrationInput, SessionPlanInput,
        SessionSummary, SessionView, VillageView, VolunteerStatus,
    },
};

/// One device: its store, its blobs, and who is using it now.
pub struct Device {
    store: Store,
    blobs: LocalBlobs,
    bundled: Bundled,
    media: MediaIndex,
    practice: practice::Sessions,
    active: Option<ProfileId>,
    notice: Option<Notice>,
}

impl Device {
    /// Opens the device's store in `dir`. If the last person to use the app had no PIN, their
    /// profile opens again; a PIN-protected profile always asks. A damaged database is set aside
    /// and reported once through [`AppStart::notice`].
    pub fn open(dir: &Path) -> Result<Device, ClientError> {
        let opened = Store::open(dir)?;
        let blobs =
            LocalBlobs::open(dir).map_err(|e| ClientError::Internal(format!("opening the blob folder: {e}")))?;
        let mut device = Device {
            store: opened.store,
            blobs,
            bundled: Bundled::new(),
            media: MediaIndex::default(),
            practice: practice::Sessions::default(),
            active: None,
            notice: None,
        };
        if let Some(aside) = opened.set_aside {
            let file = aside.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
            let locale = device.locale();
            device.notice = Some(Notice {
                code: "storage-recovered".into(),
                message: Messages::embedded().format(locale, "notice-storage-recovered", &[("file", Arg::Text(&file))]),
            });
        }
        if let Some(last) = settings::last_profile(device.store.conn())?
            && profiles::get(&device.store, last).is_ok()
            && !pin::is_set(device.store.conn(), last)?
        {
            device.active = Some(last);
        }
        Ok(device)
    }

    /// The language the device speaks now: the open profile's, else the one chosen at first
    /// run, else Albanian.
    pub fn locale(&self) -> Locale {
        self.active
            .and_then(|id| profiles::get(&self.store, id).ok())
            .map(|p| p.locale)
            .or_else(|| settings::device_locale(self.store.conn()).ok().flatten())
            .unwrap_or(Locale::Sq)
    }

    /// `error` as the person should read it, in the device's current language.
    pub fn command_error(&self, error: &ClientError) -> CommandError {
        match error {
            ClientError::Store(_) | ClientError::Schema(_) | ClientError::Internal(_) => {
                tracing::error!(code = ?error.code(), error = %error, "command failed");
            }
            _ => tracing::debug!(code = ?error.code(), "command refused"),
        }
        CommandError::new(error, self.locale())
    }

    /// What the first screen needs. The start notice is given once.
    pub fn start(&mut self) -> Result<AppStart, ClientError> {
        Ok(AppStart {
            device_locale: settings::device_locale(self.store.conn())?,
            profiles: profiles::list(&self.store)?,
            active: self.active.map(|id| profiles::summary(&self.store, id)).transpose()?,
            notice: self.notice.take(),
        })
    }

    /// Sets the language used before any profile is open.
    pub fn set_device_locale(&mut self, locale: Locale) -> Result<(), ClientError> {
        Ok(settings::set_device_locale(self.store.conn(), locale)?)
    }

    /// The categories a new request can have, named in the open profile's language (the
    /// municipality's list once a sync brought it).
    pub fn categories(&self) -> Result<Vec<Category>, ClientError> {
        Ok(categories::offered(&categories::list(&self.store)?, self.locale()))
    }

    /// The municipality's announcements, newest first, in the open profile's language where the
    /// municipality wrote one.
    pub fn news(&self) -> Result<Vec<NewsItem>, ClientError> {
        news::list(&self.store, &self.blobs, self.locale())
    }

    /// Whether the open profile is a volunteer's, and which account.
    pub fn volunteer(&self) -> Result<VolunteerStatus, ClientError> {
        Ok(VolunteerStatus { username: settings::volunteer(self.store.conn(), self.active()?)? })
    }

    /// Records that the server linked `profile` to the volunteer account `username`.
    pub fn set_volunteer(&self, profile: ProfileId, username: &str) -> Result<(), ClientError> {
        profiles::get(&self.store, profile)?;
        Ok(settings::set_volunteer(self.store.conn(), profile, username)?)
    }

    /// The open volunteer's community sessions, the latest day first.
    pub fn sessions(&self) -> Result<Vec<SessionSummary>, ClientError> {
        sessions::list(&self.store, self.active()?)
    }

    /// One of the open volunteer's sessions.
    pub fn session(&self, id: &str) -> Result<SessionView, ClientError> {
        sessions::get(&self.store, self.active()?, parse_doc(id)?)
    }

    /// Starts a community session of the open volunteer.
    pub fn session_create(&mut self, plan: &SessionPlanInput) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        sessions::create(&mut self.store, volunteer, plan)
    }

    /// Changes a session's plan.
    pub fn session_set_plan(&mut self, id: &str, plan: &SessionPlanInput) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        sessions::set_plan(&mut self.store, volunteer, parse_doc(id)?, plan)
    }

    /// Registers a person of this device at a session.
    pub fn session_register(
        &mut self,
        id: &str,
        person: &str,
        input: &RegistrationInput,
    ) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        let person: ProfileId = person.parse().map_err(|_| ClientError::NotFound)?;
        sessions::register(&mut self.store, volunteer, parse_doc(id)?, person, input)
    }

    /// Makes a profile for someone new (without opening it: the volunteer stays) and registers
    /// them at a session.
    pub fn session_register_new(
        &mut self,
        id: &str,
        new: &NewProfile,
        input: &RegistrationInput,
    ) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        let session = parse_doc(id)?;
        sessions::require_volunteer(&self.store, volunteer)?;
        sessions::get(&self.store, volunteer, session)?;
        let person = profiles::create(&mut self.store, new)?;
        sessions::register(&mut self.store, volunteer, session, person, input)
    }

    /// Marks whether a registered person came.
    pub fn session_set_present(&mut self, id: &str, person: &str, present: bool) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        let person: ProfileId = person.parse().map_err(|_| ClientError::NotFound)?;
        sessions::set_present(&mut self.store, volunteer, parse_doc(id)?, person, present)
    }

    /// Takes a person off a session's list.
    pub fn session_unregister(&mut self, id: &str, person: &str) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        let person: ProfileId = person.parse().map_err(|_| ClientError::NotFound)?;
        sessions::unregister(&mut self.store, volunteer, parse_doc(id)?, person)
    }

    /// Records what a registered person did on the session's day, from their progress record.
    pub fn session_record_learning(&mut self, id: &str, person: &str) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        let person: ProfileId = person.parse().map_err(|_| ClientError::NotFound)?;
        sessions::record_learning(&mut self.store, volunteer, parse_doc(id)?, person)
    }

    /// Sets a session's note.
    pub fn session_set_note(&mut self, id: &str, note: &str) -> Result<SessionView, ClientError> {
        let volunteer = self.active()?;
        sessions::set_note(&mut self.store, volunteer, parse_doc(id)?, note)
    }

    /// The volunteers of this device (profiles linked to a volunteer account), who can help write
    /// a request.
    pub fn helpers(&self) -> Result<Vec<HelperView>, ClientError> {
        let mut out = Vec::new();
        for p in profiles::list(&self.store)? {
            let id: ProfileId = p.id.parse().map_err(|_| ClientError::NotFound)?;
            if let Some(username) = settings::volunteer(self.store.conn(), id)? {
                out.push(HelperView { profile: p.id, name: p.name, username });
            }
        }
        Ok(out)
    }

    /// Marks one of the open profile's drafts as written with the help of `volunteer`, a volunteer
    /// of this device.
    pub fn draft_set_assisted(&mut self, id: &str, volunteer: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let volunteer: ProfileId = volunteer.parse().map_err(|_| ClientError::NotVolunteer)?;
        let name = sessions::require_volunteer(&self.store, volunteer)?;
        let draft = drafts::set_assisted(&mut self.store, owner, parse_doc(id)?, volunteer, &name)?;
        self.named(draft)
    }

    /// Records the open profile's consent to an assisted draft: a tap, or (with `spoken`) a
    /// recorded "yes".
    pub fn draft_record_consent(&mut self, id: &str, spoken: Option<(&[i16], u32)>) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::record_consent(&mut self.store, &self.blobs, owner, parse_doc(id)?, spoken)?;
        self.named(draft)
    }

    /// The open profile withdraws its consent to a request written with help.
    pub fn draft_withdraw_consent(&mut self, id: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::withdraw_consent(&mut self.store, owner, parse_doc(id)?)?;
        self.named(draft)
    }

    /// The finished skills checks the open volunteer took with someone, newest first.
    pub fn assessments_taken(&self) -> Result<Vec<crate::view::TakenCheck>, ClientError> {
        let volunteer = self.active()?;
        sessions::require_volunteer(&self.store, volunteer)?;
        crate::assessments::taken_by(&self.store, volunteer)
    }

    /// The requests the open volunteer helped with, while each resident's consent stands.
    pub fn helped_requests(&self) -> Result<Vec<HelpedRequest>, ClientError> {
        let volunteer = self.active()?;
        sessions::require_volunteer(&self.store, volunteer)?;
        let list = categories::list(&self.store)?;
        let mut helped = drafts::helped(&self.store, volunteer)?;
        for h in &mut helped {
            h.summary.category_name = h.summary.category.as_deref().map(|c| categories::name(&list, c, self.locale()));
        }
        Ok(helped)
    }

    /// One request the open volunteer helped with, with its answers, while consent stands.
    pub fn helped_request(&self, id: &str) -> Result<Draft, ClientError> {
        let volunteer = self.active()?;
        sessions::require_volunteer(&self.store, volunteer)?;
        self.named(drafts::helped_one(&self.store, volunteer, parse_doc(id)?)?)
    }

    /// The municipality's area and villages, for choosing the place a request is about.
    pub fn places(&self) -> PlacesView {
        let (south, west, north, east) = places::BOUNDS;
        PlacesView {
            municipality: places::MUNICIPALITY.to_owned(),
            south,
            west,
            north,
            east,
            villages: places::VILLAGES
                .iter()
                .map(|v| VillageView { id: v.id.to_owned(), name: v.name.to_owned(), lat: v.lat, lon: v.lon })
                .collect(),
        }
    }

    /// Names the categories of requests in the open profile's language.
    fn name_category(&self, category: Option<&str>) -> Result<Option<String>, ClientError> {
        let Some(id) = category else { return Ok(None) };
        Ok(Some(categories::name(&categories::list(&self.store)?, id, self.locale())))
    }

    fn named(&self, mut draft: Draft) -> Result<Draft, ClientError> {
        draft.category_name = self.name_category(draft.category.as_deref())?;
        Ok(draft)
    }

    /// Every profile on the device.
    pub fn profiles(&self) -> Result<Vec<ProfileSummary>, ClientError> {
        profiles::list(&self.store)
    }

    /// Creates a profile and opens it.
    pub fn create_profile(&mut self, new: &NewProfile) -> Result<ProfileSummary, ClientError> {
        let id = profiles::create(&mut self.store, new)?;
        self.activate(Some(id))?;
        profiles::summary(&self.store, id)
    }

    /// Opens a profile, checking its PIN if it has one.
    pub fn open_profile(&mut self, id: &str, pin: Option<&str>) -> Result<ProfileSummary, ClientError> {
        let id: ProfileId = id.parse().map_err(|_| ClientError::NotFound)?;
        profiles::get(&self.store, id)?;
        pin::check(self.store.conn(), id, pin, now_ms())?;
        self.activate(Some(id))?;
        profiles::summary(&self.store, id)
    }

    /// Closes the open profile ("change person").
    pub fn close_profile(&mut self) -> Result<(), ClientError> {
        self.activate(None)
    }

    /// Renames the open profile.
    pub fn rename_profile(&mut self, name: &str) -> Result<ProfileSummary, ClientError> {
        let id = self.active()?;
        profiles::rename(&mut self.store, id, name)?;
        profiles::summary(&self.store, id)
    }

    /// Changes the open profile's picture.
    pub fn set_profile_avatar(&mut self, avatar: Avatar) -> Result<ProfileSummary, ClientError> {
        let id = self.active()?;
        profiles::set_avatar(&mut self.store, id, avatar)?;
        profiles::summary(&self.store, id)
    }

    /// Changes the open profile's language.
    pub fn set_profile_locale(&mut self, locale: Locale) -> Result<ProfileSummary, ClientError> {
        let id = self.active()?;
        profiles::set_locale(&mut self.store, id, locale)?;
        profiles::summary(&self.store, id)
    }

    /// What deleting the open profile would lose: its requests the municipality does not have yet
    /// (drafts, and sent ones still waiting for a connection). Requests the server has stay there.
    pub fn profile_deletion_impact(&self) -> Result<DeletionImpact, ClientError> {
        let id = self.active()?;
        let summary = profiles::summary(&self.store, id)?;
        let waiting = crate::sync::pending_ids(&self.store)?;
        let unsent = drafts::list(&self.store, id)?
            .into_iter()
            .filter(|d| d.sent_at.is_none() || d.id.parse().is_ok_and(|doc: DocId| waiting.contains(&doc)))
            .count();
        Ok(DeletionImpact { name: summary.name, drafts: unsent as u32 })
    }

    /// Deletes the open profile and its drafts; no profile is open afterwards.
    pub fn delete_profile(&mut self) -> Result<(), ClientError> {
        let id = self.active()?;
        profiles::delete(&mut self.store, id)?;
        self.active = None;
        Ok(())
    }

    /// The open profile's drafts, newest first.
    pub fn drafts(&self) -> Result<Vec<DraftSummary>, ClientError> {
        let list = categories::list(&self.store)?;
        let locale = self.locale();
        let mut drafts = drafts::list(&self.store, self.active()?)?;
        for d in &mut drafts {
            d.category_name = d.category.as_deref().map(|id| categories::name(&list, id, locale));
        }
        Ok(drafts)
    }

    /// Starts a draft in the open profile.
    pub fn create_draft(&mut self, kind: SubmissionKind) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        drafts::create(&mut self.store, owner, kind)
    }

    /// One of the open profile's drafts.
    pub fn draft(&self, id: &str) -> Result<Draft, ClientError> {
        self.named(drafts::get(&self.store, self.active()?, parse_doc(id)?)?)
    }

    /// Changes one of the open profile's drafts.
    /// A category must be one the municipality's list offers.
    pub fn update_draft(&mut self, id: &str, patch: DraftPatch) -> Result<DraftSummary, ClientError> {
        let owner = self.active()?;
        let patch: mcommunity_core::submission::SubmissionPatch = patch.into();
        if let Some(Some(category)) = &patch.category {
            categories::check_offered(&categories::list(&self.store)?, category)?;
        }
        let mut summary = drafts::update(&mut self.store, owner, parse_doc(id)?, &patch)?;
        summary.category_name = self.name_category(summary.category.as_deref())?;
        Ok(summary)
    }

    /// Sends one of the open profile's drafts to the municipality (with the next sync).
    pub fn send_draft(&mut self, id: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let sent = drafts::send(&mut self.store, owner, parse_doc(id)?)?;
        self.named(sent)
    }

    /// Adds a photo (the bytes of a JPEG or PNG) to one of the open profile's drafts, shrunk and
    /// stripped of its metadata.
    pub fn attach_photo(&mut self, id: &str, bytes: &[u8]) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::attach_photo(&mut self.store, &self.blobs, owner, parse_doc(id)?, bytes)?;
        self.named(draft)
    }

    /// Removes a photo from one of the open profile's drafts.
    pub fn remove_photo(&mut self, id: &str, hash: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::remove_photo(&mut self.store, owner, parse_doc(id)?, hash)?;
        self.named(draft)
    }

    /// Records a voice note (16-bit mono samples at `sample_rate`) for one of the open profile's
    /// drafts, in place of any earlier one.
    pub fn attach_voice(&mut self, id: &str, pcm: &[i16], sample_rate: u32) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::attach_voice(&mut self.store, &self.blobs, owner, parse_doc(id)?, pcm, sample_rate)?;
        self.named(draft)
    }

    /// Removes the voice note of one of the open profile's drafts.
    pub fn remove_voice(&mut self, id: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::remove_voice(&mut self.store, owner, parse_doc(id)?)?;
        self.named(draft)
    }

    /// Sets or clears the place one of the open profile's drafts is about.
    pub fn set_draft_location(&mut self, id: &str, point: Option<Point>) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::set_location(&mut self.store, owner, parse_doc(id)?, point.map(|p| (p.lat, p.lon)))?;
        self.named(draft)
    }

    /// Adds a message to one of the open profile's sent requests.
    pub fn add_message(&mut self, id: &str, text: &str) -> Result<Draft, ClientError> {
        let owner = self.active()?;
        let draft = drafts::add_message(&mut self.store, owner, parse_doc(id)?, text)?;
        self.named(draft)
    }

    /// The bytes of a photo or voice note of one of the open profile's requests.
    pub fn attachment(&self, hash: &str) -> Result<Vec<u8>, ClientError> {
        drafts::attachment(&self.store, &self.blobs, self.active()?, hash)
    }

    /// Attachments (photos, voice notes) of this device's people that the server does not have
    /// yet (as far as this device knows), with the blob folder they are in: what the background
    /// sync uploads, each into its owner's scope.
    pub fn attachments_to_upload(
        &self,
    ) -> Result<(LocalBlobs, Vec<(ProfileId, mcommunity_core::blobs::BlobHash)>), ClientError> {
        let profiles: Vec<ProfileId> =
            profiles::list(&self.store)?.into_iter().filter_map(|p| p.id.parse().ok()).collect();
        let all = drafts::attachments_of(&self.store, &profiles)?;
        let mut waiting = Vec::new();
        for (owner, hash) in all {
            let scope = mcommunity_core::sync::Scope::Profile(owner);
            if !crate::store::sync_state::blob_uploaded(self.store.conn(), &hash.to_string(), scope)? {
                waiting.push((owner, hash));
            }
        }
        Ok((self.blobs.clone(), waiting))
    }

    /// Attachments of this device's people's requests that came by sync without their bytes (a
    /// request written on another of their devices): what the background sync downloads.
    pub fn attachments_to_download(
        &self,
    ) -> Result<(LocalBlobs, Vec<(ProfileId, mcommunity_core::blobs::BlobHash)>), ClientError> {
        let profiles: Vec<ProfileId> =
            profiles::list(&self.store)?.into_iter().filter_map(|p| p.id.parse().ok()).collect();
        let missing =
            drafts::attachments_of(&self.store, &profiles)?.into_iter().filter(|(_, h)| !self.blobs.path(*h).exists());
        Ok((self.blobs.clone(), missing.collect()))
    }

    /// Remembers that the server has an attachment complete in its owner's scope.
    pub fn attachment_uploaded(
        &self,
        owner: ProfileId,
        hash: mcommunity_core::blobs::BlobHash,
    ) -> Result<(), ClientError> {
        let scope = mcommunity_core::sync::Scope::Profile(owner);
        Ok(crate::store::sync_state::set_blob_uploaded(self.store.conn(), &hash.to_string(), scope)?)
    }

    /// Deletes one of the open profile's drafts.
    pub fn delete_draft(&mut self, id: &str) -> Result<(), ClientError> {
        let owner = self.active()?;
        drafts::delete(&mut self.store, owner, parse_doc(id)?)
    }

    /// Imports the lessons and forms bundled with the app (encoded, embedded in the binary) unless
    /// this bundle was imported before, and serves their pictures and narration from it.
    pub fn import_content(&mut self, bundle: &'static [u8]) -> Result<Imported, ClientError> {
        let (imported, bundled) = content::import_bundle(&mut self.store, bundle)?;
        self.bundled = bundled;
        Ok(imported)
    }

    /// The lessons, for the open profile.
    pub fn lessons(&self) -> Result<Vec<LessonSummary>, ClientError> {
        learn::list(&self.store, self.active()?, self.locale())
    }

    /// One lesson, for the open profile.
    pub fn lesson(&self, id: &str) -> Result<LessonView, ClientError> {
        learn::get(&self.store, self.active()?, self.locale(), id)
    }

    /// Records that the open profile saw a step of a lesson.
    pub fn lesson_see_step(&mut self, id: &str, step: u32) -> Result<LessonProgressView, ClientError> {
        let profile = self.active()?;
        learn::see_step(&mut self.store, profile, id, step)
    }

    /// Records the open profile's answer to a quiz question.
    pub fn lesson_answer(&mut self, id: &str, question: u32, choice: u32) -> Result<LessonProgressView, ClientError> {
        let profile = self.active()?;
        learn::answer(&mut self.store, profile, id, question, choice)
    }

    /// Records that the open profile finished a lesson.
    pub fn lesson_finish(&mut self, id: &str) -> Result<LessonProgressView, ClientError> {
        let profile = self.active()?;
        learn::finish(&mut self.store, profile, id)
    }

    /// The practice forms, for the open profile.
    pub fn forms(&self) -> Result<Vec<FormSummary>, ClientError> {
        practice::list(&self.store, self.active()?, self.locale())
    }

    /// One practice form, for the open profile.
    pub fn form(&self, id: &str) -> Result<FormView, ClientError> {
        self.active()?;
        practice::get(&self.store, self.locale(), id)
    }

    /// Starts a practice attempt for the open profile.
    pub fn practice_start(&mut self, form: &str) -> Result<PracticeAttempt, ClientError> {
        let profile = self.active()?;
        practice::start(&mut self.store, &mut self.practice, profile, form)
    }

    /// Checks one page of a practice attempt, counting its mistakes.
    pub fn practice_check_page(
        &mut self,
        form: &str,
        attempt: &str,
        page: u32,
        values: &std::collections::BTreeMap<String, String>,
    ) -> Result<PageCheck, ClientError> {
        let profile = self.active()?;
        let locale = self.locale();
        practice::check_page(&mut self.store, &self.practice, profile, locale, form, attempt, page, values)
    }

    /// Ends a practice attempt at its last page.
    pub fn practice_finish(&mut self, form: &str, attempt: &str) -> Result<(), ClientError> {
        let profile = self.active()?;
        practice::finish(&mut self.store, &mut self.practice, profile, form, attempt)
    }

    /// The device's blob folder and the lesson pictures and narration it still lacks, in the
    /// languages of its people (fetched after a sync; never while the device is held).
    pub fn missing_content_media(&self) -> Result<(LocalBlobs, Vec<mcommunity_core::blobs::BlobHash>), ClientError> {
        let mut locales: Vec<Locale> = profiles::list(&self.store)?.into_iter().map(|p| p.locale).collect();
        locales.push(self.locale());
        locales.sort();
        locales.dedup();
        Ok((self.blobs.clone(), content::missing_media(&self.store, &self.blobs, &self.bundled, &locales)?))
    }

    /// The bytes of a picture or sound that a lesson or form names.
    pub fn media(&mut self, hash: &str) -> Result<Vec<u8>, ClientError> {
        self.media.get(&self.store, &self.blobs, &self.bundled, hash)
    }

    /// The skills assessment's instrument in the open profile's language: items, answers and
    /// observed tasks, with pictures and narration.
    pub fn assessment_instrument(&self) -> Result<crate::view::AssessmentInstrument, ClientError> {
        self.active()?;
        crate::assessments::instrument(&self.store, self.locale())
    }

    /// Starts a skills assessment of the open profile, taken by the volunteer whose profile id is
    /// `taken_by`, or by the person alone.
    pub fn assessment_start(&mut self, taken_by: Option<&str>) -> Result<crate::view::AssessmentView, ClientError> {
        let profile = self.active()?;
        let taken_by = taken_by.map(|id| id.parse::<ProfileId>().map_err(|_| ClientError::NotFound)).transpose()?;
        crate::assessments::start(&mut self.store, profile, taken_by)
    }

    /// Records the open profile's answer to one item of one of its assessments.
    pub fn assessment_rate(
        &mut self,
        id: &str,
        item: &str,
        rating: mcommunity_core::assessment::Rating,
    ) -> Result<crate::view::AssessmentView, ClientError> {
        let profile = self.active()?;
        crate::assessments::rate(&mut self.store, profile, parse_doc(id)?, item, rating)
    }

    /// Records whether an observed task of one of the open profile's assessments was done.
    pub fn assessment_observe(
        &mut self,
        id: &str,
        task: &str,
        done: bool,
    ) -> Result<crate::view::AssessmentView, ClientError> {
        let profile = self.active()?;
        crate::assessments::observe(&mut self.store, profile, parse_doc(id)?, task, done)
    }

    /// Finishes one of the open profile's assessments; it takes no more answers.
    pub fn assessment_finish(&mut self, id: &str) -> Result<crate::view::AssessmentView, ClientError> {
        let profile = self.active()?;
        crate::assessments::finish(&mut self.store, profile, parse_doc(id)?)
    }

    /// The open profile's assessments, newest first, with their scores.
    pub fn assessments(&self) -> Result<Vec<crate::view::AssessmentView>, ClientError> {
        crate::assessments::list(&self.store, self.active()?)
    }

    /// Compares two of the open profile's assessments, area by area.
    pub fn assessment_compare(
        &self,
        before_id: &str,
        after_id: &str,
    ) -> Result<crate::view::AssessmentComparison, ClientError> {
        crate::assessments::compare(&self.store, self.active()?, parse_doc(before_id)?, parse_doc(after_id)?)
    }

    /// The store, for tools and tests that look beneath the API.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, to sync it.
    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The open profile, if any.
    pub fn active_profile(&self) -> Result<ProfileId, ClientError> {
        self.active()
    }

    fn active(&self) -> Result<ProfileId, ClientError> {
        self.active.ok_or(ClientError::NoActiveProfile)
    }

    fn activate(&mut self, id: Option<ProfileId>) -> Result<(), ClientError> {
        settings::set_last_profile(self.store.conn(), id)?;
        self.active = id;
        Ok(())
    }
}

fn parse_doc(id: &str) -> Result<DocId, ClientError> {
    id.parse().map_err(|_| ClientError::NotFound)
}
