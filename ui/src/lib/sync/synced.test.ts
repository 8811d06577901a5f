import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApp } from '../app/testing';
import { SYNC_POLL_MS } from '../backend';
import { quietReload, SyncSignal, syncSignal } from './synced';
import { whenSynced } from './watcher.svelte';

afterEach(() => {
  vi.useRealTimers();
});

describe('the "a sync just completed" signal', () => {
  it('fires once for each newer lastSuccess, never for the first read, an equal or an older one', () => {
    const signal = new SyncSignal();
    const heard: number[] = [];
    signal.onSynced((at) => heard.push(at));

    signal.report(1000);
    expect(heard, 'the first read is only where it starts').toEqual([]);
    signal.report(1000);
    expect(heard, 'the same sync read again').toEqual([]);
    signal.report(2000);
    expect(heard).toEqual([2000]);
    signal.report(2000);
    signal.report(1500);
    signal.report(null);
    expect(heard, 'equal, older or none say nothing').toEqual([2000]);
    signal.report(3000);
    expect(heard).toEqual([2000, 3000]);
  });

  it('counts the first sync ever as new, after a first read that had none', () => {
    const signal = new SyncSignal();
    const heard: number[] = [];
    signal.onSynced((at) => heard.push(at));
    signal.report(null);
    signal.report(null);
    expect(heard).toEqual([]);
    signal.report(500);
    expect(heard).toEqual([500]);
  });

  it('tells every screen listening, stops when asked, and a new screen starts from its own first read', () => {
    const signal = new SyncSignal();
    const a: number[] = [];
    const b: number[] = [];
    const stopA = signal.onSynced((at) => a.push(at));
    const stopB = signal.onSynced((at) => {
      b.push(at);
      throw new Error('a reload that broke');
    });
    signal.report(1);
    signal.report(2);
    expect(a).toEqual([2]);
    expect(b).toEqual([2]);
    stopB();
    signal.report(3);
    expect(a).toEqual([2, 3]);
    expect(b, 'stopped').toEqual([2]);
    stopA();

    // Read while nobody listens (Home), then a screen opens: that newer value is its starting point.
    signal.report(4);
    const c: number[] = [];
    signal.onSynced((at) => c.push(at));
    signal.report(5);
    expect(c, 'the first read after it opened is not news').toEqual([]);
    signal.report(6);
    expect(c).toEqual([6]);
  });

  it('is one per backend', async () => {
    const one = await mockApp();
    const two = await mockApp();
    expect(syncSignal(one.backend)).toBe(syncSignal(one.backend));
    expect(syncSignal(one.backend)).not.toBe(syncSignal(two.backend));
  });
});

describe('a quiet reload', () => {
  it('shows what it loaded, runs once more for a reload asked for on the way, and keeps what is shown when it fails', async () => {
    const shown: number[] = [];
    let n = 0;
    const gates: (() => void)[] = [];
    const load = vi.fn(
      () =>
        new Promise<number>((resolve, reject) => {
          const no = ++n;
          gates.push(() => (no === 3 ? reject(new Error('no')) : resolve(no)));
        }),
    );
    const reload = quietReload(load, (v) => shown.push(v));

    const first = reload();
    void reload();
    void reload();
    expect(load, 'never two at once').toHaveBeenCalledTimes(1);
    gates.shift()!();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    gates.shift()!();
    await first;
    expect(shown, 'the two asked for on the way ran as one').toEqual([1, 2]);

    const failing = reload();
    gates.shift()!();
    await expect(failing).resolves.toBeUndefined();
    expect(shown, 'a failed reload keeps what was shown').toEqual([1, 2]);
  });
});

describe('a screen waiting for syncs', () => {
  it('reads the status itself when asked, and reloads after each mock sync that completes', async () => {
    const { backend } = await mockApp({ people: [{ name: 'Ana' }] });
    vi.useFakeTimers();
    const statusCalls = vi.spyOn(backend, 'syncStatus');
    const reload = vi.fn();
    const stop = whenSynced(backend, reload, { read: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(statusCalls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * SYNC_POLL_MS);
    expect(reload, 'no sync yet').not.toHaveBeenCalled();

    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(reload).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(3 * SYNC_POLL_MS);
    expect(reload, 'once per sync, however often it is read').toHaveBeenCalledOnce();

    stop();
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(3 * SYNC_POLL_MS);
    expect(reload, 'nothing once the screen is gone').toHaveBeenCalledOnce();
    expect(statusCalls, 'and no more reads').toHaveBeenCalledTimes(7);
  });
});
