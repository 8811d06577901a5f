import { describe, expect, it } from 'vitest';
import { Downsampler, toInt16 } from './resample';

/** `seconds` of a sine of `hz` at `rate`, amplitude `amp`. */
function sine(hz: number, rate: number, seconds: number, amp = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Feeds `input` in blocks of `size` and returns the result. */
function run(input: Float32Array, from: number, to: number, size: number, max?: number): Int16Array {
  const down = new Downsampler(from, to, max);
  for (let i = 0; i < input.length; i += size) down.push(input.subarray(i, i + size));
  return down.finish();
}

/** How strongly `pcm` (at `rate`) holds a tone of `hz`, 0..1 of full scale (one bin of a DFT). */
function strength(pcm: Int16Array, rate: number, hz: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < pcm.length; i++) {
    re += pcm[i] * Math.cos((2 * Math.PI * hz * i) / rate);
    im += pcm[i] * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / pcm.length / 32768;
}

describe('toInt16', () => {
  it('maps -1..1 onto the whole 16-bit range, clipping beyond and silencing what is not a number', () => {
    expect([toInt16(0), toInt16(1), toInt16(-1), toInt16(2), toInt16(-3), toInt16(Number.NaN), toInt16(0.5)]).toEqual([
      0, 32767, -32768, 32767, -32768, 0, 16384,
    ]);
  });
});

describe('Downsampler', () => {
  it('makes one second at 48 kHz into one second at 16 kHz, the tone kept', () => {
    const pcm = run(sine(440, 48_000, 1), 48_000, 16_000, 128);
    expect(pcm.length).toBe(16_000);
    expect(strength(pcm, 16_000, 440)).toBeGreaterThan(0.45);
  });

  it('handles 44.1 kHz, whose ratio is not whole, without drifting', () => {
    const pcm = run(sine(300, 44_100, 2), 44_100, 16_000, 441);
    expect(pcm.length).toBe(32_000);
    expect(strength(pcm, 16_000, 300), 'the pitch is the same: no drift in time').toBeGreaterThan(0.45);
  });

  it('gives the same samples however the recording was cut into blocks', () => {
    const input = sine(523, 44_100, 0.5);
    const whole = run(input, 44_100, 16_000, input.length);
    for (const size of [1, 127, 128, 2048]) expect(run(input, 44_100, 16_000, size)).toEqual(whole);
  });

  it('keeps much less of a tone too high for 16 kHz than of speech', () => {
    // 12 kHz cannot exist at 16 kHz; what folds back (to 4 kHz) must be weaker than a kept tone.
    const high = run(sine(12_000, 48_000, 1), 48_000, 16_000, 128);
    const kept = run(sine(1000, 48_000, 1), 48_000, 16_000, 128);
    expect(strength(high, 16_000, 4000)).toBeLessThan(strength(kept, 16_000, 1000) / 2);
  });

  it('goes up from 8 kHz by repeating samples, one second staying one second', () => {
    const pcm = run(Float32Array.from([0.25, -0.25, 0.5, 1]), 8000, 16_000, 3);
    expect([...pcm]).toEqual([8192, 8192, -8192, -8192, 16384, 16384, 32767, 32767]);
    expect(run(sine(200, 8000, 1), 8000, 16_000, 100).length).toBe(16_000);
  });

  it('passes 16 kHz through unchanged', () => {
    expect([...run(Float32Array.from([0, 0.5, -0.5, 1]), 16_000, 16_000, 2)]).toEqual([0, 16384, -16384, 32767]);
  });

  it('stops at the limit and says it is full; what comes after is dropped', () => {
    const down = new Downsampler(48_000, 16_000, 16_000 * 3);
    expect(down.full).toBe(false);
    down.push(sine(440, 48_000, 2.5));
    expect(down.seconds).toBeCloseTo(2.5, 2);
    down.push(sine(440, 48_000, 1));
    expect(down.full).toBe(true);
    expect(down.finish().length).toBe(48_000);
  });

  it('refuses rates that are not positive', () => {
    expect(() => new Downsampler(0, 16_000)).toThrow(RangeError);
  });
});
