/**
 * Saves a session's note as it is typed, like a draft: a short pause after the last key, or leaving the
 * field, saves it; the state says "Saving…", "Saved" or why not (the text stays in the field).
 */
import type { CommandError } from '../backend';
import { toCommandError } from '../app/errors';
import type { SaveState } from '../requests/autosave.svelte';

export class NoteAutosave {
  state = $state<SaveState>('saved');
  error = $state<CommandError | null>(null);
  #text: string;
  #saved: string;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  readonly #save: (note: string) => Promise<unknown>;
  readonly #delayMs: number;

  constructor(initial: string, save: (note: string) => Promise<unknown>, delayMs = 600) {
    this.#text = initial;
    this.#saved = initial;
    this.#save = save;
    this.#delayMs = delayMs;
  }

  /** The person typed: saved after a pause. */
  set(text: string): void {
    this.#text = text;
    this.state = 'saving';
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Saves now what is not saved yet. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
    if (this.#text === this.#saved) {
      if (this.state === 'saving') this.state = 'saved';
      return;
    }
    const text = this.#text;
    this.#running = (async () => {
      try {
        await this.#save(text);
        this.#saved = text;
        this.error = null;
        this.state = this.#text === text ? 'saved' : 'saving';
      } catch (e) {
        this.error = toCommandError(e);
        this.state = 'error';
      }
    })();
    await this.#running;
    this.#running = null;
  }
}
