/**
 * From the microphone's samples to what Rust encodes: mono, 16-bit, at 16 kHz. The browser records at
 * its own rate (44.1 or 48 kHz, as floats in -1..1, in blocks of any size); `Downsampler` takes those
 * blocks as they come and keeps the result, so the output does not depend on how the sound was cut
 * into blocks.
 *
 * Going down, each output sample is the mean of the input samples it stands for (a box filter): it
 * keeps speech clear and most of what would fold back above 8 kHz out. Going up (a rare 8 kHz
 * microphone), each output sample repeats the input sample under it. Pure: no audio API here.
 *
 * ```ts
 * const down = new Downsampler(48_000, 16_000, 180 * 16_000);
 * down.push(block); // Float32Array from the microphone
 * const pcm = down.finish(); // Int16Array at 16 kHz
 * ```
 */

/** A float sample (-1..1, clipped beyond) as a 16-bit one. */
export function toInt16(sample: number): number {
  const s = Math.max(-1, Math.min(1, Number.isFinite(sample) ? sample : 0));
  return s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
}

/** Blocks of samples are kept in pieces of this many, so memory grows in steps, not per block. */
const PIECE = 16_000;

export class Downsampler {
  readonly inputRate: number;
  readonly outputRate: number;
  /** The most output samples kept; past it, input is dropped and `full` is true. */
  readonly maxSamples: number;

  /** Input samples taken so far (their index decides which output sample they belong to). */
  #inputs = 0;
  /** The output sample being gathered, and its sum and count so far. */
  #bin = 0;
  #sum = 0;
  #count = 0;
  #pieces: Int16Array[] = [];
  #current = new Int16Array(PIECE);
  #filled = 0;
  #length = 0;

  constructor(inputRate: number, outputRate: number, maxSamples = Number.POSITIVE_INFINITY) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new RangeError(`sample rates must be positive: ${inputRate} → ${outputRate}`);
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    this.maxSamples = maxSamples;
  }

  /** Output samples so far. */
  get length(): number {
    return this.#length;
  }

  /** Seconds of sound so far. */
  get seconds(): number {
    return this.#length / this.outputRate;
  }

  /** Whether the limit is reached: what comes now is dropped. */
  get full(): boolean {
    return this.#length >= this.maxSamples;
  }

  /** Takes the next block of the recording. */
  push(block: ArrayLike<number>): void {
    if (this.inputRate >= this.outputRate) this.#down(block);
    else this.#up(block);
  }

  #down(block: ArrayLike<number>): void {
    for (let i = 0; i < block.length; i++) {
      // Integer arithmetic: exact for any recording length, so no drift between blocks.
      const bin = Math.floor((this.#inputs * this.outputRate) / this.inputRate);
      this.#inputs += 1;
      if (bin !== this.#bin && this.#count > 0) {
        this.#emit(this.#sum / this.#count);
        this.#sum = 0;
        this.#count = 0;
      }
      this.#bin = bin;
      this.#sum += block[i];
      this.#count += 1;
    }
  }

  #up(block: ArrayLike<number>): void {
    for (let i = 0; i < block.length; i++) {
      const index = this.#inputs;
      this.#inputs += 1;
      // Every output sample whose time falls under this input sample.
      const end = Math.ceil(((index + 1) * this.outputRate) / this.inputRate);
      while (this.#bin < end) {
        this.#emit(block[i]);
        this.#bin += 1;
      }
    }
  }

  #emit(sample: number): void {
    if (this.full) return;
    this.#current[this.#filled] = toInt16(sample);
    this.#filled += 1;
    this.#length += 1;
    if (this.#filled === PIECE) {
      this.#pieces.push(this.#current);
      this.#current = new Int16Array(PIECE);
      this.#filled = 0;
    }
  }

  /** The whole recording so far (the last, partly gathered sample included). */
  finish(): Int16Array {
    if (this.inputRate >= this.outputRate && this.#count > 0) {
      this.#emit(this.#sum / this.#count);
      this.#sum = 0;
      this.#count = 0;
      this.#bin += 1;
    }
    const out = new Int16Array(this.#length);
    let at = 0;
    for (const piece of this.#pieces) {
      out.set(piece, at);
      at += piece.length;
    }
    out.set(this.#current.subarray(0, this.#filled), at);
    return out;
  }
}
