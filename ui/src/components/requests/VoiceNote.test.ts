import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandFailure, type VoiceView } from '../../lib/backend';
import { setLocale } from '../../lib/i18n/i18n.svelte';
import { fakeMicrophone, type FakeMicrophone } from '../../lib/voice/testing';
import VoiceNote from './VoiceNote.svelte';

const NOTE: VoiceView = { media: { hash: 'a'.repeat(64), mime: 'audio/ogg' }, seconds: 75, bytes: 9000 };

beforeEach(() => setLocale('en'));
afterEach(() => {
  setLocale('sq');
  // Unmount first: a player gives its Blob URL back when it goes.
  cleanup();
  // jsdom has no Blob URLs; the player test gives it some.
  delete (URL as { createObjectURL?: unknown }).createObjectURL;
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
});

function setup(microphone: FakeMicrophone = fakeMicrophone(), voice: VoiceView | null = null) {
  const attach = vi.fn(async (_pcm: Int16Array, _rate: number) => {});
  const remove = vi.fn(async () => {});
  const load = vi.fn(async () => new Uint8Array([1, 2, 3]));
  const view = render(VoiceNote, { props: { voice, load, attach, remove, microphone } });
  return { attach, remove, load, microphone, view };
}

describe('Recording a voice note', () => {
  it('Record → the time against 3:00 → Stop sends the recording once, at 16 kHz', async () => {
    const { attach, microphone } = setup();
    const record = screen.getByTestId('voice-record');
    expect(record.textContent?.trim()).toBe('Record');
    expect(record.querySelector('svg'), 'the button has its icon').not.toBeNull();
    await fireEvent.click(record);
    expect(await screen.findByTestId('voice-time')).toHaveProperty('textContent', '0:00 of 3:00');
    expect(document.activeElement, 'focus goes to Stop').toBe(screen.getByTestId('voice-stop'));
    microphone.speak(12.2);
    await waitFor(() => expect(screen.getByTestId('voice-time').textContent).toBe('0:12 of 3:00'));
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(12);
    await fireEvent.click(screen.getByTestId('voice-stop'));
    await waitFor(() => expect(attach).toHaveBeenCalledTimes(1));
    const [pcm, rate] = attach.mock.calls[0];
    expect(rate).toBe(16_000);
    expect(pcm.length).toBeCloseTo(12.2 * 16_000, -2);
    expect(microphone.live).toBe(false);
  });

  it('says plainly how to allow the microphone when it was refused; nothing else breaks', async () => {
    const { attach } = setup(fakeMicrophone({ refuse: 'denied' }));
    await fireEvent.click(screen.getByTestId('voice-record'));
    const problem = await screen.findByTestId('voice-problem');
    expect(problem.textContent).toContain('Settings');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('voice-record'), 'Record is there to try again').toBeTruthy();
    expect(attach).not.toHaveBeenCalled();
  });

  it('says when there is no microphone, in the person’s language', async () => {
    setLocale('mk');
    setup(fakeMicrophone({ refuse: 'no-microphone' }));
    await fireEvent.click(screen.getByTestId('voice-record'));
    expect((await screen.findByTestId('voice-problem')).textContent).toBe('Не е пронајден микрофон. Можете да пишувате, или побарајте помош од помошник.');
  });

  it('shows why the backend refused a recording, next to it', async () => {
    const { attach, microphone, view } = setup();
    attach.mockRejectedValueOnce(new CommandFailure({ code: 'invalid-input', field: 'voice', message: 'Too long' }));
    await view.rerender({ error: { code: 'invalid-input', field: 'voice', message: 'A voice note can be at most 3 minutes long.' } });
    await fireEvent.click(screen.getByTestId('voice-record'));
    microphone.speak(1);
    await fireEvent.click(screen.getByTestId('voice-stop'));
    await waitFor(() => expect(screen.getByTestId('voice-record')).toBeTruthy());
    const error = screen.getByTestId('error-message');
    expect([error.dataset.field, error.textContent]).toEqual(['voice', 'A voice note can be at most 3 minutes long.']);
  });
});

describe('A kept voice note', () => {
  it('plays from a Blob URL of the attachment with a big Listen button, and says how long it is', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:voice'), revokeObjectURL: vi.fn() });
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('play'));
    });
    const { load } = setup(fakeMicrophone(), NOTE);
    const button = screen.getByTestId('voice-play');
    expect(screen.getByTestId('voice-play-length').textContent?.trim()).toBe('Length: 1:15');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    expect(load).toHaveBeenCalledWith(NOTE.media.hash);
    expect(document.querySelector('audio')?.getAttribute('src')).toBe('blob:voice');
    expect(button.textContent?.trim()).toBe('Listen');
    await fireEvent.click(button);
    expect(play).toHaveBeenCalled();
    await waitFor(() => expect(button.textContent?.trim()).toBe('Pause'));
  });

  it('records again only after saying the old one will be replaced', async () => {
    const { microphone } = setup(fakeMicrophone(), NOTE);
    await fireEvent.click(screen.getByTestId('voice-again'));
    expect(screen.getByTestId('confirm-message').textContent).toBe('Record a new voice note? It will replace this one.');
    await fireEvent.click(screen.getByTestId('confirm-no'));
    expect(microphone.starts).toBe(0);
    await fireEvent.click(screen.getByTestId('voice-again'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await screen.findByTestId('voice-stop');
    expect(microphone.starts).toBe(1);
  });

  it('is removed after a question', async () => {
    const { remove } = setup(fakeMicrophone(), NOTE);
    await fireEvent.click(screen.getByTestId('voice-remove'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
  });

  it('is only a player on a sent request', () => {
    render(VoiceNote, { props: { voice: NOTE, load: async () => new Uint8Array() } });
    expect(screen.getByTestId('voice-play')).toBeTruthy();
    for (const gone of ['voice-record', 'voice-again', 'voice-remove']) expect(screen.queryByTestId(gone)).toBeNull();
  });
});
