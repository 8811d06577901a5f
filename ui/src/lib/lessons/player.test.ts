import { describe, expect, it, vi } from 'vitest';
import { mockApp } from '../app/testing';
import { LessonPlayer } from './player.svelte';
import { byCourse } from './list';

async function setup() {
  const { backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
  const see = vi.spyOn(backend, 'lessonSeeStep');
  const answer = vi.spyOn(backend, 'lessonAnswer');
  const finish = vi.spyOn(backend, 'lessonFinish');
  const speak = vi.fn();
  const onerror = vi.fn();
  const lesson = new LessonPlayer(backend, 'demo-phone-on', { speak, onerror });
  return { backend, lesson, see, answer, finish, speak, onerror };
}

describe('a lesson, step by step', () => {
  it('opens at the first step, records each step shown, and goes back and forth', async () => {
    const { lesson, see } = await setup();
    await lesson.load();
    expect(lesson.phase).toBe('step');
    expect(lesson.step).toBe(0);
    expect(lesson.canGoBack).toBe(false);
    await lesson.next();
    await lesson.next();
    expect(lesson.step).toBe(2);
    await lesson.back();
    expect(lesson.step).toBe(1);
    expect(see.mock.calls.map((c) => c[1])).toEqual([0, 1, 2, 1]);
    expect(lesson.lesson?.progress.seen).toEqual([0, 1, 2]);
  });

  it('reopens where the person left it', async () => {
    const { backend, lesson } = await setup();
    await backend.lessonSeeStep('demo-phone-on', 2);
    await lesson.load();
    expect(lesson.step).toBe(2);
  });

  it('goes to the quiz after the last step', async () => {
    const { lesson } = await setup();
    await lesson.load();
    for (let i = 0; i < 3; i++) await lesson.next();
    expect(lesson.phase).toBe('quiz');
    expect(lesson.question).toBe(0);
    await lesson.back();
    expect(lesson).toMatchObject({ phase: 'step', step: 2 });
  });

  it('says a wrong choice kindly, lets the person try again, records every choice, and goes on after a right one', async () => {
    const { lesson, answer, speak } = await setup();
    await lesson.load();
    for (let i = 0; i < 3; i++) await lesson.next();

    await lesson.choose(1);
    expect(lesson.feedback).toMatchObject({ choice: 1, right: false });
    expect(lesson.feedback?.text).toMatch(/Try again/);
    expect(lesson.tried).toEqual([1]);
    expect(speak).toHaveBeenLastCalledWith(null, lesson.feedback?.text);
    await lesson.next();
    expect(lesson.question, 'no going on before a right answer').toBe(0);

    await lesson.choose(0);
    expect(lesson.solved).toBe(true);
    expect(speak).toHaveBeenLastCalledWith(null, 'Well done! That is how it turns on.');
    expect(answer.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      [0, 1],
      [0, 0],
    ]);
    await lesson.next();
    expect(lesson.question).toBe(1);
    expect(lesson.feedback).toBeNull();
  });

  it('finishes after the last question, and repeats from the first step', async () => {
    const { lesson, finish, see } = await setup();
    await lesson.load();
    for (let i = 0; i < 3; i++) await lesson.next();
    await lesson.choose(0);
    await lesson.next();
    await lesson.choose(1);
    await lesson.next();
    expect(lesson.phase).toBe('done');
    expect(finish).toHaveBeenCalledWith('demo-phone-on');
    expect(lesson.lesson?.progress.done).toBe(true);
    see.mockClear();
    await lesson.repeat();
    expect(lesson).toMatchObject({ phase: 'step', step: 0 });
    expect(see).toHaveBeenCalledWith('demo-phone-on', 0);
  });

  it('reports a lesson that cannot be loaded', async () => {
    const { backend, onerror } = await setup();
    const lesson = new LessonPlayer(backend, 'no-such-lesson', { onerror });
    await lesson.load();
    expect(lesson.phase).toBe('failed');
    expect(onerror).toHaveBeenCalledOnce();
  });
});

describe('the lessons list', () => {
  it('has sections in course order, lessons in their order', async () => {
    const { backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const sections = byCourse(await backend.lessonsList());
    expect(sections.map((s) => s.course)).toEqual(['beginners', 'everyday']);
    expect(sections[0].messageId).toBe('learn-course-beginners');
  });
});
