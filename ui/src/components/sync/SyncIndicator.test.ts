import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../../lib/app/context';
import { mockApp } from '../../lib/app/testing';
import { SYNC_POLL_MS } from '../../lib/backend';
import { setLocale } from '../../lib/i18n/i18n.svelte';
import HomePage from '../../routes/HomePage.svelte';
import SyncIndicator from './SyncIndicator.svelte';

let visibility: DocumentVisibilityState = 'visible';

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Ana on a fresh mock device with `drafts` drafts not yet sent, and the indicator on screen. */
async function indicator(drafts: number, locale: 'en' | 'sr' = 'en') {
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  for (let i = 0; i < drafts; i++) await setup.backend.draftCreate('problem');
  vi.useFakeTimers();
  const statusCalls = vi.spyOn(setup.backend, 'syncStatus');
  const view = render(SyncIndicator, { context: appContext(setup.app) });
  await vi.advanceTimersByTimeAsync(0);
  return { ...setup, statusCalls, view, el: () => screen.getByTestId('sync-status') };
}

beforeEach(() => {
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});

afterEach(() => {
  vi.useRealTimers();
  setLocale('sq');
});

describe('sync indicator', () => {
  it('says what waits to be sent, with the state for tests', async () => {
    const { el } = await indicator(3);
    expect(el().dataset.state).toBe('idle');
    expect(el().dataset.pending).toBe('3');
    expect(el().textContent).toContain('Saved on this phone, 3 waiting to send');
    expect(screen.queryByTestId('sync-last'), 'nothing was ever sent').toBeNull();
  });

  it('uses the plural forms of the person’s language', async () => {
    const { el } = await indicator(3, 'sr');
    expect(el().textContent).toContain('3 stavke čekaju slanje');
  });

  it('follows the link going offline and coming back', async () => {
    const { backend, el } = await indicator(2);
    backend.control.setSync('offline');
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(el().dataset.state).toBe('offline');
    expect(el().textContent).toContain('No connection — your work is safe');
    expect(el().textContent, 'still says what waits').toContain('2 waiting to send');

    backend.control.setSync('off');
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(el().dataset.state).toBe('off');
    expect(screen.queryByTestId('sync-now'), 'nothing to send with when sending is not set up').toBeNull();

    backend.control.setSync(null);
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(el().dataset.state).toBe('idle');
  });

  it('reads the status every 3 s while visible, none while hidden, and again at once when shown', async () => {
    const { statusCalls, view } = await indicator(0);
    expect(statusCalls, 'read at once').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * SYNC_POLL_MS);
    expect(statusCalls).toHaveBeenCalledTimes(3);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(10 * SYNC_POLL_MS);
    expect(statusCalls, 'no polling while the screen is hidden').toHaveBeenCalledTimes(3);

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(statusCalls, 'read again as soon as it shows').toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(statusCalls).toHaveBeenCalledTimes(5);

    view.unmount();
    await vi.advanceTimersByTimeAsync(10 * SYNC_POLL_MS);
    expect(statusCalls, 'no polling once the screen is gone').toHaveBeenCalledTimes(5);
  });

  it('"Send now" asks Rust once, shows "Sending…", then "All sent" and when', async () => {
    const { backend, el } = await indicator(2);
    const syncNow = vi.spyOn(backend, 'syncNow');
    const button = screen.getByTestId('sync-now') as HTMLButtonElement;
    // Two quick taps: the second comes while the first is on its way.
    button.click();
    button.click();
    expect(syncNow, 'a double tap asks once').toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(0);
    expect(el().dataset.state).toBe('syncing');
    expect(el().textContent).toContain('Sending…');
    expect(button.disabled, 'nothing more to ask while it sends').toBe(true);

    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(el().dataset.state).toBe('idle');
    expect(el().dataset.pending).toBe('0');
    expect(el().textContent).toContain('All sent');
    expect(screen.getByTestId('sync-last').textContent).toBe('Sent just now');
    expect(syncNow).toHaveBeenCalledOnce();

    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(screen.getByTestId('sync-last').textContent).toBe('Sent 5 minutes ago');
  });

  it('a failed read keeps the last status and shows no error', async () => {
    const { backend, el, app } = await indicator(1);
    backend.control.failNext('syncStatus', 'internal', null, 3);
    await vi.advanceTimersByTimeAsync(3 * SYNC_POLL_MS);
    expect(el().dataset.pending).toBe('1');
    expect(app.banner).toBeNull();
  });
});

describe('sync indicator on Home', () => {
  it('never blocks: while "Send now" waits for Rust, the tiles still work', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    vi.useFakeTimers();
    const syncNow = vi.spyOn(backend, 'syncNow').mockImplementation(() => new Promise(() => {}));
    render(HomePage, { context: appContext(app) });
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('sync-now'));
    expect(syncNow).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByTestId('tile-requests'));
    expect(app.router.current).toEqual({ name: 'requests' });
  });

  it('is part of what read-aloud says', async () => {
    const spoken: string[] = [];
    vi.stubGlobal('speechSynthesis', { speak: (u: { text: string }) => spoken.push(u.text), cancel: () => {}, getVoices: () => [] });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      },
    );
    try {
      const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
      await backend.draftCreate('problem');
      render(HomePage, { context: appContext(app) });
      await vi.waitFor(() => expect(screen.getByTestId('sync-status')).toBeTruthy());
      await fireEvent.click(screen.getByTestId('read-aloud'));
      expect(spoken).toHaveLength(1);
      expect(spoken[0]).toContain('Saved on this phone, 1 waiting to send');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
