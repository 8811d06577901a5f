import { describe, expect, it } from 'vitest';
import { errorOf, memoryStorage } from '../app/testing';
import { createMockBackend, MOCK_STORAGE_KEY } from './mock';
import type { Locale } from './types';

async function person(locale: Locale = 'en') {
  const storage = memoryStorage();
  const backend = createMockBackend({ storage });
  await backend.deviceSetLocale(locale);
  const ana = await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale });
  return { backend, storage, ana };
}

describe('mock backend: lessons', () => {
  it('lists demo lessons of different courses, new at first, in the person’s language', async () => {
    const { backend } = await person('sq');
    const lessons = await backend.lessonsList();
    expect(new Set(lessons.map((l) => l.course)).size).toBeGreaterThanOrEqual(2);
    for (const l of lessons) {
      expect(l.status).toBe('new');
      expect(l.locale).toBe('sq');
      expect(l.stepCount).toBeGreaterThanOrEqual(3);
      expect(l.title).toMatch(/^Demo/);
    }
  });

  it('falls back to English where a lesson has no Macedonian', async () => {
    const { backend } = await person('mk');
    const lesson = await backend.lessonGet('demo-phone-on');
    expect(lesson.locale).toBe('en');
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps progress: steps seen, the last step, answers, done', async () => {
    const { backend } = await person();
    await backend.lessonSeeStep('demo-phone-on', 0);
    let progress = await backend.lessonSeeStep('demo-phone-on', 2);
    expect(progress).toMatchObject({ seen: [0, 2], lastStep: 2, done: false });
    expect((await backend.lessonsList()).find((l) => l.id === 'demo-phone-on')).toMatchObject({ status: 'started', seenCount: 2 });
    progress = await backend.lessonAnswer('demo-phone-on', 1, 0);
    expect(progress.answers).toEqual([null, 0]);
    progress = await backend.lessonFinish('demo-phone-on');
    expect(progress.done).toBe(true);
    expect((await backend.lessonGet('demo-phone-on')).progress.lastStep).toBe(2);
    expect((await backend.lessonsList()).find((l) => l.id === 'demo-phone-on')?.status).toBe('done');
  });

  it('refuses a step or answer that does not exist, and an unknown lesson', async () => {
    const { backend } = await person();
    expect((await errorOf(backend.lessonSeeStep('demo-phone-on', 9))).code).toBe('invalid-input');
    expect((await errorOf(backend.lessonAnswer('demo-phone-on', 0, 5))).code).toBe('invalid-input');
    expect((await errorOf(backend.lessonGet('nope'))).code).toBe('not-found');
  });

  it('keeps one person’s progress from another', async () => {
    const { backend } = await person();
    await backend.lessonFinish('demo-bus-time');
    await backend.profileCreate({ name: 'Ben', avatar: 'moon', pin: null, locale: 'en' });
    expect((await backend.lessonsList()).every((l) => l.status === 'new')).toBe(true);
  });

  it('gives media bytes by hash', async () => {
    const { backend } = await person();
    const lesson = await backend.lessonGet('demo-phone-on');
    const bytes = await backend.mediaGet(lesson.picture!.hash);
    expect(new TextDecoder().decode(bytes)).toMatch(/^<svg /);
    expect(lesson.picture!.mime).toBe('image/svg+xml');
    expect((await errorOf(backend.mediaGet('nope'))).code).toBe('not-found');
  });
});

describe('mock backend: practice forms', () => {
  it('lists forms of different portals; one asks for an SMS code', async () => {
    const { backend } = await person();
    const forms = await backend.formsList();
    expect(forms.length).toBeGreaterThanOrEqual(2);
    expect(new Set(forms.map((f) => f.portal)).size).toBeGreaterThanOrEqual(2);
    const form = await backend.formGet('demo-family-certificate');
    expect(form.pages.flatMap((p) => p.fields.map((f) => f.kind))).toEqual(expect.arrayContaining(['otp', 'personal-number']));
    expect(form.serviceSteps.length).toBeGreaterThan(0);
  });

  it('checks a page as the real service would: required and length, in the person’s words', async () => {
    const { backend } = await person();
    const { attemptId, otp } = await backend.practiceStart('demo-family-certificate');
    expect(otp).toMatch(/^[0-9]{6}$/);
    let check = await backend.practiceCheckPage('demo-family-certificate', attemptId, 0, { nid: 'J123', name: '' });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.field)).toEqual(['nid', 'name']);
    expect(check.problems[0].message).toBe('The personal number has 10 signs. You wrote 4.');
    expect(check.problems[1].message).toBe('Fill in this box.');
    check = await backend.practiceCheckPage('demo-family-certificate', attemptId, 0, { nid: 'J65101123A', name: 'Ana' });
    expect(check).toEqual({ ok: true, problems: [] });
  });

  it('says the problems in Albanian for an Albanian person', async () => {
    const { backend } = await person('sq');
    const { attemptId } = await backend.practiceStart('demo-family-certificate');
    const check = await backend.practiceCheckPage('demo-family-certificate', attemptId, 0, { nid: '', name: '' });
    expect(check.problems[0].message).toMatch(/numrin personal/i);
  });

  it('takes only the code of this practice SMS', async () => {
    const { backend } = await person();
    const { attemptId, otp } = await backend.practiceStart('demo-family-certificate');
    const wrong = otp === '000000' ? '111111' : '000000';
    let check = await backend.practiceCheckPage('demo-family-certificate', attemptId, 1, { phone: '0691234567', otp: wrong });
    expect(check.problems.map((p) => p.field)).toEqual(['otp']);
    check = await backend.practiceCheckPage('demo-family-certificate', attemptId, 1, { phone: '0691234567', otp: otp! });
    expect(check.ok).toBe(true);
  });

  it('counts practice and finishing, and stores nothing that was typed', async () => {
    const { backend, storage } = await person();
    const { attemptId } = await backend.practiceStart('demo-family-certificate');
    await backend.practiceCheckPage('demo-family-certificate', attemptId, 0, { nid: 'J65101123A', name: 'Ana' });
    expect((await backend.formsList()).find((f) => f.id === 'demo-family-certificate')).toMatchObject({ attempts: 1, finished: false });
    await backend.practiceFinish('demo-family-certificate', attemptId);
    expect((await backend.formsList()).find((f) => f.id === 'demo-family-certificate')).toMatchObject({ attempts: 1, finished: true });
    expect(storage.getItem(MOCK_STORAGE_KEY)).not.toContain('J65101123A');
    expect((await errorOf(backend.practiceFinish('demo-family-certificate', attemptId))).code).toBe('not-found');
  });

  it('refuses another person’s practice run', async () => {
    const { backend } = await person();
    const { attemptId } = await backend.practiceStart('demo-id-appointment');
    await backend.profileCreate({ name: 'Ben', avatar: 'moon', pin: null, locale: 'en' });
    expect((await errorOf(backend.practiceCheckPage('demo-id-appointment', attemptId, 0, {}))).code).toBe('not-found');
  });
});
