import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { Locale } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import PeoplePage from './PeoplePage.svelte';

afterEach(() => setLocale('sq'));

async function anaWithDrafts(count: number, locale: Locale = 'en') {
  const setup = await mockApp({ locale, people: [{ name: 'Ben' }, { name: 'Ana' }] });
  for (let i = 0; i < count; i++) await setup.backend.draftCreate('problem');
  setup.app.router.go({ name: 'people' });
  render(PeoplePage, { context: appContext(setup.app) });
  return setup;
}

describe('People: delete this person', () => {
  it('says the name and how many unsent requests will be lost', async () => {
    await anaWithDrafts(3);
    await fireEvent.click(screen.getByTestId('profile-delete'));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Delete Ana? 3 unsent requests will be lost.');
  });

  it('uses the right plural in Serbian', async () => {
    await anaWithDrafts(3, 'sr');
    await fireEvent.click(screen.getByTestId('profile-delete'));
    expect((await screen.findByTestId('confirm-message')).textContent).toBe('Obrisati osobu Ana? Izgubiće se 3 neposlata zahteva.');
  });

  it('with one request, says one', async () => {
    await anaWithDrafts(1);
    await fireEvent.click(screen.getByTestId('profile-delete'));
    expect((await screen.findByTestId('confirm-message')).textContent).toBe('Delete Ana? 1 unsent request will be lost.');
  });

  it('"keep" deletes nothing; "delete" deletes only Ana and goes back to the picker', async () => {
    const { app, backend } = await anaWithDrafts(2);
    const remove = vi.spyOn(backend, 'profileDelete');
    await fireEvent.click(screen.getByTestId('profile-delete'));
    await fireEvent.click(await screen.findByTestId('confirm-no'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(remove).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('profile-delete'));
    await fireEvent.click(await screen.findByTestId('confirm-yes'));
    await vi.waitFor(() => expect(app.router.current).toEqual({ name: 'who' }));
    expect(remove).toHaveBeenCalledOnce();
    expect(app.active).toBeNull();
    expect(app.profiles.map((p) => p.name)).toEqual(['Ben']);
  });
});

describe('People: the active person', () => {
  it('renames, and a wrong name is said next to the field', async () => {
    const { app } = await anaWithDrafts(0);
    const name = screen.getByTestId('profile-name');
    await fireEvent.input(name, { target: { value: '  ' } });
    await fireEvent.click(screen.getByTestId('profile-rename'));
    expect(screen.getByTestId('error-message').textContent).toBe('Write a name.');
    await fireEvent.input(name, { target: { value: 'Ana Marku' } });
    await fireEvent.click(screen.getByTestId('profile-rename'));
    await vi.waitFor(() => expect(app.active?.name).toBe('Ana Marku'));
  });

  it('changes the language of this person, and the app follows', async () => {
    const { app } = await anaWithDrafts(0);
    await fireEvent.click(screen.getByTestId('lang-mk'));
    await vi.waitFor(() => expect(app.active?.locale).toBe('mk'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Луѓе' })).toBeTruthy();
  });
});
