import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import LanguagePicker from './LanguagePicker.svelte';

describe('LanguagePicker', () => {
  it('offers the four languages, each named in its own language and script', () => {
    render(LanguagePicker, { props: { onpick: () => {} } });
    const names = ['sq', 'mk', 'sr', 'en'].map((l) => screen.getByTestId(`lang-${l}`).textContent?.trim());
    expect(names).toEqual(['Shqip', 'Македонски', 'Srpski', 'English']);
    expect(screen.getByTestId('lang-sr').getAttribute('lang'), 'screen readers read each name in its language').toBe('sr-Latn');
    expect(screen.getByTestId('lang-mk').getAttribute('lang')).toBe('mk');
  });

  it('tells which language was picked', async () => {
    const onpick = vi.fn();
    render(LanguagePicker, { props: { onpick } });
    await fireEvent.click(screen.getByTestId('lang-mk'));
    expect(onpick).toHaveBeenCalledExactlyOnceWith('mk');
  });

  it('marks the language in use', () => {
    render(LanguagePicker, { props: { onpick: () => {}, value: 'sr' } });
    expect(screen.getByTestId('lang-sr').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('false');
  });
});
