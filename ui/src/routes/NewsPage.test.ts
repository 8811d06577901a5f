import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { SYNC_POLL_MS } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { fakeSpeech } from '../lib/media/testing';
import NewsPage from './NewsPage.svelte';

afterEach(() => {
  setLocale('sq');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

describe('News', () => {
  it('with none yet, says so calmly', async () => {
    const setup = await mockApp({ locale: 'sr', people: [{ name: 'Ana' }] });
    render(NewsPage, { context: appContext(setup.app) });
    expect((await screen.findByTestId('news-empty')).textContent?.trim()).toBe('Još nema vesti od opštine.');
  });

  it('lists announcements newest first, with date, title, text and picture, in the language they were written in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const setup = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    setup.backend.control.publishAnnouncement({
      texts: { sq: { title: 'Uji ndërpritet', text: 'Të hënën nga ora 8 deri në 12.' } },
      publishedAt: new Date(2026, 4, 4, 10).getTime(),
    });
    setup.backend.control.publishAnnouncement({
      texts: { en: { title: 'Town meeting', text: 'Thursday at 18:00\nin the town hall.' }, sq: { title: 'Mbledhje', text: 'E enjte.' } },
      publishedAt: new Date(2026, 4, 6, 9).getTime(),
      picture: PNG,
    });
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    const speech = fakeSpeech();
    render(NewsPage, { context: appContext(setup.app) });

    const items = await screen.findAllByTestId('news-item');
    const read = (i: number, id: string) => items[i].querySelector(`[data-testid="${id}"]`) as HTMLElement;
    expect(items.map((_, i) => read(i, 'news-title').textContent)).toEqual(['Town meeting', 'Uji ndërpritet']);
    expect(read(0, 'news-date').textContent?.trim()).toBe('Published on 06/05/2026');
    expect(read(0, 'news-text').textContent).toBe('Thursday at 18:00\nin the town hall.');
    expect(read(1, 'news-title').getAttribute('lang'), 'an Albanian text is marked Albanian in an English UI').toBe('sq');
    expect(items[0].querySelector('.picture'), 'the picture has its place').not.toBeNull();
    expect(items[1].querySelector('.picture')).toBeNull();

    const listen = read(1, 'news-listen');
    expect(listen.getAttribute('aria-label')).toBe('Listen: Uji ndërpritet');
    await fireEvent.click(listen);
    expect(speech.spoken, 'read with the Albanian voice').toEqual([{ text: 'Uji ndërpritet. Të hënën nga ora 8 deri në 12.', lang: 'sq' }]);
  });

  it('shows what a sync brings, and drops what the municipality withdrew, by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const setup = await mockApp({ locale: 'mk', people: [{ name: 'Ана' }] });
    render(NewsPage, { context: appContext(setup.app) });
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(screen.getByTestId('news-empty')).toBeTruthy();

    const id = setup.backend.control.publishAnnouncement({ texts: { mk: { title: 'Вода', text: 'Нема вода во понеделник.' } } });
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);
    expect(screen.getByTestId('news-title').textContent).toBe('Вода');

    setup.backend.control.withdrawAnnouncement(id);
    await setup.backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);
    expect(screen.getByTestId('news-empty')).toBeTruthy();
  });
});
