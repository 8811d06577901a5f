import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockBackend } from '../backend/mock';
import { Player, type Platform } from './player.svelte';
import { fakeSpeech } from './testing';
import { heldCount } from './media';

afterEach(() => vi.unstubAllGlobals());

function fakeAudio() {
  const made: { url: string; play: ReturnType<typeof vi.fn>; pause: ReturnType<typeof vi.fn> }[] = [];
  const createAudio = (url: string) => {
    const audio = { url, play: vi.fn(async () => {}), pause: vi.fn(), onended: null, onerror: null };
    made.push(audio);
    return audio as unknown as HTMLAudioElement;
  };
  return { made, createAudio };
}

describe('the player', () => {
  it('speaks the words in their language when there is no recording, and a second press stops', async () => {
    const speech = fakeSpeech();
    const player = new Player({ createAudio: fakeAudio().createAudio, synth: () => globalThis.speechSynthesis });
    const backend = createMockBackend();
    player.toggle('a', backend, { media: null, text: 'Mirë se erdhe', locale: 'sq' });
    await vi.waitFor(() => expect(speech.spoken).toEqual([{ text: 'Mirë se erdhe', lang: 'sq' }]));
    expect(player.playing).toBe('a');
    expect(player.source).toBe('speech');
    player.toggle('a', backend, { media: null, text: 'Mirë se erdhe', locale: 'sq' });
    expect(player.playing).toBeNull();
    expect(player.source).toBeNull();
    expect(speech.cancel).toHaveBeenCalled();
  });

  it('plays the recording from a Blob URL, and lets it go when stopped', async () => {
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: vi.fn(() => 'blob:beep'), revokeObjectURL: vi.fn() }));
    const audio = fakeAudio();
    const platform: Platform = { createAudio: audio.createAudio, synth: () => null };
    const player = new Player(platform);
    await player.play('b', createMockBackend(), { media: { hash: 'demo-beep', mime: 'audio/wav' }, text: 'x', locale: 'en' });
    expect(audio.made.map((a) => a.url)).toEqual(['blob:beep']);
    expect(audio.made[0].play).toHaveBeenCalled();
    expect(player.source).toBe('recording');
    expect(heldCount()).toBe(1);
    player.stop();
    expect(audio.made[0].pause).toHaveBeenCalled();
    expect(heldCount()).toBe(0);
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:beep'));
  });

  it('falls back to speech when the recording cannot be played', async () => {
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: vi.fn(() => 'blob:beep'), revokeObjectURL: vi.fn() }));
    const speech = fakeSpeech();
    const createAudio = (url: string) =>
      ({ url, play: vi.fn(async () => Promise.reject(new Error('NotSupportedError'))), pause: vi.fn(), onended: null, onerror: null }) as unknown as HTMLAudioElement;
    const player = new Player({ createAudio, synth: () => globalThis.speechSynthesis });
    await player.play('c', createMockBackend(), { media: { hash: 'demo-beep', mime: 'audio/ogg' }, text: 'Dëgjo', locale: 'sq' });
    expect(player.source).toBe('speech');
    expect(speech.spoken).toEqual([{ text: 'Dëgjo', lang: 'sq' }]);
    player.stop();
  });

  it('cannot say anything with neither a recording nor speech', () => {
    const player = new Player({ createAudio: fakeAudio().createAudio, synth: () => null });
    expect(player.canSay({ media: null })).toBe(false);
    expect(player.canSay({ media: { hash: 'h', mime: 'audio/ogg' } })).toBe(true);
  });
});
