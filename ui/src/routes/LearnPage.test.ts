import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { SYNC_POLL_MS } from '../lib/backend';
import LearnPage from './LearnPage.svelte';
import PractisePage from './PractisePage.svelte';

afterEach(() => vi.useRealTimers());

describe('Learn and Practise, while a sync completes', () => {
  it('a lesson the municipality published shows by itself, with no sync indicator on the screen', async () => {
    vi.useFakeTimers();
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const lessons = await backend.lessonsList();
    const lessonsList = vi.spyOn(backend, 'lessonsList');
    render(LearnPage, { context: appContext(app) });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getAllByTestId(/^lesson-/).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('lesson-published-today')).toBeNull();
    expect(screen.queryByTestId('sync-status')).toBeNull();

    lessonsList.mockResolvedValue([...lessons, { ...lessons[0], id: 'published-today', title: 'Paying a fee online', order: 99 }]);
    await vi.advanceTimersByTimeAsync(2 * SYNC_POLL_MS);
    expect(lessonsList, 'no sync, no reload').toHaveBeenCalledOnce();

    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);
    expect(screen.getByTestId('lesson-published-today').textContent).toContain('Paying a fee online');
    expect(lessonsList).toHaveBeenCalledTimes(2);
  });

  it('a new practice form shows by itself', async () => {
    vi.useFakeTimers();
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const forms = await backend.formsList();
    render(PractisePage, { context: appContext(app) });
    await vi.advanceTimersByTimeAsync(0);
    vi.spyOn(backend, 'formsList').mockResolvedValue([...forms, { ...forms[0], id: 'added-later', title: 'Birth certificate' }]);

    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);
    expect(screen.getByTestId('form-added-later').textContent).toContain('Birth certificate');
  });
});
