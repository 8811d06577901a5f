/**
 * One lesson played through: its steps one per screen, then the quiz one question per screen, then the
 * finished screen. Every step shown, every choice made and the end are told to the backend, which keeps
 * the progress; this class keeps only where the person is now.
 */
import type { Backend, LessonView, Media, QuizChoice } from '../backend';

export type LessonPhase = 'loading' | 'step' | 'quiz' | 'done' | 'failed';

/** What was said about the last choice on this question. */
export type Feedback = { choice: number; right: boolean; text: string };

export type LessonPlayerOptions = {
  /** Reports a failed call (the page shows it in its banner). */
  onerror?: (e: unknown) => void;
  /** Says the feedback of a choice aloud: its recording, else its words. */
  speak?: (media: Media | null, text: string) => void;
};

export class LessonPlayer {
  lesson = $state<LessonView | null>(null);
  phase = $state<LessonPhase>('loading');
  /** The step shown (0-based). */
  step = $state(0);
  /** The question shown (0-based). */
  question = $state(0);
  /** The feedback on the question shown, after a choice. */
  feedback = $state<Feedback | null>(null);
  /** Wrong choices tried on the question shown. */
  tried = $state<number[]>([]);

  readonly #backend: Backend;
  readonly #id: string;
  readonly #options: LessonPlayerOptions;

  constructor(backend: Backend, id: string, options: LessonPlayerOptions = {}) {
    this.#backend = backend;
    this.#id = id;
    this.#options = options;
  }

  get stepCount(): number {
    return this.lesson?.steps.length ?? 0;
  }

  get questionCount(): number {
    return this.lesson?.quiz.length ?? 0;
  }

  /** Whether the question shown has been answered right, so the person may go on. */
  get solved(): boolean {
    return this.feedback?.right === true;
  }

  /** Loads the lesson and opens it where the person left it. */
  async load(): Promise<void> {
    try {
      this.lesson = await this.#backend.lessonGet(this.#id);
    } catch (e) {
      this.phase = 'failed';
      this.#options.onerror?.(e);
      return;
    }
    const last = this.lesson.progress.lastStep;
    await this.showStep(Math.min(Math.max(0, last), Math.max(0, this.stepCount - 1)));
  }

  /** Shows step `index` and records it as seen. */
  async showStep(index: number): Promise<void> {
    if (!this.lesson) return;
    if (this.stepCount === 0) {
      await this.#toQuiz(0);
      return;
    }
    this.step = index;
    this.phase = 'step';
    try {
      const progress = await this.#backend.lessonSeeStep(this.#id, index);
      if (this.lesson) this.lesson.progress = progress;
    } catch (e) {
      this.#options.onerror?.(e);
    }
  }

  /** The one main action: the next step, the quiz after the last step, the end after the last question. */
  async next(): Promise<void> {
    if (this.phase === 'step') {
      if (this.step + 1 < this.stepCount) await this.showStep(this.step + 1);
      else await this.#toQuiz(0);
    } else if (this.phase === 'quiz') {
      if (!this.solved) return;
      if (this.question + 1 < this.questionCount) await this.#toQuiz(this.question + 1);
      else await this.finish();
    }
  }

  /** One screen back within the lesson. */
  async back(): Promise<void> {
    if (this.phase === 'step' && this.step > 0) await this.showStep(this.step - 1);
    else if (this.phase === 'quiz') {
      if (this.question > 0) await this.#toQuiz(this.question - 1);
      else if (this.stepCount > 0) await this.showStep(this.stepCount - 1);
    }
  }

  /** Whether `back` has somewhere to go. */
  get canGoBack(): boolean {
    return (this.phase === 'step' && this.step > 0) || (this.phase === 'quiz' && (this.question > 0 || this.stepCount > 0));
  }

  /** A choice on the question shown: feedback at once (seen and heard), and the choice recorded. */
  async choose(index: number): Promise<void> {
    const choice: QuizChoice | undefined = this.lesson?.quiz[this.question]?.choices[index];
    if (this.phase !== 'quiz' || !choice) return;
    this.feedback = { choice: index, right: choice.right, text: choice.feedback };
    if (!choice.right && !this.tried.includes(index)) this.tried = [...this.tried, index];
    this.#options.speak?.(choice.feedbackAudio, choice.feedback);
    try {
      const progress = await this.#backend.lessonAnswer(this.#id, this.question, index);
      if (this.lesson) this.lesson.progress = progress;
    } catch (e) {
      this.#options.onerror?.(e);
    }
  }

  /** The lesson is done: recorded, and the finished screen shown. */
  async finish(): Promise<void> {
    this.phase = 'done';
    try {
      const progress = await this.#backend.lessonFinish(this.#id);
      if (this.lesson) this.lesson.progress = progress;
    } catch (e) {
      this.#options.onerror?.(e);
    }
  }

  /** The lesson again from its first step. */
  async repeat(): Promise<void> {
    this.feedback = null;
    this.tried = [];
    this.question = 0;
    await this.showStep(0);
  }

  async #toQuiz(index: number): Promise<void> {
    if (this.questionCount === 0) {
      await this.finish();
      return;
    }
    this.question = index;
    this.feedback = null;
    this.tried = [];
    this.phase = 'quiz';
  }
}
