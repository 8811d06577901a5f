/**
 * The UI's one view of the Rust side: every command of the contract as a method that resolves with its
 * data or rejects with a `CommandFailure` carrying the `CommandError` (already localized by Rust).
 */
import type {
  AppStart,
  Avatar,
  Category,
  CommandError,
  DeletionImpact,
  Draft,
  DraftPatch,
  DraftSummary,
  Locale,
  NewProfile,
  ProfileSummary,
  SubmissionKind,
} from './bindings';

export type {
  AppStart,
  Avatar,
  Category,
  CommandError,
  DeletionImpact,
  Draft,
  DraftPatch,
  DraftSummary,
  ErrorCode,
  Locale,
  NewProfile,
  Notice,
  ProfileSummary,
  SubmissionKind,
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
  draftUpdate(id: string, patch: DraftPatch): Promise<DraftSummary>;
  draftDelete(id: string): Promise<null>;
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
} as const;
