import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { format, setLocale } from '../lib/i18n/i18n.svelte';
import PairShowPage from './PairShowPage.svelte';

const MINUTE = 60_000;

async function showCode(options: { offline?: boolean } = {}) {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
  if (options.offline) setup.backend.control.setSync('offline');
  vi.useFakeTimers();
  let n = 0;
  const create = vi.spyOn(setup.backend, 'pairingCodeCreate');
  // Known codes, so the test can say what is shown (offline, the mock's own error).
  if (!options.offline) {
    create.mockImplementation(async () => {
      n += 1;
      return { code: n === 1 ? '12345678' : '87654321', expiresAt: Date.now() + 5 * MINUTE };
    });
  }
  setup.app.router.go({ name: 'people' });
  setup.app.router.go({ name: 'pair-show' });
  render(PairShowPage, { context: appContext(setup.app) });
  await vi.advanceTimersByTimeAsync(0);
  return { ...setup, create };
}

beforeEach(() => setLocale('en'));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setLocale('sq');
});

describe('Use this person on another phone', () => {
  it('shows the code big, in two groups, with the minutes it still works', async () => {
    const { create } = await showCode();
    expect(create).toHaveBeenCalledOnce();
    expect(screen.getByTestId('pairing-code').textContent).toBe('1234 5678');
    expect(screen.getByText('The code is 1 2 3 4, 5 6 7 8.'), 'screen readers hear each digit').toBeTruthy();
    expect(screen.getByTestId('pairing-minutes').textContent?.trim()).toBe('It works for 5 more minutes.');

    await vi.advanceTimersByTimeAsync(4 * MINUTE + 30_000);
    expect(screen.getByTestId('pairing-minutes').textContent?.trim()).toBe('It works for 1 more minute.');
  });

  it('says when the code is too old, and gives a new one', async () => {
    const { create } = await showCode();
    await vi.advanceTimersByTimeAsync(5 * MINUTE + 1000);
    expect(screen.queryByTestId('pairing-code')).toBeNull();
    expect(screen.getByTestId('pairing-expired').textContent).toBe('This code does not work any more.');
    await fireEvent.click(screen.getByTestId('pairing-new-code'));
    await vi.advanceTimersByTimeAsync(0);
    expect(create).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('pairing-code').textContent).toBe('8765 4321');
  });

  it('with no connection, says so and offers to try again', async () => {
    await showCode({ offline: true });
    expect(screen.queryByTestId('pairing-code')).toBeNull();
    expect(screen.getByTestId('pairing-problem').textContent).toBe(format('en', 'error-offline'));
    expect(screen.getByTestId('pairing-retry')).toBeTruthy();
  });

  it('reads aloud the steps, each digit and the minutes', async () => {
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
    await showCode();
    await fireEvent.click(screen.getByTestId('read-aloud'));
    expect(spoken[0]).toContain('type this code:');
    expect(spoken[0]).toContain('The code is 1 2 3 4, 5 6 7 8.');
    expect(spoken[0]).toContain('It works for 5 more minutes.');
  });

  it('"Done" goes back to People', async () => {
    const { app } = await showCode();
    await fireEvent.click(screen.getByTestId('pairing-done'));
    expect(app.router.current).toEqual({ name: 'people' });
  });
});
