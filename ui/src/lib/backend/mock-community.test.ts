// The mock's rules for issue #6 — volunteers, community sessions, requests written with a helper and
// the skills assessment — the same as Rust's (crates/client/src/sessions.rs, drafts.rs, assessments.rs;
// crates/core/src/session.rs, submission.rs, assessment.rs).
import { describe, expect, it } from 'vitest';
import { errorOf, memoryStorage } from '../app/testing';
import { createMockBackend } from './mock';
import { levelOf, meanOfMeans, score } from './mock-assessment';
import type { RegistrationInput, SessionPlanInput } from './types';

const PLAN: SessionPlanInput = { date: '2026-05-12', village: 'qelez', municipality: 'Fushë-Arrëz', country: 'al', topic: 'Phones', planned: ['demo-phone-on'] };
const FACTS: RegistrationInput = { gender: 'woman', age: '55-74', settlement: 'rural', country: 'al', groups: ['older-person', 'first-phone'], consent: 'tap' };

async function device() {
  const backend = createMockBackend({ storage: memoryStorage(), syncMs: 10 });
  await backend.deviceSetLocale('en');
  const resident = await backend.profileCreate({ name: 'Drita', avatar: 'flower', pin: null, locale: 'sq' });
  const volunteer = await backend.profileCreate({ name: 'Arben', avatar: 'sun', pin: null, locale: 'en' });
  return { backend, resident, volunteer };
}

describe('mock backend: volunteers', () => {
  it('refuses sessions to a profile that is not a volunteer, and links one with the server’s account', async () => {
    const { backend } = await device();
    expect(await backend.volunteerStatus()).toEqual({ username: null });
    expect((await errorOf(backend.sessionsList())).code).toBe('not-volunteer');
    expect((await errorOf(backend.sessionCreate(PLAN))).code).toBe('not-volunteer');
    backend.control.volunteerAccount('arben', 'secret-word');
    expect((await errorOf(backend.volunteerLink('arben', 'wrong'))).code).toBe('volunteer-refused');
    backend.control.setSync('offline');
    expect((await errorOf(backend.volunteerLink('arben', 'secret-word'))).code).toBe('offline');
    backend.control.setSync(null);
    expect(await backend.volunteerLink('arben', 'secret-word')).toEqual({ username: 'arben' });
    expect(await backend.sessionsList()).toEqual([]);
    expect((await backend.helpersList()).map((h) => h.username)).toEqual(['arben']);
  });

  it('says "too many attempts" after five wrong passwords', async () => {
    const { backend } = await device();
    backend.control.volunteerAccount('arben', 'secret-word');
    for (let i = 0; i < 5; i++) expect((await errorOf(backend.volunteerLink('arben', 'no'))).code).toBe('volunteer-refused');
    expect((await errorOf(backend.volunteerLink('arben', 'secret-word'))).code).toBe('too-many-attempts');
  });
});

describe('mock backend: sessions', () => {
  it('checks the plan, names the village, and lists the latest day first', async () => {
    const { backend } = await device();
    backend.control.linkVolunteer('arben');
    expect((await errorOf(backend.sessionCreate({ ...PLAN, date: '2026-02-30' }))).field).toBe('date');
    expect((await errorOf(backend.sessionCreate({ ...PLAN, topic: '  ' }))).field).toBe('topic');
    expect((await errorOf(backend.sessionCreate({ ...PLAN, village: '' }))).field).toBe('topic');
    const first = await backend.sessionCreate(PLAN);
    expect(first.villageName).toBe('Qelëz');
    await backend.sessionCreate({ ...PLAN, date: '2026-06-01', village: 'Shkodër' });
    expect((await backend.sessionsList()).map((s) => [s.date, s.villageName])).toEqual([
      ['2026-06-01', 'Shkodër'],
      ['2026-05-12', 'Qelëz'],
    ]);
  });

  it('keeps the facts only with consent, marks attendance, and takes people off', async () => {
    const { backend, resident } = await device();
    backend.control.linkVolunteer('arben');
    const s = await backend.sessionCreate(PLAN);
    let view = await backend.sessionRegister(s.id, resident.id, { ...FACTS, consent: null });
    expect(view.attendees[0]).toMatchObject({ name: 'Drita', present: true, gender: null, age: null, settlement: null, country: null, groups: [], consent: null });
    view = await backend.sessionRegister(s.id, resident.id, { ...FACTS, groups: ['first-phone', 'older-person', 'first-phone'] });
    expect(view.attendees[0]).toMatchObject({ gender: 'woman', age: '55-74', groups: ['first-phone', 'older-person'], consent: 'tap' });
    view = await backend.sessionSetPresent(s.id, resident.id, false);
    expect(view.attendees[0].present).toBe(false);
    expect((await backend.sessionsList())[0]).toMatchObject({ registered: 1, present: 0 });
    view = await backend.sessionUnregister(s.id, resident.id);
    expect(view.attendees).toEqual([]);
    expect((await errorOf(backend.sessionSetPresent(s.id, resident.id, true))).code).toBe('not-found');
    expect((await errorOf(backend.sessionRegister(s.id, 'p-nobody', FACTS))).code).toBe('not-found');
  });

  it('registers someone new without leaving the volunteer’s profile', async () => {
    const { backend, volunteer } = await device();
    backend.control.linkVolunteer('arben');
    const s = await backend.sessionCreate(PLAN);
    expect((await errorOf(backend.sessionRegisterNew(s.id, { name: ' ', avatar: 'moon', pin: null, locale: 'mk' }, FACTS))).field).toBe('name');
    expect((await backend.profilesList()).length, 'a refused one leaves no profile').toBe(2);
    const view = await backend.sessionRegisterNew(s.id, { name: 'Vesna', avatar: 'moon', pin: null, locale: 'mk' }, FACTS);
    expect(view.attendees.map((a) => a.name)).toEqual(['Vesna']);
    expect((await backend.appStart()).active?.id).toBe(volunteer.id);
    expect((await backend.profilesList()).map((p) => p.name)).toContain('Vesna');
  });

  it('records what a person learned on the session’s day, and keeps the note trimmed', async () => {
    const { backend, resident } = await device();
    backend.control.linkVolunteer('arben');
    const today = new Date().toISOString().slice(0, 10);
    const s = await backend.sessionCreate({ ...PLAN, date: today });
    await backend.sessionRegister(s.id, resident.id, FACTS);
    // The resident learns on their own profile…
    await backend.profileOpen(resident.id, null);
    await backend.lessonFinish('demo-phone-on');
    await backend.practiceStart('demo-family-certificate');
    await backend.practiceStart('demo-family-certificate');
    // …and the volunteer records it.
    const all = await backend.profilesList();
    await backend.profileOpen(all.find((p) => p.name === 'Arben')!.id, null);
    const view = await backend.sessionRecordLearning(s.id, resident.id);
    expect(view.attendees[0]).toMatchObject({ lessons: ['demo-phone-on'], forms: ['demo-family-certificate'] });
    expect((await backend.sessionSetNote(s.id, '  Ten people came.  ')).note).toBe('Ten people came.');
    expect((await errorOf(backend.sessionSetNote(s.id, 'x'.repeat(2001)))).field).toBe('text');
  });
});

describe('mock backend: requests written with a helper', () => {
  async function assisted() {
    const d = await device();
    d.backend.control.linkVolunteer('arben', d.volunteer.id);
    await d.backend.profileOpen(d.resident.id, null);
    const draft = await d.backend.draftCreate('problem');
    await d.backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: 'Road', text: 'Holes' });
    return { ...d, draft };
  }

  it('sends only after the person agreed, and says who helped', async () => {
    const { backend, volunteer, resident, draft } = await assisted();
    expect((await errorOf(backend.draftSetAssisted(draft.id, resident.id))).code, 'only a volunteer helps').toBe('not-volunteer');
    const marked = await backend.draftSetAssisted(draft.id, volunteer.id);
    expect(marked.assisted).toEqual({ by: volunteer.id, name: 'arben', consent: null, withdrawn: false });
    const refused = await errorOf(backend.draftSend(draft.id));
    expect([refused.code, refused.field]).toEqual(['invalid-input', 'consent']);
    expect((await backend.draftRecordConsent(draft.id)).assisted?.consent).toBe('tap');
    expect((await backend.draftSend(draft.id)).sentAt).not.toBeNull();
  });

  it('takes a spoken yes, and refuses consent for a request written alone', async () => {
    const { backend, volunteer, draft } = await assisted();
    const alone = await backend.draftCreate('question');
    expect((await errorOf(backend.draftRecordConsent(alone.id))).field).toBe('consent');
    await backend.draftSetAssisted(draft.id, volunteer.id);
    expect((await errorOf(backend.draftRecordConsentVoice(draft.id, new Int16Array(0), 16_000))).field).toBe('voice');
    const yes = Int16Array.from({ length: 16_000 }, (_, i) => Math.round(800 * Math.sin(i / 4)));
    expect((await backend.draftRecordConsentVoice(draft.id, yes, 16_000)).assisted?.consent).toBe('voice');
  });

  it('lets the volunteer follow the request only while consent stands', async () => {
    const { backend, volunteer, resident, draft } = await assisted();
    await backend.draftSetAssisted(draft.id, volunteer.id);
    await backend.draftRecordConsent(draft.id);
    await backend.draftSend(draft.id);
    await backend.profileOpen(volunteer.id, null);
    expect((await backend.helpedRequestsList()).map((h) => [h.id, h.resident])).toEqual([[draft.id, 'Drita']]);
    expect((await backend.helpedRequestGet(draft.id)).title).toBe('Road');
    await backend.profileOpen(resident.id, null);
    expect((await errorOf(backend.helpedRequestsList())).code, 'the resident is no volunteer').toBe('not-volunteer');
    const withdrawn = await backend.draftWithdrawConsent(draft.id);
    expect(withdrawn.assisted?.withdrawn).toBe(true);
    await backend.profileOpen(volunteer.id, null);
    expect(await backend.helpedRequestsList()).toEqual([]);
    expect((await errorOf(backend.helpedRequestGet(draft.id))).code).toBe('not-found');
  });
});

describe('skills assessment scoring (as crates/core/src/assessment.rs)', () => {
  const items = [
    { id: 'a', area: 'information' as const },
    { id: 'b', area: 'information' as const },
    { id: 'c', area: 'communication' as const },
    { id: 'd', area: 'communication' as const },
    { id: 'e', area: 'safety' as const },
  ];
  const tasks = [
    { id: 't1', area: 'communication' as const },
    { id: 't2', area: 'safety' as const },
  ];

  it.each([
    [{ total: 0, count: 1 }, 'foundation-1'],
    [{ total: 3, count: 4 }, 'foundation-1'],
    [{ total: 1, count: 1 }, 'foundation-2'],
    [{ total: 13, count: 8 }, 'foundation-2'],
    [{ total: 7, count: 4 }, 'intermediate-3'],
    [{ total: 9, count: 4 }, 'intermediate-3'],
    [{ total: 5, count: 2 }, 'intermediate-4'],
    [{ total: 3, count: 1 }, 'intermediate-4'],
  ] as const)('mean %o is %s', (mean, level) => {
    expect(levelOf(mean)).toBe(level);
  });

  it('averages the answers per area, leaves unassessed areas null, and weighs areas the same overall', () => {
    const s = score(items, tasks, { a: 'with-help', b: 'on-my-own', c: 'can-teach' }, {});
    expect(s.areas.map((a) => a.mean && a.mean.total / a.mean.count)).toEqual([1.5, 3, null, null, null]);
    expect(s.overall).toEqual({ total: 9, count: 4 });
    expect(meanOfMeans([])).toBeNull();
  });

  it('counts a task done as one more "on my own", never lowering the person’s own answers', () => {
    const lifted = score(items, tasks, { c: 'cannot-do' }, { t1: true });
    expect(lifted.areas[1]).toMatchObject({ mean: { total: 1, count: 1 }, answered: 1, observed: 1 });
    const kept = score(items, tasks, { c: 'can-teach' }, { t1: true });
    expect(kept.areas[1].mean).toEqual({ total: 3, count: 1 });
    const alone = score(items, tasks, {}, { t2: true, t1: false });
    expect(alone.areas[3].mean, 'a task alone assesses its area').toEqual({ total: 2, count: 1 });
    expect(alone.areas[1].mean, 'a task not done is no evidence').toBeNull();
  });

  it('rates, observes, finishes, and compares before and after in the mock', async () => {
    const { backend, resident, volunteer } = await device();
    await backend.profileOpen(resident.id, null);
    const instrument = await backend.assessmentInstrumentGet();
    expect(instrument.locale).toBe('sq');
    expect(instrument.scale.map((s) => s.rating)).toEqual(['cannot-do', 'with-help', 'on-my-own', 'can-teach']);
    const first = await backend.assessmentStart(null);
    await backend.assessmentRate(first.id, 'find-opening-hours', 'with-help');
    expect((await errorOf(backend.assessmentRate(first.id, 'no-such-item', 'with-help'))).code).toBe('not-found');
    const done = await backend.assessmentFinish(first.id);
    expect(done.areas[0]).toMatchObject({ area: 'information', score: 1, level: 'foundation-2' });
    expect(done.areas[1].score, 'not asked is null, not zero').toBeNull();
    expect((await errorOf(backend.assessmentRate(first.id, 'check-news', 'can-teach'))).code, 'finished takes no answers').toBe('not-found');
    const second = await backend.assessmentStart(volunteer.id);
    await backend.assessmentRate(second.id, 'find-opening-hours', 'on-my-own');
    await backend.assessmentObserve(second.id, 'call-or-voice-message', true);
    await backend.assessmentFinish(second.id);
    expect((await backend.assessmentsList()).map((a) => a.id)).toEqual([second.id, first.id]);
    const c = await backend.assessmentCompare(first.id, second.id);
    expect(c.areas.map((a) => a.trend)).toEqual(['up', null, null, null, null]);
    expect(c.areas[0].difference).toBe(1);
    await backend.profileOpen(volunteer.id, null);
    expect((await errorOf(backend.assessmentCompare(first.id, second.id))).code, 'another person’s are not found').toBe('not-found');
  });
});
