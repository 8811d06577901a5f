/**
 * "A sync just completed": one signal per backend, fed by every read of `syncStatus()` (the sync
 * indicator's polling). A screen that shows what a sync can bring (the municipality's answer, a new
 * lesson) listens with `onSynced` and reloads quietly. It fires once for each newer `lastSuccess`; the
 * first read after a screen starts listening is only the starting point, and equal or older values (a
 * second indicator, a late answer) say nothing.
 */
import type { Backend } from '../backend';

export type SyncedListener = (lastSuccess: number) => void;

export class SyncSignal {
  /** The newest `lastSuccess` read; `undefined` until the first read since someone listens. */
  #last: number | null | undefined = undefined;
  readonly #listeners = new Set<SyncedListener>();

  /** What a read of `syncStatus()` said about the last complete sync. */
  report(lastSuccess: number | null): void {
    const before = this.#last;
    if (before === undefined) {
      this.#last = lastSuccess;
      return;
    }
    if (lastSuccess === null || (before !== null && lastSuccess <= before)) return;
    this.#last = lastSuccess;
    for (const listener of [...this.#listeners]) {
      try {
        listener(lastSuccess);
      } catch {
        // One screen's failed reload must not keep the others from theirs.
      }
    }
  }

  /** Calls `listener` after each newer complete sync; returns the function that stops it. */
  onSynced(listener: SyncedListener): () => void {
    // A screen that starts listening has just loaded what it shows: what was read before it came does
    // not count as new for it.
    if (this.#listeners.size === 0) this.#last = undefined;
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}

const signals = new WeakMap<Backend, SyncSignal>();

/** The signal for `backend`, the same for every screen and indicator that uses it. */
export function syncSignal(backend: Backend): SyncSignal {
  let signal = signals.get(backend);
  if (!signal) {
    signal = new SyncSignal();
    signals.set(backend, signal);
  }
  return signal;
}

/**
 * A quiet reload for a screen: `load` what it shows and `show` it, never both at once (a reload asked
 * for while one is on its way runs once after it) and without a word when it fails — what is on screen
 * stays, and the next sync tries again.
 */
export function quietReload<T>(load: () => Promise<T>, show: (value: T) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        show(await load());
      } catch {
        // Keep what is shown.
      }
    } while (again);
  }

  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => (running = null));
    return running;
  };
}
