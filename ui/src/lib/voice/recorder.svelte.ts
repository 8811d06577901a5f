/**
 * One recording of a voice note: ask for the microphone, gather its sound at 16 kHz while showing the
 * time, and hand the whole recording over once, on Stop or by itself at the limit (three minutes).
 * Going away while recording also hands it over: nothing said is lost.
 *
 * States: `idle` → `asking` (the platform may ask the person) → `recording` → `saving` (the caller
 * sends it) → `idle`. When the microphone cannot be had, `problem` says why and the state is `idle`.
 */
import { LIMITS } from '../backend';
import { Downsampler } from './resample';
import { browserMicrophone, MicFailure, type Capture, type Microphone, type MicProblem } from './microphone';

export type RecorderState = 'idle' | 'asking' | 'recording' | 'saving';

export type RecorderOptions = {
  /** Receives the recording (16-bit mono at `LIMITS.voiceSampleRate`); the recorder is `saving` until it settles. */
  save: (pcm: Int16Array, sampleRate: number) => Promise<void>;
  microphone?: Microphone;
  /** The longest recording, in seconds. */
  maxSeconds?: number;
};

export class VoiceRecorder {
  state = $state<RecorderState>('idle');
  /** Why the microphone could not be had, until the next try. */
  problem = $state<MicProblem | null>(null);
  /** Seconds recorded so far (whole seconds, for the clock). */
  seconds = $state(0);
  readonly maxSeconds: number;

  readonly #save: RecorderOptions['save'];
  readonly #microphone: Microphone;
  #capture: Capture | null = null;
  #sound: Downsampler | null = null;
  /** Set when the recording should end as soon as it has started (Stop or leaving while asking). */
  #stopAsked = false;

  constructor(options: RecorderOptions) {
    this.#save = options.save;
    this.#microphone = options.microphone ?? browserMicrophone;
    this.maxSeconds = options.maxSeconds ?? LIMITS.voiceSecondsMax;
  }

  /** Asks for the microphone and starts recording. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.problem = null;
    this.seconds = 0;
    this.#stopAsked = false;
    this.state = 'asking';
    try {
      this.#capture = await this.#microphone.start((block) => this.#take(block));
    } catch (e) {
      this.state = 'idle';
      this.problem = e instanceof MicFailure ? e.problem : 'failed';
      return;
    }
    if (!this.#sound) this.#sound = new Downsampler(this.#capture.sampleRate, LIMITS.voiceSampleRate, this.maxSeconds * LIMITS.voiceSampleRate);
    this.state = 'recording';
    if (this.#stopAsked) await this.stop();
  }

  #take(block: Float32Array): void {
    // Blocks may come before `start` resolves; the rate is known by then.
    if (!this.#sound) {
      if (!this.#capture) return;
      this.#sound = new Downsampler(this.#capture.sampleRate, LIMITS.voiceSampleRate, this.maxSeconds * LIMITS.voiceSampleRate);
    }
    if (this.state !== 'recording' && this.state !== 'asking') return;
    this.#sound.push(block);
    this.seconds = Math.floor(this.#sound.seconds);
    if (this.#sound.full) void this.stop();
  }

  /** Ends the recording and hands it to `save`; a recording with no sound at all is dropped. */
  async stop(): Promise<void> {
    if (this.state === 'asking') {
      this.#stopAsked = true;
      return;
    }
    if (this.state !== 'recording') return;
    this.state = 'saving';
    const capture = this.#capture;
    this.#capture = null;
    try {
      await capture?.stop();
    } catch {
      // The sound gathered so far is what counts.
    }
    const sound = this.#sound;
    this.#sound = null;
    const pcm = sound?.finish() ?? new Int16Array(0);
    try {
      if (pcm.length > 0) await this.#save(pcm, LIMITS.voiceSampleRate);
      else this.problem = 'failed';
    } finally {
      this.state = 'idle';
    }
  }

  /** For a screen going away: a recording in progress is saved, a question for the microphone ends it at once. */
  leave(): void {
    if (this.state === 'recording' || this.state === 'asking') void this.stop().catch(() => {});
  }
}

/** `m:ss`, as the clock shows a length of time. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
