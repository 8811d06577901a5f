/**
 * Finds words written straight into Svelte markup instead of coming from Fluent: any text node with
 * letters or digits, and any literal accessible-name attribute (`aria-label`, `title`, `alt`, …).
 * Used by `literals.test.ts`; never shipped.
 */
import { parse } from 'svelte/compiler';

export type Literal = { kind: 'text' | 'attribute'; value: string; name?: string; start: number };

/** Attributes whose value a person reads or hears. */
const NAMED_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Text allowed as is: whitespace and a few separators that say nothing in any language. */
const ALLOWED_TEXT = /^[\s·•|/–—:,.()]*$/u;

type Node = { type: string; start: number; data?: string; name?: string; value?: unknown; [key: string]: unknown };

export function findLiterals(source: string, filename = 'Component.svelte'): Literal[] {
  const ast = parse(source, { modern: true, filename });
  const found: Literal[] = [];

  function visit(node: unknown): void {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text' && typeof n.data === 'string' && !ALLOWED_TEXT.test(n.data)) {
      found.push({ kind: 'text', value: n.data.trim(), start: n.start });
    }
    if (n.type === 'Attribute') {
      // Other attributes (class, data-testid, type…) are code.
      if (typeof n.name !== 'string' || !NAMED_ATTRIBUTES.has(n.name.toLowerCase())) return;
      const parts = Array.isArray(n.value) ? (n.value as Node[]) : [];
      for (const part of parts) {
        if (part.type === 'Text' && typeof part.data === 'string' && part.data.trim() !== '') {
          found.push({ kind: 'attribute', name: n.name, value: part.data, start: part.start });
        }
      }
      return;
    }
    if (typeof n.type === 'string' && (n.type.endsWith('Directive') || n.type === 'SpreadAttribute')) return;
    for (const [key, value] of Object.entries(n)) {
      // Scripts and styles are code, not markup.
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression' || key === 'metadata') continue;
      visit(value);
    }
  }

  visit(ast.fragment);
  return found;
}

/**
 * Finds markup that the app's Content-Security-Policy (`style-src 'self'`, no inline scripts) would block
 * or that injects styles at run time: `style` attributes, `style:` directives, transitions, animations,
 * and inline `<script>` or `<style>` elements inside the markup.
 */
export function findCspHazards(source: string, filename = 'Component.svelte'): string[] {
  const ast = parse(source, { modern: true, filename });
  const found: string[] = [];

  function visit(node: unknown): void {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Attribute' && typeof n.name === 'string') {
      const name = n.name.toLowerCase();
      // Svelte compiles `onclick={handler}` to a listener; only a written-out `onclick="code"` is inline script.
      const written = Array.isArray(n.value) && (n.value as Node[]).some((part) => part.type === 'Text');
      if (name === 'style' || (name.startsWith('on') && written)) found.push(`${n.name} attribute`);
    }
    if (n.type === 'StyleDirective' || n.type === 'TransitionDirective' || n.type === 'AnimateDirective') found.push(n.type);
    if (n.type === 'RegularElement' && (n.name === 'script' || n.name === 'style')) found.push(`<${n.name}> in markup`);
    for (const [key, value] of Object.entries(n)) {
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'metadata') continue;
      visit(value);
    }
  }

  visit(ast.fragment);
  return found;
}
