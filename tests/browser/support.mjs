// Helpers for the browser tests: launching Debian's Chromium through playwright-core, running axe-core
// in a page, and the checks every screen must pass (targets, reflow at 200 % text, language).
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { png } from '../png.mjs';

const require = createRequire(import.meta.url);

/** axe-core's browser bundle, injected into pages with `page.evaluate` (the app's CSP forbids inline scripts). */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG levels the app promises (PRODUCT.md: WCAG 2.2 AA as the floor). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const PHONE = { width: 360, height: 740 };
export const LAPTOP = { width: 1280, height: 800 };

/** The smallest target (CSS px) for anything a person taps (PRODUCT.md: touch targets at least 48 px). */
export const MIN_TARGET = 48;

/** The `<html lang>` each locale must set: Serbian is written in Latin script here, so `sr-Latn`. */
export const LANG_TAG = { sq: 'sq', mk: 'mk', sr: 'sr-Latn', en: 'en' };

export const SHOTS_DIR = process.env.MC_SHOTS_DIR ?? '/tmp/mc-shots';

/**
 * Words cut in the middle at 200 % text fail a screen; `MC_BROKEN_WORDS=warn` only reports them (a
 * stop-gap while a fix is on its way; the other checks always fail).
 */
export const BROKEN_WORDS = process.env.MC_BROKEN_WORDS === 'warn' ? 'warn' : 'fail';

/**
 * Debian's Chromium, never a downloaded one. Playwright gives it a fresh temporary profile
 * (`--user-data-dir`) of its own. Its microphone is Chromium's fake device (a beeping tone), granted
 * without a prompt.
 */
export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.MC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A microphone that plays a tone and is allowed without asking: the voice note can be recorded.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Waits until layout and paint have settled: fonts loaded and two animation frames passed. */
export async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((done) => {
        document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      }),
  );
}

/** Runs axe-core on the whole page; returns its violations as readable lines (empty when clean). */
export async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
          })),
        ),
    AXE_TAGS,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${v.help}\n      at ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
  );
}

/**
 * Every visible thing a person can tap must be at least 48 × 48 px; a text field at least 48 px high
 * (its width follows the layout). Returns one line per target that is too small.
 */
export async function smallTargets(page) {
  return page.evaluate((min) => {
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button]';
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 && box.height === 0) continue;
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const isField = el.matches('input, select, textarea');
      const ok = box.height >= min - 0.01 && (isField || box.width >= min - 0.01);
      if (ok) continue;
      const testid = el.getAttribute('data-testid');
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      out.push(
        `target too small: <${el.tagName.toLowerCase()}${testid ? ` data-testid="${testid}"` : ''}> "${name}" ` +
          `is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px (needs ${isField ? `height ≥ ${min}` : `${min}×${min}`})`,
      );
    }
    return out;
  }, MIN_TARGET);
}

/**
 * Whether the page scrolls sideways (content wider than the window). Returns one line naming the
 * widest elements past the right edge when it does.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= window.innerWidth) return [];
    const edge = window.innerWidth + 0.5;
    /** Where text runs past the edge, its element counts (text nodes have no box of their own). */
    const rightOf = (el) => {
      let right = el.getBoundingClientRect().right;
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        right = Math.max(right, range.getBoundingClientRect().right);
      }
      return right;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: rightOf(el) }))
      .filter((x) => x.right > edge)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ el, right }) => {
        const id = el.getAttribute('data-testid') ?? el.getAttribute('class') ?? '';
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
        return `<${el.tagName.toLowerCase()}${id ? ` "${id}"` : ''}>${text ? ` "${text}"` : ''} right=${right.toFixed(0)}`;
      });
    return [`page scrolls sideways: scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth}; past the edge: ${culprits.join(', ')}`];
  });
}

/**
 * Words broken across lines although they would fit across the page: the sign of a column squeezed
 * a few letters wide at 200 % text (`overflow-wrap: anywhere` then cuts "Shqi-p"), which reflow must
 * not do even when nothing scrolls sideways. Returns one line per text with such words.
 */
export async function brokenWords(page) {
  return page.evaluate(() => {
    const out = [];
    const room = document.documentElement.clientWidth * 0.8;
    const lineTops = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent.trim() || el.closest('[aria-hidden="true"]') || getComputedStyle(el).visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (lineTops(range).size < 2) continue;
      const broken = [];
      for (const match of node.textContent.matchAll(/\S+/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        if (lineTops(range).size > 1 && width <= room) broken.push(match[0]);
      }
      if (broken.length > 0) {
        const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
        const shown = broken.slice(0, 4).map((w) => `"${w}"`).join(', ');
        out.push(`words broken across lines though they would fit: ${shown}${broken.length > 4 ? ` and ${broken.length - 4} more` : ''}${testid ? ` in "${testid}"` : ''}`);
      }
    }
    return out;
  });
}

export async function setTextSize(page, percent) {
  await page.evaluate((p) => {
    document.documentElement.style.fontSize = p === 100 ? '' : `${p}%`;
  }, percent);
  await settle(page);
}

/**
 * The checks every screen must pass, at phone size, at phone size with 200 % text, and at laptop size.
 * Collects every problem rather than stopping at the first, so one run shows them all; leaves the page
 * at phone size and 100 % text. `shot` names the screenshot to save (phone size), if any; `name` the
 * screen, for the screenshot of a problem. Returns `{ problems, warnings }`, lines of text.
 */
export async function checkScreen(page, { lang, shot, name }) {
  const problems = [];
  /** Findings reported without failing (see BROKEN_WORDS). */
  const warnings = [];
  const at = (where, lines) => problems.push(...lines.map((l) => `[${where}] ${l}`));

  await page.setViewportSize(PHONE);
  await settle(page);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== LANG_TAG[lang]) at('phone', [`<html lang="${htmlLang}">, expected "${LANG_TAG[lang]}"`]);
  at('phone', await axeViolations(page));
  at('phone', await smallTargets(page));
  at('phone', await horizontalOverflow(page));
  if (shot) {
    await mkdir(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SHOTS_DIR}/${shot}.png`, fullPage: true });
  }

  await setTextSize(page, 200);
  try {
    const overflow = await horizontalOverflow(page);
    at('phone, 200 % text', overflow);
    const broken = await brokenWords(page);
    const brokenOut = BROKEN_WORDS === 'warn' ? warnings : problems;
    brokenOut.push(...broken.map((l) => `[phone, 200 % text] ${l}`));
    if ((overflow.length > 0 || broken.length > 0) && name) {
      // A picture of what went wrong, for whoever fixes it.
      await mkdir(SHOTS_DIR, { recursive: true });
      const file = `${SHOTS_DIR}/problem-${lang}-${name.replace(/[^a-z0-9]+/gi, '-')}-200.png`;
      await page.screenshot({ path: file, fullPage: true });
      (overflow.length > 0 ? problems : brokenOut).push(`  (screenshot: ${file})`);
    }
    at('phone, 200 % text', await axeViolations(page));
    if (shot) await page.screenshot({ path: `${SHOTS_DIR}/${shot}-200.png`, fullPage: true });
  } finally {
    await setTextSize(page, 100);
  }

  await page.setViewportSize(LAPTOP);
  await settle(page);
  at('laptop', await axeViolations(page));
  at('laptop', await smallTargets(page));
  at('laptop', await horizontalOverflow(page));

  await page.setViewportSize(PHONE);
  await settle(page);
  return { problems, warnings };
}

/**
 * A small real picture (a PNG of `width`×`height`, sky over green ground) for the photo picker, made
 * here so the tests need no file: the mock takes a PNG as it takes a JPEG.
 */
export function photoPng(width = 64, height = 48) {
  return png(width, height, (_x, y) => (y < height / 2 ? [120, 180, 230] : [70, 140, 60]));
}
