import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCspHazards, findLiterals } from './literal-check';

const srcDir = resolve(__dirname, '../..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

describe('the literal checker', () => {
  it('finds words in markup', () => {
    const found = findLiterals(`<script>let x = 'code is fine';</script><p>Hello {name}</p><style>p{color:red}</style>`);
    expect(found.map((f) => f.value)).toEqual(['Hello']);
  });

  it('finds words inside blocks, snippets and components', () => {
    const found = findLiterals(
      `{#if a}<b>One</b>{:else}<Comp>Two</Comp>{/if}{#each xs as x}<i>3</i>{/each}{#snippet s()}<span>Four</span>{/snippet}`,
    );
    expect(found.map((f) => f.value)).toEqual(['One', 'Two', '3', 'Four']);
  });

  it('finds literal accessible names, and lets expressions and empty alt through', () => {
    const found = findLiterals(
      `<button aria-label="Close" title={t('x')}></button><img alt="" src="a.svg" /><img alt="A cat" /><input placeholder="Name {n}" />`,
    );
    expect(found.map((f) => `${f.name}=${f.value.trim()}`)).toEqual(['aria-label=Close', 'alt=A cat', 'placeholder=Name']);
  });

  it('allows separators and expressions', () => {
    expect(findLiterals(`<p>{a} · {b}</p><p>{t('x')}</p><span>( {n} )</span>`)).toEqual([]);
  });
});

describe('Svelte components', () => {
  const files = svelteFiles(srcDir);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('have no user-visible literal text: every word comes from Fluent', () => {
    const problems = files.flatMap((file) =>
      findLiterals(readFileSync(file, 'utf8'), file).map(
        (f) => `${relative(srcDir, file)}: ${f.kind}${f.name ? ` ${f.name}` : ''} "${f.value}"`,
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  it('the checker finds inline styles, style directives and transitions', () => {
    expect(
      findCspHazards(
        `<div style="color:red" style:color={c}></div><p transition:fade>x</p><button onclick={f}>y</button><a onclick="go()">z</a>`,
      ),
    ).toEqual(['style attribute', 'StyleDirective', 'TransitionDirective', 'onclick attribute']);
  });

  it('no component uses markup the policy would block', () => {
    const problems = svelteFiles(srcDir).flatMap((file) =>
      findCspHazards(readFileSync(file, 'utf8'), file).map((p) => `${relative(srcDir, file)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
