/** Helpers for tests: a microphone that records what the test says, when it says it. */
import { MicFailure, type Microphone, type MicProblem } from './microphone';

export type FakeMicrophone = Microphone & {
  /** Whether a capture is running. */
  readonly live: boolean;
  /** How many captures were started. */
  readonly starts: number;
  /** Sends `seconds` of a quiet tone, in blocks of 2048 samples, as the worklet would. */
  speak(seconds: number): void;
};

/** A fake microphone at `rate` Hz; with `refuse`, starting fails as the platform would. */
export function fakeMicrophone(options: { rate?: number; refuse?: MicProblem } = {}): FakeMicrophone {
  const rate = options.rate ?? 48_000;
  let onBlock: ((block: Float32Array) => void) | null = null;
  let starts = 0;
  let phase = 0;
  return {
    get live() {
      return onBlock !== null;
    },
    get starts() {
      return starts;
    },
    async start(receive) {
      starts += 1;
      if (options.refuse) throw new MicFailure(options.refuse);
      onBlock = receive;
      return {
        sampleRate: rate,
        stop: async () => {
          onBlock = null;
        },
      };
    },
    speak(seconds) {
      let left = Math.round(seconds * rate);
      while (left > 0 && onBlock) {
        const block = new Float32Array(Math.min(2048, left));
        for (let i = 0; i < block.length; i++) block[i] = 0.3 * Math.sin((2 * Math.PI * 220 * phase++) / rate);
        onBlock(block);
        left -= block.length;
      }
    },
  };
}
