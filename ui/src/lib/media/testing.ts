/** Helpers for tests: a fake platform speech that records what it was asked to say. */
import { vi } from 'vitest';

export type FakeSpeech = { spoken: { text: string; lang: string }[]; cancel: ReturnType<typeof vi.fn> };

/** Installs `speechSynthesis` and `SpeechSynthesisUtterance` fakes (undo with `vi.unstubAllGlobals()`). */
export function fakeSpeech(): FakeSpeech {
  const spoken: FakeSpeech['spoken'] = [];
  class Utterance {
    text: string;
    lang = '';
    rate = 1;
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const cancel = vi.fn();
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  vi.stubGlobal('speechSynthesis', {
    speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
    cancel,
    getVoices: () => [],
  });
  return { spoken, cancel };
}
