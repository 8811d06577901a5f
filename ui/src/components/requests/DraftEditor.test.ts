import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandFailure, type Draft, type DraftPatch, type DraftSummary } from '../../lib/backend';
import { setLocale } from '../../lib/i18n/i18n.svelte';
import DraftEditor from './DraftEditor.svelte';

const DRAFT: Draft = { id: 'd1', kind: 'problem', category: null, title: '', text: '', createdAt: 1, updatedAt: 1, sentAt: null, answer: null, categoryName: null, photos: [], voice: null, location: null, messages: [], assisted: null };
const CATEGORIES = [
  { id: 'roads', name: 'Roads and bridges' },
  { id: 'water', name: 'Water and drains' },
];

/** The editor's photo commands, unused by these tests. */
const PHOTOS = {
  attachPhoto: vi.fn(async () => DRAFT),
  removePhoto: vi.fn(async () => DRAFT),
  loadAttachment: vi.fn(async () => new Uint8Array()),
  attachVoice: vi.fn(async () => DRAFT),
  removeVoice: vi.fn(async () => DRAFT),
  choosePlace: vi.fn(),
  removePlace: vi.fn(async () => DRAFT),
};

function summary(patch: DraftPatch): DraftSummary {
  return { id: 'd1', kind: patch.kind ?? 'problem', category: null, categoryName: null, title: patch.title ?? '', preview: '', updatedAt: 2, sentAt: null, answerStatus: null };
}

function setup(save = vi.fn(async (_id: string, patch: DraftPatch) => summary(patch)), send = vi.fn(async () => {})) {
  render(DraftEditor, { props: { draft: DRAFT, categories: CATEGORIES, save, remove: vi.fn(async () => {}), send, ...PHOTOS } });
  return { save, send, text: screen.getByTestId('draft-text') as HTMLTextAreaElement, status: () => screen.getByTestId('save-status') };
}

async function type(el: HTMLElement, value: string) {
  await fireEvent.input(el, { target: { value } });
}

beforeEach(() => {
  setLocale('en');
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  setLocale('sq');
});

describe('draft editor autosave', () => {
  it('saves once, within a second of the last keystroke, not on every keystroke', async () => {
    const { save, text, status } = setup();
    for (const value of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      await type(text, value);
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(save, 'typing steadily does not save on each key').not.toHaveBeenCalled();
    expect(status().dataset.state).toBe('saving');

    await vi.advanceTimersByTimeAsync(1000 - 150);
    expect(save).toHaveBeenCalledExactlyOnceWith('d1', { kind: null, category: null, title: null, text: 'Hello' });
    expect(status().dataset.state).toBe('saved');
    expect(status().textContent).toContain('Saved');
  });

  it('keeps the text when a save fails, says why, and tries again by itself', async () => {
    const save = vi
      .fn(async (_id: string, patch: DraftPatch) => summary(patch))
      .mockRejectedValueOnce(new CommandFailure({ code: 'disk-full', message: 'The phone’s memory is full.', field: null }));
    const { text, status } = setup(save);
    await type(text, 'The bridge is broken');
    await vi.advanceTimersByTimeAsync(1000);

    expect(save).toHaveBeenCalledTimes(1);
    expect(status().dataset.state).toBe('error');
    expect(screen.getByTestId('error-message').textContent).toBe('The phone’s memory is full.');
    expect(text.value, 'nothing typed is lost').toBe('The bridge is broken');

    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('d1', { kind: null, category: null, title: null, text: 'The bridge is broken' });
    expect(status().dataset.state).toBe('saved');
    expect(screen.queryByTestId('error-message')).toBeNull();
  });

  it('retries on the next keystroke with everything not yet saved', async () => {
    const save = vi
      .fn(async (_id: string, patch: DraftPatch) => summary(patch))
      .mockRejectedValueOnce(new CommandFailure({ code: 'storage', message: 'Could not save.', field: null }));
    const { text } = setup(save);
    await type(screen.getByTestId('draft-title'), 'Bridge');
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(1);
    await type(text, 'Broken');
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('d1', { kind: null, category: null, title: 'Bridge', text: 'Broken' });
  });

  it('shows an error that names a field next to that field', async () => {
    const save = vi
      .fn(async (_id: string, patch: DraftPatch) => summary(patch))
      .mockRejectedValueOnce(new CommandFailure({ code: 'invalid-input', message: 'The title is too long.', field: 'title' }));
    setup(save);
    const title = screen.getByTestId('draft-title');
    await type(title, 'A title');
    await vi.advanceTimersByTimeAsync(600);
    const error = screen.getByTestId('error-message');
    expect(error.textContent).toBe('The title is too long.');
    expect(error.dataset.field).toBe('title');
    expect(title.getAttribute('aria-describedby')).toContain(error.id);
    expect((title as HTMLInputElement).value).toBe('A title');
  });

  it('saves at once when the field loses focus or the app is hidden', async () => {
    const { save, text } = setup();
    await type(text, 'abc');
    await fireEvent.blur(text);
    expect(save).toHaveBeenCalledTimes(1);

    await type(text, 'abcd');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('d1', expect.objectContaining({ text: 'abcd' }));

    await type(text, 'abcde');
    window.dispatchEvent(new Event('pagehide'));
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('saves the kind and the category; "choose a topic" clears it', async () => {
    const { save } = setup();
    await fireEvent.click(screen.getByTestId('draft-kind-question'));
    await fireEvent.change(screen.getByTestId('draft-category'), { target: { value: 'water' } });
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledExactlyOnceWith('d1', { kind: 'question', category: 'water', title: null, text: null });
    await fireEvent.change(screen.getByTestId('draft-category'), { target: { value: '' } });
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenLastCalledWith('d1', { kind: null, category: '', title: null, text: null });
  });
});

describe('leaving the editor', () => {
  it('saves what is pending, and a list shown next waits for that save', async () => {
    const { savesSettled } = await import('../../lib/requests/autosave.svelte');
    let finish: () => void = () => {};
    const save = vi.fn(
      (_id: string, patch: DraftPatch) => new Promise<DraftSummary>((resolve) => (finish = () => resolve(summary(patch)))),
    );
    const { unmount } = render(DraftEditor, { props: { draft: DRAFT, categories: CATEGORIES, save, remove: vi.fn(async () => {}), send: vi.fn(async () => {}), ...PHOTOS } });
    await type(screen.getByTestId('draft-text'), 'typed just before leaving');
    unmount();
    expect(save, 'leaving saves at once, without waiting for the pause').toHaveBeenCalledExactlyOnceWith('d1', {
      kind: null,
      category: null,
      title: null,
      text: 'typed just before leaving',
    });
    let settled = false;
    void savesSettled().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled, 'the save is still on its way').toBe(false);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
  });
});

describe('sending', () => {
  it('asks first, saying plainly that a sent request cannot be changed; "Not yet" sends nothing', async () => {
    const { send } = setup();
    const button = screen.getByTestId('draft-send');
    expect(button.textContent).toContain('Send to the municipality');
    await fireEvent.click(button);
    expect(screen.getByTestId('confirm-message').textContent).toBe('Send this request to the municipality?');
    const detail = screen.getByTestId('confirm-detail').textContent ?? '';
    expect(detail).toContain('cannot change it');
    expect(detail).toContain('next connection');
    expect(screen.getByRole('alertdialog').getAttribute('aria-describedby')).toBe(screen.getByTestId('confirm-detail').id);
    await fireEvent.click(screen.getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-message')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('saves what was just typed before it sends', async () => {
    const order: string[] = [];
    const save = vi.fn(async (_id: string, patch: DraftPatch) => {
      order.push(`save ${patch.text}`);
      return summary(patch);
    });
    const send = vi.fn(async () => void order.push('send'));
    const { text } = setup(save, send);
    await type(text, 'The lamp is out');
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['save The lamp is out', 'send']);
  });

  it('shows a refused send next to the field it names, keeps what was typed, and clears it on a change', async () => {
    const send = vi
      .fn(async () => {})
      .mockRejectedValueOnce(new CommandFailure({ code: 'invalid-input', message: 'Choose a topic first.', field: 'category' }));
    const { text } = setup(undefined, send);
    await type(text, 'The lamp is out');
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await vi.advanceTimersByTimeAsync(0);

    const error = screen.getByTestId('error-message');
    expect(error.textContent).toBe('Choose a topic first.');
    expect(error.dataset.field).toBe('category');
    const category = screen.getByTestId('draft-category');
    expect(category.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement, 'focus goes to the field at fault').toBe(category);
    expect(text.value, 'nothing typed is lost').toBe('The lamp is out');

    await fireEvent.change(category, { target: { value: 'roads' } });
    expect(screen.queryByTestId('error-message')).toBeNull();
  });

  it('does not send while what is on screen could not be saved', async () => {
    const save = vi
      .fn(async (_id: string, patch: DraftPatch) => summary(patch))
      .mockRejectedValue(new CommandFailure({ code: 'disk-full', message: 'The phone’s memory is full.', field: null }));
    const { text, send } = setup(save);
    await type(text, 'The lamp is out');
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByTestId('error-message').textContent).toBe('The phone’s memory is full.');
  });
});
