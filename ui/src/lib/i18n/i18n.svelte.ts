/**
 * Fluent lookup for the UI.
 *
 * Every `locales/<locale>/*.ftl` file the app uses (the UI's `app.ftl`, the Rust side's `errors.ftl`,
 * `categories.ftl` and `forms.ftl`; not the server dashboard's `dashboard.ftl`) is bundled at build time and loaded into one FluentBundle per locale. The current
 * locale is reactive state: templates that call `t()` re-render when it changes.
 *
 * A missing message never shows as blank text: `t()` returns the message id itself, so a gap is visible
 * on screen, and logs it during development.
 */
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Locale } from '../backend/bindings';

export const LOCALES: readonly Locale[] = ['sq', 'mk', 'sr', 'en'];
export const DEFAULT_LOCALE: Locale = 'sq';

// The dashboard's pages are the server's (`dashboard.ftl`): the app does not carry them.
const files = import.meta.glob(['../../../../locales/*/*.ftl', '!../../../../locales/*/dashboard.ftl'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The BCP 47 tag for a locale: Serbian is written in Latin script here, which `sr` alone would not say. */
export function languageTag(locale: Locale): string {
  return locale === 'sr' ? 'sr-Latn' : locale;
}

/** The `.ftl` sources of one locale, by path. */
export function sourcesOf(locale: Locale): { path: string; text: string }[] {
  return Object.entries(files)
    .filter(([path]) => path.split('/').at(-2) === locale)
    .map(([path, text]) => ({ path, text }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function buildBundle(locale: Locale): FluentBundle {
  // No bidi isolation marks: all four languages are left-to-right, and the marks would end up in
  // accessible names and test assertions.
  const bundle = new FluentBundle(languageTag(locale), { useIsolating: false });
  for (const { path, text } of sourcesOf(locale)) {
    const errors = bundle.addResource(new FluentResource(text));
    for (const error of errors) console.error(`i18n: ${path}: ${error.message}`);
  }
  return bundle;
}

const bundles = new Map<Locale, FluentBundle>(LOCALES.map((l) => [l, buildBundle(l)]));

const state = $state<{ locale: Locale }>({ locale: DEFAULT_LOCALE });

/** The locale the UI speaks now. */
export function currentLocale(): Locale {
  return state.locale;
}

/** Switches the UI language, and the document's `lang` so screen readers and speech follow. */
export function setLocale(locale: Locale): void {
  state.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = languageTag(locale);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Whether `id` exists in `locale`. */
export function hasMessage(locale: Locale, id: string): boolean {
  return bundles.get(locale)?.hasMessage(id) ?? false;
}

const reported = new Set<string>();

/** Formats message `id` in `locale`; returns the id itself when the message is missing. */
export function format(locale: Locale, id: string, args?: Record<string, FluentVariable>): string {
  const bundle = bundles.get(locale);
  const message = bundle?.getMessage(id);
  if (!bundle || !message?.value) {
    const key = `${locale}:${id}`;
    if (import.meta.env.DEV && !reported.has(key)) {
      reported.add(key);
      console.warn(`i18n: missing message "${id}" in ${locale}`);
    }
    return id;
  }
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args ?? null, errors);
  if (import.meta.env.DEV) for (const error of errors) console.warn(`i18n: ${locale} ${id}: ${error.message}`);
  return text;
}

/** Formats message `id` in the current locale. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  return format(state.locale, id, args);
}

/**
 * Marks a string as a message id that is looked up later (in a table, say), so the id check in
 * `ids.test.ts` finds it. Returns the id unchanged.
 */
export function msg<const Id extends string>(id: Id): Id {
  return id;
}

/** The best of our locales for the device's own language settings; used before anyone chose one. */
export function guessLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
    // Bosnian, Croatian and Montenegrin readers read Serbian Latin without trouble.
    if (base === 'bs' || base === 'hr' || base === 'cnr' || base === 'sh') return 'sr';
  }
  return DEFAULT_LOCALE;
}
