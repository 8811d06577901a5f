/**
 * The one thing that speaks at a time: a narration, a question, a hint or feedback. Plays the recorded
 * sound when there is one, else reads the text with the platform's speech (as the read-aloud button
 * does), in the language of the text. Playing something new stops what was playing.
 */
import type { Backend, Locale, Media } from '../backend';
import { languageTag } from '../i18n/i18n.svelte';
import { acquire, release } from './media';

/** What the player needs from the platform; tests give fakes. */
export type Platform = {
  createAudio: (url: string) => HTMLAudioElement;
  synth: () => SpeechSynthesis | null;
};

const browserPlatform: Platform = {
  createAudio: (url) => new Audio(url),
  synth: () => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null),
};

export type Sayable = { media: Media | null; text: string; locale: Locale };

export class Player {
  /** The key of what is playing now, or null. */
  playing = $state<string | null>(null);
  /** How it is being said: the recording (once it started playing) or the platform's speech. */
  source = $state<'recording' | 'speech' | null>(null);
  #platform: Platform;
  #audio: HTMLAudioElement | null = null;
  #heldHash: string | null = null;
  /** Counts plays, so a late-loading sound of an old play is not started. */
  #run = 0;

  constructor(platform: Platform = browserPlatform) {
    this.#platform = platform;
  }

  /** Whether `what` can be said here at all: a recording, or speech on this platform. */
  canSay(what: Pick<Sayable, 'media'>): boolean {
    return what.media !== null || this.#platform.synth() !== null;
  }

  /** Plays `what` under `key`, or stops it when `key` is already playing. */
  toggle(key: string, backend: Backend, what: Sayable): void {
    if (this.playing === key) this.stop();
    else void this.play(key, backend, what);
  }

  async play(key: string, backend: Backend, what: Sayable): Promise<void> {
    this.stop();
    const run = ++this.#run;
    this.playing = key;
    if (what.media) {
      this.#heldHash = what.media.hash;
      const url = await acquire(backend, what.media);
      if (run !== this.#run) return;
      if (url) {
        const audio = this.#platform.createAudio(url);
        this.#audio = audio;
        audio.onended = () => this.#ended(run);
        audio.onerror = () => this.#speak(run, what);
        try {
          await audio.play();
          if (run === this.#run) this.source = 'recording';
        } catch {
          // Blocked or unplayable: say it with speech instead.
          if (run === this.#run) this.#speak(run, what);
        }
        return;
      }
    }
    this.#speak(run, what);
  }

  /** Stops whatever plays. */
  stop(): void {
    this.#run += 1;
    if (this.#audio) {
      this.#audio.onended = null;
      this.#audio.onerror = null;
      this.#audio.pause();
      this.#audio = null;
    }
    if (this.#heldHash) {
      release(this.#heldHash);
      this.#heldHash = null;
    }
    if (this.playing !== null) this.#platform.synth()?.cancel();
    this.playing = null;
    this.source = null;
  }

  /** Stops `key` if it is what plays (a button going away). */
  stopIf(key: string): void {
    if (this.playing === key) this.stop();
  }

  #ended(run: number): void {
    if (run === this.#run) this.stop();
  }

  #speak(run: number, what: Sayable): void {
    if (run !== this.#run) return;
    const synth = this.#platform.synth();
    if (!synth || !what.text) {
      this.stop();
      return;
    }
    synth.cancel();
    this.source = 'speech';
    const utterance = new SpeechSynthesisUtterance(what.text);
    utterance.lang = languageTag(what.locale);
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(what.locale));
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    utterance.onend = () => this.#ended(run);
    utterance.onerror = () => this.#ended(run);
    synth.speak(utterance);
  }
}

/** The app's player. */
export const player = new Player();
