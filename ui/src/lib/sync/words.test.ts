import { describe, expect, it } from 'vitest';
import type { Locale, SyncStatus } from '../backend';
import { lastSent, syncHeadline, syncLook, syncSentence } from './words';

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return { state: 'idle', pending: 0, lastSuccess: null, message: null, ...patch };
}

const MINUTE = 60_000;
const NOW = new Date(2026, 2, 10, 15, 0).getTime();

describe('sync indicator words', () => {
  it('say each state in a few words', () => {
    const en = (s: SyncStatus) => syncHeadline(s, 'en');
    expect(en(status({ pending: 3 }))).toBe('Saved on this phone, 3 waiting to send');
    expect(en(status({ pending: 0 }))).toBe('All sent');
    expect(en(status({ state: 'syncing', pending: 3 }))).toBe('Sending…');
    expect(en(status({ state: 'offline', pending: 3 }))).toBe('No connection — your work is safe');
    expect(en(status({ state: 'off' }))).toBe('Saved on this phone — sending is not set up');
    expect(en(status({ state: 'error' }))).toBe('Not sent yet — your work is safe');
  });

  it('tell idle with work waiting from idle with nothing left', () => {
    expect(syncLook(status({ pending: 1 }))).toBe('pending');
    expect(syncLook(status({ pending: 0 }))).toBe('done');
    expect(syncLook(status({ state: 'offline' }))).toBe('offline');
  });

  it('count what waits with each language’s plural forms', () => {
    const pending = (locale: Locale, n: number) => syncHeadline(status({ pending: n }), locale);
    expect(pending('sq', 1)).toBe('Ruajtur në këtë telefon, 1 pret të dërgohet');
    expect(pending('sq', 4)).toBe('Ruajtur në këtë telefon, 4 presin të dërgohen');
    expect(pending('mk', 1)).toBe('Зачувано на овој телефон, 1 чека да се испрати');
    expect(pending('mk', 21), 'Macedonian: 21 takes the singular').toBe('Зачувано на овој телефон, 21 чека да се испрати');
    expect(pending('mk', 3)).toBe('Зачувано на овој телефон, 3 чекаат да се испратат');
    expect(pending('sr', 1)).toBe('Sačuvano na ovom telefonu, 1 stavka čeka slanje');
    expect(pending('sr', 3), 'Serbian: 2–4 have their own form').toBe('Sačuvano na ovom telefonu, 3 stavke čekaju slanje');
    expect(pending('sr', 5)).toBe('Sačuvano na ovom telefonu, 5 stavki čeka slanje');
    expect(pending('sr', 22)).toBe('Sačuvano na ovom telefonu, 22 stavke čekaju slanje');
  });

  it('say when the last sync worked', () => {
    const en = (ago: number) => lastSent(NOW - ago, NOW, 'en');
    expect(en(20_000)).toBe('Sent just now');
    expect(en(1 * MINUTE)).toBe('Sent 1 minute ago');
    expect(en(5 * MINUTE + 30_000)).toBe('Sent 5 minutes ago');
    expect(en(2 * 60 * MINUTE)).toBe('Sent 2 hours ago');
    expect(en(26 * 60 * MINUTE)).toBe('Sent yesterday');
    expect(en(3 * 24 * 60 * MINUTE)).toBe('Sent 3 days ago');
    expect(en(30 * 24 * 60 * MINUTE), 'older than a week: the date').toMatch(/^Sent on .*February.*2026$/);
    expect(lastSent(NOW - 3 * MINUTE, NOW, 'sr')).toBe('Poslato pre 3 minuta');
    expect(lastSent(NOW - 21 * MINUTE, NOW, 'sr')).toBe('Poslato pre 21 minut');
    expect(lastSent(NOW - 3 * 60 * MINUTE, NOW, 'sr')).toBe('Poslato pre 3 sata');
    expect(lastSent(NOW - 5 * 60 * MINUTE, NOW, 'mk')).toBe('Испратено пред 5 часа');
    expect(lastSent(NOW - 1 * MINUTE, NOW, 'sq')).toBe('U dërgua 1 minutë më parë');
  });

  it('make one sentence for reading aloud, with what waits when the state does not say it', () => {
    expect(syncSentence(status({ pending: 2, lastSuccess: NOW - 5 * MINUTE }), NOW, 'en')).toBe(
      'Saved on this phone, 2 waiting to send. Sent 5 minutes ago',
    );
    expect(syncSentence(status({ state: 'offline', pending: 2 }), NOW, 'en')).toBe('No connection — your work is safe. 2 waiting to send');
    expect(syncSentence(status(), NOW, 'en')).toBe('All sent');
  });
});
