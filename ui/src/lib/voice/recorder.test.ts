import { describe, expect, it, vi } from 'vitest';
import { problemOf } from './microphone';
import { clock, VoiceRecorder } from './recorder.svelte';
import { fakeMicrophone } from './testing';

function recorder(microphone = fakeMicrophone(), maxSeconds?: number) {
  const saved: { pcm: Int16Array; rate: number }[] = [];
  const save = vi.fn(async (pcm: Int16Array, rate: number) => void saved.push({ pcm, rate }));
  return { rec: new VoiceRecorder({ microphone, save, maxSeconds }), microphone, saved, save };
}

describe('VoiceRecorder', () => {
  it('records, counts the seconds, and hands over 16 kHz samples once on stop', async () => {
    const { rec, microphone, saved } = recorder();
    await rec.start();
    expect(rec.state).toBe('recording');
    microphone.speak(2.5);
    expect(rec.seconds).toBe(2);
    await rec.stop();
    expect(rec.state).toBe('idle');
    expect(microphone.live, 'the microphone is let go').toBe(false);
    expect(saved).toHaveLength(1);
    expect(saved[0].rate).toBe(16_000);
    expect(saved[0].pcm.length).toBe(40_000);
    await rec.stop();
    expect(saved, 'a second stop sends nothing more').toHaveLength(1);
  });

  it('stops by itself at the limit, keeping exactly the limit', async () => {
    const { rec, microphone, saved } = recorder(fakeMicrophone({ rate: 44_100 }), 3);
    await rec.start();
    microphone.speak(5);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].pcm.length).toBe(3 * 16_000);
    expect(rec.state).toBe('idle');
    expect(microphone.live).toBe(false);
  });

  it('says why when the microphone cannot be had, and can try again', async () => {
    const { rec, save } = recorder(fakeMicrophone({ refuse: 'denied' }));
    await rec.start();
    expect([rec.state, rec.problem]).toEqual(['idle', 'denied']);
    await rec.stop();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps what was said when the screen goes away mid-recording', async () => {
    const { rec, microphone, saved } = recorder();
    await rec.start();
    microphone.speak(1);
    rec.leave();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].pcm.length).toBe(16_000);
  });

  it('sends nothing for a recording without a sound, and says it did not work', async () => {
    const { rec, save } = recorder();
    await rec.start();
    await rec.stop();
    expect(save).not.toHaveBeenCalled();
    expect(rec.problem).toBe('failed');
  });
});

describe('problemOf', () => {
  it('tells a refusal from a missing microphone from anything else', () => {
    expect(problemOf(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(problemOf(new DOMException('none', 'NotFoundError'))).toBe('no-microphone');
    expect(problemOf(new Error('boom'))).toBe('failed');
    expect(problemOf(null)).toBe('failed');
  });
});

describe('clock', () => {
  it('writes minutes and seconds', () => {
    expect([clock(0), clock(9.7), clock(75), clock(180)]).toEqual(['0:00', '0:09', '1:15', '3:00']);
  });
});
