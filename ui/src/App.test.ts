import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { memoryStorage } from './lib/app/testing';
import { createMockBackend, MOCK_STORAGE_KEY } from './lib/backend/mock';
import { currentLocale, setLocale } from './lib/i18n/i18n.svelte';

afterEach(() => setLocale('sq'));

describe('first run', () => {
  it('asks for the language, then who is using the app, in that language', async () => {
    const backend = createMockBackend({ storage: memoryStorage() });
    render(App, { props: { backend } });
    await fireEvent.click(await screen.findByTestId('lang-mk'));
    expect(await screen.findByRole('heading', { name: 'Кој ја користи апликацијата?' })).toBeTruthy();
    expect(screen.getByTestId('new-person').textContent).toContain('Нова личност');
    expect(currentLocale()).toBe('mk');
    expect(document.documentElement.lang).toBe('mk');
    expect((await backend.appStart()).deviceLocale, 'the choice is stored').toBe('mk');
  });
});

describe('who is using the app', () => {
  async function deviceWithAna() {
    const backend = createMockBackend({ storage: memoryStorage() });
    await backend.deviceSetLocale('en');
    const ana = await backend.profileCreate({ name: 'Ana', avatar: 'bird', pin: '1234', locale: 'en' });
    const ben = await backend.profileCreate({ name: 'Ben', avatar: 'tree', pin: null, locale: 'sr' });
    await backend.profileClose();
    return { backend, ana, ben };
  }

  it('opens a person with a PIN through the PIN pad; a wrong PIN is said next to the field', async () => {
    const { backend, ana } = await deviceWithAna();
    render(App, { props: { backend } });
    const tile = await screen.findByTestId(`profile-tile-${ana.id}`);
    expect(tile.getAttribute('aria-label')).toBe('Ana, with PIN');
    await fireEvent.click(tile);

    const input = (await screen.findByTestId('pin-input')) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '9999' } });
    await fireEvent.click(screen.getByTestId('pin-submit'));
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toBe('That PIN is not right. Try again.');
    expect(error.dataset.field, 'shown next to the PIN, not in a banner').toBe('pin');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(input.value, 'the wrong PIN is cleared').toBe('');

    // The number keys type too.
    for (const digit of '1234') await fireEvent.click(screen.getByRole('button', { name: digit }));
    expect(input.value).toBe('1234');
    await fireEvent.click(screen.getByTestId('pin-submit'));
    expect(await screen.findByRole('heading', { name: 'Hello, Ana!' })).toBeTruthy();
  });

  it('opens a person without a PIN at once, in their language', async () => {
    const { backend, ben } = await deviceWithAna();
    render(App, { props: { backend } });
    await fireEvent.click(await screen.findByTestId(`profile-tile-${ben.id}`));
    expect(await screen.findByRole('heading', { name: 'Zdravo, Ben!' })).toBeTruthy();
    expect(screen.getByTestId('tile-requests').textContent).toContain('Moji zahtevi');
    expect(document.documentElement.lang).toBe('sr-Latn');
  });

  it('change person goes back to the picker', async () => {
    const { backend, ben } = await deviceWithAna();
    await backend.profileOpen(ben.id, null);
    render(App, { props: { backend } });
    await fireEvent.click(await screen.findByTestId('change-person'));
    expect(await screen.findByTestId('new-person')).toBeTruthy();
    expect((await backend.appStart()).active).toBeNull();
  });
});

describe('home', () => {
  it('has the five places; News opens (none yet), and Home brings you back', async () => {
    const backend = createMockBackend({ storage: memoryStorage() });
    await backend.deviceSetLocale('en');
    await backend.profileCreate({ name: 'Ana', avatar: 'bird', pin: null, locale: 'en' });
    render(App, { props: { backend } });
    for (const tile of ['learn', 'practise', 'requests', 'news', 'people']) expect(await screen.findByTestId(`tile-${tile}`)).toBeTruthy();
    await fireEvent.click(screen.getByTestId('tile-news'));
    expect((await screen.findByTestId('news-empty')).textContent).toBe('No news from the municipality yet.');
    await fireEvent.click(screen.getByTestId('home'));
    expect(await screen.findByTestId('tile-people')).toBeTruthy();
  });
});

describe('a damaged store', () => {
  it('is announced once in a banner', async () => {
    const storage = memoryStorage();
    storage.setItem(MOCK_STORAGE_KEY, 'garbage');
    const backend = createMockBackend({ storage });
    render(App, { props: { backend } });
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toMatch(/damaged|dëmtua|оштетен|oštećen/i);
    await fireEvent.click(screen.getByRole('button', { name: /Mbyll|Close|Затвори|Zatvori/ }));
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});
