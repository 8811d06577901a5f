import type { Locale } from '../backend';
import { format, languageTag } from '../i18n/i18n.svelte';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days (local time) from `then` to `now`; 0 for today, 1 for yesterday. */
export function daysAgo(then: number, now: number): number {
  const start = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.max(0, Math.round((start(now) - start(then)) / DAY_MS));
}

/** "Today", "Yesterday", "3 days ago", or the date itself for anything older than a week. */
export function relativeDay(then: number, now: number, locale: Locale): string {
  const days = daysAgo(then, now);
  if (days < 7) return format(locale, 'requests-updated', { days });
  return new Intl.DateTimeFormat(languageTag(locale), { day: 'numeric', month: 'long', year: 'numeric' }).format(then);
}
