/**
 * An in-memory backend for browser tests and UI development without Rust. It keeps the same rules as the
 * Rust side: the limits, the errors (localized like Rust's, from `locales/*\/errors.ftl`), PIN lock-out,
 * one active profile, and each profile's drafts kept apart from every other profile's. With a `storage`
 * it persists everything, so a reload keeps the data; unreadable stored data is set aside with a notice,
 * as Rust does with a damaged database.
 *
 * Sending a draft, as in Rust, needs something to send (a text, a title, a photo or a voice note) and a
 * topic, stores it as sent at once, and from then on refuses changes and deletion, but takes the
 * person's messages; the sent draft travels with the next mock sync. There is no municipality here:
 * `control.municipalityAnswers` plays a clerk's answer to a sent request (demo and test data), and
 * `control.publishAnnouncement` / `control.withdrawAnnouncement` the municipality's News; each reaches
 * the device with the next finished mock sync, as the server's would.
 *
 * Voice notes: the mock has no Opus encoder, so it keeps the samples as a WAV file (`audio/wav`) where
 * Rust keeps Ogg Opus (`audio/ogg`); the rules (at most three minutes, not empty, a rate Opus takes)
 * are Rust's. Places are Rust's villages of Fushë-Arrëz (`crates/core/src/places.rs`).
 *
 * Sync is simulated with no server: drafts changed since the last mock sync are "pending"; `syncNow`
 * sends them in about a second. Pairing codes are 8 digits valid 5 minutes, usable once; a claim takes
 * only a code this mock issued, and after 5 wrong codes in 10 minutes it says "too many attempts", as
 * the server does. `control.setSync` makes the link go offline (or sync off) for tests.
 */
import { format, hasMessage, isLocale, DEFAULT_LOCALE } from '../i18n/i18n.svelte';
import type {
  AnswerView,
  AppStart,
  AssessmentView,
  AttendeeView,
  Avatar,
  Category,
  CommandError,
  Draft,
  DraftSummary,
  ErrorCode,
  FieldProblem,
  FormSummary,
  FormView,
  LessonProgressView,
  LessonStatus,
  LessonSummary,
  LessonView,
  Locale,
  LocationView,
  Media,
  NewsItem,
  PairingCode,
  PlacesView,
  ProfileSummary,
  Rating,
  RegistrationInput,
  SessionPlanInput,
  SessionView,
  SubmissionKind,
  SyncState,
  SyncStatus,
} from './bindings';
import { ASSESSMENT_MEDIA, areaViews, compareScores, DEMO_INSTRUMENT, levelOf, score, type Scores } from './mock-assessment';
import { nearestVillage } from '../places/map';
import { DEMO_FORMS, DEMO_LESSONS, DEMO_MEDIA, type DemoField, type DemoForm, type DemoLesson, type DemoText } from './mock-content';
import { AVATARS, CommandFailure, KINDS, LIMITS, RATINGS, type Backend } from './types';

/** A draft as the mock keeps it: its category's name is looked up when it is read, in the reader's language. */
type MockDraft = Omit<Draft, 'categoryName'>;

type MockProfile = {
  id: string;
  name: string;
  avatar: Avatar;
  locale: Locale;
  pin: string | null;
  wrongPins: number;
  lockedUntil: number;
  drafts: MockDraft[];
  /** Lesson progress by lesson id (absent in data stored before lessons existed). */
  lessons?: Record<string, LessonProgressView>;
  /** Practice by form id: runs started, and whether one was finished. Never what was typed. */
  practice?: Record<string, { attempts: number; finished: boolean }>;
  /** When each lesson was last finished, and when each practice run started (what a session records). */
  lessonsDoneAt?: Record<string, number>;
  practiceStarts?: { form: string; at: number }[];
  /** The volunteer account this profile is linked to, if any. */
  volunteer?: string | null;
  /** A volunteer's community sessions. */
  sessions?: MockSession[];
  /** The person's skills assessments. */
  assessments?: MockAssessment[];
};

/** A person at a session, as the mock keeps them (their name is looked up when read). */
type MockAttendee = Omit<AttendeeView, 'profile' | 'name'>;

type MockSession = { id: string; plan: SessionPlanInput; attendees: Record<string, MockAttendee>; note: string; createdAt: number };

type MockAssessment = Pick<AssessmentView, 'id' | 'takenBy' | 'revision' | 'startedAt' | 'finishedAt' | 'ratings' | 'observed'>;

/** A practice run: only its form, its person and its SMS code, in memory. */
type MockAttempt = { formId: string; profileId: string; otp: string | null };

/** A person another phone holds, brought to this one by a pairing code (browser tests). */
export type OtherPhonePerson = { name: string; avatar?: Avatar; locale?: Locale; drafts?: { title: string; text?: string }[] };

type MockPairing = {
  expiresAt: number;
  /** The person of this device the code was made for. */
  profileId: string | null;
  /** Or a person of "another phone", who arrives with the sync after the claim. */
  other: OtherPhonePerson | null;
};

type MockSync = {
  /** Drafts changed since the last finished mock sync: id → the change number that last touched it. */
  changed: Record<string, number>;
  lastSuccess: number | null;
  /** Codes issued and not yet used, by their 8 digits. */
  codes: Record<string, MockPairing>;
  /** When wrong codes were entered (the last 10 minutes). */
  failedClaims: number[];
  /** People claimed from another phone, arriving with the next finished sync. */
  arriving: OtherPhonePerson[];
  /** The municipality's answers by sent draft id, arriving with the next finished sync (absent in older data). */
  answers?: Record<string, AnswerView>;
  /** Announcements published (or withdrawn: `withdrawnAt` set) since the last finished sync, by id. */
  announcements?: Record<string, MockAnnouncement>;
};

/** An announcement of the municipality, as the mock keeps it: its texts by language, and when. */
export type MockAnnouncement = {
  id: string;
  texts: Partial<Record<Locale, { title: string; text: string }>>;
  publishedAt: number;
  withdrawnAt: number | null;
  /** The picture's hash; its bytes live in memory only (after a reload the item shows without it, as Rust does before the bytes came). */
  picture: string | null;
};

/** What `control.publishAnnouncement` takes: texts in one or more languages, and maybe a JPEG or PNG picture. */
export type NewAnnouncement = {
  texts: Partial<Record<Locale, { title: string; text: string }>>;
  /** When it was published; now by default. */
  publishedAt?: number;
  picture?: Uint8Array | number[] | null;
};

type MockData = {
  version: 1;
  deviceLocale: Locale | null;
  activeId: string | null;
  profiles: MockProfile[];
  /** Absent in data stored before sync existed. */
  sync?: MockSync;
  /** The announcements on the device, as syncs brought them (absent in older data). */
  news?: MockAnnouncement[];
  /** The volunteer accounts "the server" knows (username → password), set by `control.volunteerAccount`. */
  volunteerAccounts?: Record<string, string>;
  /** When wrong volunteer passwords were tried (the last 10 minutes). */
  volunteerFails?: number[];
};

/** A state that `control.setSync` forces, as if the link were down or sync not set up. */
export type ForcedSyncState = Extract<SyncState, 'off' | 'offline' | 'error'>;

/** How long codes live and how wrong codes are throttled (the server's `devices.rs`). */
export const PAIRING = { ttlMs: 5 * 60_000, claimWindowMs: 10 * 60_000, claimsPerWindow: 5 } as const;

export const MOCK_STORAGE_KEY = 'mcommunity-mock-v1';

/** The ids of the Rust side's starting categories, named by `category-<id>` in `locales/*\/categories.ftl`. */
export const MOCK_CATEGORIES: readonly string[] = ['roads', 'water', 'waste', 'lighting', 'public-spaces', 'social-help', 'documents', 'other'];

/** The pilot municipality and its villages, as in Rust (`crates/core/src/places.rs`). */
export const MOCK_PLACES: PlacesView = {
  municipality: 'Fushë-Arrëz',
  south: 41.98,
  west: 19.86,
  north: 42.3,
  east: 20.18,
  villages: [
    { id: 'fushe-arrez', name: 'Fushë-Arrëz', lat: 42.0622, lon: 20.0167 },
    { id: 'qelez', name: 'Qelëz', lat: 42.0905, lon: 20.066 },
    { id: 'domgjon', name: 'Domgjon', lat: 42.095, lon: 19.983 },
    { id: 'blerim', name: 'Blerim', lat: 42.123, lon: 19.93 },
    { id: 'iballe', name: 'Iballë', lat: 42.178, lon: 20.0 },
    { id: 'fierze', name: 'Fierzë', lat: 42.253, lon: 20.04 },
    { id: 'qafe-mali', name: 'Qafë-Mali', lat: 42.04, lon: 20.09 },
    { id: 'bugjon', name: 'Bugjon', lat: 42.03, lon: 20.0 },
    { id: 'kryezi', name: 'Kryezi', lat: 42.075, lon: 20.105 },
  ],
};

/** The sample rates Rust's voice encoder takes (Opus's own). */
const VOICE_RATES = [8000, 12000, 16000, 24000, 48000];

/** Locales in Rust's order (`Locale::ALL`): an announcement shows in the first it has, if not in the reader's. */
const LOCALE_ORDER: readonly Locale[] = ['sq', 'mk', 'sr', 'en'];

export type MockOptions = {
  /** Where to persist (e.g. `localStorage`); none keeps everything in memory. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now?: () => number;
  /** How long a mock sync takes (about a second, like a small sync over a slow link). */
  syncMs?: number;
};

type Failure = { code: ErrorCode; field: string | null; times: number };

export type MockBackend = Backend & {
  control: {
    /** The next `times` calls of `command` fail with `code` (and `field`), whatever their input. */
    failNext(command: keyof Backend, code: ErrorCode, field?: string | null, times?: number): void;
    /** Forgets every profile and draft and the device language. */
    reset(): void;
    /** Makes sync look `offline`, `off` (not set up) or in `error`; `null` gives the normal link back. */
    setSync(state: ForcedSyncState | null): void;
    /** The code "another phone" would show for `person`: claiming it brings them here with the next sync. */
    otherPhoneCode(person: OtherPhonePerson): string;
    /**
     * Plays the municipality answering the sent request `draftId` (of any person on this device): the
     * answer replaces the one before and reaches the device with the next finished sync, as the
     * server's does. Throws (a plain Error: a test's mistake, not a command's) when no such request was sent.
     */
    municipalityAnswers(draftId: string, answer: AnswerView): void;
    /**
     * Plays the municipality publishing an announcement: every device gets it with its next finished
     * sync. Returns its id. Throws (a test's mistake) when it has no text, or a picture that is not a
     * JPEG or PNG.
     */
    publishAnnouncement(announcement: NewAnnouncement): string;
    /** Plays the municipality withdrawing an announcement: it leaves News with the next finished sync. */
    withdrawAnnouncement(id: string): void;
    /**
     * Plays the server knowing a volunteer account: `volunteerLink` with this name and password then
     * links the open profile (while the link is up), as the server's check would.
     */
    volunteerAccount(username: string, password: string): void;
    /** Links a profile (the open one by default) to a volunteer account at once, with no server. */
    linkVolunteer(username: string, profileId?: string): void;
    /** A copy of the stored data, for tests. */
    snapshot(): MockData;
  };
};

function emptySync(): MockSync {
  return { changed: {}, lastSuccess: null, codes: {}, failedClaims: [], arriving: [] };
}

function emptyData(): MockData {
  return { version: 1, deviceLocale: null, activeId: null, profiles: [], sync: emptySync() };
}

/** Eight random digits. */
function randomCode(): string {
  const digits = new Uint8Array(8);
  globalThis.crypto.getRandomValues(digits);
  return [...digits].map((d) => String(d % 10)).join('');
}

function isMockData(value: unknown): value is MockData {
  const v = value as MockData;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    Array.isArray(v.profiles) &&
    (v.deviceLocale === null || isLocale(v.deviceLocale))
  );
}

let counter = 0;
/** The type of a picture the mock takes, by its first bytes (JPEG or PNG); null for anything else. */
function photoMime(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** A stand-in for Rust's SHA-256 of an attachment: 64 hex digits, the same for the same bytes. */
function photoHash(bytes: Uint8Array): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    // FNV-1a, seeded per round: plenty to tell demo photos apart.
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The samples as a WAV file (16-bit mono): what the mock keeps instead of Rust's Ogg Opus, playable by any browser. */
export function wavFile(pcm: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + pcm.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + pcm.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, pcm.length * 2, true);
  for (let i = 0; i < pcm.length; i++) view.setInt16(44 + i * 2, pcm[i], true);
  return bytes;
}

function charCount(text: string): number {
  return [...text].length;
}

/** As Rust's: the text on one line, whitespace runs as one space, cut at 90 characters with an ellipsis. */
export function preview(text: string, maxChars = 90): string {
  const oneLine = text.split(/\s+/).filter(Boolean).join(' ');
  const chars = [...oneLine];
  if (chars.length <= maxChars) return oneLine;
  return `${chars.slice(0, maxChars).join('').trimEnd()}…`;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createMockBackend(options: MockOptions = {}): MockBackend {
  const storage = options.storage ?? null;
  const now = options.now ?? (() => Date.now());
  const syncMs = options.syncMs ?? 1000;
  const failures = new Map<string, Failure>();
  let forced: ForcedSyncState | null = null;
  /** The running mock sync, if one is. */
  let syncTimer: ReturnType<typeof setTimeout> | null = null;
  /** Counts changes, so a sync clears only what changed before it started. */
  let changeNo = 0;
  /** Where damaged data was set aside, until `appStart` has said so once. */
  let damaged: string | null = null;
  let data = load();
  const attempts = new Map<string, MockAttempt>();
  /** Photo and voice note bytes by hash, in memory only (a demo: after a reload the drafts keep hashes without bytes). */
  const attachments = new Map<string, Uint8Array>();
  /** Announcement pictures by hash, in memory only. */
  const newsPictures = new Map<string, { bytes: Uint8Array; mime: string }>();

  function load(): MockData {
    const raw = storage?.getItem(MOCK_STORAGE_KEY);
    if (raw == null) return emptyData();
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isMockData(parsed)) {
        // Drafts stored before sending, answers or photos existed: drafts still, no answer, no photos.
        for (const profile of parsed.profiles) {
          for (const draft of profile.drafts) {
            draft.sentAt ??= null;
            draft.answer ??= null;
            draft.photos ??= [];
            draft.voice ??= null;
            draft.location ??= null;
            draft.messages ??= [];
            draft.assisted ??= null;
          }
        }
        return parsed;
      }
    } catch {
      // fall through: the data is damaged
    }
    // Like Rust with a damaged database: keep the old data aside, start afresh, and say so once.
    const aside = `${MOCK_STORAGE_KEY}-damaged-${now()}`;
    storage?.setItem(aside, raw);
    storage?.removeItem(MOCK_STORAGE_KEY);
    damaged = aside;
    return emptyData();
  }

  function sync(): MockSync {
    data.sync ??= emptySync();
    return data.sync;
  }

  function markChanged(draftId: string): void {
    changeNo += 1;
    sync().changed[draftId] = changeNo;
  }

  /** Rust's localized explanation of a sync state, if the locale has one. */
  function syncMessage(state: SyncState): string | null {
    const id = `sync-message-${state}`;
    return hasMessage(messageLocale(), id) ? format(messageLocale(), id) : null;
  }

  function syncStatus(): SyncStatus {
    const s = sync();
    const pending = Object.keys(s.changed).length;
    const state: SyncState = forced ?? (syncTimer ? 'syncing' : 'idle');
    return { state, pending, lastSuccess: s.lastSuccess, message: forced ? syncMessage(forced) : null };
  }

  /** Starts a mock sync in the background: what changed before now is sent when it ends. */
  function startSync(): void {
    if (forced || syncTimer) return;
    const upTo = changeNo;
    syncTimer = setTimeout(() => {
      syncTimer = null;
      if (forced) return;
      const s = sync();
      for (const [id, no] of Object.entries(s.changed)) if (no <= upTo) delete s.changed[id];
      for (const person of s.arriving.splice(0)) arrive(person);
      for (const [id, answer] of Object.entries(s.answers ?? {})) {
        const draft = sentDraft(id);
        if (draft) draft.answer = answer;
      }
      s.answers = {};
      for (const announcement of Object.values(s.announcements ?? {})) {
        data.news = [...(data.news ?? []).filter((a) => a.id !== announcement.id), announcement];
      }
      s.announcements = {};
      s.lastSuccess = now();
      save();
    }, syncMs);
  }

  /** A person from another phone, with their drafts, now on this device. */
  function arrive(person: OtherPhonePerson): void {
    const at = now();
    data.profiles.push({
      id: newId('p'),
      name: person.name,
      avatar: person.avatar ?? 'sun',
      locale: person.locale ?? messageLocale(),
      pin: null,
      wrongPins: 0,
      lockedUntil: 0,
      drafts: (person.drafts ?? []).map((d) => ({
        id: newId('d'),
        kind: 'problem',
        category: null,
        title: d.title,
        text: d.text ?? '',
        createdAt: at,
        updatedAt: at,
        sentAt: null,
        answer: null,
        photos: [],
        voice: null,
        location: null,
        messages: [],
        assisted: null,
      })),
    });
  }

  /** A new code, not one in use. */
  function issueCode(pairing: MockPairing): string {
    const codes = sync().codes;
    for (const [code, p] of Object.entries(codes)) if (p.expiresAt <= now()) delete codes[code];
    let code = randomCode();
    while (code in codes) code = randomCode();
    codes[code] = pairing;
    save();
    return code;
  }

  function requireLink(): void {
    if (forced === 'offline') fail('offline');
    if (forced === 'off') fail('sync-off');
  }

  function save(): void {
    storage?.setItem(MOCK_STORAGE_KEY, JSON.stringify(data));
  }

  function active(): MockProfile | null {
    return data.profiles.find((p) => p.id === data.activeId) ?? null;
  }

  function messageLocale(): Locale {
    return active()?.locale ?? data.deviceLocale ?? DEFAULT_LOCALE;
  }

  /** Rust's localized message: a specific one (`error-name-empty`, say) when given, else the code's. */
  function localize(id: string, args?: Record<string, string | number>): string {
    const locale = messageLocale();
    return format(locale, hasMessage(locale, id) ? id : 'error-internal', args);
  }

  /**
   * Fails like Rust: `message` names the message of `errors.ftl` to use when it is more specific than
   * `error-<code>`.
   */
  function fail(code: ErrorCode, field: string | null = null, message?: string, args?: Record<string, string | number>): never {
    const error: CommandError = { code, message: localize(message ?? `error-${code}`, args), field };
    throw new CommandFailure(error);
  }

  function requireActive(): MockProfile {
    const profile = active();
    if (!profile) fail('no-active-profile');
    return profile;
  }

  function summary(p: MockProfile): ProfileSummary {
    return { id: p.id, name: p.name, avatar: p.avatar, locale: p.locale, hasPin: p.pin !== null, draftCount: p.drafts.length };
  }

  /** A category's name in the person's language, as Rust names it (an id it does not know, as itself). */
  function categoryName(id: string | null): string | null {
    if (id === null) return null;
    const messageId = `category-${id}`;
    return hasMessage(messageLocale(), messageId) ? format(messageLocale(), messageId) : id;
  }

  /** A draft as the commands give it: a copy, its category named. */
  function draftView(d: MockDraft): Draft {
    return { ...clone(d), categoryName: categoryName(d.category) };
  }

  function draftSummary(d: MockDraft): DraftSummary {
    return {
      id: d.id,
      kind: d.kind,
      category: d.category,
      categoryName: categoryName(d.category),
      title: d.title,
      preview: preview(d.text),
      updatedAt: d.updatedAt,
      sentAt: d.sentAt,
      answerStatus: d.answer?.status ?? null,
    };
  }

  /** A sent request of any person on this device, as the server finds it to answer. */
  function sentDraft(id: string): MockDraft | null {
    for (const profile of data.profiles) {
      const draft = profile.drafts.find((d) => d.id === id && d.sentAt !== null);
      if (draft) return draft;
    }
    return null;
  }

  function checkName(name: string): string {
    const trimmed = name.trim();
    if (charCount(trimmed) < 1) fail('invalid-input', 'name', 'error-name-empty');
    if (charCount(trimmed) > LIMITS.nameMax) fail('invalid-input', 'name', 'error-name-too-long', { max: LIMITS.nameMax });
    return trimmed;
  }

  function checkLocale(locale: unknown): Locale {
    if (!isLocale(locale)) fail('invalid-input', 'locale');
    return locale;
  }

  function checkAvatar(avatar: unknown): Avatar {
    if (!AVATARS.includes(avatar as Avatar)) fail('invalid-input', 'avatar');
    return avatar as Avatar;
  }

  function checkKind(kind: unknown): SubmissionKind {
    if (!KINDS.includes(kind as SubmissionKind)) fail('invalid-input', 'kind');
    return kind as SubmissionKind;
  }

  function findDraft(profile: MockProfile, id: string): MockDraft {
    const draft = profile.drafts.find((d) => d.id === id);
    if (!draft) fail('not-found');
    return draft;
  }

  /** A draft that may still change: a sent one is the municipality's record, as in Rust. */
  function findUnsent(profile: MockProfile, id: string): MockDraft {
    const draft = findDraft(profile, id);
    if (draft.sentAt !== null) fail('invalid-input', 'status', 'error-already-sent');
    return draft;
  }

  /** A later time than any this draft has seen, so "newest first" is well defined within one millisecond. */
  function stamp(after: number): number {
    return Math.max(now(), after + 1);
  }


  // ---- Lessons and practice forms (demo content from mock-content.ts) ----

  /** The language content is shown in: the person's when the content has it, else English, else its first. */
  function contentLocale(languages: Locale[]): Locale {
    const wanted = messageLocale();
    if (languages.includes(wanted)) return wanted;
    return languages.includes('en') ? 'en' : languages[0];
  }

  function pick(text: DemoText, locale: Locale): string {
    return text[locale] ?? text.en;
  }

  function media(hash: string | null): Media | null {
    const item = hash ? (DEMO_MEDIA[hash] ?? ASSESSMENT_MEDIA[hash]) : undefined;
    return hash && item ? { hash, mime: item.mime } : null;
  }

  function findLesson(id: string): DemoLesson {
    const lesson = DEMO_LESSONS.find((l) => l.id === id);
    if (!lesson) fail('not-found');
    return lesson;
  }

  function lessonProgress(profile: MockProfile, lesson: DemoLesson): LessonProgressView {
    profile.lessons ??= {};
    profile.lessons[lesson.id] ??= { seen: [], lastStep: 0, answers: lesson.quiz.map(() => null), done: false };
    return profile.lessons[lesson.id];
  }

  function lessonStatus(p: LessonProgressView | undefined): LessonStatus {
    if (!p) return 'new';
    if (p.done) return 'done';
    return p.seen.length > 0 || p.answers.some((a) => a !== null) ? 'started' : 'new';
  }

  function lessonSummary(profile: MockProfile, lesson: DemoLesson): LessonSummary {
    const locale = contentLocale(lesson.languages);
    const p = profile.lessons?.[lesson.id];
    return {
      id: lesson.id,
      course: lesson.course,
      order: lesson.order,
      title: pick(lesson.title, locale),
      summary: pick(lesson.summary, locale),
      picture: media(lesson.picture),
      minutes: lesson.minutes,
      digcomp: lesson.digcomp,
      stepCount: lesson.steps.length,
      seenCount: p?.seen.length ?? 0,
      status: lessonStatus(p),
      locale,
    };
  }

  function lessonView(profile: MockProfile, lesson: DemoLesson): LessonView {
    const locale = contentLocale(lesson.languages);
    return {
      id: lesson.id,
      course: lesson.course,
      title: pick(lesson.title, locale),
      summary: pick(lesson.summary, locale),
      picture: media(lesson.picture),
      locale,
      steps: lesson.steps.map((s) => ({ text: pick(s.text, locale), picture: media(s.picture), audio: media(s.audio) })),
      quiz: lesson.quiz.map((q) => ({
        question: pick(q.question, locale),
        picture: media(q.picture),
        audio: null,
        choices: q.choices.map((c) => ({
          text: pick(c.text, locale),
          picture: media(c.picture),
          audio: null,
          right: c.right,
          feedback: pick(c.feedback, locale),
          feedbackAudio: null,
        })),
      })),
      progress: clone(lessonProgress(profile, lesson)),
    };
  }

  function checkIndex(value: unknown, length: number, field: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= length) fail('invalid-input', field);
    return value;
  }

  function findForm(id: string): DemoForm {
    const form = DEMO_FORMS.find((f) => f.id === id);
    if (!form) fail('not-found');
    return form;
  }

  function practiceOf(profile: MockProfile, formId: string): { attempts: number; finished: boolean } {
    profile.practice ??= {};
    profile.practice[formId] ??= { attempts: 0, finished: false };
    return profile.practice[formId];
  }

  function formSummary(profile: MockProfile, form: DemoForm): FormSummary {
    const p = profile.practice?.[form.id];
    return { ...formSummaryBase(form, contentLocale(form.languages)), attempts: p?.attempts ?? 0, finished: p?.finished ?? false };
  }

  function formView(form: DemoForm): FormView {
    const locale = contentLocale(form.languages);
    return {
      ...formSummaryBase(form, locale),
      serviceSteps: form.serviceSteps.map((text) => ({ text: pick(text, locale), audio: null })),
      pages: form.pages.map((page) => ({
        title: pick(page.title, locale),
        fields: page.fields.map((f) => ({
          id: f.id,
          kind: f.kind,
          label: pick(f.label, locale),
          hint: pick(f.hint, locale),
          hintAudio: null,
          required: f.required,
          example: f.example,
          options: (f.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale) })),
        })),
      })),
      next: { text: pick(form.next, locale), audio: null },
    };
  }

  function formSummaryBase(form: DemoForm, locale: Locale) {
    return {
      id: form.id,
      country: form.country,
      portal: form.portal,
      title: pick(form.title, locale),
      summary: pick(form.summary, locale),
      picture: media(form.picture),
      locale,
      languages: [...form.languages],
    };
  }

  function findAttempt(profile: MockProfile, formId: string, attemptId: string): MockAttempt {
    const attempt = attempts.get(attemptId);
    if (!attempt || attempt.formId !== formId || attempt.profileId !== profile.id) fail('not-found');
    return attempt;
  }

  /** Rust's message for a field problem (`locales/*\/forms.ftl`), in the person's language. */
  function formMessage(id: string, fallback: string, args?: Record<string, string | number>): string {
    const locale = messageLocale();
    return hasMessage(locale, id) ? format(locale, id, args) : fallback;
  }

  /** A few of the real rules, enough to practise with: required, lengths and formats. */
  function checkField(field: DemoField, raw: string | undefined, attempt: MockAttempt): string | null {
    const value = (raw ?? '').trim();
    if (value === '') {
      if (!field.required) return null;
      if (field.kind === 'personal-number') return formMessage('form-id-empty', 'Write the personal number.');
      if (field.kind === 'choice') return formMessage('form-choose-one', 'Choose one.');
      if (field.kind === 'file') return formMessage('form-file-missing', 'Choose a file.');
      return formMessage('form-required', 'Fill in this box.');
    }
    switch (field.kind) {
      case 'personal-number': {
        const id = value.toUpperCase();
        if (id.length !== 10) {
          return formMessage('form-id-wrong-length', `The personal number has 10 signs. You wrote ${id.length}.`, { expected: 10, found: id.length });
        }
        const bad = [...id].findIndex((c, i) => (i === 0 || i === 9 ? !/[A-Z]/.test(c) : !/[0-9]/.test(c)));
        if (bad >= 0) return formMessage('form-id-bad-character', `Sign number ${bad + 1} is wrong.`, { position: bad + 1 });
        return null;
      }
      case 'phone':
        return /^06[789][0-9]{7}$/.test(value.replace(/\s/g, '')) ? null : formMessage('form-phone-al-format', 'Write your mobile number: 10 numbers starting with 067, 068 or 069.');
      case 'email':
        return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? null : formMessage('form-email-format', 'This e-mail address is not complete.');
      case 'otp':
        if (!/^[0-9]{6}$/.test(value)) return formMessage('form-otp-format', 'The code from the SMS has 6 numbers.');
        return value === attempt.otp ? null : formMessage('form-otp-wrong', 'This is not the code we sent.');
      case 'date': {
        const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
        if (!m) return formMessage('form-date-format', 'Write the date as year-month-day.');
        const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? null : formMessage('form-date-not-real', 'This day does not exist.');
      }
      case 'number':
        return /^[0-9]+$/.test(value) ? null : formMessage('form-number-not-a-number', 'Write a whole number, with digits only.');
      case 'choice':
        return (field.options ?? []).some((o) => o.value === value) ? null : formMessage('form-choice-unknown', 'Choose one of the answers in the list.');
      default:
        return null;
    }
  }

  /** Six random digits: the code of the practice SMS. */
  function practiceOtp(): string {
    return randomCode().slice(0, 6);
  }

  // ---- Volunteers, community sessions, assisted requests and the skills assessment (as Rust's) ----

  /** The open profile, which must be linked to a volunteer account. */
  function requireVolunteer(): MockProfile {
    const profile = requireActive();
    if (!profile.volunteer) fail('not-volunteer');
    return profile;
  }

  function findProfile(id: string): MockProfile {
    const profile = data.profiles.find((p) => p.id === id);
    if (!profile) fail('not-found');
    return profile;
  }

  const COUNTRIES = ['al', 'xk', 'mk'];
  const GENDERS = ['woman', 'man', 'other'];
  const AGES = ['16-24', '25-54', '55-74', '75+'];
  const SETTLEMENTS = ['rural', 'urban'];
  const GROUPS = ['older-person', 'woman-reading-little', 'young-person', 'disability', 'first-phone', 'minority'];

  /** As Rust's `check_plan`: a real day, a topic of 1–120 letters, a village and a municipality. */
  function checkPlan(plan: SessionPlanInput): SessionPlanInput {
    const date = String(plan.date ?? '').trim();
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
    const day = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !day || day.getUTCMonth() !== +m[2] - 1 || day.getUTCDate() !== +m[3]) fail('invalid-input', 'date', 'error-session-date');
    const topic = charCount(String(plan.topic ?? '').trim());
    if (topic === 0 || topic > 120 || String(plan.village ?? '').trim() === '' || String(plan.municipality ?? '').trim() === '') {
      fail('invalid-input', 'topic', 'error-session-incomplete', { max: 120 });
    }
    if (!COUNTRIES.includes(plan.country)) fail('invalid-input', 'country');
    return {
      date,
      village: plan.village.trim(),
      municipality: plan.municipality.trim(),
      country: plan.country,
      topic: plan.topic.trim(),
      planned: [...(plan.planned ?? [])].map(String),
    };
  }

  /** The name a place id stands for (a village of the pilot municipality), or the place as written. */
  function placeName(village: string): string {
    return MOCK_PLACES.villages.find((v) => v.id === village)?.name ?? village;
  }

  function findSession(volunteer: MockProfile, id: string): MockSession {
    const session = (volunteer.sessions ?? []).find((s) => s.id === id);
    if (!session) fail('not-found');
    return session;
  }

  function sessionView(s: MockSession): SessionView {
    const names = new Map(data.profiles.map((p) => [p.id, p.name]));
    return {
      id: s.id,
      plan: clone(s.plan),
      villageName: placeName(s.plan.village),
      attendees: Object.keys(s.attendees)
        .sort()
        .map((profile) => ({ profile, name: names.get(profile) ?? null, ...clone(s.attendees[profile]) })),
      note: s.note,
    };
  }

  /** Registers (or registers again) with the facts given; without consent none is kept. */
  function register(s: MockSession, person: string, facts: RegistrationInput): void {
    const consent = facts.consent === 'tap' || facts.consent === 'voice' ? facts.consent : null;
    if (facts.consent !== null && consent === null) fail('invalid-input', 'consent');
    const keep = <T extends string>(value: T | null, allowed: string[]): T | null => {
      if (value !== null && !allowed.includes(value)) fail('invalid-input', 'facts');
      return consent ? value : null;
    };
    const gender = keep(facts.gender, GENDERS);
    const age = keep(facts.age, AGES);
    const settlement = keep(facts.settlement, SETTLEMENTS);
    const country = keep(facts.country, COUNTRIES);
    for (const g of facts.groups ?? []) if (!GROUPS.includes(g)) fail('invalid-input', 'facts');
    const groups = consent ? [...new Set(facts.groups ?? [])].sort() : [];
    const current = s.attendees[person];
    s.attendees[person] = {
      present: current?.present ?? true,
      lessons: current?.lessons ?? [],
      forms: current?.forms ?? [],
      gender,
      age,
      settlement,
      country,
      groups,
      consent,
    };
  }

  function editSession(id: string, change: (s: MockSession) => void): SessionView {
    const volunteer = requireVolunteer();
    const session = findSession(volunteer, id);
    change(session);
    markChanged(session.id);
    save();
    return sessionView(session);
  }

  function registered(s: MockSession, person: string): MockAttendee {
    const attendee = s.attendees[person];
    if (!attendee) fail('not-found');
    return attendee;
  }

  /** A draft of any person on this device, with its owner. */
  function anyDraft(id: string): { owner: MockProfile; draft: MockDraft } | null {
    for (const owner of data.profiles) {
      const draft = owner.drafts.find((d) => d.id === id);
      if (draft) return { owner, draft };
    }
    return null;
  }

  function consentStands(draft: MockDraft, volunteer: string): boolean {
    return !!draft.assisted && draft.assisted.by === volunteer && draft.assisted.consent !== null && !draft.assisted.withdrawn;
  }

  function spokenConsent(pcm: Int16Array, sampleRate: number): void {
    if (!VOICE_RATES.includes(sampleRate) || pcm.length === 0) fail('invalid-input', 'voice', 'error-not-a-voice-note');
    if (pcm.length > LIMITS.voiceSecondsMax * sampleRate) fail('invalid-input', 'voice', 'error-voice-too-long', { minutes: LIMITS.voiceSecondsMax / 60 });
  }

  function giveConsent(id: string, by: 'tap' | 'voice'): Draft {
    const profile = requireActive();
    const draft = findUnsent(profile, id);
    if (!draft.assisted) fail('invalid-input', 'consent', 'error-not-assisted');
    draft.assisted = { ...draft.assisted, consent: by, withdrawn: false };
    draft.updatedAt = stamp(draft.updatedAt);
    markChanged(draft.id);
    save();
    return draftView(draft);
  }

  function assessmentScores(a: MockAssessment): Scores {
    return score(DEMO_INSTRUMENT.items, DEMO_INSTRUMENT.tasks, a.ratings, a.observed);
  }

  function assessmentView(a: MockAssessment): AssessmentView {
    const scores = assessmentScores(a);
    return {
      ...clone(a),
      answered: DEMO_INSTRUMENT.items.filter((i) => a.ratings[i.id]).length,
      itemCount: DEMO_INSTRUMENT.items.length,
      areas: areaViews(scores),
      overall: scores.overall ? scores.overall.total / scores.overall.count : null,
      overallLevel: scores.overall ? levelOf(scores.overall) : null,
    };
  }

  function findAssessment(profile: MockProfile, id: string): MockAssessment {
    const found = (profile.assessments ?? []).find((a) => a.id === id);
    if (!found) fail('not-found');
    return found;
  }

  /** An assessment that still takes answers: a finished one looks missing, as in Rust. */
  function openAssessment(profile: MockProfile, id: string): MockAssessment {
    const found = findAssessment(profile, id);
    if (found.finishedAt !== null) fail('not-found');
    return found;
  }

  /** The day `YYYY-MM-DD` (UTC) as [start, end) in ms. */
  function dayRange(date: string): [number, number] {
    const [y, m, d] = date.split('-').map(Number);
    const start = Date.UTC(y, m - 1, d);
    return [start, start + 86_400_000];
  }

  const api: Backend = {
    async appStart(): Promise<AppStart> {
      const start: AppStart = {
        deviceLocale: data.deviceLocale,
        profiles: data.profiles.map(summary),
        active: active() ? summary(active()!) : null,
        notice: damaged ? { code: 'storage-recovered', message: localize('notice-storage-recovered', { file: damaged }) } : null,
      };
      damaged = null;
      return start;
    },
    async deviceSetLocale(locale) {
      data.deviceLocale = checkLocale(locale);
      save();
      return null;
    },
    async categoriesList(): Promise<Category[]> {
      return MOCK_CATEGORIES.map((id) => ({ id, name: categoryName(id) ?? id }));
    },
    async profilesList() {
      return data.profiles.map(summary);
    },
    async profileCreate(input) {
      const name = checkName(input.name);
      const avatar = checkAvatar(input.avatar);
      const locale = checkLocale(input.locale);
      if (input.pin !== null && !/^[0-9]{4,6}$/.test(input.pin)) {
        fail('invalid-input', 'pin', 'error-pin-format', { min: LIMITS.pinMin, max: LIMITS.pinMax });
      }
      const profile: MockProfile = { id: newId('p'), name, avatar, locale, pin: input.pin, wrongPins: 0, lockedUntil: 0, drafts: [] };
      data.profiles.push(profile);
      data.activeId = profile.id;
      save();
      return summary(profile);
    },
    async profileOpen(id, pin) {
      const profile = data.profiles.find((p) => p.id === id);
      if (!profile) fail('not-found');
      if (profile.pin !== null) {
        if (profile.lockedUntil > now()) fail('pin-locked', 'pin');
        if (pin !== profile.pin) {
          profile.wrongPins += 1;
          if (profile.wrongPins >= LIMITS.wrongPinsBeforeLock) {
            profile.wrongPins = 0;
            profile.lockedUntil = now() + LIMITS.pinLockMs;
            save();
            fail('pin-locked', 'pin');
          }
          save();
          fail('wrong-pin', 'pin');
        }
        profile.wrongPins = 0;
      }
      data.activeId = profile.id;
      save();
      return summary(profile);
    },
    async profileClose() {
      data.activeId = null;
      save();
      return null;
    },
    async profileRename(name) {
      const profile = requireActive();
      profile.name = checkName(name);
      save();
      return summary(profile);
    },
    async profileSetAvatar(avatar) {
      const profile = requireActive();
      profile.avatar = checkAvatar(avatar);
      save();
      return summary(profile);
    },
    async profileSetLocale(locale) {
      const profile = requireActive();
      profile.locale = checkLocale(locale);
      save();
      return summary(profile);
    },
    async profileDeletionImpact() {
      const profile = requireActive();
      return { name: profile.name, drafts: profile.drafts.length };
    },
    async profileDelete() {
      const profile = requireActive();
      data.profiles = data.profiles.filter((p) => p.id !== profile.id);
      data.activeId = null;
      save();
      return null;
    },
    async draftsList() {
      const profile = requireActive();
      return [...profile.drafts].sort((a, b) => b.updatedAt - a.updatedAt).map(draftSummary);
    },
    async draftCreate(kind) {
      const profile = requireActive();
      const at = now();
      const draft: MockDraft = {
        id: newId('d'),
        kind: checkKind(kind),
        category: null,
        title: '',
        text: '',
        createdAt: at,
        updatedAt: at,
        sentAt: null,
        answer: null,
        photos: [],
        voice: null,
        location: null,
        messages: [],
        assisted: null,
      };
      profile.drafts.push(draft);
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async draftGet(id) {
      return draftView(findDraft(requireActive(), id));
    },
    async draftUpdate(id, patch) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      const kind = patch.kind === null ? draft.kind : checkKind(patch.kind);
      let category = draft.category;
      if (patch.category !== null) {
        if (patch.category === '') category = null;
        else if (MOCK_CATEGORIES.includes(patch.category)) category = patch.category;
        else fail('invalid-input', 'category', 'error-unknown-category');
      }
      if (patch.title !== null && charCount(patch.title) > LIMITS.titleMax) {
        fail('invalid-input', 'title', 'error-title-too-long', { max: LIMITS.titleMax });
      }
      if (patch.text !== null && charCount(patch.text) > LIMITS.textMax) {
        fail('invalid-input', 'text', 'error-text-too-long', { max: LIMITS.textMax });
      }
      draft.kind = kind;
      draft.category = category;
      if (patch.title !== null) draft.title = patch.title;
      if (patch.text !== null) draft.text = patch.text;
      draft.updatedAt = stamp(draft.updatedAt);
      markChanged(draft.id);
      save();
      return draftSummary(draft);
    },
    async draftSend(id) {
      const profile = requireActive();
      const draft = findDraft(profile, id);
      // Sending again changes nothing.
      if (draft.sentAt !== null) return draftView(draft);
      if (draft.text.trim() === '' && draft.title.trim() === '' && draft.photos.length === 0 && draft.voice === null) {
        fail('invalid-input', 'text', 'error-nothing-to-send');
      }
      if (draft.category === null) fail('invalid-input', 'category', 'error-category-missing');
      // Written with a helper: sent only once the person agreed.
      if (draft.assisted && draft.assisted.consent === null) fail('invalid-input', 'consent', 'error-consent-missing');
      // Stored as sent at once; the next sync carries it.
      const at = stamp(draft.updatedAt);
      draft.sentAt = at;
      draft.updatedAt = at;
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async draftDelete(id) {
      const profile = requireActive();
      findUnsent(profile, id);
      profile.drafts = profile.drafts.filter((d) => d.id !== id);
      // The deletion travels too.
      markChanged(id);
      save();
      return null;
    },
    async draftAttachPhoto(id, bytes) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      const mime = photoMime(bytes);
      if (!mime) fail('invalid-input', 'photos', 'error-not-a-photo');
      if (draft.photos.length >= LIMITS.photosMax) fail('invalid-input', 'photos', 'error-too-many-photos', { max: LIMITS.photosMax });
      const hash = photoHash(bytes);
      attachments.set(hash, bytes.slice());
      draft.photos.push({ hash, mime });
      draft.updatedAt = stamp(draft.updatedAt);
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async draftRemovePhoto(id, hash) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      const index = draft.photos.findIndex((p) => p.hash === hash);
      if (index < 0) fail('not-found');
      draft.photos.splice(index, 1);
      draft.updatedAt = stamp(draft.updatedAt);
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async draftAttachVoice(id, pcm, sampleRate) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      // As Rust's encoder: a rate Opus takes, something recorded, at most three minutes.
      if (!VOICE_RATES.includes(sampleRate) || pcm.length === 0) fail('invalid-input', 'voice', 'error-not-a-voice-note');
      if (pcm.length > LIMITS.voiceSecondsMax * sampleRate) {
        fail('invalid-input', 'voice', 'error-voice-too-long', { minutes: LIMITS.voiceSecondsMax / 60 });
      }
      const bytes = wavFile(pcm, sampleRate);
      const hash = photoHash(bytes);
      attachments.set(hash, bytes);
      draft.voice = { media: { hash, mime: 'audio/wav' }, seconds: Math.ceil(pcm.length / sampleRate), bytes: bytes.length };
      draft.updatedAt = stamp(draft.updatedAt);
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async draftRemoveVoice(id) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      if (draft.voice !== null) {
        draft.voice = null;
        draft.updatedAt = stamp(draft.updatedAt);
        markChanged(draft.id);
        save();
      }
      return draftView(draft);
    },
    async draftSetLocation(id, point) {
      const profile = requireActive();
      const draft = findUnsent(profile, id);
      let location: LocationView | null = null;
      if (point !== null) {
        const village = nearestVillage(MOCK_PLACES, Number(point.lat), Number(point.lon));
        if (!village) fail('invalid-input', 'location', 'error-location-outside');
        location = { lat: point.lat, lon: point.lon, village: village.id, villageName: village.name };
      }
      if (JSON.stringify(location) !== JSON.stringify(draft.location)) {
        draft.location = location;
        draft.updatedAt = stamp(draft.updatedAt);
        markChanged(draft.id);
        save();
      }
      return draftView(draft);
    },
    async draftAddMessage(id, text) {
      const profile = requireActive();
      const draft = findDraft(profile, id);
      if (draft.sentAt === null) fail('invalid-input', 'message', 'error-not-sent-yet');
      const trimmed = String(text).trim();
      if (trimmed === '') fail('invalid-input', 'message', 'error-message-empty');
      // Rust reports a long message as a long text (its field and message), with the text's limit in the words.
      if (charCount(trimmed) > LIMITS.messageMax) fail('invalid-input', 'message', 'error-message-too-long', { max: LIMITS.messageMax });
      draft.messages.push({ text: trimmed, at: now() });
      markChanged(draft.id);
      save();
      return draftView(draft);
    },
    async attachmentGet(hash) {
      const profile = requireActive();
      // Like Rust: only what the open person's requests name.
      const named = profile.drafts.some((d) => d.photos.some((p) => p.hash === hash) || d.voice?.media.hash === hash);
      const bytes = named ? attachments.get(hash) : undefined;
      if (!bytes) fail('not-found');
      return bytes.slice();
    },
    async placesGet() {
      return clone(MOCK_PLACES);
    },
    async newsList(): Promise<NewsItem[]> {
      const locale = messageLocale();
      return (data.news ?? [])
        .filter((a) => a.withdrawnAt === null)
        .map((a) => {
          const shown = a.texts[locale] ? locale : LOCALE_ORDER.find((l) => a.texts[l])!;
          const picture = a.picture ? newsPictures.get(a.picture) : undefined;
          return {
            id: a.id,
            title: a.texts[shown]!.title,
            text: a.texts[shown]!.text,
            locale: shown,
            publishedAt: a.publishedAt,
            picture: picture && a.picture ? { hash: a.picture, mime: picture.mime } : null,
          };
        })
        .sort((a, b) => b.publishedAt - a.publishedAt);
    },
    async syncStatus() {
      return syncStatus();
    },
    async syncNow() {
      startSync();
      return syncStatus();
    },
    async pairingCodeCreate(): Promise<PairingCode> {
      const profile = requireActive();
      requireLink();
      const expiresAt = now() + PAIRING.ttlMs;
      return { code: issueCode({ expiresAt, profileId: profile.id, other: null }), expiresAt };
    },
    async pairingClaim(typed) {
      requireLink();
      const s = sync();
      const at = now();
      s.failedClaims = s.failedClaims.filter((t) => t > at - PAIRING.claimWindowMs);
      if (s.failedClaims.length >= PAIRING.claimsPerWindow) fail('too-many-attempts', 'code');
      // Like the server: spaces and dashes are ignored.
      const code = String(typed).replace(/[\s-]/g, '');
      const pairing = s.codes[code];
      if (!pairing || pairing.expiresAt <= at) {
        s.failedClaims.push(at);
        save();
        fail('pairing-invalid', 'code');
      }
      delete s.codes[code];
      if (pairing.other) s.arriving.push(pairing.other);
      save();
      // The person's data comes with the sync that starts at once.
      startSync();
      return null;
    },
    async lessonsList() {
      const profile = requireActive();
      return DEMO_LESSONS.map((l) => lessonSummary(profile, l));
    },
    async lessonGet(id) {
      const profile = requireActive();
      return lessonView(profile, findLesson(id));
    },
    async lessonSeeStep(id, step) {
      const profile = requireActive();
      const lesson = findLesson(id);
      const index = checkIndex(step, lesson.steps.length, 'step');
      const p = lessonProgress(profile, lesson);
      if (!p.seen.includes(index)) p.seen = [...p.seen, index].sort((a, b) => a - b);
      p.lastStep = index;
      save();
      return clone(p);
    },
    async lessonAnswer(id, question, choice) {
      const profile = requireActive();
      const lesson = findLesson(id);
      const q = checkIndex(question, lesson.quiz.length, 'question');
      const c = checkIndex(choice, lesson.quiz[q].choices.length, 'choice');
      const p = lessonProgress(profile, lesson);
      p.answers[q] = c;
      save();
      return clone(p);
    },
    async lessonFinish(id) {
      const profile = requireActive();
      const p = lessonProgress(profile, findLesson(id));
      p.done = true;
      profile.lessonsDoneAt = { ...profile.lessonsDoneAt, [id]: now() };
      save();
      return clone(p);
    },
    async formsList() {
      const profile = requireActive();
      return DEMO_FORMS.map((f) => formSummary(profile, f));
    },
    async formGet(id) {
      requireActive();
      return formView(findForm(id));
    },
    async practiceStart(formId) {
      const profile = requireActive();
      const form = findForm(formId);
      const hasOtp = form.pages.some((p) => p.fields.some((f) => f.kind === 'otp'));
      const attempt: MockAttempt = { formId, profileId: profile.id, otp: hasOtp ? practiceOtp() : null };
      const attemptId = newId('a');
      attempts.set(attemptId, attempt);
      practiceOf(profile, formId).attempts += 1;
      profile.practiceStarts = [...(profile.practiceStarts ?? []), { form: formId, at: now() }];
      save();
      return { attemptId, otp: attempt.otp };
    },
    async practiceCheckPage(formId, attemptId, page, values) {
      const profile = requireActive();
      const form = findForm(formId);
      const attempt = findAttempt(profile, formId, attemptId);
      const index = checkIndex(page, form.pages.length, 'page');
      const problems: FieldProblem[] = [];
      for (const field of form.pages[index].fields) {
        const message = checkField(field, values[field.id], attempt);
        if (message) problems.push({ field: field.id, message });
      }
      return { ok: problems.length === 0, problems };
    },
    async practiceFinish(formId, attemptId) {
      const profile = requireActive();
      findAttempt(profile, formId, attemptId);
      attempts.delete(attemptId);
      practiceOf(profile, formId).finished = true;
      save();
      return null;
    },
    async mediaGet(hash) {
      const item = DEMO_MEDIA[hash] ?? ASSESSMENT_MEDIA[hash] ?? newsPictures.get(hash);
      if (!item) fail('not-found');
      return item.bytes.slice();
    },
    async volunteerStatus() {
      return { username: requireActive().volunteer ?? null };
    },
    async volunteerLink(username, password) {
      const profile = requireActive();
      requireLink();
      const at = now();
      data.volunteerFails = (data.volunteerFails ?? []).filter((t) => t > at - PAIRING.claimWindowMs);
      if (data.volunteerFails.length >= PAIRING.claimsPerWindow) fail('too-many-attempts');
      const name = String(username).trim();
      if (!name || data.volunteerAccounts?.[name] === undefined || data.volunteerAccounts[name] !== password) {
        data.volunteerFails.push(at);
        save();
        fail('volunteer-refused');
      }
      profile.volunteer = name;
      save();
      return { username: name };
    },
    async sessionsList() {
      const volunteer = requireVolunteer();
      return (volunteer.sessions ?? [])
        .map((s) => {
          const attendees = Object.values(s.attendees);
          return {
            id: s.id,
            date: s.plan.date,
            villageName: placeName(s.plan.village),
            topic: s.plan.topic,
            registered: attendees.length,
            present: attendees.filter((a) => a.present).length,
          };
        })
        .sort((a, b) => b.date.localeCompare(a.date));
    },
    async sessionGet(id) {
      return sessionView(findSession(requireVolunteer(), id));
    },
    async sessionCreate(plan) {
      const volunteer = requireVolunteer();
      const session: MockSession = { id: newId('s'), plan: checkPlan(plan), attendees: {}, note: '', createdAt: now() };
      volunteer.sessions = [...(volunteer.sessions ?? []), session];
      markChanged(session.id);
      save();
      return sessionView(session);
    },
    async sessionSetPlan(id, plan) {
      const checked = checkPlan(plan);
      return editSession(id, (s) => (s.plan = checked));
    },
    async sessionRegister(id, person, facts) {
      requireVolunteer();
      findProfile(person);
      return editSession(id, (s) => register(s, person, facts));
    },
    async sessionRegisterNew(id, person, facts) {
      const volunteer = requireVolunteer();
      const session = findSession(volunteer, id);
      const name = checkName(person.name);
      const avatar = checkAvatar(person.avatar);
      const locale = checkLocale(person.locale);
      if (person.pin !== null && !/^[0-9]{4,6}$/.test(person.pin)) fail('invalid-input', 'pin', 'error-pin-format', { min: LIMITS.pinMin, max: LIMITS.pinMax });
      // Checked before anyone is made, so a refused registration leaves no profile behind.
      register({ ...session, attendees: {} }, 'check', facts);
      const profile: MockProfile = { id: newId('p'), name, avatar, locale, pin: person.pin, wrongPins: 0, lockedUntil: 0, drafts: [] };
      data.profiles.push(profile);
      return editSession(id, (s) => register(s, profile.id, facts));
    },
    async sessionSetPresent(id, person, present) {
      return editSession(id, (s) => (registered(s, person).present = !!present));
    },
    async sessionUnregister(id, person) {
      return editSession(id, (s) => {
        registered(s, person);
        delete s.attendees[person];
      });
    },
    async sessionRecordLearning(id, person) {
      return editSession(id, (s) => {
        const attendee = registered(s, person);
        const [start, end] = dayRange(s.plan.date);
        const on = (t: number) => t >= start && t < end;
        const who = data.profiles.find((p) => p.id === person);
        attendee.lessons = Object.entries(who?.lessonsDoneAt ?? {})
          .filter(([, at]) => on(at))
          .map(([lesson]) => lesson)
          .sort();
        attendee.forms = [...new Set((who?.practiceStarts ?? []).filter((p) => on(p.at)).map((p) => p.form))].sort();
      });
    },
    async sessionSetNote(id, note) {
      if (charCount(String(note)) > 2000) fail('invalid-input', 'text', 'error-text-too-long', { max: LIMITS.textMax });
      return editSession(id, (s) => (s.note = String(note).trim()));
    },
    async helpersList() {
      return data.profiles.filter((p) => p.volunteer).map((p) => ({ profile: p.id, name: p.name, username: p.volunteer! }));
    },
    async draftSetAssisted(id, volunteer) {
      const profile = requireActive();
      const helper = data.profiles.find((p) => p.id === volunteer);
      if (!helper?.volunteer) fail('not-volunteer');
      const draft = findUnsent(profile, id);
      if (draft.assisted?.by !== helper.id) {
        draft.assisted = { by: helper.id, name: helper.volunteer, consent: null, withdrawn: false };
        draft.updatedAt = stamp(draft.updatedAt);
        markChanged(draft.id);
        save();
      }
      return draftView(draft);
    },
    async draftRecordConsent(id) {
      return giveConsent(id, 'tap');
    },
    async draftRecordConsentVoice(id, pcm, sampleRate) {
      const profile = requireActive();
      findUnsent(profile, id);
      spokenConsent(pcm, sampleRate);
      return giveConsent(id, 'voice');
    },
    async draftWithdrawConsent(id) {
      const profile = requireActive();
      const draft = findDraft(profile, id);
      if (!draft.assisted) fail('invalid-input', 'consent', 'error-not-assisted');
      // Withdrawing again, or before agreeing, changes nothing.
      if (!draft.assisted.withdrawn && draft.assisted.consent !== null) {
        draft.assisted = { ...draft.assisted, withdrawn: true };
        markChanged(draft.id);
        save();
      }
      return draftView(draft);
    },
    async helpedRequestsList() {
      const volunteer = requireVolunteer();
      return data.profiles.flatMap((owner) =>
        owner.drafts
          .filter((d) => consentStands(d, volunteer.id))
          .map((d) => ({ id: d.id, resident: owner.name, summary: draftSummary(d) })),
      );
    },
    async helpedRequestGet(id) {
      const volunteer = requireVolunteer();
      const found = anyDraft(id);
      if (!found || !consentStands(found.draft, volunteer.id)) fail('not-found');
      return draftView(found.draft);
    },
    async assessmentInstrumentGet() {
      requireActive();
      const locale = messageLocale();
      const i = DEMO_INSTRUMENT;
      return {
        id: i.id,
        revision: i.revision,
        title: i.title[locale],
        intro: { text: i.intro[locale], audio: null },
        picture: media(i.picture),
        locale,
        scale: i.scale.map((s) => ({ rating: s.rating, points: RATINGS.indexOf(s.rating), text: { text: s.text[locale], audio: null }, picture: media(s.picture) })),
        items: i.items.map((it) => ({ id: it.id, area: it.area, digcomp: it.digcomp, text: { text: it.text[locale], audio: null }, picture: media(it.picture) })),
        tasks: i.tasks.map((t) => ({ id: t.id, area: t.area, digcomp: t.digcomp, text: { text: t.text[locale], audio: null }, picture: media(t.picture), form: t.form })),
      };
    },
    async assessmentStart(takenBy) {
      const profile = requireActive();
      if (takenBy !== null && (typeof takenBy !== 'string' || takenBy.trim() === '')) fail('not-found');
      const a: MockAssessment = { id: newId('as'), takenBy, revision: DEMO_INSTRUMENT.revision, startedAt: stamp(Math.max(0, ...(profile.assessments ?? []).map((x) => x.startedAt))), finishedAt: null, ratings: {}, observed: {} };
      profile.assessments = [...(profile.assessments ?? []), a];
      markChanged(a.id);
      save();
      return assessmentView(a);
    },
    async assessmentRate(id, item, rating: Rating) {
      const profile = requireActive();
      if (!DEMO_INSTRUMENT.items.some((i) => i.id === item)) fail('not-found');
      if (!RATINGS.includes(rating)) fail('invalid-input', 'rating');
      const a = openAssessment(profile, id);
      a.ratings[item] = rating;
      markChanged(a.id);
      save();
      return assessmentView(a);
    },
    async assessmentObserve(id, task, done) {
      const profile = requireActive();
      if (!DEMO_INSTRUMENT.tasks.some((t) => t.id === task)) fail('not-found');
      const a = openAssessment(profile, id);
      a.observed[task] = !!done;
      markChanged(a.id);
      save();
      return assessmentView(a);
    },
    async assessmentFinish(id) {
      const profile = requireActive();
      const a = findAssessment(profile, id);
      // Finishing again keeps the first time.
      a.finishedAt ??= now();
      markChanged(a.id);
      save();
      return assessmentView(a);
    },
    async assessmentsList() {
      const profile = requireActive();
      return [...(profile.assessments ?? [])].sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id)).map(assessmentView);
    },
    async assessmentCompare(before, after) {
      const profile = requireActive();
      const b = findAssessment(profile, before);
      const a = findAssessment(profile, after);
      return { before: assessmentView(b), after: assessmentView(a), areas: compareScores(assessmentScores(b), assessmentScores(a)) };
    },
    async assessmentsTakenList() {
      const volunteer = requireVolunteer();
      return data.profiles
        .flatMap((owner) => (owner.assessments ?? []).filter((a) => a.takenBy === volunteer.id && a.finishedAt !== null).map((a) => ({ owner, a })))
        .sort((x, y) => y.a.startedAt - x.a.startedAt || y.a.id.localeCompare(x.a.id))
        .map(({ owner, a }) => ({ resident: owner.name, check: assessmentView(a) }));
    },
  };

  // Every command first honours an injected failure, then runs; a thrown validation error rejects.
  const backend = {} as Backend;
  for (const name of Object.keys(api) as (keyof Backend)[]) {
    const method = api[name] as (...args: unknown[]) => Promise<unknown>;
    (backend as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const failure = failures.get(name);
      if (failure) {
        failure.times -= 1;
        if (failure.times <= 0) failures.delete(name);
        fail(failure.code, failure.field);
      }
      return method(...args);
    };
  }

  return Object.assign(backend, {
    control: {
      failNext(command: keyof Backend, code: ErrorCode, field: string | null = null, times = 1) {
        failures.set(command, { code, field, times });
      },
      reset() {
        data = emptyData();
        attempts.clear();
        failures.clear();
        forced = null;
        if (syncTimer) clearTimeout(syncTimer);
        syncTimer = null;
        save();
      },
      setSync(state: ForcedSyncState | null) {
        forced = state;
        if (forced && syncTimer) {
          clearTimeout(syncTimer);
          syncTimer = null;
        }
      },
      otherPhoneCode(person: OtherPhonePerson) {
        return issueCode({ expiresAt: now() + PAIRING.ttlMs, profileId: null, other: clone(person) });
      },
      municipalityAnswers(draftId: string, answer: AnswerView) {
        if (!sentDraft(draftId)) throw new Error(`mock: no sent request ${draftId} to answer`);
        const s = sync();
        s.answers = { ...s.answers, [draftId]: clone(answer) };
        save();
      },
      publishAnnouncement(announcement: NewAnnouncement) {
        const texts = clone(announcement.texts);
        if (!LOCALE_ORDER.some((l) => texts[l])) throw new Error('mock: an announcement needs a text in at least one language');
        let picture: string | null = null;
        if (announcement.picture) {
          const bytes = Uint8Array.from(announcement.picture);
          const mime = photoMime(bytes);
          if (!mime) throw new Error('mock: an announcement picture is a JPEG or PNG');
          picture = photoHash(bytes);
          newsPictures.set(picture, { bytes, mime });
        }
        const id = newId('n');
        const s = sync();
        s.announcements = { ...s.announcements, [id]: { id, texts, publishedAt: announcement.publishedAt ?? now(), withdrawnAt: null, picture } };
        save();
        return id;
      },
      withdrawAnnouncement(id: string) {
        const s = sync();
        const known = s.announcements?.[id] ?? data.news?.find((a) => a.id === id);
        if (!known) throw new Error(`mock: no announcement ${id} to withdraw`);
        s.announcements = { ...s.announcements, [id]: { ...clone(known), withdrawnAt: now() } };
        save();
      },
      volunteerAccount(username: string, password: string) {
        data.volunteerAccounts = { ...data.volunteerAccounts, [username]: password };
        save();
      },
      linkVolunteer(username: string, profileId?: string) {
        const profile = data.profiles.find((p) => p.id === (profileId ?? data.activeId));
        if (!profile) throw new Error('mock: no profile to link as a volunteer');
        profile.volunteer = username;
        save();
      },
      snapshot() {
        return clone(data);
      },
    },
  });
}
