import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { mockApp } from '../lib/app/testing';
import RequestsPage from './RequestsPage.svelte';

const DAY = 24 * 60 * 60 * 1000;

describe('My requests', () => {
  it('lists the person’s requests newest first, whatever order they come in', async () => {
    const { app, backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
    const now = Date.now();
    vi.spyOn(backend, 'draftsList').mockResolvedValue([
      { id: 'old', kind: 'question', category: null, title: 'Old one', preview: 'asked long ago', updatedAt: now - 3 * DAY },
      { id: 'new', kind: 'problem', category: 'roads', title: '', preview: 'a hole', updatedAt: now },
      { id: 'mid', kind: 'proposal', category: null, title: 'A bench', preview: '', updatedAt: now - DAY },
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

  it('offers "New request" as the main action, also when there is nothing yet', async () => {
    const { app } = await mockApp({ locale: 'sq', people: [{ name: 'Ana' }] });
    render(RequestsPage, { context: appContext(app) });
    expect((await screen.findByTestId('requests-empty')).textContent).toBe('Nuk keni ende kërkesa.');
    expect(screen.getByTestId('draft-new').textContent).toContain('Kërkesë e re');
  });
});
