// The real app, end to end, as a volunteer would use it: the debug build with its UI embedded, driven
// through tauri-driver and WebKitWebDriver, its data in a fresh folder (run-e2e.sh).
//
// 1. Nothing lost: a draft typed in Albanian is stored by autosave, the app is killed with SIGKILL (no
//    chance to flush anything), and after a restart the language, the person and every character of
//    the draft are back.
// 2. A person with a PIN: a wrong PIN is refused with the error in Albanian next to the field, the right
//    PIN opens, and after a restart the app does not open that person without the PIN.
//
// The tests run in order on one data folder: the first one starts from a device that was never used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  endSession,
  ftlMessage,
  htmlLang,
  killApp,
  openApp,
  screenshot,
  sel,
  shown,
  shownWithText,
  tap,
} from './support.mjs';

const FIRST = { name: 'Lumturi Çeliku', avatar: 'fish' };
const SECOND = { name: 'Dritë Zeqiri', avatar: 'flower', pin: '4826' };
const WRONG_PIN = '1111';
const DRAFT = {
  kind: 'complaint',
  title: 'Ujësjellësi në lagjen Çerçiz Topulli',
  text: 'Që prej javës së kaluar nuk ka ujë.\nFëmijët dhe të moshuarit vuajnë; ËSHTË E VËSHTIRË.\nJu lutem, rregulloni tubat — faleminderit!',
};

/**
 * Types `value` into a field. WebKitWebDriver drops a plain "\n", so each line break is typed as the
 * Enter key (U+E007 in WebDriver), as a person would press it.
 */
async function type(el, value) {
  await el.setValue(value.replaceAll('\n', '\uE007'));
}

/** Waits until autosave reports the draft stored. */
async function waitSaved(browser) {
  const status = await shown(browser, 'save-status');
  await browser.waitUntil(async () => (await status.getAttribute('data-state')) === 'saved', {
    timeout: 5_000,
    timeoutMsg: 'the draft was not reported saved within 5 s (autosave waits at most 500 ms)',
  });
}

/** From whatever screen the app opened on, to the "new person" form. */
async function toNewPersonForm(browser) {
  const first = await browser.execute(() =>
    ['lang-sq', 'tile-requests', 'new-person'].find((id) => document.querySelector(`[data-testid="${id}"]`)),
  );
  if (first === 'lang-sq') await tap(browser, 'lang-sq');
  if (first === 'tile-requests') await tap(browser, 'tile-people');
  await tap(browser, 'new-person');
  await shown(browser, 'profile-name');
}

test('a draft typed in Albanian survives the app being killed', async (t) => {
  let browser = await openApp();
  try {
    // A device never used before asks the language first.
    await tap(browser, 'lang-sq');
    await browser.waitUntil(async () => (await htmlLang(browser)) === 'sq', { timeoutMsg: 'the UI did not switch to Albanian' });

    await tap(browser, 'new-person');
    await (await shown(browser, 'profile-name')).setValue(FIRST.name);
    await tap(browser, `avatar-${FIRST.avatar}`);
    await tap(browser, 'profile-create-submit');

    await tap(browser, 'tile-requests');
    await tap(browser, 'draft-new');
    await tap(browser, `kind-${DRAFT.kind}`);

    const title = await shown(browser, 'draft-title');
    await title.setValue(DRAFT.title);
    const text = await shown(browser, 'draft-text');
    await type(text, DRAFT.text);
    // What the person typed is what the fields hold (else a failure later would blame storage wrongly).
    assert.equal(await title.getValue(), DRAFT.title, 'the title field holds what was typed');
    assert.equal(await text.getValue(), DRAFT.text, 'the text field holds what was typed, line breaks and all');

    await waitSaved(browser);
    const pid = await killApp();
    t.diagnostic(`killed the app (pid ${pid}) with SIGKILL once the draft showed "saved"`);
  } finally {
    await endSession(browser);
  }

  browser = await openApp();
  try {
    assert.equal(await htmlLang(browser), 'sq', 'the UI comes back in Albanian');

    // A person without a PIN is opened again by itself; should the app ask, pick them by their tile.
    const opened = await browser.execute(() => document.querySelector('[data-testid="tile-requests"]') !== null);
    if (!opened) {
      await (await shownWithText(browser, '[data-testid^="profile-tile-"]', FIRST.name)).click();
    }
    await tap(browser, 'tile-requests');

    const item = await shownWithText(browser, '[data-testid^="draft-item-"]', DRAFT.title);
    const items = await browser.$$('[data-testid^="draft-item-"]');
    assert.equal(items.length, 1, 'the list holds exactly the one draft');
    await item.click();

    const title = await shown(browser, 'draft-title');
    const text = await shown(browser, 'draft-text');
    assert.equal(await title.getValue(), DRAFT.title, 'every character of the title is back');
    assert.equal(await text.getValue(), DRAFT.text, 'every character of the text is back, line breaks and all');
    assert.equal(await (await shown(browser, 'save-status')).getAttribute('data-state'), 'saved', 'nothing is waiting to be saved');

    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-1-draft-after-restart')}`);
  } finally {
    await endSession(browser);
  }
});

test('a person with a PIN opens only with the right PIN', async (t) => {
  const wrongPinMessage = await ftlMessage('sq', 'errors', 'error-wrong-pin');

  let browser = await openApp();
  try {
    await toNewPersonForm(browser);
    await (await shown(browser, 'profile-name')).setValue(SECOND.name);
    await tap(browser, `avatar-${SECOND.avatar}`);
    await (await shown(browser, 'profile-pin')).setValue(SECOND.pin);
    await (await shown(browser, 'profile-pin-repeat')).setValue(SECOND.pin);
    await tap(browser, 'profile-create-submit');
    await shown(browser, 'tile-requests');

    // Change person: the picker shows the new person with their lock.
    await tap(browser, 'change-person');
    await (await shownWithText(browser, '[data-testid^="profile-tile-"]', SECOND.name)).click();

    const pinInput = await shown(browser, 'pin-input');
    await pinInput.setValue(WRONG_PIN);
    await tap(browser, 'pin-submit');

    const error = await browser.$(`${sel('error-message')}[data-field="pin"]`);
    await error.waitForDisplayed({ timeoutMsg: 'a wrong PIN showed no error at the PIN field' });
    assert.equal((await error.getText()).trim(), wrongPinMessage, 'the wrong-PIN error is the Albanian message');
    assert.equal(await htmlLang(browser), 'sq', 'the page is still in Albanian');

    // "Next to the field": the field points to its error, and the error sits right under it.
    const errorId = await error.getAttribute('id');
    const describedBy = (await pinInput.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(/\s+/).includes(errorId), `the PIN field is described by its error (aria-describedby="${describedBy}")`);
    const [field, message] = await Promise.all([pinInput.getLocation(), error.getLocation()]);
    const fieldSize = await pinInput.getSize();
    const gap = message.y - (field.y + fieldSize.height);
    assert.ok(gap >= -1 && gap <= 64, `the error is right under the PIN field (gap ${gap} px)`);
    assert.equal(await pinInput.getValue(), '', 'the wrong PIN is cleared from the field');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-2-wrong-pin')}`);

    await pinInput.setValue(SECOND.pin);
    await tap(browser, 'pin-submit');
    await shown(browser, 'tile-requests');
    const heading = await browser.$('h1').getText();
    assert.ok(heading.includes(SECOND.name), `Home greets ${SECOND.name} (heading "${heading}")`);

    // A person with a PIN must not be opened by a restart: the next one to pick up the device would
    // otherwise be in their requests.
    await killApp();
  } finally {
    await endSession(browser);
  }

  browser = await openApp();
  try {
    await shown(browser, 'new-person');
    const home = await browser.$(sel('tile-requests'));
    assert.equal(await home.isExisting(), false, 'after a restart the app asks who is using it');
    await (await shownWithText(browser, '[data-testid^="profile-tile-"]', SECOND.name)).click();
    await shown(browser, 'pin-input');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-3-pin-after-restart')}`);
  } finally {
    await endSession(browser);
  }
});
