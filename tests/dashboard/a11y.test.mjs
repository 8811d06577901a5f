// Accessibility of the municipality's dashboard and the public transparency page, in a real browser
// (Debian's Chromium) against the real server binary.
//
// The test starts `mcommunity-sync-server` (MC_SERVER_BIN, default
// $CARGO_TARGET_DIR/debug/mcommunity-sync-server, else target/debug/…) on a fresh data folder, adds an
// admin with `admin add-staff` (password on standard input) and demo submissions with
// `admin demo-data`, then opens every page in sq, mk, sr and en. On each it checks, at phone size
// (360×740), at phone size with 200 % text and at laptop size (1280×800): zero axe-core violations
// (WCAG 2.2 AA), targets of at least 48 px, no sideways scrolling, and `<html lang>` (the shared
// checkScreen of tests/browser/support.mjs).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkScreen, launchChromium } from '../browser/support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SERVER_BIN =
  process.env.MC_SERVER_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'mcommunity-sync-server');
const LANGS = ['sq', 'mk', 'sr', 'en'];
const ADMIN = { username: 'admin-a11y', password: 'a long password for axe' };

let data;
let project;
let server;
let base;
let browser;

/** Runs the server's command line to completion; fails the test on a non-zero exit. */
function cli(args, input) {
  const run = spawnSync(SERVER_BIN, [...args, '--data', data], { input, encoding: 'utf8' });
  assert.equal(run.status, 0, `${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

before(async () => {
  assert.ok(existsSync(SERVER_BIN), `the server binary is missing at ${SERVER_BIN}: build it, or set MC_SERVER_BIN`);
  data = mkdtempSync(join(tmpdir(), 'mc-dashboard-'));
  cli(['admin', 'add-staff', '--username', ADMIN.username, '--role', 'admin'], `${ADMIN.password}\n`);
  const demo = cli(['admin', 'demo-data', '--count', '12']);
  // The demo project member's password is printed like the demo clerk's.
  const login = /^DEMO MODE \(never in production\): project login (\S+) \/ (\S+)$/m.exec(demo);
  assert.ok(login, `admin demo-data prints the demo project login:\n${demo}`);
  project = { username: login[1], password: login[2] };
  server = spawn(SERVER_BIN, ['serve', '--listen', '127.0.0.1:0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not print its address: ${out}`)), 30_000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^dashboard: (http:\/\/\S+)\/dashboard$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (data) rmSync(data, { recursive: true, force: true });
});

async function check(page, lang, name) {
  const { problems, warnings } = await checkScreen(page, { lang, name: `dashboard-${name}` });
  for (const w of warnings) console.log(`warning [${lang}] ${name}: ${w}`);
  return problems.map((p) => `${name}: ${p}`);
}

describe('the dashboard and the transparency page are accessible', () => {
  for (const lang of LANGS) {
    test(`every page in ${lang}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = [];
      try {
        await page.goto(`${base}/transparency?lang=${lang}`);
        problems.push(...(await check(page, lang, 'transparency')));
        await page.goto(`${base}/dashboard/login?lang=${lang}`);
        problems.push(...(await check(page, lang, 'login')));

        await page.fill('#username', ADMIN.username);
        await page.fill('#password', ADMIN.password);
        await Promise.all([page.waitForURL(`${base}/dashboard`), page.click('main button[type=submit]')]);
        problems.push(...(await check(page, lang, 'inbox')));

        // An answered demo submission, so the conversation has a reply.
        await page.goto(`${base}/dashboard?status=answered`);
        const href = await page.getAttribute('main table a[href^="/dashboard/submissions/"]', 'href');
        assert.ok(href, 'the inbox lists the demo submissions');
        await page.goto(`${base}${href}`);
        problems.push(...(await check(page, lang, 'submission')));
        const text = await page.textContent('main');
        assert.ok(text.includes('DEMO'), 'the demo submission is shown');

        for (const path of ['/dashboard/reports', '/dashboard/indicators', '/dashboard/announcements', '/dashboard/categories', '/dashboard/audit']) {
          await page.goto(`${base}${path}`);
          problems.push(...(await check(page, lang, path.slice('/dashboard/'.length))));
        }
        // A page that is not there is a page too.
        const missing = await page.goto(`${base}/dashboard/submissions/00000000-0000-4000-8000-000000000000`);
        assert.equal(missing.status(), 404);
        problems.push(...(await check(page, lang, 'not-found')));
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, [], `accessibility problems in ${lang}:\n${problems.join('\n')}`);
    });
  }
});

// #6: the project's indicators page, as the demo project member sees it (the demo community
// session in Qelëz fills it, with small cells hidden).
describe('the indicators page is accessible to the project', () => {
  for (const lang of LANGS) {
    test(`indicators in ${lang}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = [];
      try {
        await page.goto(`${base}/dashboard/login?lang=${lang}`);
        await page.fill('#username', project.username);
        await page.fill('#password', project.password);
        await Promise.all([page.waitForURL(`${base}/dashboard/indicators`), page.click('main button[type=submit]')]);
        problems.push(...(await check(page, lang, 'indicators')));
        const text = await page.textContent('main');
        assert.ok(text.includes('< 5'), 'small cells of the demo session are hidden');
        await page.goto(`${base}/dashboard/indicators?country=AL&from=2020-01-01`);
        problems.push(...(await check(page, lang, 'indicators-filtered')));
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, [], `accessibility problems in ${lang}:\n${problems.join('\n')}`);
    });
  }
});
