//! What the app's UI sees: serializable views of profiles and drafts, the inputs it sends, and the
//! one command error `{code, message, field}`. Domain types stay free of JSON's shape; these are
//! the edge. With the `specta` feature, TypeScript types are generated from them.

use mcommunity_core::{
    errors::ErrorCode,
    i18n::Messages,
    locale::Locale,
    profile::Avatar,
    submission::{SubmissionKind, SubmissionPatch},
};
use serde::{Deserialize, Serialize};

use crate::error::ClientError;

/// A profile as lists and headers show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    /// The profile's id.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// Their picture.
    pub avatar: Avatar,
    /// The language the app speaks to them in.
    pub locale: Locale,
    /// Whether opening the profile asks for a PIN.
    pub has_pin: bool,
    /// How many drafts the profile holds.
    pub draft_count: u32,
}

/// Something the app should tell the person once, at start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// A stable code, e.g. `storage-recovered`.
    pub code: String,
    /// The localized text.
    pub message: String,
}

/// Everything the UI needs to draw its first screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AppStart {
    /// The language chosen at first run; `None` until then (the UI asks).
    pub device_locale: Option<Locale>,
    /// The profiles on this device.
    pub profiles: Vec<ProfileSummary>,
    /// The open profile, if one is.
    pub active: Option<ProfileSummary>,
    /// A message to show once.
    pub notice: Option<Notice>,
}

/// A new profile as the UI sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewProfile {
    /// The name (trimmed; 1–60 characters).
    pub name: String,
    /// The picture.
    pub avatar: Avatar,
    /// An optional PIN of 4–6 digits.
    pub pin: Option<String>,
    /// The language.
    pub locale: Locale,
}

/// A category of submissions, named in the person's language: the municipality's list once a
/// sync brought it, else the starting list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// The stable id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A voice note of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VoiceView {
    /// The blob (fetched with the attachment command) and its media type (`audio/ogg`).
    pub media: Media,
    /// How long it plays, in seconds.
    pub seconds: u32,
    /// Its size in bytes.
    pub bytes: u32,
}

/// The place a request is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LocationView {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// The nearest village's id.
    pub village: String,
    /// The nearest village's name.
    pub village_name: String,
}

/// A point the person chose on the map.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// The municipality's area and villages, for the map a person chooses a place on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlacesView {
    /// The municipality's name.
    pub municipality: String,
    /// Southernmost latitude of the area.
    pub south: f64,
    /// Westernmost longitude.
    pub west: f64,
    /// Northernmost latitude.
    pub north: f64,
    /// Easternmost longitude.
    pub east: f64,
    /// The villages, the town first.
    pub villages: Vec<VillageView>,
}

/// A village on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VillageView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// A message the resident added to a sent request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    /// What they wrote.
    pub text: String,
    /// When, in ms since the Unix epoch.
    pub at: f64,
}

/// An announcement of the municipality, as News shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewsItem {
    /// The announcement's id.
    pub id: String,
    /// Its title, in `locale`.
    pub title: String,
    /// Its text, in `locale`.
    pub text: String,
    /// The language of the title and text: the person's, else one the municipality wrote it in
    /// (read aloud with that language's voice).
    pub locale: Locale,
    /// When it was published, in ms since the Unix epoch.
    pub published_at: f64,
    /// Its picture (fetched with the media command), if any.
    pub picture: Option<Media>,
}

/// A draft as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DraftSummary {
    /// The draft's id.
    pub id: String,
    /// Its kind.
    pub kind: SubmissionKind,
    /// Its category id, once chosen.
    pub category: Option<String>,
    /// Its category's name in the person's language.
    pub category_name: Option<String>,
    /// Its title (may be empty).
    pub title: String,
    /// The start of its text, on one line.
    pub preview: String,
    /// When it last changed, in ms since the Unix epoch.
    pub updated_at: f64,
    /// When it was sent to the municipality, in ms since the Unix epoch; `null` for a draft.
    pub sent_at: Option<f64>,
    /// Where the municipality says it stands, once it answered.
    pub answer_status: Option<mcommunity_core::answer::AnswerStatus>,
}

/// A whole draft, for the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// The draft's id.
    pub id: String,
    /// Its kind.
    pub kind: SubmissionKind,
    /// Its category id, once chosen.
    pub category: Option<String>,
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
    /// When it was created, in ms since the Unix epoch.
    pub created_at: f64,
    /// When it last changed, in ms since the Unix epoch.
    pub updated_at: f64,
    /// When it was sent to the municipality, in ms since the Unix epoch; `null` while it is a
    /// draft (a sent one can no longer be edited).
    pub sent_at: Option<f64>,
    /// The municipality's answer, once there is one.
    pub answer: Option<AnswerView>,
    /// Its category's name in the person's language.
    pub category_name: Option<String>,
    /// Its photos (fetched with the attachment command), in the order they were added.
    pub photos: Vec<Media>,
    /// Its voice note, if one was recorded.
    pub voice: Option<VoiceView>,
    /// The place it is about, if one was chosen.
    pub location: Option<LocationView>,
    /// What the resident added after sending it, oldest first.
    pub messages: Vec<MessageView>,
    /// The volunteer who helped, and the resident's consent, when it was written with help.
    pub assisted: Option<AssistedView>,
}

/// A request written with a volunteer's help.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssistedView {
    /// The volunteer's profile.
    pub by: String,
    /// The volunteer's account name.
    pub name: String,
    /// How the resident consented; `null` until they did.
    pub consent: Option<mcommunity_core::session::ConsentBy>,
    /// Whether the resident withdrew the consent.
    pub withdrawn: bool,
}

/// A volunteer of this device, who can help write a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HelperView {
    /// Their profile's id.
    pub profile: String,
    /// Their name on this device.
    pub name: String,
    /// Their volunteer account.
    pub username: String,
}

/// A request a volunteer helped with, while the resident's consent stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HelpedRequest {
    /// The request's id.
    pub id: String,
    /// The resident's name, when their profile is on this device.
    pub resident: Option<String>,
    /// The request as its list shows it.
    pub summary: DraftSummary,
}

/// The municipality's answer to a sent request, as the resident sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AnswerView {
    /// Where it stands.
    pub status: mcommunity_core::answer::AnswerStatus,
    /// The date the municipality expects to be done, `YYYY-MM-DD`.
    pub expected: Option<String>,
    /// The replies, oldest first.
    pub replies: Vec<ReplyView>,
}

/// One reply of the municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReplyView {
    /// Who answered.
    pub by: String,
    /// The words.
    pub text: String,
    /// When, in ms since the Unix epoch.
    pub at: f64,
}

/// A change to a draft from the editor: `None` leaves a field unchanged; a category of `""`
/// clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DraftPatch {
    /// A new kind.
    pub kind: Option<SubmissionKind>,
    /// A new category id, or `""` to clear it.
    pub category: Option<String>,
    /// The whole new title.
    pub title: Option<String>,
    /// The whole new text.
    pub text: Option<String>,
}

impl From<DraftPatch> for SubmissionPatch {
    fn from(p: DraftPatch) -> SubmissionPatch {
        SubmissionPatch {
            kind: p.kind,
            category: p.category.map(|c| if c.is_empty() { None } else { Some(c) }),
            title: p.title,
            text: p.text,
        }
    }
}

/// What deleting the open profile would remove, for the confirmation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DeletionImpact {
    /// The profile's name.
    pub name: String,
    /// How many of its requests the municipality does not have yet (drafts, and sent ones still
    /// waiting for a connection): they would be lost.
    pub drafts: u32,
}

/// Where background sync stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum SyncState {
    /// Not set up (no server, or no secure store for the credential).
    Off,
    /// All well; waiting for work or the next check.
    Idle,
    /// A sync is running.
    Syncing,
    /// The last try could not reach the server; work waits safely.
    Offline,
    /// The last try failed for another reason.
    Error,
}

/// Sync as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    /// Where it stands.
    pub state: SyncState,
    /// Documents waiting to be sent.
    pub pending: u32,
    /// When the last complete sync ended, in ms since the Unix epoch.
    pub last_success: Option<f64>,
    /// A localized explanation for off, offline and error.
    pub message: Option<String>,
}

/// A pairing code to show on this device and type on the other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PairingCode {
    /// Eight digits.
    pub code: String,
    /// When it stops working, in ms since the Unix epoch.
    pub expires_at: f64,
}

/// The one error every command returns: a stable code to branch on, a message already in the
/// person's language, and the field at fault when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    /// What went wrong.
    pub code: ErrorCode,
    /// The localized explanation, saying what to do.
    pub message: String,
    /// The input at fault (`name`, `pin`, `title`, `text`, `category`), if any.
    pub field: Option<String>,
}

impl CommandError {
    /// The error as the person should read it, in `locale`.
    pub fn new(error: &ClientError, locale: Locale) -> CommandError {
        let messages = Messages::embedded();
        let code = error.code();
        match error {
            ClientError::Input(input) => {
                let (id, args) = input.message();
                CommandError {
                    code,
                    message: messages.format(locale, id, &args),
                    field: Some(input.field().to_owned()),
                }
            }
            ClientError::WrongPin | ClientError::PinLocked => CommandError {
                code,
                message: messages.format(locale, code.message_id(), &[]),
                field: Some("pin".into()),
            },
            _ => CommandError { code, message: messages.format(locale, code.message_id(), &[]), field: None },
        }
    }
}

/// A picture or a sound, fetched by its hash with the media command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Media {
    /// The blob's SHA-256, in hex.
    pub hash: String,
    /// Its media type (`image/svg+xml`, `audio/ogg`).
    pub mime: String,
}

/// How far a profile is in a lesson, as its tile shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum LessonStatus {
    /// Not opened yet.
    New,
    /// Opened, not finished.
    Started,
    /// Finished at least once.
    Done,
}

/// A lesson as the lessons list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LessonSummary {
    /// The lesson's content id.
    pub id: String,
    /// Its course.
    pub course: mcommunity_core::lessons::Course,
    /// Its place in the course.
    pub order: u32,
    /// Its title.
    pub title: String,
    /// One line under the title.
    pub summary: String,
    /// Its tile picture.
    pub picture: Option<Media>,
    /// About how long it takes.
    pub minutes: u32,
    /// The DigComp 2.2 competence it teaches.
    pub digcomp: String,
    /// How many steps it has.
    pub step_count: u32,
    /// How many of them the profile has seen.
    pub seen_count: u32,
    /// New, started or done.
    pub status: LessonStatus,
    /// The language it is shown in (the profile's, when the lesson has it).
    pub locale: Locale,
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LessonStep {
    /// What the step says.
    pub text: String,
    /// Its picture.
    pub picture: Option<Media>,
    /// Its narration.
    pub audio: Option<Media>,
}

/// A possible answer to a quiz question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuizChoice {
    /// The answer.
    pub text: String,
    /// Its picture.
    pub picture: Option<Media>,
    /// The answer read aloud.
    pub audio: Option<Media>,
    /// Whether it is right.
    pub right: bool,
    /// What to say after it is chosen.
    pub feedback: String,
    /// The feedback read aloud.
    pub feedback_audio: Option<Media>,
}

/// A quiz question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuizQuestion {
    /// The question.
    pub question: String,
    /// Its picture.
    pub picture: Option<Media>,
    /// The question read aloud.
    pub audio: Option<Media>,
    /// The choices.
    pub choices: Vec<QuizChoice>,
}

/// Where the open profile is in a lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LessonProgressView {
    /// Steps seen (zero-based).
    pub seen: Vec<u32>,
    /// The step to reopen at.
    pub last_step: u32,
    /// The first choice made for each question, `null` where none was.
    pub answers: Vec<Option<u32>>,
    /// Whether the lesson was finished.
    pub done: bool,
}

/// A whole lesson in one language, with the profile's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LessonView {
    /// The lesson's content id.
    pub id: String,
    /// Its course.
    pub course: mcommunity_core::lessons::Course,
    /// Its title.
    pub title: String,
    /// One line under the title.
    pub summary: String,
    /// Its tile picture.
    pub picture: Option<Media>,
    /// The language it is shown in.
    pub locale: Locale,
    /// The steps.
    pub steps: Vec<LessonStep>,
    /// The quiz.
    pub quiz: Vec<QuizQuestion>,
    /// The profile's progress.
    pub progress: LessonProgressView,
}

/// A practice form as the practice list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormSummary {
    /// The form's content id.
    pub id: String,
    /// The country of the real service.
    pub country: mcommunity_core::idnum::Country,
    /// The real service's portal (`e-albania`, `e-kosova`, `uslugi`, `municipality`).
    pub portal: String,
    /// Its title.
    pub title: String,
    /// One line under the title.
    pub summary: String,
    /// Its picture.
    pub picture: Option<Media>,
    /// The language it is shown in.
    pub locale: Locale,
    /// Every language the real service exists in.
    pub languages: Vec<Locale>,
    /// How many times the profile started it.
    pub attempts: u32,
    /// Whether the profile reached its end at least once.
    pub finished: bool,
}

/// A choice in a choice field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ChoiceOption {
    /// The value sent back.
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// A field of a practice form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormFieldView {
    /// The field's id (problems name it).
    pub id: String,
    /// Its kind.
    pub kind: mcommunity_core::forms::FieldKind,
    /// Its label.
    pub label: String,
    /// Where to find what to type.
    pub hint: String,
    /// The label and hint read aloud.
    pub hint_audio: Option<Media>,
    /// Whether it must be filled.
    pub required: bool,
    /// An example value.
    pub example: Option<String>,
    /// The choices of a choice field.
    pub options: Vec<ChoiceOption>,
}

/// One page of a practice form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormPageView {
    /// Its title.
    pub title: String,
    /// Its fields.
    pub fields: Vec<FormFieldView>,
}

/// A text with its narration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SpokenText {
    /// The words.
    pub text: String,
    /// Read aloud.
    pub audio: Option<Media>,
}

/// A whole practice form in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FormView {
    /// The form's content id.
    pub id: String,
    /// The country of the real service.
    pub country: mcommunity_core::idnum::Country,
    /// The real service's portal.
    pub portal: String,
    /// Its title.
    pub title: String,
    /// One line under the title.
    pub summary: String,
    /// Its picture.
    pub picture: Option<Media>,
    /// The language it is shown in.
    pub locale: Locale,
    /// Every language the real service exists in.
    pub languages: Vec<Locale>,
    /// The real service's steps.
    pub service_steps: Vec<SpokenText>,
    /// The pages.
    pub pages: Vec<FormPageView>,
    /// What would happen next with the real service.
    pub next: SpokenText,
}

/// A practice attempt just started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PracticeAttempt {
    /// The attempt's id.
    pub attempt_id: String,
    /// The code of the simulated SMS, when the form asks for one.
    pub otp: Option<String>,
}

/// A problem with one field, in words a beginner understands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    /// The field's id.
    pub field: String,
    /// What to fix.
    pub message: String,
}

/// The check of one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PageCheck {
    /// Whether the page may be left for the next.
    pub ok: bool,
    /// What to fix, field by field, in page order.
    pub problems: Vec<FieldProblem>,
}

/// A community session's plan, as the volunteer writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionPlanInput {
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    /// The village (an id of the pilot municipality's villages, or a name).
    pub village: String,
    /// The municipality.
    pub municipality: String,
    /// The country.
    pub country: mcommunity_core::idnum::Country,
    /// What it is about.
    pub topic: String,
    /// The lessons planned (content ids).
    pub planned: Vec<String>,
}

/// A session as the volunteer's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    /// The session's id.
    pub id: String,
    /// Its day.
    pub date: String,
    /// Where it is.
    pub village_name: String,
    /// What it is about.
    pub topic: String,
    /// How many people are registered.
    pub registered: u32,
    /// How many of them came.
    pub present: u32,
}

/// A whole session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    /// The session's id.
    pub id: String,
    /// Its plan.
    pub plan: SessionPlanInput,
    /// The name of its village.
    pub village_name: String,
    /// Who is registered.
    pub attendees: Vec<AttendeeView>,
    /// The volunteer's note.
    pub note: String,
}

/// A person at a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AttendeeView {
    /// Their profile's id.
    pub profile: String,
    /// Their name, when their profile is on this device.
    pub name: Option<String>,
    /// Whether they came.
    pub present: bool,
    /// Gender, if said with consent.
    pub gender: Option<mcommunity_core::session::Gender>,
    /// Age band, if said with consent.
    pub age: Option<mcommunity_core::session::AgeBand>,
    /// Rural or urban, if said with consent.
    pub settlement: Option<mcommunity_core::session::Settlement>,
    /// Country, if said with consent.
    pub country: Option<mcommunity_core::idnum::Country>,
    /// Target groups, if said with consent.
    pub groups: Vec<mcommunity_core::session::TargetGroup>,
    /// How consent was given; `null` when it was not.
    pub consent: Option<mcommunity_core::session::ConsentBy>,
    /// Lessons finished on the session's day.
    pub lessons: Vec<String>,
    /// Practice forms tried on the session's day.
    pub forms: Vec<String>,
}

/// What a person chose to tell when registering at a session; each fact may be left out ("prefer
/// not to say"), and none is kept without consent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RegistrationInput {
    /// Gender.
    pub gender: Option<mcommunity_core::session::Gender>,
    /// Age band.
    pub age: Option<mcommunity_core::session::AgeBand>,
    /// Rural or urban.
    pub settlement: Option<mcommunity_core::session::Settlement>,
    /// Country.
    pub country: Option<mcommunity_core::idnum::Country>,
    /// Target groups.
    pub groups: Vec<mcommunity_core::session::TargetGroup>,
    /// The consent, given now; `null` keeps no fact.
    pub consent: Option<mcommunity_core::session::ConsentBy>,
}

/// Whether the open profile is a volunteer's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VolunteerStatus {
    /// The volunteer account the open profile is linked to, if any.
    pub username: Option<String>,
}

/// An answer of the skills assessment's scale, as the resident sees and hears it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentScaleStep {
    /// Which answer.
    pub rating: mcommunity_core::assessment::Rating,
    /// What it counts, 0 ("I can't") to 3 ("I can teach others").
    pub points: u32,
    /// What it says, read aloud.
    pub text: SpokenText,
    /// Its picture.
    pub picture: Option<Media>,
}

/// One "I can …" statement of the skills assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentItemView {
    /// The item's id (answers name it).
    pub id: String,
    /// The DigComp area it counts in.
    pub area: mcommunity_core::assessment::Area,
    /// Its DigComp 2.2 competence, `"area.competence"`.
    pub digcomp: String,
    /// The statement, read aloud.
    pub text: SpokenText,
    /// Its picture.
    pub picture: Option<Media>,
}

/// A task the volunteer watches the resident do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentTaskView {
    /// The task's id.
    pub id: String,
    /// The DigComp area it counts in.
    pub area: mcommunity_core::assessment::Area,
    /// Its DigComp 2.2 competence.
    pub digcomp: String,
    /// What the resident is asked to do, read aloud.
    pub text: SpokenText,
    /// Its picture.
    pub picture: Option<Media>,
    /// The practice form it is done in, when it is one.
    pub form: Option<String>,
}

/// The skills assessment's instrument in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentInstrument {
    /// The instrument's content id.
    pub id: String,
    /// Its revision (an assessment records the one it was taken with).
    pub revision: u32,
    /// Its title.
    pub title: String,
    /// How to answer, read aloud first.
    pub intro: SpokenText,
    /// Its tile.
    pub picture: Option<Media>,
    /// The language it is shown in.
    pub locale: Locale,
    /// The four answers, from "I can't" to "I can teach others".
    pub scale: Vec<AssessmentScaleStep>,
    /// The statements, in the instrument's order (area by area).
    pub items: Vec<AssessmentItemView>,
    /// The observed tasks.
    pub tasks: Vec<AssessmentTaskView>,
}

/// One DigComp area's score in an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AreaScoreView {
    /// The area.
    pub area: mcommunity_core::assessment::Area,
    /// The mean answer, 0 to 3; `null` when the area was not assessed (never zero for that).
    pub score: Option<f64>,
    /// Its DigComp level; `null` when not assessed.
    pub level: Option<mcommunity_core::assessment::Level>,
    /// Items of the area answered.
    pub answered: u32,
    /// Observed tasks of the area done.
    pub observed: u32,
}

/// One assessment of the open profile, with its scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentView {
    /// The assessment's id.
    pub id: String,
    /// The profile of the volunteer who took it; `null` when the person took it alone.
    pub taken_by: Option<String>,
    /// The instrument's revision it was taken with.
    pub revision: u32,
    /// When it started, in ms since the Unix epoch.
    pub started_at: f64,
    /// When it was finished; `null` while answers may still be given.
    pub finished_at: Option<f64>,
    /// The answer per item id.
    pub ratings: std::collections::BTreeMap<String, mcommunity_core::assessment::Rating>,
    /// Whether each observed task (by id) was done.
    pub observed: std::collections::BTreeMap<String, bool>,
    /// How many of the instrument's items are answered.
    pub answered: u32,
    /// How many items the instrument has.
    pub item_count: u32,
    /// Every DigComp area, in DigComp's order.
    pub areas: Vec<AreaScoreView>,
    /// The mean of the assessed areas' scores, 0 to 3; `null` if none was assessed.
    pub overall: Option<f64>,
    /// Its DigComp level.
    pub overall_level: Option<mcommunity_core::assessment::Level>,
}

/// One DigComp area from one assessment to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AreaChangeView {
    /// The area.
    pub area: mcommunity_core::assessment::Area,
    /// Its score before; `null` if not assessed then.
    pub before: Option<f64>,
    /// Its score after; `null` if not assessed then.
    pub after: Option<f64>,
    /// Its level before.
    pub before_level: Option<mcommunity_core::assessment::Level>,
    /// Its level after.
    pub after_level: Option<mcommunity_core::assessment::Level>,
    /// Up, same or down; `null` unless assessed both times.
    pub trend: Option<mcommunity_core::assessment::Trend>,
    /// After minus before, in answer points; `null` unless assessed both times.
    pub difference: Option<f64>,
}

/// Two assessments of the open profile side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AssessmentComparison {
    /// The earlier assessment, as asked.
    pub before: AssessmentView,
    /// The later one.
    pub after: AssessmentView,
    /// Every DigComp area, in DigComp's order.
    pub areas: Vec<AreaChangeView>,
}

/// A finished skills check a volunteer took with someone: on the laptop where it was taken, or on
/// the volunteer's own phone (the server lets the volunteer who took it read it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TakenCheck {
    /// The person's name, when their profile is on this device.
    pub resident: Option<String>,
    /// The check, with its scores.
    pub check: AssessmentView,
}
