/**
 * What the sync indicator says: a short sentence for the state (with how many things wait to be sent),
 * and when the last sync worked ("Sent 5 minutes ago"). Every word comes from `app.ftl`.
 */
import type { Locale, SyncStatus } from '../backend';
import { format, languageTag } from '../i18n/i18n.svelte';
import { daysAgo } from '../requests/dates';

/** What the indicator shows: the backend's state, with `idle` split into "waiting" and "all sent". */
export type SyncLook = 'pending' | 'done' | 'syncing' | 'offline' | 'off' | 'error';

export function syncLook(status: SyncStatus): SyncLook {
  if (status.state === 'idle') return status.pending > 0 ? 'pending' : 'done';
  return status.state;
}

export const SYNC_ICON: Record<SyncLook, string> = {
  pending: 'ui-clock',
  done: 'ui-check',
  syncing: 'ui-globe',
  offline: 'ui-warning',
  off: 'ui-clock',
  error: 'ui-warning',
};

/** The state in a few words: "Saved on this phone, 3 waiting to send", "All sent", "Sending…". */
export function syncHeadline(status: SyncStatus, locale: Locale): string {
  const look = syncLook(status);
  switch (look) {
    case 'pending':
      return format(locale, 'sync-pending', { count: status.pending });
    case 'done':
      return format(locale, 'sync-done');
    case 'syncing':
      return format(locale, 'sync-syncing');
    case 'offline':
      return format(locale, 'sync-offline');
    case 'off':
      return format(locale, 'sync-off');
    case 'error':
      return format(locale, 'sync-error');
  }
}

/** For the states whose headline does not say it: how many things wait ("3 waiting to send"), or nothing. */
export function syncWaiting(status: SyncStatus): number | null {
  const look = syncLook(status);
  return (look === 'offline' || look === 'off' || look === 'error') && status.pending > 0 ? status.pending : null;
}

const MINUTE_MS = 60_000;

/** "Sent just now", "Sent 5 minutes ago", "Sent 2 hours ago", "Sent yesterday", "Sent on 3 March 2026". */
export function lastSent(then: number, now: number, locale: Locale): string {
  const minutes = Math.max(0, Math.floor((now - then) / MINUTE_MS));
  if (minutes < 1) return format(locale, 'sync-sent-now');
  if (minutes < 60) return format(locale, 'sync-sent-minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format(locale, 'sync-sent-hours', { hours });
  const days = Math.max(1, daysAgo(then, now));
  if (days < 7) return format(locale, 'sync-sent-days', { days });
  const date = new Intl.DateTimeFormat(languageTag(locale), { day: 'numeric', month: 'long', year: 'numeric' }).format(then);
  return format(locale, 'sync-sent-date', { date });
}

/** The whole status as one sentence per line, for reading aloud and for tests. */
export function syncSentence(status: SyncStatus, now: number, locale: Locale): string {
  const waiting = syncWaiting(status);
  const parts = [
    syncHeadline(status, locale),
    waiting !== null ? format(locale, 'sync-waiting', { count: waiting }) : null,
    status.lastSuccess !== null ? lastSent(status.lastSuccess, now, locale) : null,
  ];
  return parts.filter((p): p is string => p !== null).join('. ');
}
