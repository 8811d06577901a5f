/**
 * An in-memory backend for browser tests and UI development without Rust. It keeps the same rules as the
 * Rust side: the limits, the errors (localized like Rust's, from `locales/*\/errors.ftl`), PIN lock-out,
 * one active profile, and each profile's drafts kept apart from every other profile's. With a `storage`
 * it persists everything, so a reload keeps the data; unreadable stored data is set aside with a notice,
 * as Rust does with a damaged database.
 */
import { format, hasMessage, isLocale, DEFAULT_LOCALE } from '../i18n/i18n.svelte';
import type {
  AppStart,
  Avatar,
  Category,
  CommandError,
  Draft,
  DraftSummary,
  ErrorCode,
  Locale,
  ProfileSummary,
  SubmissionKind,
} from './bindings';
import { AVATARS, CommandFailure, KINDS, LIMITS, type Backend } from './types';

type MockProfile = {
  id: string;
  name: string;
  avatar: Avatar;
  locale: Locale;
  pin: string | null;
  wrongPins: number;
  lockedUntil: number;
  drafts: Draft[];
};

type MockData = {
  version: 1;
  deviceLocale: Locale | null;
  activeId: string | null;
  profiles: MockProfile[];
};

export const MOCK_STORAGE_KEY = 'mcommunity-mock-v1';

/** The starting categories of the Rust side (`locales/*\/categories.ftl`). */
export const MOCK_CATEGORIES: readonly Category[] = [
  'roads',
  'water',
  'waste',
  'lighting',
  'public-spaces',
  'social-help',
  'documents',
  'other',
].map((id) => ({ id, messageId: `category-${id}` }));

export type MockOptions = {
  /** Where to persist (e.g. `localStorage`); none keeps everything in memory. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now?: () => number;
};

type Failure = { code: ErrorCode; field: string | null; times: number };

export type MockBackend = Backend & {
  control: {
    /** The next `times` calls of `command` fail with `code` (and `field`), whatever their input. */
    failNext(command: keyof Backend, code: ErrorCode, field?: string | null, times?: number): void;
    /** Forgets every profile and draft and the device language. */
    reset(): void;
    /** A copy of the stored data, for tests. */
    snapshot(): MockData;
  };
};

function emptyData(): MockData {
  return { version: 1, deviceLocale: null, activeId: null, profiles: [] };
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
function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
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
  const failures = new Map<string, Failure>();
  /** Where damaged data was set aside, until `appStart` has said so once. */
  let damaged: string | null = null;
  let data = load();

  function load(): MockData {
    const raw = storage?.getItem(MOCK_STORAGE_KEY);
    if (raw == null) return emptyData();
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isMockData(parsed)) return parsed;
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

  function draftSummary(d: Draft): DraftSummary {
    return { id: d.id, kind: d.kind, category: d.category, title: d.title, preview: preview(d.text), updatedAt: d.updatedAt };
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

  function findDraft(profile: MockProfile, id: string): Draft {
    const draft = profile.drafts.find((d) => d.id === id);
    if (!draft) fail('not-found');
    return draft;
  }

  /** A later time than any this draft has seen, so "newest first" is well defined within one millisecond. */
  function stamp(after: number): number {
    return Math.max(now(), after + 1);
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
    async categoriesList() {
      return clone([...MOCK_CATEGORIES]);
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
      const draft: Draft = { id: newId('d'), kind: checkKind(kind), category: null, title: '', text: '', createdAt: at, updatedAt: at };
      profile.drafts.push(draft);
      save();
      return clone(draft);
    },
    async draftGet(id) {
      return clone(findDraft(requireActive(), id));
    },
    async draftUpdate(id, patch) {
      const profile = requireActive();
      const draft = findDraft(profile, id);
      const kind = patch.kind === null ? draft.kind : checkKind(patch.kind);
      let category = draft.category;
      if (patch.category !== null) {
        if (patch.category === '') category = null;
        else if (MOCK_CATEGORIES.some((c) => c.id === patch.category)) category = patch.category;
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
      save();
      return draftSummary(draft);
    },
    async draftDelete(id) {
      const profile = requireActive();
      findDraft(profile, id);
      profile.drafts = profile.drafts.filter((d) => d.id !== id);
      save();
      return null;
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
        failures.clear();
        save();
      },
      snapshot() {
        return clone(data);
      },
    },
  });
}
