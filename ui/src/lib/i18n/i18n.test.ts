import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { afterEach, describe, expect, it } from 'vitest';
import { format, guessLocale, hasMessage, LOCALES, setLocale, t } from './i18n.svelte';

const localesDir = resolve(__dirname, '../../../../locales');

/** Message ids of one `.ftl` text, read with the same parser the app uses. */
function idsOf(text: string): string[] {
  const resource = new FluentResource(text);
  return resource.body.map((entry) => ('id' in entry ? entry.id : '')).filter(Boolean);
}

/** Ids that the file *declares* at the start of a line: a parse error would drop them from `idsOf`. */
function declaredIds(text: string): string[] {
  return [...text.matchAll(/^(-?[a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1].replace(/^-/, ''));
}

function filesOf(locale: string): string[] {
  return readdirSync(join(localesDir, locale)).filter((f) => f.endsWith('.ftl'));
}

describe('locale files', () => {
  it('exist for every locale, each with an app.ftl', () => {
    for (const locale of LOCALES) expect(filesOf(locale), locale).toContain('app.ftl');
  });

  it('parse without errors: every declared message is read', () => {
    for (const locale of LOCALES) {
      for (const file of filesOf(locale)) {
        const text = readFileSync(join(localesDir, locale, file), 'utf8');
        expect(idsOf(text).sort(), `${locale}/${file} has a syntax error`).toEqual(declaredIds(text).sort());
      }
    }
  });

  it('have the same message ids in every locale, file by file', () => {
    const reference = LOCALES[0];
    for (const file of filesOf(reference)) {
      const expected = idsOf(readFileSync(join(localesDir, reference, file), 'utf8')).sort();
      expect(expected.length, `${reference}/${file} is empty`).toBeGreaterThan(0);
      for (const locale of LOCALES.slice(1)) {
        const actual = idsOf(readFileSync(join(localesDir, locale, file), 'utf8')).sort();
        expect(actual, `${locale}/${file} must have exactly the ids of ${reference}/${file}`).toEqual(expected);
      }
    }
  });

  it('keep the app.ftl ids apart from the Rust side prefixes', () => {
    const ids = idsOf(readFileSync(join(localesDir, 'en', 'app.ftl'), 'utf8'));
    expect(ids.filter((id) => /^(error|category|notice)-/.test(id))).toEqual([]);
    expect(ids.every((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)), 'ids are kebab-case').toBe(true);
  });

  it('are all loaded by the app', () => {
    for (const locale of LOCALES) {
      expect(hasMessage(locale, 'home-tile-learn'), locale).toBe(true);
      expect(hasMessage(locale, 'error-wrong-pin'), `${locale}: errors.ftl is loaded too`).toBe(true);
    }
  });
});

describe('t', () => {
  afterEach(() => setLocale('sq'));

  it('follows the current locale and sets <html lang>', () => {
    setLocale('mk');
    expect(t('home-tile-learn')).toBe('Учи');
    expect(document.documentElement.lang).toBe('mk');
    setLocale('sr');
    expect(t('home-tile-learn')).toBe('Uči');
    expect(document.documentElement.lang, 'Serbian is in Latin script').toBe('sr-Latn');
  });

  it('shows the id of a missing message instead of nothing', () => {
    expect(t('no-such-message')).toBe('no-such-message');
  });

  it('chooses plural forms by each language’s rules', () => {
    const en = (n: number) => format('en', 'people-delete-confirm', { name: 'Ana', drafts: n });
    expect(en(0)).toBe('Delete Ana?');
    expect(en(1)).toBe('Delete Ana? 1 unsent request will be lost.');
    expect(en(3)).toBe('Delete Ana? 3 unsent requests will be lost.');
    const sr = (n: number) => format('sr', 'people-delete-confirm', { name: 'Ana', drafts: n });
    expect(sr(3)).toContain('3 neposlata zahteva');
    expect(sr(5)).toContain('5 neposlatih zahteva');
    expect(sr(21)).toContain('21 neposlat zahtev');
    const mk = (n: number) => format('mk', 'people-delete-confirm', { name: 'Ана', drafts: n });
    expect(mk(21)).toContain('21 неиспратено барање');
    expect(mk(3)).toContain('3 неиспратени барања');
  });

  it('guesses the device language from the browser’s list', () => {
    expect(guessLocale(['mk-MK', 'en'])).toBe('mk');
    expect(guessLocale(['bs-BA'])).toBe('sr');
    expect(guessLocale(['de-DE'])).toBe('sq');
  });
});
