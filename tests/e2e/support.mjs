// Helpers for driving the real app through tauri-driver: sessions, the app's process, and waiting for
// screens. run-e2e.sh sets MC_APP_BIN, MC_DRIVER_PORT and MCOMMUNITY_DATA_DIR.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

export const APP_BIN = process.env.MC_APP_BIN;
export const DRIVER_PORT = Number(process.env.MC_DRIVER_PORT ?? 4444);
export const DATA_DIR = process.env.MCOMMUNITY_DATA_DIR;
export const SHOTS_DIR = process.env.MC_SHOTS_DIR ?? '/tmp/mc-shots';
/** The run's work folder (run-e2e.sh makes it and removes it). */
export const WORK = process.env.MC_E2E_WORK;

if (!APP_BIN || !DATA_DIR) {
  throw new Error('run the end-to-end tests with tests/run-e2e.sh <app-binary> (MC_APP_BIN and MCOMMUNITY_DATA_DIR are unset)');
}

/** How long a screen may take to appear (the first start of WebKit under Xvfb is the slowest). */
export const SCREEN_TIMEOUT = 20_000;

/**
 * Starts the app in a new WebDriver session and waits until its first screen is up. `application`
 * (default: the app binary) may be a script that sets the app's environment and execs it: tauri-driver
 * passes no environment of its own, so that is how an app gets a data folder other than the run's
 * (see `appLauncher`).
 */
export async function openApp({ application = APP_BIN } = {}) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: DRIVER_PORT,
    logLevel: 'warn',
    connectionRetryCount: 1,
    // Only the app: a `browserName` here makes WebKitWebDriver refuse the session.
    capabilities: { 'tauri:options': { application } },
  });
  // The first screen is one of: the language picker, "who is using the app?", or Home.
  await browser.waitUntil(
    () => browser.execute(() => document.querySelector('[data-testid="lang-sq"], [data-testid="new-person"], [data-testid="tile-requests"]') !== null),
    {
      timeout: SCREEN_TIMEOUT,
      timeoutMsg:
        'the app showed none of its first screens (is the binary built with the UI inside: ' +
        '`npm --prefix ui run build` then `cargo build -p mcommunity-app --features custom-protocol`?)',
    },
  );
  return browser;
}

/** Ends a session whose app may already be dead; errors and hangs are expected and ignored. */
export async function endSession(browser) {
  if (!browser) return;
  await Promise.race([browser.deleteSession().catch(() => {}), sleep(10_000)]);
}

/** Pids of this run's app: started from APP_BIN (found with pgrep -f) with this data folder. */
export async function appPids(dataDir = DATA_DIR) {
  let candidates;
  try {
    candidates = execFileSync('pgrep', ['-f', APP_BIN], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
  const pids = [];
  for (const pid of candidates) {
    if (pid === process.pid) continue;
    try {
      // The executable itself (not tauri-driver or WebKitWebDriver, whose command lines could name it)…
      const exe = (await readlink(`/proc/${pid}/exe`)).replace(/ \(deleted\)$/, '');
      if (exe !== APP_BIN) continue;
      // …and the one this run started (another run of the same binary keeps its own data folder).
      const env = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
      if (!env.includes(`MCOMMUNITY_DATA_DIR=${dataDir}`)) continue;
      const state = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.[0];
      if (state === 'Z') continue;
      pids.push(pid);
    } catch {
      // Gone in the meantime, or not ours to read.
    }
  }
  return pids;
}

/** Whether `pid` has ended (a zombie waiting for its parent counts as ended). */
async function ended(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] === 'Z';
  } catch {
    return true;
  }
}

/**
 * Kills the app at once with SIGKILL, as a pulled battery would: no flush, no clean shutdown. Returns
 * the pid it killed. Fails unless exactly one app process with this data folder (default: the run's)
 * is found.
 */
export async function killApp(dataDir = DATA_DIR) {
  const pids = await appPids(dataDir);
  if (pids.length !== 1) throw new Error(`expected one running app from ${APP_BIN} with data folder ${dataDir}, found ${JSON.stringify(pids)}`);
  const [pid] = pids;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && !(await ended(pid)); i++) await sleep(50);
  if (!(await ended(pid))) throw new Error(`the app (pid ${pid}) did not end after SIGKILL`);
  return pid;
}

/**
 * Writes an executable script that starts the app with `env` added to its environment (its own data
 * folder, sync server, …) and returns its path, for `openApp({ application })`. The app's standard
 * error goes to `log`.
 */
export async function appLauncher(file, env, log) {
  const quote = (v) => `'${String(v).replaceAll("'", `'\\''`)}'`;
  const lines = ['#!/bin/sh', ...Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`), `exec ${quote(APP_BIN)} "$@" 2>>${quote(log)}`];
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o755 });
  return file;
}

/**
 * A device of its own for a test: a data folder and WebKit folders under the run's work folder, and a
 * launcher that starts the app on them with `env` added (a sync server, memory credentials…).
 */
export async function deviceApp(name, env = {}) {
  const dir = `${WORK}/${name}`;
  const data = `${dir}/data`;
  await mkdir(data, { recursive: true });
  const log = `${dir}/app.log`;
  const application = await appLauncher(
    `${dir}/app.sh`,
    {
      MCOMMUNITY_DATA_DIR: data,
      ...env,
      // WebKit's own storage, per device too.
      XDG_DATA_HOME: `${dir}/xdg-data`,
      XDG_CONFIG_HOME: `${dir}/xdg-config`,
      XDG_CACHE_HOME: `${dir}/xdg-cache`,
    },
    log,
  );
  return { name, dir, data, application, log };
}

export const sel = (testid) => `[data-testid="${testid}"]`;

/** The element with `data-testid`, once it is shown. */
export async function shown(browser, testid, timeout = SCREEN_TIMEOUT) {
  const el = await browser.$(sel(testid));
  await el.waitForDisplayed({ timeout, timeoutMsg: `"${testid}" was not shown within ${timeout} ms` });
  return el;
}

/** Clicks the element with `data-testid` once it is shown. */
export async function tap(browser, testid) {
  await (await shown(browser, testid)).click();
}

/** The first shown element matching `selector` whose text contains `text`. */
export async function shownWithText(browser, selector, text, timeout = SCREEN_TIMEOUT) {
  let found = null;
  await browser.waitUntil(
    async () => {
      for (const el of await browser.$$(selector)) {
        if ((await el.isDisplayed()) && (await el.getText()).includes(text)) {
          found = el;
          return true;
        }
      }
      return false;
    },
    { timeout, timeoutMsg: `no ${selector} showing "${text}" within ${timeout} ms` },
  );
  return found;
}

export async function htmlLang(browser) {
  return browser.execute(() => document.documentElement.lang);
}

/**
 * Saves a screenshot after letting the window repaint: WebKitWebDriver has returned stale frames
 * taken right after a DOM change.
 */
export async function screenshot(browser, name) {
  await mkdir(SHOTS_DIR, { recursive: true });
  await browser.execute(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await sleep(700);
  const file = `${SHOTS_DIR}/${name}.png`;
  await browser.saveScreenshot(file);
  return file;
}

/** A Fluent message's plain text from `locales/<locale>/<file>.ftl` (messages without variables). */
export async function ftlMessage(locale, file, id) {
  const text = await readFile(new URL(`../../locales/${locale}/${file}.ftl`, import.meta.url), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${id} =`));
  if (!line) throw new Error(`no message ${id} in locales/${locale}/${file}.ftl`);
  return line.slice(id.length + 2).trim();
}
