/**
 * Autosave for one draft. Typed text is kept here, in the field's state, and sent to Rust a short
 * moment after the last keystroke (not on every keystroke), and at once on `flush()` (blur, page hidden,
 * leaving the screen). A failed save keeps the text and the unsaved fields, shows the error, and tries
 * again on the next keystroke or after `retryMs`.
 */
import type { CommandError, Draft, DraftPatch, DraftSummary, SubmissionKind } from '../backend';
import { toCommandError } from '../app/errors';

export type SaveState = 'saved' | 'saving' | 'error';
export type DraftField = 'kind' | 'category' | 'title' | 'text';

export type AutosaveOptions = {
  /** Quiet time after the last change before saving; at most 500 ms (the draft must be stored within 1 s). */
  delayMs?: number;
  /** Wait before trying a failed save again by itself. */
  retryMs?: number;
};

/** Saves on their way, of every editor: a list shown after leaving an editor waits for them. */
const inFlight = new Set<Promise<void>>();

/** Resolves when every save started so far has finished (stored or failed). */
export async function savesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Errors that saving the same data again cannot cure: try again only when the person changes something. */
const NO_AUTO_RETRY = new Set(['invalid-input', 'not-found', 'no-active-profile']);

export class DraftAutosave {
  readonly id: string;
  kind = $state<SubmissionKind>('problem');
  /** The category id, '' for none. */
  category = $state('');
  title = $state('');
  text = $state('');
  state = $state<SaveState>('saved');
  error = $state<CommandError | null>(null);

  #save: (id: string, patch: DraftPatch) => Promise<DraftSummary>;
  #delayMs: number;
  #retryMs: number;
  #dirty = new Set<DraftField>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  #closed = false;

  constructor(draft: Draft, save: (id: string, patch: DraftPatch) => Promise<DraftSummary>, options: AutosaveOptions = {}) {
    this.id = draft.id;
    this.kind = draft.kind;
    this.category = draft.category ?? '';
    this.title = draft.title;
    this.text = draft.text;
    this.#save = save;
    this.#delayMs = Math.min(options.delayMs ?? 400, 500);
    this.#retryMs = options.retryMs ?? 3000;
  }

  /** Whether some change is not yet stored. */
  get pending(): boolean {
    return this.#dirty.size > 0 || this.#inFlight !== null;
  }

  setKind(kind: SubmissionKind): void {
    this.kind = kind;
    this.#changed('kind');
  }

  setCategory(category: string): void {
    this.category = category;
    this.#changed('category');
  }

  setTitle(title: string): void {
    this.title = title;
    this.#changed('title');
  }

  setText(text: string): void {
    this.text = text;
    this.#changed('text');
  }

  #changed(field: DraftField): void {
    if (this.#closed) return;
    this.#dirty.add(field);
    if (this.state !== 'error') this.state = 'saving';
    this.#schedule(this.#delayMs);
  }

  #schedule(ms: number): void {
    this.#cancelTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, ms);
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Saves now whatever is not yet stored; resolves when it is stored or has failed. */
  async flush(): Promise<void> {
    this.#cancelTimer();
    while (this.#inFlight) await this.#inFlight;
    if (this.#closed || this.#dirty.size === 0) return;

    const fields = [...this.#dirty];
    this.#dirty.clear();
    const patch: DraftPatch = { kind: null, category: null, title: null, text: null };
    for (const field of fields) {
      if (field === 'kind') patch.kind = this.kind;
      else if (field === 'category') patch.category = this.category;
      else if (field === 'title') patch.title = this.title;
      else patch.text = this.text;
    }

    this.state = 'saving';
    this.#inFlight = this.#save(this.id, patch).then(
      () => {
        this.error = null;
        // Changes typed while this save was on its way are still to be saved (their timer runs).
        this.state = this.#dirty.size > 0 ? 'saving' : 'saved';
      },
      (e: unknown) => {
        for (const field of fields) this.#dirty.add(field);
        this.error = toCommandError(e);
        this.state = 'error';
        if (!this.#closed && this.#timer === null && !NO_AUTO_RETRY.has(this.error.code)) this.#schedule(this.#retryMs);
      },
    );
    const pending = this.#inFlight;
    inFlight.add(pending);
    try {
      await pending;
    } finally {
      inFlight.delete(pending);
      this.#inFlight = null;
    }
  }

  /** Stops saving (the draft is being deleted); what is pending stays pending. */
  close(): void {
    this.#closed = true;
    this.#cancelTimer();
  }

  /** Saves again after `close()` (deleting failed), starting with whatever was pending. */
  reopen(): void {
    this.#closed = false;
    if (this.#dirty.size > 0) this.#schedule(this.#delayMs);
  }
}
