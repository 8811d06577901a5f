import { describe, expect, it } from 'vitest';
import { checkCode, groupCode, minutesLeft, normalizeCode, spokenCode } from './code';

describe('pairing codes', () => {
  it('are shown in two groups of four and spoken digit by digit', () => {
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(spokenCode('12345678')).toBe('1 2 3 4, 5 6 7 8');
  });

  it('are typed with or without spaces and dashes, and must have 8 digits', () => {
    expect(normalizeCode('1234 5678')).toBe('12345678');
    expect(normalizeCode(' 1234-5678 ')).toBe('12345678');
    expect(normalizeCode('12 34 56 78')).toBe('12345678');
    expect(normalizeCode('1234567')).toBeNull();
    expect(normalizeCode('123456789')).toBeNull();
    expect(normalizeCode('1234 567a')).toBeNull();
    expect(checkCode('')).toBe('pairing-error-empty');
    expect(checkCode('1234')).toBe('pairing-error-format');
    expect(checkCode('1234 5678')).toBeNull();
  });

  it('count whole minutes left, rounded up', () => {
    expect(minutesLeft(10 * 60_000, 5 * 60_000)).toBe(5);
    expect(minutesLeft(10 * 60_000, 5 * 60_000 + 1)).toBe(5);
    expect(minutesLeft(10 * 60_000, 9 * 60_000 + 59_000)).toBe(1);
    expect(minutesLeft(10 * 60_000, 11 * 60_000)).toBe(0);
  });
});
