import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import { SYNC_POLL_MS, type AnswerStatus } from '../lib/backend';
import RequestsPage from './RequestsPage.svelte';

const DAY = 24 * 60 * 60 * 1000;

describe('My requests', () => {
  it('lists the person’s requests newest first, whatever order they come in', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const now = Date.now();
    vi.spyOn(backend, 'draftsList').mockResolvedValue([
      { id: 'old', kind: 'question', category: null, categoryName: null, title: 'Old one', preview: 'asked long ago', updatedAt: now - 3 * DAY, sentAt: null, answerStatus: null },
      { id: 'new', kind: 'problem', category: 'roads', categoryName: 'Roads and bridges', title: '', preview: 'a hole', updatedAt: now, sentAt: null, answerStatus: null },
      { id: 'mid', kind: 'proposal', category: null, categoryName: null, title: 'A bench', preview: '', updatedAt: now - DAY, sentAt: null, answerStatus: null },
    ]);
    app.router.go({ name: 'requests' });
    render(RequestsPage, { context: appContext(app) });

    await screen.findByTestId('draft-item-new');
    const order = [...document.querySelectorAll('[data-testid^="draft-item-"]')].map((el) => el.getAttribute('data-testid'));
    expect(order).toEqual(['draft-item-new', 'draft-item-mid', 'draft-item-old']);

    const newest = screen.getByTestId('draft-item-new').textContent ?? '';
    expect(newest).toContain('(no title)');
    expect(newest).toContain('Problem');
    expect(newest).toContain('Today');
    expect(screen.getByTestId('draft-item-mid').textContent).toContain('Yesterday');
    expect(screen.getByTestId('draft-item-old').textContent).toContain('3 days ago');
  });

  it('marks each request with its status, in an icon and a word', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const sent = await backend.draftCreate('problem');
    await backend.draftUpdate(sent.id, { kind: null, category: 'roads', title: 'A hole', text: 'Near the school' });
    await backend.draftSend(sent.id);
    const draft = await backend.draftCreate('question');
    render(RequestsPage, { context: appContext(app) });

    const sentItem = await screen.findByTestId(`draft-item-${sent.id}`);
    const draftItem = screen.getByTestId(`draft-item-${draft.id}`);
    expect(sentItem.dataset.status).toBe('sent');
    expect(draftItem.dataset.status).toBe('draft');
    const badge = (item: HTMLElement) => item.querySelector<HTMLElement>('[data-testid="draft-status"]');
    expect(badge(sentItem)?.textContent?.trim()).toBe('Sent');
    expect(badge(draftItem)?.textContent?.trim()).toBe('Draft');
    expect(badge(sentItem)?.querySelector('svg'), 'the word comes with an icon').not.toBeNull();

    await fireEvent.click(sentItem);
    expect(app.router.current).toEqual({ name: 'draft', id: sent.id });
  });

  it('shows the municipality’s status, in an icon and a short word, once it answered', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const now = Date.now();
    const words: [AnswerStatus | null, string][] = [
      [null, 'Sent'],
      ['received', 'Received'],
      ['in-progress', 'In progress'],
      ['answered', 'Answered'],
      ['fixed', 'Fixed'],
      ['not-our-responsibility', 'Not ours'],
      ['closed', 'Closed'],
    ];
    vi.spyOn(backend, 'draftsList').mockResolvedValue(
      words.map(([answerStatus], i) => ({
        id: `r${i}`,
        kind: 'problem' as const,
        category: 'roads',
        categoryName: 'Roads and bridges',
        title: `Request ${i}`,
        preview: '',
        updatedAt: now - i,
        sentAt: now - i,
        answerStatus,
      })),
    );
    render(RequestsPage, { context: appContext(app) });
    await screen.findByTestId('draft-item-r0');

    const seen = words.map((_, i) => {
      const item = screen.getByTestId(`draft-item-r${i}`);
      const badge = item.querySelector<HTMLElement>('[data-testid="draft-status"]');
      expect(badge?.querySelector('svg'), 'each word comes with an icon').not.toBeNull();
      return [item.dataset.status, badge?.textContent?.trim()];
    });
    expect(seen).toEqual(words.map(([status, word]) => [status ?? 'sent', word]));
  });

  it('offers "New request" as the main action, also when there is nothing yet', async () => {
    const { app } = await mockApp({ locale: 'sq', people: [{ name: 'Ana' }] });
    render(RequestsPage, { context: appContext(app) });
    expect((await screen.findByTestId('requests-empty')).textContent).toBe('Nuk keni ende kërkesa.');
    expect(screen.getByTestId('draft-new').textContent).toContain('Kërkesë e re');
  });
});

describe('My requests, while a sync completes', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the municipality’s new status by itself, keeping focus where it was', async () => {
    vi.useFakeTimers();
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const sent = await backend.draftCreate('problem');
    await backend.draftUpdate(sent.id, { kind: null, category: 'roads', title: 'A hole', text: 'Near the school' });
    await backend.draftSend(sent.id);
    render(RequestsPage, { context: appContext(app) });
    await vi.advanceTimersByTimeAsync(0);
    const item = screen.getByTestId(`draft-item-${sent.id}`);
    expect(item.dataset.status).toBe('sent');
    item.focus();

    backend.control.municipalityAnswers(sent.id, { status: 'in-progress', expected: null, replies: [] });
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000 + SYNC_POLL_MS);

    expect(screen.getByTestId(`draft-item-${sent.id}`), 'the same button, not drawn again').toBe(item);
    expect(item.dataset.status).toBe('in-progress');
    expect(document.activeElement).toBe(item);
  });
});
