// Provisional, to be replaced by the generated file.
//
// This file will be generated from Rust by tauri-specta. Until then it is written by hand with exactly the
// types and commands of the issue-2 contract, in the shape tauri-specta emits: each command is a camelCase
// function that invokes the snake_case Tauri command and returns a Result instead of throwing.

import { invoke as TAURI_INVOKE } from '@tauri-apps/api/core';

export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

export type Locale = 'sq' | 'mk' | 'sr' | 'en';
export type Avatar = 'sun' | 'moon' | 'tree' | 'flower' | 'bird' | 'fish' | 'mountain' | 'house';
export type SubmissionKind = 'problem' | 'request' | 'complaint' | 'proposal' | 'question';
export type ProfileSummary = { id: string; name: string; avatar: Avatar; locale: Locale; hasPin: boolean; draftCount: number };
export type Notice = { code: string; message: string };
export type AppStart = { deviceLocale: Locale | null; profiles: ProfileSummary[]; active: ProfileSummary | null; notice: Notice | null };
export type NewProfile = { name: string; avatar: Avatar; pin: string | null; locale: Locale };
export type Category = { id: string; messageId: string };
export type DraftSummary = { id: string; kind: SubmissionKind; category: string | null; title: string; preview: string; updatedAt: number };
export type Draft = { id: string; kind: SubmissionKind; category: string | null; title: string; text: string; createdAt: number; updatedAt: number };
export type DraftPatch = { kind: SubmissionKind | null; category: string | null; title: string | null; text: string | null };
export type DeletionImpact = { drafts: number };
export type ErrorCode =
  | 'not-found'
  | 'no-active-profile'
  | 'wrong-pin'
  | 'pin-locked'
  | 'invalid-input'
  | 'disk-full'
  | 'storage-corrupt'
  | 'storage'
  | 'internal';
export type CommandError = { code: ErrorCode; message: string; field: string | null };

async function call<T>(command: string, args?: Record<string, unknown>): Promise<Result<T, CommandError>> {
  try {
    return { status: 'ok', data: await TAURI_INVOKE<T>(command, args) };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { status: 'error', error: e as CommandError };
  }
}

export const commands = {
  appStart: () => call<AppStart>('app_start'),
  deviceSetLocale: (locale: Locale) => call<null>('device_set_locale', { locale }),
  categoriesList: () => call<Category[]>('categories_list'),
  profilesList: () => call<ProfileSummary[]>('profiles_list'),
  profileCreate: (input: NewProfile) => call<ProfileSummary>('profile_create', { input }),
  profileOpen: (id: string, pin: string | null) => call<ProfileSummary>('profile_open', { id, pin }),
  profileClose: () => call<null>('profile_close'),
  profileRename: (name: string) => call<ProfileSummary>('profile_rename', { name }),
  profileSetAvatar: (avatar: Avatar) => call<ProfileSummary>('profile_set_avatar', { avatar }),
  profileSetLocale: (locale: Locale) => call<ProfileSummary>('profile_set_locale', { locale }),
  profileDeletionImpact: () => call<DeletionImpact>('profile_deletion_impact'),
  profileDelete: () => call<null>('profile_delete'),
  draftsList: () => call<DraftSummary[]>('drafts_list'),
  draftCreate: (kind: SubmissionKind) => call<Draft>('draft_create', { kind }),
  draftGet: (id: string) => call<Draft>('draft_get', { id }),
  draftUpdate: (id: string, patch: DraftPatch) => call<DraftSummary>('draft_update', { id, patch }),
  draftDelete: (id: string) => call<null>('draft_delete', { id }),
};
