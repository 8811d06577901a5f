// The request page with what issue #5 added: a request of only a voice note and a topic, the place, and
// the conversation on a sent request (messages and replies in time order, and the box for a new message).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { Locale } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { fakeSpeech } from '../lib/media/testing';
import DraftPage from './DraftPage.svelte';

afterEach(() => {
  setLocale('sq');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const second = () => Int16Array.from({ length: 16_000 }, (_, i) => Math.round(800 * Math.sin(i / 7)));

async function open(locale: Locale, prepare: (backend: Awaited<ReturnType<typeof mockApp>>['backend'], id: string) => Promise<void>) {
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  const draft = await setup.backend.draftCreate('problem');
  await prepare(setup.backend, draft.id);
  setup.app.router.go({ name: 'requests' });
  setup.app.router.go({ name: 'draft', id: draft.id });
  render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
  return { ...setup, id: draft.id };
}

describe('A request made only of a voice note', () => {
  it('is sent with a topic and no words, and the sent view has its player', async () => {
    const { backend, id } = await open('en', async (b, id) => {
      await b.draftUpdate(id, { kind: null, category: 'roads', title: null, text: null });
      await b.draftAttachVoice(id, second(), 16_000);
    });
    await screen.findByTestId('voice-play');
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(await screen.findByTestId('confirm-yes'));
    await screen.findByTestId('draft-sent-done');
    expect((await backend.draftGet(id)).sentAt).not.toBeNull();
    expect(screen.getByTestId('voice-play-length').textContent?.trim()).toBe('Length: 0:01');
    expect(screen.queryByTestId('voice-record'), 'no recording on a sent request').toBeNull();
  });

  it('without a microphone (none here), Record says so and the rest of the editor still works', async () => {
    await open('sr', async () => {});
    await fireEvent.click(await screen.findByTestId('voice-record'));
    expect((await screen.findByTestId('voice-problem')).dataset.problem).toBe('no-microphone');
    await fireEvent.input(screen.getByTestId('draft-text'), { target: { value: 'Rupa na putu' } });
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('saved'));
  });
});

describe('The place of a request', () => {
  it('is offered as optional, opens its own screen, and shows "Near" the village once chosen', async () => {
    const { app } = await open('en', async (b, id) => void (await b.draftSetLocation(id, { lat: 42.09, lon: 20.065 })));
    expect((await screen.findByTestId('place-near')).textContent?.trim()).toBe('Near Qelëz');
    await fireEvent.click(screen.getByTestId('place-remove'));
    await screen.findByTestId('place-add');
    expect(screen.getByText('Place (if you want)')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('place-add'));
    await waitFor(() => expect(app.router.current).toMatchObject({ name: 'place' }));
  });

  it('shows the village on the sent request', async () => {
    await open('mk', async (b, id) => {
      await b.draftUpdate(id, { kind: null, category: 'roads', title: 'Дупка', text: null });
      await b.draftSetLocation(id, { lat: 42.253, lon: 20.04 });
      await b.draftSend(id);
    });
    expect((await screen.findByTestId('place-near')).textContent?.trim()).toBe('Близу Fierzë');
    expect(screen.queryByTestId('place-change')).toBeNull();
  });
});

describe('The conversation on a sent request', () => {
  const at = (day: number, hour: number) => new Date(2026, 4, day, hour, 0).getTime();

  it('merges my messages and the replies by time, the newest at the bottom, each saying who and with Listen', async () => {
    const speech = fakeSpeech();
    let now = at(11, 12);
    const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }], now: () => now });
    const draft = await setup.backend.draftCreate('problem');
    await setup.backend.draftUpdate(draft.id, { kind: null, category: 'water', title: 'No water', text: 'Since Friday.' });
    await setup.backend.draftSend(draft.id);
    await setup.backend.draftAddMessage(draft.id, 'Still none today.');
    setup.backend.control.municipalityAnswers(draft.id, {
      status: 'in-progress',
      expected: null,
      replies: [
        { by: 'Arta', text: 'We have it.', at: at(10, 9) },
        { by: 'Besa', text: 'A crew comes tomorrow.', at: at(12, 9) },
      ],
    });
    await setup.backend.syncNow();
    await new Promise((done) => setTimeout(done, 1100));
    now = at(13, 8);
    render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });

    await screen.findByTestId('conversation');
    const turns = [...document.querySelectorAll('[data-who]')].map((el) => `${el.getAttribute('data-who')}: ${el.querySelector('.text')?.textContent}`);
    expect(turns).toEqual(['municipality: We have it.', 'me: Still none today.', 'municipality: A crew comes tomorrow.']);
    const mine = screen.getByTestId('talk-mine');
    expect(mine.textContent).toContain('You');
    expect(mine.textContent).toContain('On 11/05/2026 at 12:00');
    await fireEvent.click(mine.querySelector('[data-testid="talk-listen"]')!);
    expect(speech.spoken).toEqual([{ text: 'Still none today.', lang: 'en' }]);
    expect(screen.getAllByTestId('answer-listen')).toHaveLength(2);

    // A new message goes at the bottom; the box empties, and a note says it is kept.
    await fireEvent.input(screen.getByTestId('talk-text'), { target: { value: '  Thank you!  ' } });
    await fireEvent.click(screen.getByTestId('talk-send'));
    await waitFor(() => expect(screen.getAllByTestId('talk-mine')).toHaveLength(2));
    const last = [...document.querySelectorAll('[data-who]')].at(-1)!;
    expect([last.getAttribute('data-who'), last.querySelector('.text')?.textContent]).toEqual(['me', 'Thank you!']);
    expect((screen.getByTestId('talk-text') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('talk-kept').textContent).toBe('Your message is saved. It leaves with the next connection.');
    expect((await setup.backend.draftGet(draft.id)).messages.map((m) => m.text)).toEqual(['Still none today.', 'Thank you!']);
  });

  it('an empty message is refused next to the box, in the person’s language, and the box keeps focus', async () => {
    await open('sq', async (b, id) => {
      await b.draftUpdate(id, { kind: null, category: 'roads', title: 'Gropë', text: null });
      await b.draftSend(id);
    });
    expect(screen.queryByTestId('conversation'), 'nothing said yet, no empty list').toBeNull();
    const box = await screen.findByTestId('talk-text');
    await fireEvent.input(box, { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('talk-send'));
    const error = await screen.findByTestId('error-message');
    expect([error.dataset.field, error.textContent]).toEqual(['message', 'Shkruani ose thoni diçka para se të dërgoni mesazhin.']);
    expect(box.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(box);
  });
});
