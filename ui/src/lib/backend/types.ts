/**
 * The UI's one view of the Rust side: every command of the contract as a method that resolves with its
 * data or rejects with a `CommandFailure` carrying the `CommandError` (already localized by Rust).
 */
import type {
  AppStart,
  AssessmentComparison,
  AssessmentInstrument,
  AssessmentView,
  Avatar,
  Category,
  CommandError,
  DeletionImpact,
  Draft,
  DraftPatch,
  DraftSummary,
  FormSummary,
  FormView,
  HelpedRequest,
  HelperView,
  LessonProgressView,
  LessonSummary,
  LessonView,
  Locale,
  NewProfile,
  NewsItem,
  PageCheck,
  PairingCode,
  PlacesView,
  Point,
  PracticeAttempt,
  ProfileSummary,
  Rating,
  RegistrationInput,
  SessionPlanInput,
  SessionSummary,
  SessionView,
  SubmissionKind,
  SyncStatus,
  TakenCheck,
  VolunteerStatus,
} from './bindings';

export type {
  AgeBand,
  Area,
  AreaChangeView,
  AreaScoreView,
  AssessmentComparison,
  AssessmentInstrument,
  AssessmentItemView,
  AssessmentScaleStep,
  AssessmentTaskView,
  AssessmentView,
  AssistedView,
  AttendeeView,
  ConsentBy,
  Gender,
  HelpedRequest,
  HelperView,
  Level,
  Rating,
  RegistrationInput,
  SessionPlanInput,
  SessionSummary,
  SessionView,
  Settlement,
  TakenCheck,
  TargetGroup,
  Trend,
  VolunteerStatus,
  AnswerStatus,
  AnswerView,
  AppStart,
  Avatar,
  Category,
  ChoiceOption,
  CommandError,
  Country,
  Course,
  DeletionImpact,
  Draft,
  DraftPatch,
  DraftSummary,
  ErrorCode,
  FieldKind,
  FieldProblem,
  FormFieldView,
  FormPageView,
  FormSummary,
  FormView,
  LessonProgressView,
  LessonStatus,
  LessonStep,
  LessonSummary,
  LessonView,
  Locale,
  LocationView,
  Media,
  MessageView,
  NewProfile,
  NewsItem,
  Notice,
  PageCheck,
  PairingCode,
  PlacesView,
  Point,
  PracticeAttempt,
  ProfileSummary,
  QuizChoice,
  QuizQuestion,
  ReplyView,
  SpokenText,
  SubmissionKind,
  SyncState,
  SyncStatus,
  VillageView,
  VoiceView,
} from './bindings';

export interface Backend {
  appStart(): Promise<AppStart>;
  deviceSetLocale(locale: Locale): Promise<null>;
  categoriesList(): Promise<Category[]>;
  profilesList(): Promise<ProfileSummary[]>;
  profileCreate(input: NewProfile): Promise<ProfileSummary>;
  profileOpen(id: string, pin: string | null): Promise<ProfileSummary>;
  profileClose(): Promise<null>;
  profileRename(name: string): Promise<ProfileSummary>;
  profileSetAvatar(avatar: Avatar): Promise<ProfileSummary>;
  profileSetLocale(locale: Locale): Promise<ProfileSummary>;
  profileDeletionImpact(): Promise<DeletionImpact>;
  profileDelete(): Promise<null>;
  draftsList(): Promise<DraftSummary[]>;
  draftCreate(kind: SubmissionKind): Promise<Draft>;
  draftGet(id: string): Promise<Draft>;
  /** Saves a change; a sent request refuses with field `status`. */
  draftUpdate(id: string, patch: DraftPatch): Promise<DraftSummary>;
  /**
   * Sends a draft to the municipality: it is stored as sent at once (no network) and goes with the next
   * sync; from then on it cannot be changed or deleted. Refuses with field `text` when nothing is written,
   * `category` when no topic is chosen. Sending a sent one again changes nothing.
   */
  draftSend(id: string): Promise<Draft>;
  /** Deletes a draft; a sent request refuses with field `status`. */
  draftDelete(id: string): Promise<null>;
  /**
   * Adds a photo (the bytes of the picked file) to a draft; Rust shrinks it and strips its metadata.
   * Refuses with field `photos` for a file that is not a photo or a photo past `LIMITS.photosMax`, and
   * with field `status` when the request was already sent.
   */
  draftAttachPhoto(id: string, bytes: Uint8Array): Promise<Draft>;
  /** Takes a photo off a draft; a sent request refuses with field `status`. */
  draftRemovePhoto(id: string, hash: string): Promise<Draft>;
  /**
   * Records a voice note from the recording's samples (mono, 16-bit, at `sampleRate` Hz: the app records
   * at `LIMITS.voiceSampleRate`), in place of any earlier one; Rust encodes it compactly. Refuses with
   * field `voice` for an empty recording or one longer than `LIMITS.voiceSecondsMax`, and with field
   * `status` when the request was already sent.
   */
  draftAttachVoice(id: string, pcm: Int16Array, sampleRate: number): Promise<Draft>;
  /** Takes the voice note off a draft; a sent request refuses with field `status`. */
  draftRemoveVoice(id: string): Promise<Draft>;
  /**
   * Sets the place a draft is about (kept with the nearest village), or clears it with `null`. Refuses a
   * point outside the municipality with field `location`, and a sent request with field `status`.
   */
  draftSetLocation(id: string, point: Point | null): Promise<Draft>;
  /**
   * Adds the person's message to a sent request's conversation; it goes with the next sync. Refuses with
   * field `message` when it is empty or the request is not sent yet, and with field `text` past
   * `LIMITS.messageMax` characters.
   */
  draftAddMessage(id: string, text: string): Promise<Draft>;
  /** The bytes of a photo or voice note of the open person's requests, by its hash; any other is not found. */
  attachmentGet(hash: string): Promise<Uint8Array>;
  /** The municipality's area and villages, for choosing a place on a drawn map. */
  placesGet(): Promise<PlacesView>;
  /** The municipality's announcements that came with syncs, newest first (withdrawn ones left out). */
  newsList(): Promise<NewsItem[]>;
  /** What sync is doing; cheap, polled every few seconds while a screen shows it. */
  syncStatus(): Promise<SyncStatus>;
  /** Starts a sync in the background and returns at once with the status. */
  syncNow(): Promise<SyncStatus>;
  /** A code (8 digits, valid a few minutes) that lets another phone hold the open profile. */
  pairingCodeCreate(): Promise<PairingCode>;
  /** Enters a code shown on another phone; that person's data arrives with the sync that follows. */
  pairingClaim(code: string): Promise<null>;
  /** The lessons in the active person's language (or the nearest there is), with their progress. */
  lessonsList(): Promise<LessonSummary[]>;
  lessonGet(id: string): Promise<LessonView>;
  /** Records that step `step` (0-based) was shown. */
  lessonSeeStep(id: string, step: number): Promise<LessonProgressView>;
  /** Records the choice made for quiz question `question`. */
  lessonAnswer(id: string, question: number, choice: number): Promise<LessonProgressView>;
  lessonFinish(id: string): Promise<LessonProgressView>;
  /** The practice forms, with how often the active person practised each. */
  formsList(): Promise<FormSummary[]>;
  formGet(id: string): Promise<FormView>;
  /** Starts a practice run; the otp is the code of the simulated SMS, when the form asks for one. */
  practiceStart(formId: string): Promise<PracticeAttempt>;
  /** Checks one page as the real service would; nothing typed is stored. Messages are localized. */
  practiceCheckPage(formId: string, attemptId: string, page: number, values: Partial<{ [key in string]: string }>): Promise<PageCheck>;
  practiceFinish(formId: string, attemptId: string): Promise<null>;
  /** The bytes of a picture or sound by its hash; the UI makes a Blob URL with the media's mime type. */
  mediaGet(hash: string): Promise<Uint8Array>;

  // ---- Volunteers and community sessions (the open profile must be a volunteer's, else `not-volunteer`) ----
  /** Whether the open profile is linked to a volunteer account, and which. */
  volunteerStatus(): Promise<VolunteerStatus>;
  /** Links the open profile to a volunteer account; needs the server once (`offline`, `volunteer-refused`, `too-many-attempts`). */
  volunteerLink(username: string, password: string): Promise<VolunteerStatus>;
  /** The open volunteer's sessions, the latest day first. */
  sessionsList(): Promise<SessionSummary[]>;
  sessionGet(id: string): Promise<SessionView>;
  /** Refuses a day that is not one with field `date`, a missing topic or place with field `topic`. */
  sessionCreate(plan: SessionPlanInput): Promise<SessionView>;
  sessionSetPlan(id: string, plan: SessionPlanInput): Promise<SessionView>;
  /** Registers a person of this device; without consent no fact is kept. */
  sessionRegister(id: string, person: string, facts: RegistrationInput): Promise<SessionView>;
  /** Makes a profile for someone new (the volunteer stays open) and registers them. */
  sessionRegisterNew(id: string, person: NewProfile, facts: RegistrationInput): Promise<SessionView>;
  sessionSetPresent(id: string, person: string, present: boolean): Promise<SessionView>;
  sessionUnregister(id: string, person: string): Promise<SessionView>;
  /** Records what the person's own progress says they did on the session's day. */
  sessionRecordLearning(id: string, person: string): Promise<SessionView>;
  sessionSetNote(id: string, note: string): Promise<SessionView>;

  // ---- Requests written with a helper ----
  /** The volunteers of this device. */
  helpersList(): Promise<HelperView[]>;
  /** Marks one of the open person's drafts as written with `volunteer`'s help (a volunteer's profile id). */
  draftSetAssisted(id: string, volunteer: string): Promise<Draft>;
  /** The open person agrees, with a tap, to send an assisted draft. */
  draftRecordConsent(id: string): Promise<Draft>;
  /** The open person agrees with a spoken "yes" (16-bit mono samples at `sampleRate`). */
  draftRecordConsentVoice(id: string, pcm: Int16Array, sampleRate: number): Promise<Draft>;
  /** The open person stops the helper following the request (a draft or a sent one). */
  draftWithdrawConsent(id: string): Promise<Draft>;
  /** For the open volunteer: the requests they helped with, while each resident's consent stands. */
  helpedRequestsList(): Promise<HelpedRequest[]>;
  /** For the open volunteer: one of those requests; not found once consent is withdrawn. */
  helpedRequestGet(id: string): Promise<Draft>;

  // ---- Skills assessment (of the open person) ----
  assessmentInstrumentGet(): Promise<AssessmentInstrument>;
  /** Starts one, taken with a volunteer (their profile id) or alone (`null`). */
  assessmentStart(takenBy: string | null): Promise<AssessmentView>;
  assessmentRate(id: string, item: string, rating: Rating): Promise<AssessmentView>;
  assessmentObserve(id: string, task: string, done: boolean): Promise<AssessmentView>;
  assessmentFinish(id: string): Promise<AssessmentView>;
  /** The open person's assessments, newest first. */
  assessmentsList(): Promise<AssessmentView[]>;
  assessmentCompare(before: string, after: string): Promise<AssessmentComparison>;
  /**
   * For the open volunteer: the finished checks they took with someone (of any profile), newest first,
   * with the person's name when their profile is on this device.
   */
  assessmentsTakenList(): Promise<TakenCheck[]>;
}

/** A command that Rust answered with an error. */
export class CommandFailure extends Error {
  readonly error: CommandError;

  constructor(error: CommandError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'CommandFailure';
    this.error = error;
  }
}

export const AVATARS: readonly Avatar[] = ['sun', 'moon', 'tree', 'flower', 'bird', 'fish', 'mountain', 'house'];
export const RATINGS: readonly Rating[] = ['cannot-do', 'with-help', 'on-my-own', 'can-teach'];

export const KINDS: readonly SubmissionKind[] = ['problem', 'request', 'complaint', 'proposal', 'question'];

/** Limits that Rust enforces; the UI guides with the same numbers. */
export const LIMITS = {
  nameMax: 60,
  pinMin: 4,
  pinMax: 6,
  titleMax: 200,
  textMax: 20000,
  wrongPinsBeforeLock: 5,
  pinLockMs: 60_000,
  /** Digits of a pairing code. */
  pairingCodeDigits: 8,
  /** Photos on one request. */
  photosMax: 5,
  /** The longest voice note, in seconds (three minutes). */
  voiceSecondsMax: 180,
  /** The sample rate the app records voice notes at. */
  voiceSampleRate: 16_000,
  /** The longest message added to a sent request, in characters. */
  messageMax: 2000,
} as const;

/** How often a visible screen asks for the sync status. */
export const SYNC_POLL_MS = 3000;
