/** Helpers for component tests: an app on the mock backend, in memory, with no browser history. */
import { expect } from 'vitest';
import { createMockBackend, type MockBackend } from '../backend/mock';
import type { Avatar, Locale } from '../backend';
import { CommandFailure, type CommandError } from '../backend/types';
import { setLocale } from '../i18n/i18n.svelte';
import { Router } from '../router/router.svelte';
import { AppState } from './app.svelte';

export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export type Person = { name: string; avatar?: Avatar; pin?: string | null; locale?: Locale };

/**
 * A started app on a fresh mock backend, the device language set to `locale`, with `people` created
 * in order (the last one stays active unless `active` is false).
 */
export async function mockApp(options: { locale?: Locale; people?: Person[]; active?: boolean; now?: () => number } = {}) {
  const locale = options.locale ?? 'en';
  const backend: MockBackend = createMockBackend({ storage: memoryStorage(), now: options.now });
  await backend.deviceSetLocale(locale);
  const profiles = [];
  for (const person of options.people ?? []) {
    profiles.push(
      await backend.profileCreate({ name: person.name, avatar: person.avatar ?? 'sun', pin: person.pin ?? null, locale: person.locale ?? locale }),
    );
  }
  if (options.active === false) await backend.profileClose();
  const app = new AppState(backend, new Router(null));
  setLocale(locale);
  await app.start();
  return { app, backend, profiles };
}

/** The CommandError a call rejected with (fails the test if it resolved). */
export async function errorOf(pending: Promise<unknown>): Promise<CommandError> {
  try {
    await pending;
  } catch (e) {
    expect(e).toBeInstanceOf(CommandFailure);
    return (e as CommandFailure).error;
  }
  throw new Error('expected the call to fail');
}
