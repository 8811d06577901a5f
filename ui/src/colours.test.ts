import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The colour variables of app.css. */
const css = readFileSync(resolve(__dirname, 'app.css'), 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colours (WCAG 2.2 AA)', () => {
  it('are read from app.css', () => {
    expect(Object.keys(vars).length).toBeGreaterThan(15);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
  });

  it('give text at least 4.5:1 against every background it sits on', () => {
    const pairs: [string, string][] = [
      ['text', 'bg'],
      ['text', 'surface'],
      ['text', 'surface-hover'],
      ['muted', 'bg'],
      ['muted', 'surface'],
      ['muted', 'surface-hover'],
      ['on-primary', 'primary'],
      ['on-primary', 'primary-hover'],
      ['on-primary', 'danger'],
      ['on-primary', 'danger-hover'],
      ['danger-text', 'danger-soft'],
      ['danger-text', 'surface'],
      ['text', 'danger-soft'],
      ['text', 'info-soft'],
      ['ok', 'surface'],
      ['ok', 'bg'],
      ['primary', 'surface'],
      ['primary', 'surface-hover'],
      ...['amber', 'green', 'blue', 'rose', 'violet'].flatMap((t): [string, string][] => [
        ['text', `tone-${t}`],
        ['muted', `tone-${t}`],
      ]),
    ];
    const low = pairs.map(([fg, bg]) => ({ fg, bg, ratio: contrast(vars[fg], vars[bg]) })).filter((p) => !(p.ratio >= 4.5));
    expect(low).toEqual([]);
  });

  it('give borders and the focus ring at least 3:1', () => {
    for (const [fg, bg] of [
      ['border', 'surface'],
      ['border', 'bg'],
      ['focus', 'bg'],
      ['focus', 'surface'],
      ['danger', 'danger-soft'],
      ['primary', 'tone-blue'],
    ]) {
      expect(contrast(vars[fg], vars[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
});
