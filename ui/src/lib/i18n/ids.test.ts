import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, LOCALES } from './i18n.svelte';

const srcDir = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assets' ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Message ids named literally: `t('id')`, `t("id", …)`, `msg('id')`, `format(locale, 'id')`. */
export function usedIds(source: string): string[] {
  const patterns = [/\b(?:t|msg)\(\s*['"`]([^'"`$]+)['"`]/g, /\bformat\(\s*[^,()]+,\s*['"`]([^'"`$]+)['"`]/g];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

describe('message ids used in ui/src', () => {
  const uses = sourceFiles(srcDir).flatMap((file) =>
    usedIds(readFileSync(file, 'utf8')).map((id) => ({ id, file: relative(srcDir, file) })),
  );

  it('are found (the scan itself works)', () => {
    expect(usedIds(`t('a-b'); msg("c"); format(locale, 'd', { x }); t(\`e\`)`)).toEqual(['a-b', 'c', 'e', 'd']);
    expect(uses.length, 'the UI names many messages').toBeGreaterThan(50);
  });

  it('all exist in every locale', () => {
    const missing = uses.flatMap(({ id, file }) =>
      LOCALES.filter((locale) => !hasMessage(locale, id)).map((locale) => `${file}: ${id} (${locale})`),
    );
    expect(missing).toEqual([]);
  });
});
