// A community session in the real app, through the real sync server (run-e2e.sh starts it with the
// lessons and the skills check published): a volunteer signs in with the account the project gave
// them, opens a session, registers two people who came (with their consent), one of them takes the
// skills check with the volunteer, and sends a request written with the volunteer's help, agreed to
// with a tap; after "Send now" the project's indicators page counts the session, the people, the
// assessment and the assisted request (small numbers shown as "< 5", never as 0).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { deviceApp, endSession, openApp, screenshot, sel, shown, shownWithText, tap } from './support.mjs';

const SERVER_URL = process.env.MC_SERVER_URL;
const SERVER_BIN = process.env.MC_SERVER_BIN;
const SERVER_DATA = process.env.MC_SERVER_DATA;
const PASSWORD = 'Vullnetar-Qelëz-2026';

/** `admin add-staff`, the password on standard input as a script gives it. */
async function addStaff(username, role) {
  const child = execFile(SERVER_BIN, ['admin', 'add-staff', '--username', username, '--role', role, '--data', SERVER_DATA]);
  child.stdin.end(`${PASSWORD}\n`);
  await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`add-staff ${role}: ${code}`)))));
}

/** The indicators as CSV rows, fetched as a project member logs in at the dashboard. */
async function indicators(username) {
  const login = await fetch(`${SERVER_URL}/dashboard/login`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = (await login.text()).match(/name="csrf" value="([^"]+)"/)[1];
  const signed = await fetch(`${SERVER_URL}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, username, password: PASSWORD }),
  });
  assert.equal(signed.status, 303, 'the project member logs in');
  const session = signed.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('=')).join('; ');
  const csv = await (await fetch(`${SERVER_URL}/dashboard/indicators/indicators.csv?lang=en`, { headers: { cookie: session } })).text();
  return csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
}

/** Taps the first element matching `selector` once it is shown. */
async function tapFirst(browser, selector) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({ timeout: 20_000 });
  await element.click();
}

const value = (rows, table, indicator, group) =>
  rows.find((r) => r[0] === table && r[1] === indicator && r[2] === group)?.[3];

/** Someone new, registered at the session with the facts they chose and their consent. */
async function register(browser, name, answers) {
  await tap(browser, 'session-add');
  await tap(browser, 'add-someone-new');
  await (await shown(browser, 'add-name')).setValue(name);
  await tap(browser, 'add-next');
  await shown(browser, 'facts-explain');
  for (const answer of answers) {
    await tap(browser, 'add-next');
    await tap(browser, answer === null ? 'fact-answer-none' : `fact-answer-${answer}`);
  }
  await tap(browser, 'add-next');
  await shown(browser, 'facts-consent');
  await tap(browser, 'facts-consent-yes');
  await shown(browser, 'add-done');
  await tap(browser, 'add-to-session');
}

test('a volunteer runs a session, a person takes the skills check and sends a request with help, the indicators count them', async (t) => {
  assert.ok(SERVER_URL && SERVER_BIN && SERVER_DATA, 'run with tests/run-e2e.sh <app> <sync-server>: this test needs the server');
  await addStaff('arben', 'volunteer');
  await addStaff('projekti', 'project');
  const laptop = await deviceApp('village-hall', { MCOMMUNITY_SERVER_URL: SERVER_URL, MCOMMUNITY_CREDENTIALS: 'memory' });

  const browser = await openApp({ application: laptop.application });
  try {
    await tap(browser, 'lang-sq');
    await tap(browser, 'new-person');
    await (await shown(browser, 'profile-name')).setValue('Arben Hoxha');
    await tap(browser, 'avatar-sun');
    await tap(browser, 'profile-create-submit');

    // The volunteer signs in once (it needs the connection), then opens a session.
    await tap(browser, 'tile-people');
    await tap(browser, 'people-sessions');
    await (await shown(browser, 'volunteer-username')).setValue('arben');
    await (await shown(browser, 'volunteer-password')).setValue(PASSWORD);
    await tap(browser, 'volunteer-submit');
    await shown(browser, 'volunteer-name', 30_000);
    await tap(browser, 'session-new');
    await (await shown(browser, 'session-topic')).setValue('Telefoni dhe e-Albania');
    await tap(browser, 'session-create');
    await shown(browser, 'session-empty');

    // Two people who came: one gives every fact, one some; both agree.
    await register(browser, 'Drita Marku', ['woman', '55-74', 'rural', 'al', 'woman-reading-little']);
    await register(browser, 'Gjon Pali', ['man', null, 'rural', null, 'first-phone']);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="attendee-present"]')).length === 2, {
      timeout: 20_000,
      timeoutMsg: 'two people on the session',
    });
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-session-1-people')}`);

    // Drita takes the skills check with the volunteer beside her.
    await tap(browser, 'home');
    await tap(browser, 'change-person');
    await (await shownWithText(browser, '[data-testid^="profile-tile-"]', 'Drita Marku')).click();
    await tap(browser, 'tile-people');
    await tap(browser, 'people-skills');
    await tapFirst(browser, '[data-testid^="skills-helper-"]');
    await tap(browser, 'skills-start');
    await tap(browser, 'skills-next');
    for (let i = 0; i < 40; i++) {
      if (await browser.$(sel('skills-tasks')).isExisting()) break;
      const where = await (await shown(browser, 'skills-item')).$('.where').getText();
      await tap(browser, i % 2 ? 'skills-answer-with-help' : 'skills-answer-on-my-own');
      await browser.waitUntil(
        async () => (await browser.$(sel('skills-tasks')).isExisting()) || (await browser.$('[data-testid="skills-item"] .where').getText()) !== where,
        { timeout: 10_000, timeoutMsg: `the check did not move on from ${where}` },
      );
    }
    await shown(browser, 'skills-tasks');
    await tapFirst(browser, sel('skills-task-call-or-voice-message'));
    await tap(browser, 'skills-finish');
    await shown(browser, 'skills-result');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-session-2-strengths')}`);
    await tap(browser, 'skills-done');

    // And a request written with the volunteer's help, sent with her tap of consent.
    await tap(browser, 'home');
    await tap(browser, 'tile-requests');
    await tap(browser, 'draft-new');
    await tap(browser, 'kind-problem');
    await (await shown(browser, 'draft-text')).setValue('Uji mungon në Qelëz prej tri ditësh.');
    await (await shown(browser, 'draft-category')).selectByAttribute('value', 'water');
    await tap(browser, 'draft-helper');
    await tapFirst(browser, '[data-testid^="draft-helper-"]:not([data-testid="draft-helper-section"]):not([data-testid="draft-helper-name"])');
    await shown(browser, 'draft-helper-name');
    await tap(browser, 'draft-send');
    await shown(browser, 'consent-step');
    await tap(browser, 'consent-yes');
    await shown(browser, 'draft-sent-done');
    await shown(browser, 'sent-helper');

    // "Send now": everything reaches the server.
    await tap(browser, 'home');
    const status = await shown(browser, 'sync-status', 30_000);
    await tap(browser, 'sync-now');
    await browser.waitUntil(
      async () => (await status.getAttribute('data-state')) === 'idle' && (await status.getAttribute('data-pending')) === '0',
      { timeout: 60_000, timeoutMsg: 'the session, the check and the request did not reach the server' },
    );
  } catch (e) {
    t.diagnostic(`screenshot at the failure: ${await screenshot(browser, 'e2e-session-failed')}`);
    const shownText = await browser.execute(() => document.body.innerText).catch(() => '');
    t.diagnostic(`the screen said: ${shownText.slice(0, 600)}`);
    const log = await readFile(laptop.log, 'utf8').catch(() => '');
    t.diagnostic(`the app's last log lines:\n${log.split('\n').slice(-15).join('\n')}`);
    throw e;
  } finally {
    await endSession(browser);
  }

  const rows = await indicators('projekti');
  t.diagnostic(rows.slice(0, 12).map((r) => r.join(' | ')).join('\n'));
  assert.equal(value(rows, 'Sessions held by country', 'Sessions held', 'Total'), '1', 'the session is counted');
  assert.equal(value(rows, 'By gender', 'People reached', 'Total'), '< 5', 'two people: counted, shown as a small cell');
  assert.equal(value(rows, 'By gender', 'Assessments taken', 'Total'), '< 5', 'the skills check is counted');
  assert.equal(value(rows, "Requests sent with a volunteer's help", "Requests sent with a volunteer's help", 'Total'), '< 5', 'the request sent with help is counted');
});
