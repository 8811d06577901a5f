import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import type { SessionPlanInput } from '../lib/backend';
import SessionEditPage from './SessionEditPage.svelte';

const PLAN: SessionPlanInput = { date: '2026-05-12', village: 'Mali i Vogël', municipality: 'Fushë-Arrëz', country: 'al', topic: 'Phones', planned: ['demo-phone-on'] };

/** A volunteer's session, and its plan form opened from the session's screen. */
async function editing() {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Arben' }] });
  setup.backend.control.linkVolunteer('arben');
  const s = await setup.backend.sessionCreate(PLAN);
  setup.app.router.go({ name: 'session', id: s.id });
  setup.app.router.go({ name: 'session-edit', id: s.id });
  render(SessionEditPage, { props: { id: s.id }, context: appContext(setup.app) });
  await waitFor(() => expect((screen.getByTestId('session-topic') as HTMLInputElement).value).toBe('Phones'));
  return { ...setup, s };
}

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe('Session: changing the plan', () => {
  it('starts from the plan as it is, saves the change and goes back to the session', async () => {
    const { app, backend, s } = await editing();
    expect(input('session-date').value).toBe('2026-05-12');
    expect(input('session-village').value, 'a place written in is "another place"').toBe('');
    expect(input('session-place').value).toBe('Mali i Vogël');
    expect(input('session-municipality').value).toBe('Fushë-Arrëz');
    expect(input('session-lesson-demo-phone-on').checked).toBe(true);
    expect(input('session-lesson-demo-bus-time').checked).toBe(false);

    await fireEvent.change(input('session-village'), { target: { value: 'qelez' } });
    await fireEvent.input(input('session-date'), { target: { value: '2026-05-14' } });
    await fireEvent.input(input('session-topic'), { target: { value: 'Buses' } });
    await fireEvent.click(input('session-lesson-demo-phone-on'));
    await fireEvent.click(input('session-lesson-demo-bus-time'));
    await fireEvent.click(screen.getByTestId('session-edit-save'));

    await waitFor(() => expect(app.router.current).toEqual({ name: 'session', id: s.id }));
    const saved = await backend.sessionGet(s.id);
    expect(saved.plan).toEqual({ ...PLAN, date: '2026-05-14', village: 'qelez', topic: 'Buses', planned: ['demo-bus-time'] });
    expect(saved.villageName).toBe('Qelëz');
  });

  it('shows why a change was refused next to its field, and keeps the plan and the screen', async () => {
    const { app, backend, s } = await editing();
    await fireEvent.input(input('session-topic'), { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('session-edit-save'));
    const topicError = await screen.findByTestId('error-message');
    expect(topicError.dataset.field).toBe('topic');
    expect(input('session-topic').getAttribute('aria-invalid')).toBe('true');
    expect(input('session-topic').getAttribute('aria-describedby')).toContain(topicError.id);
    await waitFor(() => expect(document.activeElement).toBe(input('session-topic')));

    await fireEvent.input(input('session-topic'), { target: { value: 'Buses' } });
    await fireEvent.input(input('session-date'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('session-edit-save'));
    await waitFor(() => expect(screen.getByTestId('error-message').dataset.field).toBe('date'));
    expect(screen.getAllByTestId('error-message')).toHaveLength(1);
    expect(input('session-date').getAttribute('aria-invalid')).toBe('true');

    expect(app.router.current).toEqual({ name: 'session-edit', id: s.id });
    expect((await backend.sessionGet(s.id)).plan).toEqual(PLAN);
  });
});
