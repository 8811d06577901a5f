import { CommandFailure, type CommandError } from '../backend';
import { t } from '../i18n/i18n.svelte';

/** The `CommandError` behind a failure; anything else (a bug, a lost IPC link) becomes a generic one. */
export function toCommandError(e: unknown): CommandError {
  if (e instanceof CommandFailure) return e.error;
  console.error(e);
  return { code: 'internal', message: t('common-error-unexpected'), field: null };
}

/**
 * Where to show an error: next to one of `fields` when Rust named it, else in the page's banner.
 * Returns the field errors to show; `banner` receives the message when no field fits.
 */
export function placeError(e: unknown, fields: readonly string[], banner: (message: string) => void): Record<string, string> {
  const error = toCommandError(e);
  if (error.field && fields.includes(error.field)) return { [error.field]: error.message };
  banner(error.message);
  return {};
}
