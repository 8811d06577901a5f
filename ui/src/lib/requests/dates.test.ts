import { describe, expect, it } from 'vitest';
import { calendarDay, dayAndTime } from './dates';

describe('dayAndTime', () => {
  it('writes the day and the time in numbers, the way each language does', () => {
    const at = new Date(2026, 2, 5, 9, 7).getTime();
    expect(dayAndTime(at, 'sq')).toEqual({ date: '05.03.2026', time: '09:07' });
    expect(dayAndTime(at, 'mk')).toEqual({ date: '05.03.2026', time: '09:07' });
    expect(dayAndTime(at, 'sr')).toEqual({ date: '05.03.2026', time: '09:07' });
    expect(dayAndTime(at, 'en')).toEqual({ date: '05/03/2026', time: '09:07' });
  });
});

describe('calendarDay', () => {
  it('writes a YYYY-MM-DD day like dayAndTime, never moved by the time zone', () => {
    expect(calendarDay('2026-01-01', 'sq')).toBe('01.01.2026');
    expect(calendarDay('2026-12-31', 'mk')).toBe('31.12.2026');
    expect(calendarDay('2026-06-30', 'sr')).toBe('30.06.2026');
    expect(calendarDay('2026-06-30', 'en')).toBe('30/06/2026');
  });

  it('shows anything else as it came', () => {
    expect(calendarDay('soon', 'en')).toBe('soon');
  });
});
