/**
 * The sync status a screen shows: read every few seconds while the screen is visible, never while it is
 * hidden, and "Send now". Nothing here blocks the person: a failed read keeps the last status, and
 * "Send now" only starts a sync (Rust returns at once). Every read also feeds the shared "a sync just
 * completed" signal (`synced.ts`), so the screen around the indicator can reload what a sync brought.
 */
import { pollWhileVisible } from '../app/poll';
import { toCommandError } from '../app/errors';
import { SYNC_POLL_MS, type Backend, type SyncStatus } from '../backend';
import { syncSignal } from './synced';

export type SyncWatcherOptions = { intervalMs?: number; document?: Document; now?: () => number };

export class SyncWatcher {
  /** The last status read; `null` until the first answer (or when the Rust side has no sync). */
  status = $state<SyncStatus | null>(null);
  /** When `status` was read: "Sent 5 minutes ago" counts to here. */
  readAt = $state(0);
  /** A "Send now" on its way to Rust. */
  sending = $state(false);
  /** Why the last "Send now" could not start, in the person's language. */
  problem = $state<string | null>(null);

  readonly #backend: Backend;
  readonly #intervalMs: number;
  readonly #document: Document | undefined;
  readonly #now: () => number;

  constructor(backend: Backend, options: SyncWatcherOptions = {}) {
    this.#backend = backend;
    this.#intervalMs = options.intervalMs ?? SYNC_POLL_MS;
    this.#document = options.document;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Starts polling while the page is visible; returns the function that stops it. */
  start(): () => void {
    return pollWhileVisible(() => this.refresh(), this.#intervalMs, this.#document ?? document);
  }

  async refresh(): Promise<void> {
    try {
      this.#show(await this.#backend.syncStatus());
    } catch {
      // Keep the last status: the indicator must never get in the way, and the next poll tries again.
    }
  }

  /** Asks Rust to sync now; a second tap while the first is on its way does nothing. */
  async sendNow(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    this.problem = null;
    try {
      this.#show(await this.#backend.syncNow());
    } catch (e) {
      this.problem = toCommandError(e).message;
    } finally {
      this.sending = false;
    }
  }

  #show(status: SyncStatus): void {
    this.status = status;
    this.readAt = this.#now();
    syncSignal(this.#backend).report(status.lastSuccess);
  }
}

/**
 * For a screen: runs `reload` each time a sync completes while it is shown; returns the function that
 * stops it (give it back from `onMount`). Screens with the sync indicator need nothing more, it reads
 * the status; `read: true` reads it here for a screen without one (every few seconds while visible).
 */
export function whenSynced(backend: Backend, reload: () => unknown, options: SyncWatcherOptions & { read?: boolean } = {}): () => void {
  const stopListening = syncSignal(backend).onSynced(() => void reload());
  const stopReading = options.read ? new SyncWatcher(backend, options).start() : () => {};
  return () => {
    stopReading();
    stopListening();
  };
}
