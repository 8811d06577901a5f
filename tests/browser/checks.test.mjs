// The checks of a11y.test.mjs, tried on pages made to fail them: a check that finds nothing on a bad
// page would let every screen pass.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, brokenWords, horizontalOverflow, launchChromium, PHONE, setTextSize, smallTargets } from './support.mjs';

let browser;
let page;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: PHONE });
});

after(async () => {
  await browser?.close();
});

const GOOD = `<!doctype html><html lang="en"><head><title>Good</title></head><body><main>
  <h1>Good page</h1>
  <button style="min-width:48px;min-height:48px">Open</button>
  <label for="n">Name</label> <input id="n" style="height:48px;box-sizing:border-box">
</main></body></html>`;

test('a clean page passes every check', async () => {
  await page.setContent(GOOD);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await smallTargets(page), []);
  assert.deepEqual(await horizontalOverflow(page), []);
  await setTextSize(page, 200);
  assert.deepEqual(await brokenWords(page), []);
  await setTextSize(page, 100);
});

test('axe finds an unnamed button and low contrast', async () => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
    <h1 style="color:#bbb;background:#fff">Faint</h1><button style="width:60px;height:60px"></button></main></body></html>`);
  const ids = (await axeViolations(page)).map((l) => l.split(' ')[1]);
  assert.ok(ids.includes('button-name'), `button-name expected, got ${ids}`);
  assert.ok(ids.includes('color-contrast'), `color-contrast expected, got ${ids}`);
});

test('a 30 px button and a 30 px high field are too small; hidden ones do not count', async () => {
  await page.setContent(`<!doctype html><html lang="en"><body>
    <button data-testid="tiny" style="width:30px;height:30px">x</button>
    <input aria-label="n" style="height:30px">
    <button style="display:none">hidden</button></body></html>`);
  const small = await smallTargets(page);
  assert.equal(small.length, 2, small.join('\n'));
  assert.match(small[0], /data-testid="tiny"/);
});

test('content wider than the window is found, and who is past the edge', async () => {
  await page.setContent(`<!doctype html><html lang="en"><body><div data-testid="wide" style="width:500px">wide</div></body></html>`);
  const overflow = await horizontalOverflow(page);
  assert.equal(overflow.length, 1);
  assert.match(overflow[0], /"wide"/);
});

test('words cut in a squeezed column are found at 200 % text', async () => {
  await page.setContent(`<!doctype html><html lang="en"><body>
    <p data-testid="narrow" style="width:3rem;overflow-wrap:anywhere">Children walk there</p></body></html>`);
  await setTextSize(page, 200);
  const broken = await brokenWords(page);
  await setTextSize(page, 100);
  assert.equal(broken.length, 1, broken.join('\n'));
  assert.match(broken[0], /"Children"/);
});
