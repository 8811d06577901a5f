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

/**
 * The day and the time, in numbers ("29.11.2026" and "16:59"; "29/11/2026" in English). Built by hand:
 * browsers and WebViews often lack Albanian and Macedonian date formats and would show "2026 M11 29".
 */
export function dayAndTime(at: number, locale: Locale): { date: string; time: string } {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: [two(d.getDate()), two(d.getMonth() + 1), d.getFullYear()].join(dateSeparator(locale)),
    time: `${two(d.getHours())}:${two(d.getMinutes())}`,
  };
}

/**
 * A calendar day given as `YYYY-MM-DD` (the municipality's expected date), in the numbers `dayAndTime`
 * writes. Read from its digits, never through `Date`, so no time zone can move it a day. Anything else
 * is shown as it came.
 */
export function calendarDay(isoDay: string, locale: Locale): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!parts) return isoDay;
  const [, year, month, day] = parts;
  return [day, month, year].join(dateSeparator(locale));
}

function dateSeparator(locale: Locale): string {
  return locale === 'en' ? '/' : '.';
}
