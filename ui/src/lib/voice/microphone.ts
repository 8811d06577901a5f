/**
 * The platform side of recording: asking for the microphone and getting its sound as float blocks.
 * The sound comes through an AudioWorklet served as a file (`public/voice-capture-worklet.js`: the
 * app's policy allows no inline or generated script), or through a ScriptProcessorNode where the
 * platform has no AudioWorklet. `VoiceRecorder` (recorder.svelte.ts) uses this through the
 * `Microphone` type, so tests give it a fake.
 */

/** Why recording could not start, as the screen explains it. */
export type MicProblem = 'denied' | 'no-microphone' | 'failed';

/** A running capture: its sample rate, and how to end it. */
export type Capture = {
  sampleRate: number;
  /** Hands over the last sound, then lets go of the microphone. */
  stop(): Promise<void>;
};

export type Microphone = {
  /** Starts capturing; `onBlock` gets the sound as it comes. Rejects with a `MicFailure`. */
  start(onBlock: (block: Float32Array) => void): Promise<Capture>;
};

export class MicFailure extends Error {
  readonly problem: MicProblem;

  constructor(problem: MicProblem, cause?: unknown) {
    super(`microphone: ${problem}`, { cause });
    this.name = 'MicFailure';
    this.problem = problem;
  }
}

/** What a failed `getUserMedia` means for the person: they said no, there is none, or something else. */
export function problemOf(error: unknown): MicProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') {
    return 'no-microphone';
  }
  return 'failed';
}

/** The worklet's address, beside the app's index.html (Vite copies `public/` there). */
function workletUrl(): string {
  return new URL('voice-capture-worklet.js', document.baseURI).href;
}

/** The browser's microphone. */
export const browserMicrophone: Microphone = {
  async start(onBlock) {
    const media = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!media?.getUserMedia) throw new MicFailure('no-microphone');
    let stream: MediaStream;
    try {
      stream = await media.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    } catch (e) {
      throw new MicFailure(problemOf(e), e);
    }
    const release = () => stream.getTracks().forEach((track) => track.stop());
    let context: AudioContext | null = null;
    try {
      context = new AudioContext();
      // Some platforms start a context suspended until a tap; this runs right after the tap on Record.
      if (context.state === 'suspended') await context.resume();
      const source = context.createMediaStreamSource(stream);
      const stopGraph = await connect(context, source, onBlock);
      const ctx = context;
      return {
        sampleRate: ctx.sampleRate,
        async stop() {
          try {
            await stopGraph();
          } finally {
            source.disconnect();
            release();
            await ctx.close().catch(() => {});
          }
        },
      };
    } catch (e) {
      release();
      await context?.close().catch(() => {});
      throw e instanceof MicFailure ? e : new MicFailure('failed', e);
    }
  },
};

/** Wires the source to a worklet (else a script processor); returns how to flush and unwire it. */
async function connect(context: AudioContext, source: MediaStreamAudioSourceNode, onBlock: (block: Float32Array) => void): Promise<() => Promise<void>> {
  if (context.audioWorklet && typeof AudioWorkletNode !== 'undefined') {
    try {
      await context.audioWorklet.addModule(workletUrl());
      const node = new AudioWorkletNode(context, 'voice-capture', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
      let flushed: (() => void) | null = null;
      node.port.onmessage = (event: MessageEvent<Float32Array | string>) => {
        if (event.data === 'flushed') flushed?.();
        else if (event.data instanceof Float32Array && event.data.length > 0) onBlock(event.data);
      };
      source.connect(node);
      // Silent (the worklet writes nothing), but connected, so the platform keeps it running.
      node.connect(context.destination);
      return async () => {
        await new Promise<void>((done) => {
          flushed = done;
          node.port.postMessage('flush');
          // A worklet that no longer answers must not keep the recording from being saved.
          setTimeout(done, 500);
        });
        node.port.onmessage = null;
        node.disconnect();
      };
    } catch {
      // Fall through to the older way.
    }
  }
  const processor = context.createScriptProcessor(4096, 1, 1);
  processor.onaudioprocess = (event) => onBlock(new Float32Array(event.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(context.destination);
  return async () => {
    processor.onaudioprocess = null;
    processor.disconnect();
  };
}
