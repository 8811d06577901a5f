import { describe, expect, it, vi } from 'vitest';
import { CommandFailure } from '../backend/types';
import { registration, today } from './facts';
import { NoteAutosave } from './note.svelte';

describe('session note autosave', () => {
  it('saves after a pause, and once for many keys', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => null);
    const note = new NoteAutosave('', save, 100);
    note.set('T');
    note.set('Ten');
    expect(note.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(150);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Ten');
    expect(note.state).toBe('saved');
    vi.useRealTimers();
  });

  it('says why it could not save, and tries again on the next flush', async () => {
    const save = vi.fn().mockRejectedValueOnce(new CommandFailure({ code: 'invalid-input', message: 'Too long', field: 'text' })).mockResolvedValue(null);
    const note = new NoteAutosave('', save, 10_000);
    note.set('x');
    await note.flush();
    expect([note.state, note.error?.message]).toEqual(['error', 'Too long']);
    await note.flush();
    expect(note.state).toBe('saved');
  });
});

describe('registration facts', () => {
  it('sends "prefer not to say" and unanswered as null, and groups as a list', () => {
    expect(registration({ gender: 'woman', age: null, groups: ['minority'] }, 'tap')).toEqual({
      gender: 'woman',
      age: null,
      settlement: null,
      country: null,
      groups: ['minority'],
      consent: 'tap',
    });
    expect(registration({ groups: null }, null).groups).toEqual([]);
  });

  it('gives today as the date field shows it', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
