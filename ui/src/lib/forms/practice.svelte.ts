/**
 * One practice run of a form: the intro, one page at a time checked by the backend as the real service
 * would, then the end. What the person types stays in this object only — never stored, never logged:
 * practice may use a real personal number.
 */
import type { Backend, FormPageView, FormView, PracticeAttempt } from '../backend';

export type PracticePhase = 'loading' | 'intro' | 'page' | 'end' | 'failed';

export type PracticeOptions = {
  /** Reports a failed call (the page shows it in its banner). */
  onerror?: (e: unknown) => void;
};

export class PracticeRun {
  form = $state<FormView | null>(null);
  phase = $state<PracticePhase>('loading');
  attempt = $state<PracticeAttempt | null>(null);
  /** The page shown (0-based). */
  page = $state(0);
  /** What was typed, by field id: this run's memory only. */
  values = $state<Record<string, string>>({});
  /** The backend's words for each field with a problem on the page shown, by field id. */
  problems = $state<Record<string, string>>({});
  busy = $state(false);

  readonly #backend: Backend;
  readonly #id: string;
  readonly #options: PracticeOptions;

  constructor(backend: Backend, id: string, options: PracticeOptions = {}) {
    this.#backend = backend;
    this.#id = id;
    this.#options = options;
  }

  get pageCount(): number {
    return this.form?.pages.length ?? 0;
  }

  get currentPage(): FormPageView | null {
    return this.form?.pages[this.page] ?? null;
  }

  /** Whether the page shown has the SMS code field, so the practice SMS shows. */
  get pageHasOtp(): boolean {
    return this.currentPage?.fields.some((f) => f.kind === 'otp') ?? false;
  }

  async load(): Promise<void> {
    try {
      this.form = await this.#backend.formGet(this.#id);
      this.phase = 'intro';
    } catch (e) {
      this.phase = 'failed';
      this.#options.onerror?.(e);
    }
  }

  /** Starts a run (again): a new attempt, nothing typed, the first page. */
  async start(): Promise<void> {
    if (!this.form || this.busy) return;
    this.busy = true;
    try {
      this.attempt = await this.#backend.practiceStart(this.#id);
      this.values = {};
      this.problems = {};
      this.page = 0;
      this.phase = 'page';
    } catch (e) {
      this.#options.onerror?.(e);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Checks the page shown. With problems, keeps them by field and returns the id of the first field
   * at fault (to move focus there); when fine, goes to the next page or, after the last, finishes.
   */
  async checkPage(): Promise<string | null> {
    const page = this.currentPage;
    if (!this.form || !this.attempt || !page || this.busy) return null;
    this.busy = true;
    try {
      const values: Record<string, string> = {};
      for (const field of page.fields) values[field.id] = this.values[field.id] ?? '';
      const check = await this.#backend.practiceCheckPage(this.#id, this.attempt.attemptId, this.page, values);
      const problems: Record<string, string> = {};
      for (const p of check.problems) problems[p.field] ??= p.message;
      this.problems = problems;
      if (!check.ok || check.problems.length > 0) {
        return page.fields.find((f) => f.id in problems)?.id ?? null;
      }
      if (this.page + 1 < this.pageCount) {
        this.page += 1;
      } else {
        await this.#backend.practiceFinish(this.#id, this.attempt.attemptId);
        this.attempt = null;
        this.values = {};
        this.phase = 'end';
      }
      return null;
    } catch (e) {
      this.#options.onerror?.(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** One page back (the first page goes back to the intro). */
  back(): void {
    this.problems = {};
    if (this.phase === 'page' && this.page > 0) this.page -= 1;
    else if (this.phase === 'page') this.phase = 'intro';
  }

  /** Sets what was typed into `field`; its problem goes until the next check. */
  set(field: string, value: string): void {
    this.values[field] = value;
    if (field in this.problems) {
      const { [field]: _gone, ...rest } = this.problems;
      this.problems = rest;
    }
  }
}
