import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { RegistrationInput } from '../lib/backend';
import SessionPage from './SessionPage.svelte';

const FACTS: RegistrationInput = { gender: null, age: null, settlement: null, country: null, groups: [], consent: null };

/** A volunteer's session with two people of the device on its list. */
async function session() {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Drita' }, { name: 'Vesna' }, { name: 'Arben' }] });
  const [drita, vesna] = setup.profiles;
  setup.backend.control.linkVolunteer('arben');
  const s = await setup.backend.sessionCreate({ date: '2026-05-12', village: 'qelez', municipality: 'Fushë-Arrëz', country: 'al', topic: 'Phones', planned: [] });
  await setup.backend.sessionRegister(s.id, drita.id, FACTS);
  await setup.backend.sessionRegister(s.id, vesna.id, FACTS);
  setup.app.router.go({ name: 'session', id: s.id });
  render(SessionPage, { props: { id: s.id }, context: appContext(setup.app) });
  await screen.findByTestId(`attendee-${drita.id}`);
  return { ...setup, s, drita, vesna };
}

describe('Session screen', () => {
  it('opens the plan form with "Edit"', async () => {
    const { app, s } = await session();
    await fireEvent.click(screen.getByTestId('session-edit'));
    expect(app.router.current).toEqual({ name: 'session-edit', id: s.id });
  });

  it('takes a person off the list after asking, and keeps their profile on the device', async () => {
    const { backend, s, drita, vesna } = await session();
    const card = screen.getByTestId(`attendee-${drita.id}`);
    await fireEvent.click(within(card).getByTestId('attendee-remove'));
    expect(screen.getByTestId('confirm-message').textContent).toContain('Drita');
    expect(screen.getByTestId('confirm-detail').textContent).toContain('stays on this phone');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-no')));

    // "Keep" changes nothing.
    await fireEvent.click(screen.getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-message')).toBeNull();
    expect((await backend.sessionGet(s.id)).attendees).toHaveLength(2);

    await fireEvent.click(within(screen.getByTestId(`attendee-${drita.id}`)).getByTestId('attendee-remove'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(screen.queryByTestId(`attendee-${drita.id}`)).toBeNull());
    expect(screen.queryByTestId('confirm-message')).toBeNull();
    expect(screen.getByTestId(`attendee-${vesna.id}`)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'One person' })).toBe(document.activeElement);

    expect((await backend.sessionGet(s.id)).attendees.map((a) => a.profile)).toEqual([vesna.id]);
    expect((await backend.profilesList()).map((p) => p.name)).toContain('Drita');
  });
});
