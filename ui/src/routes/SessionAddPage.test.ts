import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { setLocale } from '../lib/i18n/i18n.svelte';
import SessionAddPage from './SessionAddPage.svelte';

afterEach(() => setLocale('sq'));

async function session() {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Drita', locale: 'sq' }, { name: 'Arben' }] });
  setup.backend.control.linkVolunteer('arben');
  const s = await setup.backend.sessionCreate({ date: '2026-05-12', village: 'qelez', municipality: 'Fushë-Arrëz', country: 'al', topic: 'Phones', planned: [] });
  setup.app.router.go({ name: 'session-add', id: s.id });
  render(SessionAddPage, { props: { id: s.id }, context: appContext(setup.app) });
  return { ...setup, s };
}

describe('Session: adding a person', () => {
  it('explains and asks in the person’s own language, and keeps only what they chose to say, with consent', async () => {
    const { backend, profiles, s } = await session();
    await fireEvent.click(await screen.findByTestId(`add-person-${profiles[0].id}`));
    const explain = await screen.findByTestId('facts-explain');
    expect(explain.getAttribute('lang')).toBe('sq');
    expect(explain.textContent).toContain('dhuruesve');
    await fireEvent.click(screen.getByTestId('add-next'));
    await fireEvent.click(await screen.findByTestId('fact-answer-woman'));
    await fireEvent.click(screen.getByTestId('add-next'));
    await fireEvent.click(await screen.findByTestId('fact-answer-none'));
    for (let i = 0; i < 4; i++) await fireEvent.click(screen.getByTestId('add-next'));
    await fireEvent.click(await screen.findByTestId('facts-consent-yes'));
    await screen.findByTestId('add-done');
    const attendee = (await backend.sessionGet(s.id)).attendees[0];
    expect(attendee).toMatchObject({ name: 'Drita', gender: 'woman', age: null, consent: 'tap', groups: [] });
  });

  it('keeps nothing when the person says no, and makes someone new without leaving the volunteer', async () => {
    const { backend, app, s } = await session();
    await fireEvent.click(await screen.findByTestId('add-someone-new'));
    await fireEvent.input(screen.getByTestId('add-name'), { target: { value: 'Vesna' } });
    await fireEvent.click(screen.getByTestId('lang-mk'));
    await fireEvent.click(screen.getByTestId('add-next'));
    expect((await screen.findByTestId('facts-explain')).getAttribute('lang')).toBe('mk');
    await fireEvent.click(screen.getByTestId('add-next'));
    await fireEvent.click(await screen.findByTestId('fact-answer-man'));
    for (let i = 0; i < 5; i++) await fireEvent.click(screen.getByTestId('add-next'));
    await fireEvent.click(await screen.findByTestId('facts-consent-no'));
    await screen.findByTestId('add-done');
    const attendee = (await backend.sessionGet(s.id)).attendees[0];
    expect(attendee).toMatchObject({ name: 'Vesna', gender: null, consent: null });
    expect(app.active?.name).toBe('Arben');
  });
});
