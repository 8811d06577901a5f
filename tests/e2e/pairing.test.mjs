// Two phones, one person, through the real sync server (run-e2e.sh starts it when given its binary):
// the debug app twice, each with its own data folder (phone A, phone B), the sync credential kept in
// memory (MCOMMUNITY_CREDENTIALS=memory: there is no OS keyring under Xvfb).
//
// 1. A: a person writes a draft in Albanian; it is sent (the sync indicator says all sent); People →
//    "use this person on another phone" shows the 8-digit code.
// 2. B: "I already use mCommunity on another phone", the code; the person arrives with the sync, and
//    their draft with every character of its title and text. B adds a sentence at the end and sends it.
// 3. A again. Its credential lived in memory, so the restarted A registers as a new device, which the
//    server does not let hold that person: A pairs again with a code B showed. Before that, A adds a
//    sentence at the start of the same text, which the server refuses while A does not hold the person.
//    After pairing, A has both sentences (the two edits of one text merged) and sends the result.
// 4. B again (a new device too, paired with a code A showed): it has both sentences as well.
//
// WebKitWebDriver drives one app at a time, so the phones take turns; each turn ends by killing the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  deviceApp,
  endSession,
  htmlLang,
  killApp,
  openApp,
  screenshot,
  sel,
  shown,
  shownWithText,
  tap,
  WORK,
} from './support.mjs';

const SERVER_URL = process.env.MC_SERVER_URL;

const PERSON = { name: 'Mimoza Krasniqi', avatar: 'bird' };
const DRAFT = {
  kind: 'request',
  title: 'Ndriçimi në rrugën e shkollës',
  text: 'Llambat e rrugës nuk ndizen që prej dy javësh.\nFëmijët kthehen nga shkolla në errësirë — ËSHTË RREZIK!',
};
const B_ADDS = ' Ju lutem, ndërroni llambat këtë javë.';
const A_ADDS = 'Përshëndetje nga banorët e lagjes. ';
/** How long a person or a change may take to come through the server. */
const SYNC_TIMEOUT = 30_000;

// WebDriver keys (https://w3c.github.io/webdriver/#keyboard-actions).
const ENTER = '\uE007';
const CONTROL = '\uE009';
const HOME = '\uE011';

/** Scrolls `el` to the middle of the window (for screenshots of the draft's text). */
async function centre(browser, el) {
  await browser.execute((node) => node.scrollIntoView({ block: 'center' }), el);
}

/** A phone: its own data folder, and a launcher that starts the app on it with the sync server. */
function phone(name) {
  return deviceApp(`phone-${name}`, { MCOMMUNITY_SERVER_URL: SERVER_URL, MCOMMUNITY_CREDENTIALS: 'memory' });
}

/** Runs one turn of a phone: starts its app, runs `walk`, kills the app, ends the session. */
async function turn(device, walk) {
  const browser = await openApp({ application: device.application });
  try {
    await walk(browser);
    await killApp(device.data);
  } finally {
    await endSession(browser);
  }
}

async function waitSaved(browser) {
  const status = await shown(browser, 'save-status');
  await browser.waitUntil(async () => (await status.getAttribute('data-state')) === 'saved', {
    timeout: 5_000,
    timeoutMsg: 'the draft was not reported saved within 5 s (autosave waits at most 500 ms)',
  });
}

/**
 * On a screen with the sync indicator: "Send now", then wait until it says nothing is waiting. Called
 * on a screen opened after the draft showed "saved", so every status it reads counts that edit: the
 * pending count comes from the device's store and drops to 0 only when the server has taken it.
 */
async function sendAll(browser) {
  const status = await shown(browser, 'sync-status', SYNC_TIMEOUT);
  await tap(browser, 'sync-now');
  let last = '';
  await browser.waitUntil(
    async () => {
      const [state, pending] = await Promise.all([status.getAttribute('data-state'), status.getAttribute('data-pending')]);
      last = `data-state="${state}" data-pending="${pending}"`;
      return state === 'idle' && pending === '0';
    },
    { timeout: SYNC_TIMEOUT, interval: 500, timeoutMsg: `the sync indicator did not say all sent (last: ${last})` },
  );
  return last;
}

/** From the open person's Home: People → "use this person on another phone" → the 8 digits. */
async function showCode(browser) {
  await tap(browser, 'tile-people');
  await tap(browser, 'pairing-show');
  const shownCode = await shown(browser, 'pairing-code', SYNC_TIMEOUT);
  const text = await shownCode.getText();
  const code = text.replace(/\s/g, '');
  assert.match(code, /^\d{8}$/, `the pairing code is 8 digits (shown as "${text}")`);
  return code;
}

/** From whatever screen: "who is using the app?" → the other phone's code → back to the people. */
async function enterCode(browser, code) {
  const first = await browser.execute(() => ['tile-requests', 'new-person'].find((id) => document.querySelector(`[data-testid="${id}"]`)));
  if (first === 'tile-requests') await tap(browser, 'change-person');
  await tap(browser, 'pairing-enter');
  // Typed in the two groups the other phone shows.
  await (await shown(browser, 'pairing-input')).setValue(`${code.slice(0, 4)} ${code.slice(4)}`);
  await tap(browser, 'pairing-submit');
  await shown(browser, 'new-person', SYNC_TIMEOUT);
  const error = await browser.$(sel('error-message'));
  assert.equal(await error.isExisting(), false, 'the code was accepted');
}

/** On "who is using the app?": waits until the person arrives with the sync, and opens them. */
async function openArrived(browser, beforeOpening = async () => {}) {
  const tile = await shownWithText(browser, '[data-testid^="profile-tile-"]', PERSON.name, SYNC_TIMEOUT);
  await beforeOpening();
  await tile.click();
  await shown(browser, 'tile-requests');
}

/** My requests → the draft (found by its title) → its title and text fields. */
async function openDraft(browser) {
  await tap(browser, 'tile-requests');
  await (await shownWithText(browser, '[data-testid^="draft-item-"]', DRAFT.title, SYNC_TIMEOUT)).click();
  return { title: await shown(browser, 'draft-title'), text: await shown(browser, 'draft-text') };
}

/**
 * Opens the draft until its text is `want`: a change still on its way shows up when the list is opened
 * again after a sync ("Send now" on My requests also fetches). Returns the fields.
 */
async function openDraftUntil(browser, want) {
  const deadline = Date.now() + SYNC_TIMEOUT;
  for (;;) {
    const fields = await openDraft(browser);
    const got = await fields.text.getValue();
    if (got === want) return fields;
    if (Date.now() > deadline) assert.equal(got, want, `the draft's text did not become the merged text within ${SYNC_TIMEOUT} ms`);
    await tap(browser, 'back');
    await sendAll(browser);
    await sleep(500);
    await tap(browser, 'home');
  }
}

test('a person and their draft move to another phone, and edits on both phones merge', async (t) => {
  assert.ok(
    SERVER_URL,
    'MC_SERVER_URL is unset: run the end-to-end tests with the sync server, ' +
      'bash tests/run-e2e.sh <app-binary> <sync-server-binary> (cargo build -p mcommunity-sync-server)',
  );
  assert.ok(WORK, 'MC_E2E_WORK is unset: run the end-to-end tests with tests/run-e2e.sh');
  const a = await phone('a');
  const b = await phone('b');
  let code;

  // 1. Phone A: the person, the draft, sent; the code.
  await turn(a, async (browser) => {
    await tap(browser, 'lang-sq');
    await tap(browser, 'new-person');
    await (await shown(browser, 'profile-name')).setValue(PERSON.name);
    await tap(browser, `avatar-${PERSON.avatar}`);
    await tap(browser, 'profile-create-submit');

    await tap(browser, 'tile-requests');
    await tap(browser, 'draft-new');
    await tap(browser, `kind-${DRAFT.kind}`);
    const title = await shown(browser, 'draft-title');
    await title.setValue(DRAFT.title);
    const text = await shown(browser, 'draft-text');
    await text.setValue(DRAFT.text.replaceAll('\n', ENTER));
    assert.equal(await text.getValue(), DRAFT.text, 'the text field holds what was typed');
    await waitSaved(browser);

    await tap(browser, 'back');
    t.diagnostic(`A: ${await sendAll(browser)}`);
    await tap(browser, 'home');
    code = await showCode(browser);
    t.diagnostic(`A: pairing code ${code}; screenshot ${await screenshot(browser, 'e2e-pair-1-a-code')}`);
  });

  // 2. Phone B: the code; the person and the draft arrive; a sentence added at the end, sent.
  await turn(b, async (browser) => {
    await tap(browser, 'lang-mk');
    await browser.waitUntil(async () => (await htmlLang(browser)) === 'mk', { timeoutMsg: 'the UI did not switch to Macedonian' });
    const started = Date.now();
    await enterCode(browser, code);
    await openArrived(browser, async () => t.diagnostic(`B: screenshot ${await screenshot(browser, 'e2e-pair-2-b-who')}`));
    t.diagnostic(`B: the person arrived ${Date.now() - started} ms after the code was entered`);
    assert.equal(await htmlLang(browser), 'sq', "the person's language came with them: the UI is in Albanian");

    const { title, text } = await openDraft(browser);
    assert.equal(await title.getValue(), DRAFT.title, 'every character of the title arrived');
    assert.equal(await text.getValue(), DRAFT.text, 'every character of the text arrived, line breaks and all');
    await centre(browser, text);
    t.diagnostic(`B: screenshot ${await screenshot(browser, 'e2e-pair-3-b-draft')}`);

    await text.addValue(B_ADDS);
    assert.equal(await text.getValue(), DRAFT.text + B_ADDS, 'the sentence went at the end');
    await waitSaved(browser);
    await tap(browser, 'back');
    await shownWithText(browser, '[data-testid^="draft-item-"]', DRAFT.title);
    assert.equal((await browser.$$('[data-testid^="draft-item-"]')).length, 1, 'B has the one draft');
    t.diagnostic(`B: ${await sendAll(browser)}`);
    await tap(browser, 'home');
    code = await showCode(browser);
    t.diagnostic(`B: pairing code ${code} for A`);
  });

  // 3. Phone A again: a new device to the server. A sentence at the start, then pairing again.
  const merged = A_ADDS + DRAFT.text + B_ADDS;
  await turn(a, async (browser) => {
    await shown(browser, 'tile-requests');
    const { text } = await openDraft(browser);
    assert.equal(await text.getValue(), DRAFT.text, "A still has its own text (B's sentence cannot have come)");
    // As a person would: in the text, Ctrl+Home to its start, and type there.
    await text.click();
    await browser.action('key').down(CONTROL).down(HOME).up(HOME).up(CONTROL).perform();
    await browser.keys(A_ADDS);
    assert.equal(await text.getValue(), A_ADDS + DRAFT.text, 'the sentence went at the start');
    await waitSaved(browser);
    await tap(browser, 'home');

    await enterCode(browser, code);
    await openArrived(browser);
    const merging = await openDraftUntil(browser, merged);
    await centre(browser, merging.text);
    t.diagnostic(`A: screenshot ${await screenshot(browser, 'e2e-pair-4-a-merged')}`);
    await tap(browser, 'back');
    t.diagnostic(`A: ${await sendAll(browser)}`);
    await tap(browser, 'home');
    code = await showCode(browser);
  });

  // 4. Phone B again, paired with A's code: both sentences.
  await turn(b, async (browser) => {
    await shown(browser, 'tile-requests');
    await enterCode(browser, code);
    await openArrived(browser);
    const { title, text } = await openDraftUntil(browser, merged);
    assert.equal(await title.getValue(), DRAFT.title, 'the title is unchanged');
    await centre(browser, text);
    t.diagnostic(`B: screenshot ${await screenshot(browser, 'e2e-pair-5-b-merged')}`);
  });
});
