import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { Locale } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import PlacePage from './PlacePage.svelte';

afterEach(() => setLocale('sq'));

async function openPlace(locale: Locale = 'en', location: { lat: number; lon: number } | null = null) {
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  const draft = await setup.backend.draftCreate('problem');
  if (location) await setup.backend.draftSetLocation(draft.id, location);
  setup.app.router.go({ name: 'draft', id: draft.id });
  setup.app.router.go({ name: 'place', draftId: draft.id });
  render(PlacePage, { props: { draftId: draft.id }, context: appContext(setup.app) });
  await screen.findByTestId('place-map');
  return { ...setup, id: draft.id };
}

describe('Choosing the place of a request', () => {
  it('first says why, and that it is optional; nothing is chosen and "Use" waits', async () => {
    await openPlace('sr');
    expect(screen.getByTestId('place-why').textContent?.trim()).toBe('Mesto pomaže radnicima da ga pronađu. Ne morate ga dodati.');
    expect(screen.getByTestId('place-where').textContent?.trim()).toBe('Mesto još nije izabrano.');
    expect(screen.getByTestId('place-use').hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('place-pin')).toBeNull();
  });

  it('draws the villages as labelled dots on a map with a name and keyboard help', async () => {
    await openPlace('en');
    const map = screen.getByTestId('place-map');
    expect(map.getAttribute('role')).toBe('application');
    expect(map.getAttribute('aria-label')).toBe('Map of Fushë-Arrëz');
    expect(map.getAttribute('tabindex')).toBe('0');
    const help = document.getElementById(map.getAttribute('aria-describedby')!.split(' ')[0]);
    expect(help?.textContent).toContain('arrows');
    const labels = [...map.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('Fushë-Arrëz');
    expect(labels).toHaveLength(9);
  });

  it('with the keyboard: an arrow puts the pin in the middle, arrows move it, Enter uses it and goes back', async () => {
    const { app, backend, id } = await openPlace('en');
    const map = screen.getByTestId('place-map');
    map.focus();
    await fireEvent.keyDown(map, { key: 'ArrowDown' });
    expect(screen.getByTestId('place-pin')).toBeTruthy();
    expect(screen.getByTestId('place-where').textContent?.trim(), 'the middle is near Iballë').toBe('Near Iballë');
    // Fourteen steps north, each a fortieth of the map: near Fierzë, in the north.
    for (let i = 0; i < 14; i++) await fireEvent.keyDown(map, { key: 'ArrowUp' });
    expect(screen.getByTestId('place-where').textContent?.trim(), 'the words follow the pin').toBe('Near Fierzë');
    await fireEvent.keyDown(map, { key: 'Enter' });
    await waitFor(() => expect(app.router.current).toMatchObject({ name: 'draft' }));
    const saved = (await backend.draftGet(id)).location;
    expect(saved).toMatchObject({ lat: 42.252, lon: 20.02, village: 'fierze' });
  });

  it('the list of villages puts the pin on one, for people who do not read maps', async () => {
    const { backend, id, app } = await openPlace('mk');
    const iballe = screen.getByTestId('place-village-iballe');
    await fireEvent.click(iballe);
    expect(iballe.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('place-where').textContent?.trim()).toBe('Близу Iballë');
    await fireEvent.click(screen.getByTestId('place-use'));
    await waitFor(() => expect(app.router.current).toMatchObject({ name: 'draft' }));
    expect((await backend.draftGet(id)).location).toMatchObject({ village: 'iballe', lat: 42.178, lon: 20 });
  });

  it('starts on the place already chosen', async () => {
    await openPlace('en', { lat: 42.0905, lon: 20.066 });
    expect(screen.getByTestId('place-village-qelez').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('place-where').textContent?.trim()).toBe('Near Qelëz');
  });

  it('a refusal shows next to the map, and the screen stays', async () => {
    const { backend, app } = await openPlace('sq');
    backend.control.failNext('draftSetLocation', 'invalid-input', 'location');
    await fireEvent.click(screen.getByTestId('place-village-blerim'));
    await fireEvent.click(screen.getByTestId('place-use'));
    const error = await screen.findByTestId('error-message');
    expect(error.dataset.field).toBe('location');
    expect(app.router.current).toMatchObject({ name: 'place' });
    expect(document.activeElement).toBe(screen.getByTestId('place-map'));
  });
});
