// Sending a request in the real app, with a photo, through the real sync server (run-e2e.sh starts it):
// a person writes a request, picks a topic, adds a photo from a file (the app shrinks it and keeps it),
// sends it after the confirmation, and sees it read-only with its photo; "Send now" takes it to the
// server (nothing left waiting); after the app is killed and started again it is still sent, with
// the photo.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { png } from '../png.mjs';
import { deviceApp, endSession, killApp, openApp, screenshot, sel, shown, shownWithText, tap } from './support.mjs';

const SERVER_URL = process.env.MC_SERVER_URL;
const PERSON = { name: 'Bardha Marku', avatar: 'tree' };
const TEXT = 'Kontejneri te shkolla është plot prej një jave.';

/** A camera-sized picture (1800 × 1200, fine detail), as a phone's gallery would hand it over. */
const picture = () => png(1800, 1200, (x, y) => [(x * 7) % 256, (y * 5) % 256, 90]);

test('a request with a photo is sent, reaches the server, and stays sent after a restart', async (t) => {
  assert.ok(SERVER_URL, 'run with tests/run-e2e.sh <app> <sync-server>: this test needs the server');
  const sender = await deviceApp('sender', { MCOMMUNITY_SERVER_URL: SERVER_URL, MCOMMUNITY_CREDENTIALS: 'memory' });
  const { application } = sender;
  const photoFile = `${sender.dir}/photo.png`;
  await writeFile(photoFile, picture());

  let browser = await openApp({ application });
  try {
    await tap(browser, 'lang-sq');
    await tap(browser, 'new-person');
    await (await shown(browser, 'profile-name')).setValue(PERSON.name);
    await tap(browser, `avatar-${PERSON.avatar}`);
    await tap(browser, 'profile-create-submit');
    await tap(browser, 'tile-requests');
    await tap(browser, 'draft-new');
    await tap(browser, 'kind-complaint');
    await (await shown(browser, 'draft-text')).setValue(TEXT);
    await (await shown(browser, 'draft-category')).selectByAttribute('value', 'waste');

    // The photo, picked from a file: the app reads the bytes and Rust shrinks and keeps them.
    await browser.execute((s) => document.querySelector(s).removeAttribute('hidden'), sel('draft-photo-input'));
    await (await browser.$(sel('draft-photo-input'))).setValue(photoFile);
    await shown(browser, 'draft-photos');
    await browser.waitUntil(
      () => browser.execute(() => [...document.querySelectorAll('[data-testid="draft-photos"] img')].some((img) => img.complete && img.naturalWidth > 0)),
      { timeout: 20_000, timeoutMsg: 'the attached photo did not show as a thumbnail' },
    );
    const size = await browser.execute(() => {
      const img = document.querySelector('[data-testid="draft-photos"] img');
      return [img.naturalWidth, img.naturalHeight];
    });
    const [width, height] = size;
    assert.ok(width <= 1600 && height <= 1600, `the 1800 × 1200 picture was shrunk to at most 1600 px: ${width} × ${height}`);
    assert.ok(Math.abs(width / height - 1.5) < 0.01, `and kept its shape: ${width} × ${height}`);

    await tap(browser, 'draft-send');
    await tap(browser, 'confirm-yes');
    await shown(browser, 'draft-sent-done');
    assert.equal(await browser.execute((s) => document.querySelector(s) === null, sel('draft-text')), true, 'no longer editable');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-send-1-sent')}`);

    // "Send now": nothing is left waiting once the server has the request and its photo.
    const status = await shown(browser, 'sync-status', 30_000);
    await tap(browser, 'sync-now');
    await browser.waitUntil(
      async () => (await status.getAttribute('data-state')) === 'idle' && (await status.getAttribute('data-pending')) === '0',
      { timeout: 30_000, timeoutMsg: 'the sent request did not reach the server' },
    );
    await killApp(sender.data);
  } finally {
    await endSession(browser);
  }

  browser = await openApp({ application });
  try {
    const home = await browser.execute(() => document.querySelector('[data-testid="tile-requests"]') !== null);
    if (!home) await (await shownWithText(browser, '[data-testid^="profile-tile-"]', PERSON.name)).click();
    await tap(browser, 'tile-requests');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-send-2-list')}`);
    const item = await browser.$('[data-testid^="draft-item-"]');
    await item.waitForDisplayed({ timeout: 20_000 });
    assert.equal((await browser.$$('[data-testid^="draft-item-"]')).length, 1, 'one request, not two');
    assert.equal(await item.getAttribute('data-status'), 'sent', 'still sent after a restart');
    await item.click();
    await shown(browser, 'draft-sent');
    await browser.waitUntil(
      () => browser.execute(() => [...document.querySelectorAll('[data-testid="draft-sent"] img')].some((img) => img.complete && img.naturalWidth > 0)),
      { timeout: 20_000, timeoutMsg: 'the sent request lost its photo after a restart' },
    );
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-send-3-after-restart')}`);
  } finally {
    await endSession(browser);
  }
});
