import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { Locale } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { fakeSpeech } from '../lib/media/testing';
import LearnPage from './LearnPage.svelte';
import LessonPage from './LessonPage.svelte';

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('sq');
});

async function openLesson(locale: Locale = 'en') {
  const speech = fakeSpeech();
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  setup.app.router.go({ name: 'learn' });
  setup.app.router.go({ name: 'lesson', id: 'demo-phone-on' });
  render(LessonPage, { props: { id: 'demo-phone-on' }, context: appContext(setup.app) });
  await screen.findByTestId('lesson-step');
  return { ...setup, speech };
}

async function toQuiz() {
  for (let i = 0; i < 3; i++) await fireEvent.click(screen.getByTestId('lesson-next'));
  return screen.findByTestId('quiz-question');
}

describe('Learn: the lessons list', () => {
  it('shows the sections with each lesson’s minutes and status', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    await backend.lessonSeeStep('demo-phone-on', 0);
    await backend.lessonFinish('demo-bus-time');
    render(LearnPage, { context: appContext(app) });
    const first = await screen.findByTestId('lesson-demo-phone-on');
    expect(screen.getByTestId('course-beginners').querySelector('h2')?.textContent).toBe('First steps');
    expect(first.textContent).toContain('3 min');
    expect(first.textContent).toContain('1 of 3');
    expect(screen.getByTestId('lesson-demo-bus-time').textContent).toContain('Done');
    await fireEvent.click(first);
    expect(app.router.current).toEqual({ name: 'lesson', id: 'demo-phone-on' });
  });
});

describe('Learn: a lesson', () => {
  it('shows one step at a time, with Listen, Back and Next, and records each step', async () => {
    const { backend } = await openLesson();
    const see = vi.spyOn(backend, 'lessonSeeStep');
    expect(screen.getByTestId('lesson-step-text').textContent).toBe('This is your phone. Hold it with two hands.');
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(screen.getByTestId('lesson-listen').textContent).toContain('Listen');
    expect(screen.queryByTestId('lesson-back'), 'nothing before the first step').toBeNull();
    await fireEvent.click(screen.getByTestId('lesson-next'));
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Step 2 of 3'));
    await fireEvent.click(screen.getByTestId('lesson-back'));
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(see.mock.calls.map((c) => c[1])).toEqual([1, 0]);
  });

  it('reads a step without a recording with the platform speech, and stops on a second press', async () => {
    const { speech } = await openLesson();
    await fireEvent.click(screen.getByTestId('lesson-next'));
    const listen = screen.getByTestId('lesson-listen');
    await fireEvent.click(listen);
    await vi.waitFor(() => expect(speech.spoken.at(-1)?.text).toMatch(/Press the button on the side/));
    expect(listen.getAttribute('aria-label')).toBe('Stop');
    await fireEvent.click(listen);
    expect(listen.getAttribute('data-playing')).toBe('false');
  });

  it('gives feedback at once: a wrong choice explained and spoken, a right one green with a check', async () => {
    const { backend, speech } = await openLesson();
    const answer = vi.spyOn(backend, 'lessonAnswer');
    await toQuiz();
    expect(screen.getByText('Question 1 of 2')).toBeTruthy();
    expect(screen.queryByTestId('lesson-next')).toBeNull();

    await fireEvent.click(screen.getByTestId('quiz-choice-1'));
    const wrong = await screen.findByTestId('quiz-feedback');
    expect(wrong.dataset.right).toBe('false');
    expect(wrong.textContent).toContain('Not this one.');
    expect(wrong.textContent).toContain('A dark screen does not help. Try again.');
    expect(screen.getByTestId('quiz-choice-1').dataset.result).toBe('wrong');
    await vi.waitFor(() => expect(speech.spoken.at(-1)?.text).toContain('A dark screen does not help'));
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toContain('Not this one.');

    await fireEvent.click(screen.getByTestId('quiz-choice-0'));
    const right = await screen.findByTestId('quiz-feedback');
    expect(right.dataset.right).toBe('true');
    expect(screen.getByTestId('quiz-choice-0').dataset.result).toBe('right');
    expect(answer.mock.calls.map((c) => c[2])).toEqual([1, 0]);
    expect(screen.getByTestId('lesson-next')).toBeTruthy();
  });

  it('ends with praise, what was learnt, back to the lessons and repeat', async () => {
    const { app, backend } = await openLesson();
    const finish = vi.spyOn(backend, 'lessonFinish');
    await toQuiz();
    await fireEvent.click(screen.getByTestId('quiz-choice-0'));
    await fireEvent.click(screen.getByTestId('lesson-next'));
    await fireEvent.click(await screen.findByTestId('quiz-choice-1'));
    expect(screen.getByTestId('lesson-next').textContent).toContain('Finish');
    await fireEvent.click(screen.getByTestId('lesson-next'));
    const done = await screen.findByTestId('lesson-done');
    expect(done.textContent).toContain('Well done!');
    expect(done.textContent).toContain('Demo: Turn on the phone');
    expect(finish).toHaveBeenCalledWith('demo-phone-on');

    await fireEvent.click(screen.getByTestId('lesson-repeat'));
    expect(await screen.findByText('Step 1 of 3')).toBeTruthy();
    for (let i = 0; i < 3; i++) await fireEvent.click(screen.getByTestId('lesson-next'));
    await fireEvent.click(await screen.findByTestId('quiz-choice-0'));
    await fireEvent.click(screen.getByTestId('lesson-next'));
    await fireEvent.click(await screen.findByTestId('quiz-choice-1'));
    await fireEvent.click(screen.getByTestId('lesson-next'));
    await fireEvent.click(await screen.findByTestId('lesson-done-list'));
    expect(app.router.current).toEqual({ name: 'learn' });
  });

  it('says which language a lesson is shown in when the person’s is missing', async () => {
    await openLesson('mk');
    expect(screen.getByTestId('language-notice').textContent?.trim()).toBe('Оваа лекција е на English.');
    expect(screen.getByTestId('lesson-step-text').getAttribute('lang')).toBe('en');
  });

  it('shows no language notice when the lesson is in the person’s language', async () => {
    await openLesson('sq');
    expect(screen.queryByTestId('language-notice')).toBeNull();
  });
});
