import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { appContext } from '../lib/app/context';
import { errorOf, mockApp } from '../lib/app/testing';
import type { MockBackend } from '../lib/backend/mock';
import type { Rating } from '../lib/backend';
import TakenCheckPage from './TakenCheckPage.svelte';
import TakenPage from './TakenPage.svelte';

/** Takes a check as the open person, with `takenBy` (or alone), answering every sentence `rating`; finished unless told. */
async function takeCheck(backend: MockBackend, takenBy: string | null, rating: Rating, finish = true) {
  const instrument = await backend.assessmentInstrumentGet();
  let a = await backend.assessmentStart(takenBy);
  for (const item of instrument.items) a = await backend.assessmentRate(a.id, item.id, rating);
  return finish ? backend.assessmentFinish(a.id) : a;
}

/** Drita and Vesna took checks with Arben (a volunteer), alone, with Besa (another volunteer), and one not finished. */
async function checks() {
  const setup = await mockApp({ locale: 'en', people: [{ name: 'Drita' }, { name: 'Vesna' }, { name: 'Besa' }, { name: 'Arben' }] });
  const [drita, vesna, besa, arben] = setup.profiles;
  const { backend } = setup;
  backend.control.linkVolunteer('arben', arben.id);
  backend.control.linkVolunteer('besa', besa.id);
  await backend.profileOpen(drita.id, null);
  const older = await takeCheck(backend, arben.id, 'with-help');
  await takeCheck(backend, null, 'can-teach');
  await takeCheck(backend, arben.id, 'on-my-own', false);
  await backend.profileOpen(vesna.id, null);
  const newer = await takeCheck(backend, arben.id, 'can-teach');
  await takeCheck(backend, besa.id, 'cannot-do');
  await backend.profileOpen(arben.id, null);
  return { ...setup, drita, vesna, besa, arben, older, newer };
}

describe('Skills checks I took', () => {
  it('lists only the finished checks the volunteer took, newest first, and opens one read-only', async () => {
    const { app, older, newer } = await checks();
    render(TakenPage, { context: appContext(app) });
    const items = await screen.findAllByTestId(/^taken-item-/);
    expect(items.map((i) => i.dataset.testid)).toEqual([`taken-item-${newer.id}`, `taken-item-${older.id}`]);
    expect(items[0].textContent).toContain('Vesna');
    expect(items[1].textContent).toContain('Drita');
    expect(within(items[0]).getAllByTestId(/^taken-area-/)).toHaveLength(5);
    expect(within(items[0]).getByTestId('taken-area-information').textContent).toContain('Strong');
    expect(within(items[1]).getByTestId('taken-area-information').textContent).toContain('Getting there');

    await fireEvent.click(items[1]);
    expect(app.router.current).toEqual({ name: 'taken-check', id: older.id });
  });

  it('shows the results with the strengths and no way to change an answer', async () => {
    const { app, older } = await checks();
    render(TakenCheckPage, { props: { id: older.id }, context: appContext(app) });
    const view = await screen.findByTestId('taken-check');
    expect(view.textContent).toContain('Drita');
    expect(within(view).getAllByTestId(/^skills-area-/)).toHaveLength(5);
    expect(within(view).getByTestId('skills-area-information').dataset.level).toBe('foundation-2');
    expect(view.querySelectorAll('button, input, select, textarea')).toHaveLength(0);
  });

  it('says so when there is none', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Arben' }] });
    backend.control.linkVolunteer('arben');
    render(TakenPage, { context: appContext(app) });
    expect((await screen.findByTestId('taken-empty')).textContent).toContain('not done a skills check');
  });

  it('refuses a profile that is not a volunteer', async () => {
    const { backend } = await mockApp({ locale: 'en', people: [{ name: 'Drita' }] });
    expect((await errorOf(backend.assessmentsTakenList())).code).toBe('not-volunteer');
  });
});
