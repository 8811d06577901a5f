//! The app's commands: each takes the app state, calls one method of
//! [`mcommunity_client::device::Device`], and maps its error to the one [`CommandError`]. No SQL,
//! no Automerge and no decisions here.

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
};

use mcommunity_client::{
    background::SyncControl,
    device::Device,
    error::ClientError,
    view::{
        AppStart, AssessmentComparison, AssessmentInstrument, AssessmentView, Category, CommandError, DeletionImpact,
        Draft, DraftPatch, DraftSummary, FormSummary, FormView, HelpedRequest, HelperView, LessonProgressView,
        LessonSummary, LessonView, NewProfile, NewsItem, PageCheck, PairingCode, PlacesView, Point, PracticeAttempt,
        ProfileSummary, RegistrationInput, SessionPlanInput, SessionSummary, SessionView, SyncStatus, TakenCheck,
        VolunteerStatus,
    },
};
use mcommunity_core::{assessment::Rating, locale::Locale, profile::Avatar, submission::SubmissionKind};
use tauri::State;

/// The app's state: the device (or why it could not be opened: then every command says so),
/// shared with the background sync task, and where sync stands.
pub struct AppState {
    device: Result<Arc<Mutex<Device>>, CommandError>,
    /// Where sync stands; the background task and the commands share it.
    pub sync: Arc<SyncControl>,
}

impl AppState {
    /// Opens the device whose data lives in `dir`; sync goes to `server` when there is one.
    pub fn open(dir: &std::path::Path, sync: Arc<SyncControl>) -> AppState {
        let device = Device::open(dir).map(|d| Arc::new(Mutex::new(d))).map_err(|e| {
            tracing::error!(error = %e, "could not open the device's store");
            CommandError::new(&e, Locale::Sq)
        });
        AppState { device, sync }
    }

    /// The shared device, for the background sync task.
    pub fn device(&self) -> Option<Arc<Mutex<Device>>> {
        self.device.as_ref().ok().cloned()
    }

    /// Imports the lessons and forms bundled with the app, unless already done, and serves their
    /// media from the bundle. A failure is logged, not fatal: people's own documents stay reachable.
    pub fn import_content(&self, bundle: &'static [u8]) {
        if let Err(e) = self.with(|d| d.import_content(bundle)) {
            tracing::error!(code = ?e.code, "the bundled lessons could not be imported");
        }
    }

    /// Seeds demo content into an empty device (`make run`).
    pub fn seed_demo(&self) {
        if let Err(e) = self.with(mcommunity_client::demo::seed) {
            tracing::error!(code = ?e.code, "demo content could not be seeded");
        }
    }

    fn with<T>(&self, action: impl FnOnce(&mut Device) -> Result<T, ClientError>) -> Result<T, CommandError> {
        let device = self.device.as_ref().map_err(Clone::clone)?;
        // A panic in another command must not lock everyone out of their drafts.
        let mut device = device.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        action(&mut device).map_err(|e| device.command_error(&e))
    }

    fn error(&self, e: &ClientError) -> CommandError {
        match &self.device {
            Ok(device) => device.lock().unwrap_or_else(|p| p.into_inner()).command_error(e),
            Err(startup) => startup.clone(),
        }
    }
}

type Reply<T> = Result<T, CommandError>;

/// What the first screen needs.
#[tauri::command]
#[specta::specta]
pub fn app_start(state: State<'_, AppState>) -> Reply<AppStart> {
    tracing::info!("first screen requested");
    state.with(|d| d.start())
}

/// Sets the language used before any profile is open.
#[tauri::command]
#[specta::specta]
pub fn device_set_locale(state: State<'_, AppState>, locale: Locale) -> Reply<()> {
    state.with(|d| d.set_device_locale(locale))
}

/// The categories a request can have.
#[tauri::command]
#[specta::specta]
pub fn categories_list(state: State<'_, AppState>) -> Reply<Vec<Category>> {
    state.with(|d| d.categories())
}

/// The municipality's announcements, newest first.
#[tauri::command]
#[specta::specta]
pub fn news_list(state: State<'_, AppState>) -> Reply<Vec<NewsItem>> {
    state.with(|d| d.news())
}

/// The municipality's area and villages, for the map a place is chosen on.
#[tauri::command]
#[specta::specta]
pub fn places_get(state: State<'_, AppState>) -> Reply<PlacesView> {
    state.with(|d| Ok(d.places()))
}

/// Every profile on the device.
#[tauri::command]
#[specta::specta]
pub fn profiles_list(state: State<'_, AppState>) -> Reply<Vec<ProfileSummary>> {
    state.with(|d| d.profiles())
}

/// Creates a profile and opens it.
#[tauri::command]
#[specta::specta]
pub fn profile_create(state: State<'_, AppState>, input: NewProfile) -> Reply<ProfileSummary> {
    state.with(|d| d.create_profile(&input))
}

/// Opens a profile, checking its PIN.
#[tauri::command]
#[specta::specta]
pub fn profile_open(state: State<'_, AppState>, id: String, pin: Option<String>) -> Reply<ProfileSummary> {
    state.with(|d| d.open_profile(&id, pin.as_deref()))
}

/// Closes the open profile.
#[tauri::command]
#[specta::specta]
pub fn profile_close(state: State<'_, AppState>) -> Reply<()> {
    state.with(|d| d.close_profile())
}

/// Renames the open profile.
#[tauri::command]
#[specta::specta]
pub fn profile_rename(state: State<'_, AppState>, name: String) -> Reply<ProfileSummary> {
    state.with(|d| d.rename_profile(&name))
}

/// Changes the open profile's picture.
#[tauri::command]
#[specta::specta]
pub fn profile_set_avatar(state: State<'_, AppState>, avatar: Avatar) -> Reply<ProfileSummary> {
    state.with(|d| d.set_profile_avatar(avatar))
}

/// Changes the open profile's language.
#[tauri::command]
#[specta::specta]
pub fn profile_set_locale(state: State<'_, AppState>, locale: Locale) -> Reply<ProfileSummary> {
    state.with(|d| d.set_profile_locale(locale))
}

/// What deleting the open profile would remove.
#[tauri::command]
#[specta::specta]
pub fn profile_deletion_impact(state: State<'_, AppState>) -> Reply<DeletionImpact> {
    state.with(|d| d.profile_deletion_impact())
}

/// Deletes the open profile and its drafts.
#[tauri::command]
#[specta::specta]
pub fn profile_delete(state: State<'_, AppState>) -> Reply<()> {
    state.with(|d| d.delete_profile())
}

/// The open profile's drafts, newest first.
#[tauri::command]
#[specta::specta]
pub fn drafts_list(state: State<'_, AppState>) -> Reply<Vec<DraftSummary>> {
    state.with(|d| d.drafts())
}

/// Starts a draft.
#[tauri::command]
#[specta::specta]
pub fn draft_create(state: State<'_, AppState>, kind: SubmissionKind) -> Reply<Draft> {
    state.with(|d| d.create_draft(kind))
}

/// One draft, for the editor.
#[tauri::command]
#[specta::specta]
pub fn draft_get(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.draft(&id))
}

/// Saves a change to a draft (the editor's autosave).
#[tauri::command]
#[specta::specta]
pub fn draft_update(state: State<'_, AppState>, id: String, patch: DraftPatch) -> Reply<DraftSummary> {
    state.with(|d| d.update_draft(&id, patch))
}

/// Sends a draft to the municipality.
#[tauri::command]
#[specta::specta]
pub fn draft_send(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.send_draft(&id))
}

/// Deletes a draft.
#[tauri::command]
#[specta::specta]
pub fn draft_delete(state: State<'_, AppState>, id: String) -> Reply<()> {
    state.with(|d| d.delete_draft(&id))
}

/// Where sync stands (the UI polls this).
#[tauri::command]
#[specta::specta]
pub fn sync_status(state: State<'_, AppState>) -> Reply<SyncStatus> {
    state.with(|d| state.sync.status(d))
}

/// Starts a sync now, in the background.
#[tauri::command]
#[specta::specta]
pub fn sync_now(state: State<'_, AppState>) -> Reply<SyncStatus> {
    state.sync.wake();
    state.with(|d| state.sync.status(d))
}

/// A pairing code for the open profile, to type on another device.
#[tauri::command]
#[specta::specta]
pub async fn pairing_code_create(state: State<'_, AppState>) -> Reply<PairingCode> {
    let profile = state.with(|d| d.active_profile())?;
    state.sync.pairing_code(profile).await.map_err(|e| state.error(&e))
}

/// Enters a pairing code shown on another device.
#[tauri::command]
#[specta::specta]
pub async fn pairing_claim(state: State<'_, AppState>, code: String) -> Reply<()> {
    state.sync.claim(&code).await.map_err(|e| state.error(&e))
}

/// The lessons, for the open profile.
#[tauri::command]
#[specta::specta]
pub fn lessons_list(state: State<'_, AppState>) -> Reply<Vec<LessonSummary>> {
    state.with(|d| d.lessons())
}

/// One lesson, with the open profile's progress.
#[tauri::command]
#[specta::specta]
pub fn lesson_get(state: State<'_, AppState>, id: String) -> Reply<LessonView> {
    state.with(|d| d.lesson(&id))
}

/// Records that a step of a lesson was shown.
#[tauri::command]
#[specta::specta]
pub fn lesson_see_step(state: State<'_, AppState>, id: String, step: u32) -> Reply<LessonProgressView> {
    state.with(|d| d.lesson_see_step(&id, step))
}

/// Records a choice made in a lesson's quiz.
#[tauri::command]
#[specta::specta]
pub fn lesson_answer(state: State<'_, AppState>, id: String, question: u32, choice: u32) -> Reply<LessonProgressView> {
    state.with(|d| d.lesson_answer(&id, question, choice))
}

/// Records that a lesson was finished.
#[tauri::command]
#[specta::specta]
pub fn lesson_finish(state: State<'_, AppState>, id: String) -> Reply<LessonProgressView> {
    state.with(|d| d.lesson_finish(&id))
}

/// The practice forms, for the open profile.
#[tauri::command]
#[specta::specta]
pub fn forms_list(state: State<'_, AppState>) -> Reply<Vec<FormSummary>> {
    state.with(|d| d.forms())
}

/// One practice form.
#[tauri::command]
#[specta::specta]
pub fn form_get(state: State<'_, AppState>, id: String) -> Reply<FormView> {
    state.with(|d| d.form(&id))
}

/// Starts a practice attempt.
#[tauri::command]
#[specta::specta]
pub fn practice_start(state: State<'_, AppState>, form_id: String) -> Reply<PracticeAttempt> {
    state.with(|d| d.practice_start(&form_id))
}

/// Checks one page of a practice attempt.
#[tauri::command]
#[specta::specta]
pub fn practice_check_page(
    state: State<'_, AppState>,
    form_id: String,
    attempt_id: String,
    page: u32,
    values: BTreeMap<String, String>,
) -> Reply<PageCheck> {
    state.with(|d| d.practice_check_page(&form_id, &attempt_id, page, &values))
}

/// Ends a practice attempt.
#[tauri::command]
#[specta::specta]
pub fn practice_finish(state: State<'_, AppState>, form_id: String, attempt_id: String) -> Reply<()> {
    state.with(|d| d.practice_finish(&form_id, &attempt_id))
}

/// The raw bytes of a lesson's or form's picture or sound (not JSON: sounds are tens of KB).
/// Outside the generated bindings, which speak JSON only; the UI calls it by name.
#[tauri::command]
pub fn media_get(state: State<'_, AppState>, hash: String) -> Reply<tauri::ipc::Response> {
    state.with(|d| d.media(&hash)).map(tauri::ipc::Response::new)
}

/// Adds a photo to a draft: the picture's bytes are the raw request body (a photo is megabytes, not
/// JSON), the draft's id is the `x-draft` header. Called by name, outside the generated bindings.
#[tauri::command]
pub fn draft_attach_photo(state: State<'_, AppState>, request: tauri::ipc::Request<'_>) -> Reply<Draft> {
    let id = request.headers().get("x-draft").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return state.with(|_| Err(ClientError::Input(mcommunity_core::limits::InputError::NotAPhoto)));
    };
    state.with(|d| d.attach_photo(&id, bytes))
}

/// The raw bytes of a photo or voice note of the open profile's requests.
#[tauri::command]
pub fn attachment_get(state: State<'_, AppState>, hash: String) -> Reply<tauri::ipc::Response> {
    state.with(|d| d.attachment(&hash)).map(tauri::ipc::Response::new)
}

/// Records a voice note for a draft: the raw request body is the recording as 16-bit
/// little-endian mono samples (minutes of sound are megabytes, not JSON), the draft's id is the
/// `x-draft` header and the sample rate the `x-sample-rate` header. Called by name, outside the
/// generated bindings.
#[tauri::command]
pub fn draft_attach_voice(state: State<'_, AppState>, request: tauri::ipc::Request<'_>) -> Reply<Draft> {
    let Some((id, pcm, rate)) = recording(&request) else {
        return state.with(|_| Err(ClientError::Input(mcommunity_core::limits::InputError::NotAVoiceNote)));
    };
    state.with(|d| d.attach_voice(&id, &pcm, rate))
}

/// A recording sent as a raw body: the draft's id (`x-draft`), the samples (16-bit little-endian
/// mono) and their rate (`x-sample-rate`); `None` for a body that is not raw bytes.
fn recording(request: &tauri::ipc::Request<'_>) -> Option<(String, Vec<i16>, u32)> {
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else { return None };
    let pcm = bytes.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
    Some((header("x-draft"), pcm, header("x-sample-rate").parse().unwrap_or(0)))
}

/// Removes a draft's voice note.
#[tauri::command]
#[specta::specta]
pub fn draft_remove_voice(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.remove_voice(&id))
}

/// Sets (or, with `null`, clears) the place a draft is about.
#[tauri::command]
#[specta::specta]
pub fn draft_set_location(state: State<'_, AppState>, id: String, point: Option<Point>) -> Reply<Draft> {
    state.with(|d| d.set_draft_location(&id, point))
}

/// Adds the resident's message to a sent request.
#[tauri::command]
#[specta::specta]
pub fn draft_add_message(state: State<'_, AppState>, id: String, text: String) -> Reply<Draft> {
    state.with(|d| d.add_message(&id, &text))
}

/// Removes a photo from a draft.
#[tauri::command]
#[specta::specta]
pub fn draft_remove_photo(state: State<'_, AppState>, id: String, hash: String) -> Reply<Draft> {
    state.with(|d| d.remove_photo(&id, &hash))
}

/// Whether the open profile is a volunteer's.
#[tauri::command]
#[specta::specta]
pub fn volunteer_status(state: State<'_, AppState>) -> Reply<VolunteerStatus> {
    state.with(|d| d.volunteer())
}

/// Signs the open profile in as a volunteer account (the server checks name and password).
#[tauri::command]
#[specta::specta]
pub async fn volunteer_link(state: State<'_, AppState>, username: String, password: String) -> Reply<VolunteerStatus> {
    let Some(device) = state.device() else { return state.with(|d| d.volunteer()) };
    let linked = state.sync.link_volunteer(&device, &username, &password).await.map_err(|e| state.error(&e))?;
    Ok(VolunteerStatus { username: Some(linked) })
}

/// The open volunteer's community sessions.
#[tauri::command]
#[specta::specta]
pub fn sessions_list(state: State<'_, AppState>) -> Reply<Vec<SessionSummary>> {
    state.with(|d| d.sessions())
}

/// One community session.
#[tauri::command]
#[specta::specta]
pub fn session_get(state: State<'_, AppState>, id: String) -> Reply<SessionView> {
    state.with(|d| d.session(&id))
}

/// Starts a community session.
#[tauri::command]
#[specta::specta]
pub fn session_create(state: State<'_, AppState>, plan: SessionPlanInput) -> Reply<SessionView> {
    state.with(|d| d.session_create(&plan))
}

/// Changes a session's plan.
#[tauri::command]
#[specta::specta]
pub fn session_set_plan(state: State<'_, AppState>, id: String, plan: SessionPlanInput) -> Reply<SessionView> {
    state.with(|d| d.session_set_plan(&id, &plan))
}

/// Registers a person of this device at a session.
#[tauri::command]
#[specta::specta]
pub fn session_register(
    state: State<'_, AppState>,
    id: String,
    person: String,
    facts: RegistrationInput,
) -> Reply<SessionView> {
    state.with(|d| d.session_register(&id, &person, &facts))
}

/// Makes a profile for someone new and registers them at a session.
#[tauri::command]
#[specta::specta]
pub fn session_register_new(
    state: State<'_, AppState>,
    id: String,
    person: NewProfile,
    facts: RegistrationInput,
) -> Reply<SessionView> {
    state.with(|d| d.session_register_new(&id, &person, &facts))
}

/// Marks whether a registered person came.
#[tauri::command]
#[specta::specta]
pub fn session_set_present(
    state: State<'_, AppState>,
    id: String,
    person: String,
    present: bool,
) -> Reply<SessionView> {
    state.with(|d| d.session_set_present(&id, &person, present))
}

/// Takes a person off a session's list.
#[tauri::command]
#[specta::specta]
pub fn session_unregister(state: State<'_, AppState>, id: String, person: String) -> Reply<SessionView> {
    state.with(|d| d.session_unregister(&id, &person))
}

/// Records what a person did on the session's day, from their progress.
#[tauri::command]
#[specta::specta]
pub fn session_record_learning(state: State<'_, AppState>, id: String, person: String) -> Reply<SessionView> {
    state.with(|d| d.session_record_learning(&id, &person))
}

/// Sets a session's note.
#[tauri::command]
#[specta::specta]
pub fn session_set_note(state: State<'_, AppState>, id: String, note: String) -> Reply<SessionView> {
    state.with(|d| d.session_set_note(&id, &note))
}

/// The volunteers of this device, who can help write a request.
#[tauri::command]
#[specta::specta]
pub fn helpers_list(state: State<'_, AppState>) -> Reply<Vec<HelperView>> {
    state.with(|d| d.helpers())
}

/// Marks a draft of the open profile as written with a volunteer's help.
#[tauri::command]
#[specta::specta]
pub fn draft_set_assisted(state: State<'_, AppState>, id: String, volunteer: String) -> Reply<Draft> {
    state.with(|d| d.draft_set_assisted(&id, &volunteer))
}

/// Records the open profile's consent to an assisted draft with a tap.
#[tauri::command]
#[specta::specta]
pub fn draft_record_consent(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.draft_record_consent(&id, None))
}

/// Records a spoken consent: the raw body is the recorded "yes" as 16-bit little-endian mono
/// samples, the draft's id the `x-draft` header, the rate the `x-sample-rate` header.
#[tauri::command]
pub fn draft_record_consent_voice(state: State<'_, AppState>, request: tauri::ipc::Request<'_>) -> Reply<Draft> {
    let Some((id, pcm, rate)) = recording(&request) else {
        return state.with(|_| Err(ClientError::Input(mcommunity_core::limits::InputError::NotAVoiceNote)));
    };
    state.with(|d| d.draft_record_consent(&id, Some((&pcm, rate))))
}

/// The open profile withdraws its consent to a request written with help.
#[tauri::command]
#[specta::specta]
pub fn draft_withdraw_consent(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.draft_withdraw_consent(&id))
}

/// The requests the open volunteer helped with, while consent stands.
#[tauri::command]
#[specta::specta]
pub fn helped_requests_list(state: State<'_, AppState>) -> Reply<Vec<HelpedRequest>> {
    state.with(|d| d.helped_requests())
}

/// One request the open volunteer helped with, while consent stands.
#[tauri::command]
#[specta::specta]
pub fn helped_request_get(state: State<'_, AppState>, id: String) -> Reply<Draft> {
    state.with(|d| d.helped_request(&id))
}

/// The skills assessment's questions, scale and observed tasks, in the open profile's language.
#[tauri::command]
#[specta::specta]
pub fn assessment_instrument_get(state: State<'_, AppState>) -> Reply<AssessmentInstrument> {
    state.with(|d| d.assessment_instrument())
}

/// Starts a skills assessment of the open profile (`taken_by`: the volunteer helping, if any).
#[tauri::command]
#[specta::specta]
pub fn assessment_start(state: State<'_, AppState>, taken_by: Option<String>) -> Reply<AssessmentView> {
    state.with(|d| d.assessment_start(taken_by.as_deref()))
}

/// Answers one question of an assessment.
#[tauri::command]
#[specta::specta]
pub fn assessment_rate(state: State<'_, AppState>, id: String, item: String, rating: Rating) -> Reply<AssessmentView> {
    state.with(|d| d.assessment_rate(&id, &item, rating))
}

/// Ticks (or unticks) an observed task of an assessment.
#[tauri::command]
#[specta::specta]
pub fn assessment_observe(state: State<'_, AppState>, id: String, task: String, done: bool) -> Reply<AssessmentView> {
    state.with(|d| d.assessment_observe(&id, &task, done))
}

/// Finishes an assessment.
#[tauri::command]
#[specta::specta]
pub fn assessment_finish(state: State<'_, AppState>, id: String) -> Reply<AssessmentView> {
    state.with(|d| d.assessment_finish(&id))
}

/// The open profile's assessments, newest first.
#[tauri::command]
#[specta::specta]
pub fn assessments_list(state: State<'_, AppState>) -> Reply<Vec<AssessmentView>> {
    state.with(|d| d.assessments())
}

/// Two assessments compared, area by area.
#[tauri::command]
#[specta::specta]
pub fn assessment_compare(state: State<'_, AppState>, before: String, after: String) -> Reply<AssessmentComparison> {
    state.with(|d| d.assessment_compare(&before, &after))
}

/// The finished skills checks the open volunteer took with someone.
#[tauri::command]
#[specta::specta]
pub fn assessments_taken_list(state: State<'_, AppState>) -> Reply<Vec<TakenCheck>> {
    state.with(|d| d.assessments_taken())
}

/// The commands outside [`builder`]: those whose request or answer is raw bytes, not JSON.
pub const RAW_COMMANDS: &[&str] =
    &["media_get", "draft_attach_photo", "attachment_get", "draft_attach_voice", "draft_record_consent_voice"];

/// The invoke handler of every command: the raw ones, then the generated ones.
pub fn invoke_handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    let typed = builder::<R>().invoke_handler();
    let raw: fn(tauri::ipc::Invoke<R>) -> bool = tauri::generate_handler![
        media_get,
        draft_attach_photo,
        attachment_get,
        draft_attach_voice,
        draft_record_consent_voice
    ];
    move |invoke| if RAW_COMMANDS.contains(&invoke.message.command()) { raw(invoke) } else { typed(invoke) }
}

/// Every command, for the invoke handler and the generated TypeScript.
pub fn builder<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new().commands(tauri_specta::collect_commands![
        app_start,
        device_set_locale,
        categories_list,
        profiles_list,
        profile_create,
        profile_open,
        profile_close,
        profile_rename,
        profile_set_avatar,
        profile_set_locale,
        profile_deletion_impact,
        profile_delete,
        drafts_list,
        draft_create,
        draft_get,
        draft_update,
        draft_send,
        draft_remove_photo,
        draft_remove_voice,
        draft_set_location,
        draft_add_message,
        places_get,
        news_list,
        draft_delete,
        sync_status,
        sync_now,
        pairing_code_create,
        pairing_claim,
        lessons_list,
        lesson_get,
        lesson_see_step,
        lesson_answer,
        lesson_finish,
        forms_list,
        form_get,
        practice_start,
        practice_check_page,
        practice_finish,
        volunteer_status,
        volunteer_link,
        sessions_list,
        session_get,
        session_create,
        session_set_plan,
        session_register,
        session_register_new,
        session_set_present,
        session_unregister,
        session_record_learning,
        session_set_note,
        helpers_list,
        draft_set_assisted,
        draft_record_consent,
        draft_withdraw_consent,
        helped_requests_list,
        helped_request_get,
        assessment_instrument_get,
        assessment_start,
        assessment_rate,
        assessment_observe,
        assessment_finish,
        assessments_list,
        assessment_compare,
        assessments_taken_list,
    ])
}
