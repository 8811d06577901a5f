import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { memoryStorage } from '../lib/app/testing';
import { SYNC_POLL_MS } from '../lib/backend';
import { createMockBackend } from '../lib/backend/mock';
import { format, setLocale } from '../lib/i18n/i18n.svelte';

/** A phone with the language chosen and nobody on it yet, on the "enter the code" screen. */
async function enterCodeScreen() {
  vi.useFakeTimers();
  const backend = createMockBackend({ storage: memoryStorage() });
  await backend.deviceSetLocale('en');
  const claim = vi.spyOn(backend, 'pairingClaim');
  render(App, { props: { backend } });
  await vi.advanceTimersByTimeAsync(0);
  await fireEvent.click(screen.getByTestId('pairing-enter'));
  await vi.advanceTimersByTimeAsync(0);
  const input = screen.getByTestId('pairing-input') as HTMLInputElement;
  async function submit(code: string) {
    await fireEvent.input(input, { target: { value: code } });
    await fireEvent.click(screen.getByTestId('pairing-submit'));
    await vi.advanceTimersByTimeAsync(0);
  }
  const fieldError = () => screen.getByTestId('error-message');
  return { backend, claim, input, submit, fieldError };
}

beforeEach(() => setLocale('en'));

afterEach(() => {
  vi.useRealTimers();
  setLocale('sq');
});

describe('I already use mCommunity on another phone', () => {
  it('a code that is not 8 digits is said next to the field, without asking Rust', async () => {
    const { claim, input, submit, fieldError } = await enterCodeScreen();
    await submit('1234 567');
    expect(fieldError().textContent).toBe('The code has 8 numbers. Look at the other phone and type them all.');
    expect(fieldError().dataset.field).toBe('code');
    expect(input.getAttribute('aria-describedby')).toContain(fieldError().id);
    expect(claim).not.toHaveBeenCalled();
  });

  it('takes only digits, spaces and dashes as typed', async () => {
    const { input } = await enterCodeScreen();
    await fireEvent.input(input, { target: { value: '12a4 56.8' } });
    expect(input.value).toBe('124 568');
  });

  it('a wrong code is said next to the field, in the person’s language', async () => {
    const { claim, submit, fieldError } = await enterCodeScreen();
    await submit('1234 5678');
    expect(claim).toHaveBeenCalledExactlyOnceWith('12345678');
    expect(fieldError().textContent).toBe(format('en', 'error-pairing-invalid'));
    expect(fieldError().dataset.field, 'next to the field, not in a banner').toBe('code');
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('after too many wrong codes, says to wait', async () => {
    const { submit, fieldError } = await enterCodeScreen();
    for (let i = 0; i < 5; i++) await submit(`1234 567${i}`);
    await submit('1234 5679');
    expect(fieldError().textContent).toBe(format('en', 'error-too-many-attempts'));
  });

  it('with no connection, says so next to the field', async () => {
    const { backend, submit, fieldError } = await enterCodeScreen();
    backend.control.setSync('offline');
    await submit('1234 5678');
    expect(fieldError().textContent).toBe(format('en', 'error-offline'));
  });

  it('the right code goes back to the people with "Connected", and the person arrives with the sync', async () => {
    const { backend, submit } = await enterCodeScreen();
    const code = backend.control.otherPhoneCode({ name: 'Drita', avatar: 'flower', drafts: [{ title: 'No water' }] });
    await submit(`${code.slice(0, 4)} ${code.slice(4)}`);
    expect(screen.getByTestId('notice').textContent).toBe('Connected. Your things are arriving.');
    expect(screen.getByTestId('pairing-enter'), 'the people list').toBeTruthy();
    expect(screen.queryByText('Drita'), 'not here before the sync').toBeNull();

    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(screen.getByText('Drita'), 'the list refreshed itself').toBeTruthy();
    expect((await backend.profilesList()).find((p) => p.name === 'Drita')?.draftCount).toBe(1);
  });
});
