import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { SYNC_POLL_MS, type AnswerView, type Locale } from '../lib/backend';
import { syncSignal } from '../lib/sync/synced';
import { fakeSpeech } from '../lib/media/testing';
import { setLocale } from '../lib/i18n/i18n.svelte';
import DraftPage from './DraftPage.svelte';

afterEach(() => {
  setLocale('sq');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function openDraft(fill: { category?: string; title?: string; text?: string } = {}, locale: Locale = 'en') {
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  const draft = await setup.backend.draftCreate('problem');
  await setup.backend.draftUpdate(draft.id, { kind: null, category: fill.category ?? null, title: fill.title ?? null, text: fill.text ?? null });
  setup.app.router.go({ name: 'requests' });
  setup.app.router.go({ name: 'draft', id: draft.id });
  render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
  await screen.findByTestId('draft-send');
  return { ...setup, id: draft.id };
}

async function sendConfirmed() {
  await fireEvent.click(screen.getByTestId('draft-send'));
  await fireEvent.click(await screen.findByTestId('confirm-yes'));
}

describe('Sending a request', () => {
  it('refused with nothing written: says so next to the text, and the request stays a draft', async () => {
    const { backend, id } = await openDraft({ category: 'roads' });
    await sendConfirmed();
    const error = await screen.findByTestId('error-message');
    expect(error.dataset.field).toBe('text');
    expect(error.textContent).toBe('Write, record or photograph what you want to tell the municipality first.');
    expect(screen.getByTestId('draft-text').getAttribute('aria-describedby')).toContain(error.id);
    expect((await backend.draftGet(id)).sentAt).toBeNull();
  });

  it('refused with no topic: says so next to the topic, in the person’s language, keeping the text', async () => {
    await openDraft({ text: 'Rruga është e prishur.' }, 'sq');
    await sendConfirmed();
    const error = await screen.findByTestId('error-message');
    expect(error.dataset.field).toBe('category');
    expect(error.textContent).toBe('Zgjidhni fillimisht një temë, që ta marrë zyra e duhur.');
    expect((screen.getByTestId('draft-text') as HTMLTextAreaElement).value).toBe('Rruga është e prishur.');
  });

  it('sends what was just typed, says "Sent", and shows it read-only with when it was sent', async () => {
    const { backend, id } = await openDraft({ title: 'Street light' });
    await fireEvent.change(screen.getByTestId('draft-category'), { target: { value: 'lighting' } });
    await fireEvent.input(screen.getByTestId('draft-text'), { target: { value: 'Dark since Monday.\nNear the school.' } });
    await sendConfirmed();

    const done = await screen.findByTestId('draft-sent-done');
    expect(done.textContent).toBe('Sent. The municipality will answer here.');
    expect(document.activeElement, 'the confirmation takes focus, so it is read out').toBe(done);
    expect(screen.getByTestId('draft-status').textContent?.trim()).toBe('Sent');
    expect(screen.getByTestId('draft-sent-at').textContent?.trim()).toMatch(/^Sent on \d{2}\/\d{2}\/\d{4} at \d{2}:\d{2}$/);
    expect(screen.getByTestId('draft-sent-title').textContent).toBe('Street light');
    expect(screen.getByTestId('draft-sent-text').textContent).toBe('Dark since Monday.\nNear the school.');
    expect(screen.getByTestId('draft-sent-category').textContent).toBe('Street lights');

    for (const gone of ['draft-text', 'draft-title', 'draft-category', 'draft-send', 'draft-delete']) {
      expect(screen.queryByTestId(gone), `a sent request has no ${gone}`).toBeNull();
    }
    expect(
      screen.queryAllByRole('textbox').map((el) => el.dataset.testid),
      'only the box for a new message can be written in on a sent request',
    ).toEqual(['talk-text']);

    const stored = await backend.draftGet(id);
    expect(stored.sentAt).not.toBeNull();
    expect(stored.text, 'the text typed just before sending went with it').toBe('Dark since Monday.\nNear the school.');
    expect((await backend.syncStatus()).pending, 'it waits for the next connection').toBe(1);
  });

  it('opening a sent request shows the read-only view, without the "just sent" message', async () => {
    const setup = await mockApp({ locale: 'mk', people: [{ name: 'Ана' }] });
    const draft = await setup.backend.draftCreate('question');
    await setup.backend.draftUpdate(draft.id, { kind: null, category: 'water', title: '', text: 'Кога ќе има вода?' });
    await setup.backend.draftSend(draft.id);
    render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });

    expect((await screen.findByTestId('draft-status')).textContent?.trim()).toBe('Испратено');
    expect(screen.getByTestId('draft-sent-text').textContent).toBe('Кога ќе има вода?');
    expect(screen.queryByTestId('draft-sent-done')).toBeNull();
    expect(screen.queryByTestId('draft-send')).toBeNull();
    expect(screen.queryByTestId('draft-delete')).toBeNull();
  });
});

describe('The municipality’s answer', () => {
  /** A sent request of Ana's, answered with `answer` (arrived with a mock sync), opened on its page. */
  async function openAnswered(answer: AnswerView | null, locale: Locale = 'en') {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
    const draft = await setup.backend.draftCreate('problem');
    await setup.backend.draftUpdate(draft.id, { kind: null, category: 'water', title: 'No water', text: 'Since Friday.' });
    await setup.backend.draftSend(draft.id);
    if (answer) setup.backend.control.municipalityAnswers(draft.id, answer);
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
    await screen.findByTestId('draft-sent');
    return setup;
  }

  const at = (day: number, hour: number) => new Date(2026, 4, day, hour, 5).getTime();

  it('reads as a conversation: the request first, then the replies oldest first, each with who and when', async () => {
    // Given out of order: the newest must still come last.
    await openAnswered({
      status: 'answered',
      expected: '2026-06-30',
      replies: [
        { by: 'Besa, water office', text: 'The pipe is mended.', at: at(12, 16) },
        { by: 'Arta, front desk', text: 'We have your request.', at: at(10, 9) },
      ],
    });

    const section = screen.getByTestId('draft-sent');
    const order = [...section.querySelectorAll('[data-testid="draft-sent-text"], [data-testid="answer-status"], [data-testid="answer-reply"]')].map(
      (el) => el.getAttribute('data-testid'),
    );
    expect(order, 'the request, then the status, then the replies').toEqual(['draft-sent-text', 'answer-status', 'answer-reply', 'answer-reply']);

    const replies = screen.getAllByTestId('answer-reply');
    const read = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(replies.map((r) => read(r, 'answer-reply-text'))).toEqual(['We have your request.', 'The pipe is mended.']);
    expect(replies.map((r) => read(r, 'answer-reply-by'))).toEqual(['Arta, front desk', 'Besa, water office']);
    expect(replies.map((r) => read(r, 'answer-reply-at'))).toEqual(['On 10/05/2026 at 09:05', 'On 12/05/2026 at 16:05']);

    expect(screen.getByTestId('answer-status').textContent?.trim()).toBe('Answered');
    expect(screen.getByTestId('answer-status').querySelector('svg'), 'the status has an icon').not.toBeNull();
    expect(screen.getByTestId('answer-expected').textContent?.trim()).toBe('Expected by 30/06/2026');
    expect(screen.queryByTestId('answer-waiting')).toBeNull();
  });

  it('reads a reply aloud in the UI language, from its own Listen button', async () => {
    const speech = fakeSpeech();
    await openAnswered(
      { status: 'fixed', expected: null, replies: [{ by: 'Arta', text: 'Rruga u rregullua.', at: at(3, 10) }] },
      'sq',
    );
    expect(screen.getByTestId('answer-status').textContent?.trim()).toBe('U rregullua');
    expect(screen.queryByTestId('answer-expected'), 'no date was set').toBeNull();
    const listen = screen.getByTestId('answer-listen');
    expect(listen.getAttribute('aria-label')).toBe('Dëgjo: përgjigjja nga Arta');
    await fireEvent.click(listen);
    expect(speech.spoken).toEqual([{ text: 'Rruga u rregullua.', lang: 'sq' }]);
  });

  it('with no answer yet, says calmly that the municipality will answer here', async () => {
    await openAnswered(null, 'sr');
    expect(screen.getByTestId('answer-waiting').textContent?.trim()).toBe('Još nema odgovora. Opština će vam odgovoriti ovde.');
    expect(screen.queryByTestId('answer')).toBeNull();
    expect(screen.queryAllByTestId('answer-reply')).toEqual([]);
  });

  it('a status with no reply yet shows the status alone', async () => {
    await openAnswered({ status: 'received', expected: null, replies: [] }, 'mk');
    expect(screen.getByTestId('answer-status').textContent?.trim()).toBe('Примено');
    expect(screen.queryAllByTestId('answer-reply')).toEqual([]);
    expect(screen.queryByTestId('answer-waiting')).toBeNull();
  });
});

describe('What a sync brings, while the request is on screen', () => {
  const ANSWER: AnswerView = {
    status: 'answered',
    expected: null,
    replies: [{ by: 'Arta, front desk', text: 'A crew comes on Monday.', at: new Date(2026, 4, 10, 9, 5).getTime() }],
  };

  it('the municipality’s reply shows by itself, with one polite note, without leaving the screen', async () => {
    vi.useFakeTimers();
    const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const draft = await setup.backend.draftCreate('problem');
    await setup.backend.draftUpdate(draft.id, { kind: null, category: 'water', title: 'No water', text: 'Since Friday.' });
    await setup.backend.draftSend(draft.id);
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000);
    const draftGet = vi.spyOn(setup.backend, 'draftGet');
    render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('answer-waiting')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(2 * SYNC_POLL_MS);
    expect(draftGet, 'no sync, no reload').toHaveBeenCalledOnce();
    const note = screen.getByTestId('answer-news');
    expect(note.getAttribute('aria-live')).toBe('polite');
    expect(note.textContent, 'nothing to say yet').toBe('');

    setup.backend.control.municipalityAnswers(draft.id, ANSWER);
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);

    expect(screen.getByTestId('answer-reply-text').textContent).toBe('A crew comes on Monday.');
    expect(screen.getByTestId('answer-status').textContent?.trim()).toBe('Answered');
    expect(screen.queryByTestId('answer-waiting')).toBeNull();
    expect(screen.getByTestId('answer-news').textContent).toBe('New from the municipality: Answered');
    expect(draftGet).toHaveBeenCalledTimes(2);

    // A sync that brings nothing for this request reloads it, but says nothing new.
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);
    expect(draftGet).toHaveBeenCalledTimes(3);
    expect(screen.getAllByTestId('answer-reply')).toHaveLength(1);
  });

  it('just sent: the "Sent" sentence keeps focus while the sync that carries it completes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { backend, id } = await openDraftFake({ category: 'roads', text: 'A hole.' });
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await vi.advanceTimersByTimeAsync(100);
    const done = screen.getByTestId('draft-sent-done');
    expect(document.activeElement).toBe(done);

    backend.control.municipalityAnswers(id, ANSWER);
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + 2 * SYNC_POLL_MS);
    expect(screen.getByTestId('answer-reply-text').textContent).toBe('A crew comes on Monday.');
    expect(screen.getByTestId('draft-sent-done'), 'the same sentence, not drawn again').toBe(done);
    expect(document.activeElement).toBe(done);
  });

  it('a draft being written is never reloaded under the person’s fingers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { backend } = await openDraftFake({ text: 'Start' });
    const draftGet = vi.spyOn(backend, 'draftGet');
    const text = screen.getByTestId('draft-text') as HTMLTextAreaElement;
    text.focus();
    await fireEvent.input(text, { target: { value: 'Start of what I type' } });

    // Syncs complete while the person types (read here by another screen's indicator).
    const signal = syncSignal(backend);
    signal.report(1);
    signal.report(2);
    signal.report(3);
    await vi.advanceTimersByTimeAsync(0);

    expect(draftGet, 'the editor does not reload').not.toHaveBeenCalled();
    expect(text.value).toBe('Start of what I type');
    expect(document.activeElement).toBe(text);
    expect(screen.queryByTestId('sync-status'), 'a draft shows no sync, so nothing polls').toBeNull();
  });
});

/** `openDraft`, for tests with fake timers (which `findBy…` cannot wait through). */
async function openDraftFake(fill: { category?: string; title?: string; text?: string }) {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
  const draft = await setup.backend.draftCreate('problem');
  await setup.backend.draftUpdate(draft.id, { kind: null, category: fill.category ?? null, title: fill.title ?? null, text: fill.text ?? null });
  render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
  await vi.advanceTimersByTimeAsync(0);
  expect(screen.getByTestId('draft-send')).toBeTruthy();
  return { ...setup, id: draft.id };
}
