// Accessibility of every screen, in a real browser (Debian's Chromium) with the mock backend.
//
// For each of the four languages, from a fresh browser context (the mock keeps its data in
// localStorage), the test walks the app as a person would: language, new person, home (with the sync
// indicator, also with no connection), News with no news yet, Learn (the lessons, a step, a quiz
// question with feedback, the end), Practise (the forms, a page with problems, the SMS code, the end),
// My requests, a new request (with a photo; a voice note while recording and once kept, from Chromium's
// fake microphone; the place picker with its drawn map and a pin; the editor with the place), sending it
// (the confirmation, then the read-only sent view), the municipality's answer arriving with a sync (the
// list's status, then the conversation, and the conversation with a message of the person's), News with
// announcements, People, the pairing code, deleting, two people, a PIN, and entering a pairing code. On each screen it checks,
// at phone size (360×740), at phone size with 200 % text and at laptop size (1280×800): zero axe-core
// violations (WCAG 2.2 AA), every target at least 48 px, no sideways scrolling, and `<html lang>`.
//
// The page is `MC_BASE_URL` (run-browser.sh serves `ui/dist-mock` and sets it); without it the test
// serves `ui/dist-mock` itself. Screenshots of the Albanian run go to /tmp/mc-shots/.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { checkScreen, launchChromium, PHONE, photoPng, SHOTS_DIR } from './support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, '..', '..', 'ui', 'dist-mock');

/** Names and words with each language's own letters, so fonts, layout and storage see them. */
const PEOPLE = {
  sq: { first: 'Lulëzim Çela', second: 'Drita Hoxhë', title: 'Rruga për në fshat është e prishur', text: 'Gropat janë të mëdha.\nFëmijët ecin çdo ditë atje.' },
  mk: { first: 'Ѓорѓи Ќосевски', second: 'Љубица Џамбаз', title: 'Патот до селото е расипан', text: 'Дупките се големи.\nДецата одат таму секој ден.' },
  sr: { first: 'Đorđe Šćepanović', second: 'Ljiljana Žućko', title: 'Put do sela je oštećen', text: 'Rupe su velike.\nDeca svaki dan idu tuda.' },
  en: { first: 'Mary Jones', second: 'Ann Smith', title: 'The road to the village is broken', text: 'The holes are big.\nChildren walk there every day.' },
};
/**
 * The municipality's answer to the sent request, played by the mock: two replies (given newest first,
 * shown oldest first) and an expected day, in each language's letters.
 */
const ANSWERS = {
  sq: { by: 'Zyra e rrugëve, Bashkia', first: 'E morëm kërkesën tuaj.', second: 'Punëtorët do të vijnë të hënën për të mbushur gropat.' },
  mk: { by: 'Одделение за патишта, Општина', first: 'Го примивме вашето барање.', second: 'Работниците ќе дојдат во понеделник да ги пополнат дупките.' },
  sr: { by: 'Odeljenje za puteve, Opština', first: 'Primili smo vaš zahtev.', second: 'Radnici će doći u ponedeljak da popune rupe.' },
  en: { by: 'Roads office, Municipality', first: 'We have your request.', second: 'Workers will come on Monday to fill the holes.' },
};
/** An announcement in each language, published by the mock's municipality; an Albanian one goes to every run. */
const NEWS = {
  sq: { title: 'Uji do të ndërpritet të hënën', text: 'Nga ora 8 deri në 12, në lagjen e shkollës.' },
  mk: { title: 'Средба со жителите во четврток', text: 'Во 18 часот, во салата на општината.' },
  sr: { title: 'Sastanak sa meštanima u četvrtak', text: 'U 18 časova, u sali opštine.' },
  en: { title: 'Residents’ meeting on Thursday', text: 'At 18:00, in the town hall.' },
};
/** A message of the person's on the sent request. */
const MESSAGES = {
  sq: 'Gropa u bë më e madhe pas shiut.',
  mk: 'Дупката е поголема по дождот.',
  sr: 'Rupa je veća posle kiše.',
  en: 'The hole is bigger after the rain.',
};
/** Someone new registered at a community session, who then sends a request with a helper. */
const NEWCOMER = { sq: 'Shpresa Gjoni', mk: 'Жаклина Ѕвездовска', sr: 'Ružica Đukić', en: 'Rose Newman' };
/** The browser's own language setting for each run. */
const BROWSER_LOCALE = { sq: 'sq-AL', mk: 'mk-MK', sr: 'sr-Latn-RS', en: 'en-GB' };
const WRONG_PIN = '1111';
const PIN = '2468';

let browser;
let site;
let baseUrl;

before(async () => {
  // Pictures of problems from an earlier run would be taken for this run's.
  for (const file of await readdir(SHOTS_DIR).catch(() => [])) {
    if (/^problem-.*\.png$/.test(file)) await rm(`${SHOTS_DIR}/${file}`, { force: true });
  }
  baseUrl = process.env.MC_BASE_URL;
  if (!baseUrl) {
    site = await serve(DIST);
    baseUrl = site.url;
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

for (const lang of Object.keys(PEOPLE)) {
  const words = PEOPLE[lang];

  describe(`every screen in ${lang}`, () => {
    let context;
    let page;
    /** Script errors, console errors and CSP violations seen in this language's run. */
    const scriptErrors = [];
    /** Set when a step failed: the later steps depend on it, so they fail at once, naming it. */
    let brokenAt = null;
    let shotNo = 0;

    before(async () => {
      // A fresh context: no localStorage, so the mock starts with no language and nobody on the device.
      // The browser speaks the language under test, as a phone set to it would: the app guesses it for
      // the language picker, before anyone has chosen.
      context = await browser.newContext({ viewport: PHONE, locale: BROWSER_LOCALE[lang], reducedMotion: 'reduce' });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => scriptErrors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // Failed loads are reported below with their address.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) scriptErrors.push(`console error: ${m.text()}`);
      });
      page.on('response', (r) => {
        // The browser asks for /favicon.ico by itself; the app has no favicon link to load.
        if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') scriptErrors.push(`HTTP ${r.status()} for ${r.url()}`);
      });
      page.on('requestfailed', (r) => scriptErrors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
      await page.goto(baseUrl);
    });

    after(async () => {
      await context?.close();
    });

    /**
     * One screen: get there with `reach`, check it, then `leave` it if asked. A screen whose checks fail
     * still lets the walk go on; one that could not be reached fails the rest, which depend on it.
     */
    function screen(name, reach, { after: leave } = {}) {
      test(name, async (t) => {
        if (brokenAt) {
          assert.fail(`${name} (${lang}) needs "${brokenAt}", which could not be done`);
        }
        let problems;
        let warnings;
        try {
          await reach();
          shotNo += 1;
          const shot = lang === 'sq' ? `${lang}-${String(shotNo).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}` : null;
          ({ problems, warnings } = await checkScreen(page, { lang, shot, name }));
          await leave?.();
        } catch (e) {
          brokenAt ??= name;
          throw e;
        }
        for (const warning of warnings) t.diagnostic(`warning: ${warning}`);
        assert.deepEqual(problems, [], `${name} (${lang}) must pass every check:\n  ${problems.join('\n  ')}`);
      });
    }

    const byId = (id) => page.getByTestId(id);

    screen('language picker', async () => {
      await byId(`lang-${lang}`).waitFor();
      // Each language's button is labelled in its own script, whatever the page language.
      for (const other of Object.keys(PEOPLE)) await byId(`lang-${other}`).waitFor();
    });

    screen(
      'new person form',
      async () => {
        await byId(`lang-${lang}`).click();
        await byId('new-person').click();
        await byId('profile-name').waitFor();
        await byId('profile-pin').waitFor();
        await byId('profile-pin-repeat').waitFor();
      },
      {},
    );

    screen('new person form with errors', async () => {
      // No name, and two PINs that differ: both errors show next to their fields.
      await byId('profile-pin').fill('12');
      await byId('profile-pin-repeat').fill('34');
      await byId('profile-create-submit').click();
      await page.locator('[data-testid="error-message"][data-field="name"]').waitFor();
      const errors = await byId('error-message').count();
      assert.ok(errors >= 2, `the name and the PIN must each show an error, saw ${errors}`);
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'profile-name',
        'focus must move to the first field at fault',
      );
    });

    screen('home', async () => {
      await byId('profile-pin').fill('');
      await byId('profile-pin-repeat').fill('');
      await byId('profile-name').fill(words.first);
      await byId('avatar-bird').click();
      await byId('profile-create-submit').click();
      await byId('tile-requests').waitFor();
      assert.match(await page.locator('h1').innerText(), new RegExp(words.first), 'home greets the new person by name');
      await byId('sync-status').waitFor();
    });

    screen(
      'home, no connection',
      async () => {
        await page.evaluate(() => window.__mcommunityMock.setSync('offline'));
        await page.locator('[data-testid="sync-status"][data-state="offline"]').waitFor();
      },
      { after: () => page.evaluate(() => window.__mcommunityMock.setSync(null)) },
    );

    screen('news, none yet', async () => {
      await byId('tile-news').click();
      await byId('news-empty').waitFor();
    });

    screen('lessons list', async () => {
      await byId('home').first().click();
      await byId('tile-learn').click();
      await byId('course-beginners').waitFor();
      await byId('course-everyday').waitFor();
      const first = byId('lesson-demo-phone-on');
      await first.waitFor();
      assert.equal(await first.getAttribute('data-status'), 'new', 'a lesson never opened is new');
      // Pictures are Blob URLs from the backend's bytes: the policy must let them load.
      await page.locator('[data-testid="lesson-demo-phone-on"] img').waitFor();
    });

    screen('lesson step', async () => {
      await byId('lesson-demo-phone-on').click();
      await page.locator('[data-testid="lesson-step"][data-step="0"]').waitFor();
      await byId('lesson-listen').click();
      await byId('lesson-next').click();
      await page.locator('[data-testid="lesson-step"][data-step="1"]').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-lesson-focus')), true, 'focus moves to the new step');
    });

    screen('quiz question, wrong answer', async () => {
      await byId('lesson-next').click();
      await page.locator('[data-testid="lesson-step"][data-step="2"]').waitFor();
      await byId('lesson-next').click();
      await page.locator('[data-testid="quiz-question"][data-question="0"]').waitFor();
      assert.equal(await byId('lesson-next').count(), 0, 'no going on before a right answer');
      await byId('quiz-choice-1').click();
      const feedback = page.locator('[data-testid="quiz-feedback"][data-right="false"]');
      await feedback.waitFor();
      assert.notEqual((await feedback.innerText()).trim(), '', 'the wrong answer is explained');
    });

    screen('quiz question, right answer', async () => {
      await byId('quiz-choice-0').click();
      await page.locator('[data-testid="quiz-feedback"][data-right="true"]').waitFor();
      assert.equal(await byId('quiz-choice-0').getAttribute('data-result'), 'right');
      await byId('lesson-next').waitFor();
    });

    screen('lesson finished', async () => {
      await byId('lesson-next').click();
      await page.locator('[data-testid="quiz-question"][data-question="1"]').waitFor();
      await byId('quiz-choice-1').click();
      await page.locator('[data-testid="quiz-feedback"][data-right="true"]').waitFor();
      await byId('lesson-next').click();
      await byId('lesson-done').waitFor();
    });

    screen('lessons list, one done', async () => {
      await byId('lesson-done-list').click();
      await page.locator('[data-testid="lesson-demo-phone-on"][data-status="done"]').waitFor();
    });

    screen('practise list', async () => {
      await byId('home').first().click();
      await byId('tile-practise').click();
      await byId('practice-safe').waitFor();
      await byId('portal-e-albania').waitFor();
      await byId('form-demo-family-certificate').waitFor();
    });

    screen('practice intro', async () => {
      await byId('form-demo-family-certificate').click();
      await byId('practice-intro').waitFor();
    });

    screen('practice page with problems', async () => {
      await byId('practice-start').click();
      await page.locator('[data-testid="practice-page"][data-page="0"]').waitFor();
      await byId('practice-input-nid').fill('J123');
      await byId('practice-next-page').click();
      const nid = page.locator('[data-testid="error-message"][data-field="nid"]');
      await nid.waitFor();
      await page.locator('[data-testid="error-message"][data-field="name"]').waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'practice-input-nid',
        'focus moves to the first field with a problem',
      );
      const describedBy = (await byId('practice-input-nid').getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy.split(' ').includes(await nid.getAttribute('id')), 'the field is described by its problem');
      await byId('practice-help-nid').click();
    });

    screen('practice page with the SMS code', async () => {
      await byId('practice-input-nid').fill('J65101123A');
      await byId('practice-input-name').fill(words.first);
      await byId('practice-next-page').click();
      await page.locator('[data-testid="practice-page"][data-page="1"]').waitFor();
      assert.match(await byId('practice-sms').innerText(), /[0-9]{6}/, 'the practice SMS shows the code');
    });

    screen('practice end', async () => {
      const code = (await byId('practice-sms').innerText()).match(/[0-9]{6}/)[0];
      await byId('practice-input-phone').fill('0691234567');
      await byId('practice-input-otp').fill(code);
      await byId('practice-next-page').click();
      await byId('practice-end').waitFor();
      await byId('practice-next').waitFor();
    });

    screen('my requests, empty', async () => {
      await byId('home').first().click();
      await byId('tile-requests').click();
      await byId('draft-new').waitFor();
      // `requests-empty` is the UI's hook for the empty list (not yet in the contract's list).
      await byId('requests-empty').waitFor();
    });

    screen('kind chooser', async () => {
      await byId('draft-new').click();
      for (const kind of ['problem', 'request', 'complaint', 'proposal', 'question']) await byId(`kind-${kind}`).waitFor();
    });

    screen('draft editor, saved', async () => {
      await byId('kind-problem').click();
      await byId('draft-title').waitFor();
      await byId('draft-category').selectOption({ index: 1 });
      await byId('draft-title').fill(words.title);
      await byId('draft-text').fill(words.text);
      await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    });

    screen('draft editor, with a photo', async () => {
      await byId('draft-photo-add').waitFor();
      // What the camera or the gallery gives the hidden picker.
      await byId('draft-photo-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photoPng() });
      const thumb = byId('draft-photo-1').locator('img');
      await thumb.waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="draft-photo-1"] img')?.complete);
      assert.ok(await thumb.evaluate((img) => img.naturalWidth > 0), 'the thumbnail shows the photo');
      assert.notEqual((await thumb.getAttribute('alt')).trim(), '', 'the thumbnail says which photo it is');
      assert.notEqual(((await byId('draft-photo-remove-1').getAttribute('aria-label')) ?? '').trim(), '', 'the remove button has a name');
      await byId('draft-photo-add').waitFor();
    });

    screen('draft editor, recording a voice note', async () => {
      await byId('voice-record').click();
      await byId('voice-stop').waitFor();
      // Chromium's fake microphone beeps: the clock counts what it hears.
      await page.waitForFunction(() => /^0:0[1-9]/.test(document.querySelector('[data-testid="voice-time"]')?.textContent ?? ''), null, { timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'voice-stop', 'focus is on Stop');
      assert.match(await byId('voice-time').innerText(), /3:00/, 'the limit shows beside the time');
    });

    screen('draft editor, with a voice note', async () => {
      await byId('voice-stop').click();
      const play = byId('voice-play');
      await play.waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="voice-play"]')?.disabled);
      assert.match(await page.locator('[data-testid="voice"] audio').getAttribute('src'), /^blob:/, 'the note plays from a Blob URL');
      await page.waitForFunction(() => document.querySelector('[data-testid="voice"] audio')?.readyState >= 1);
      assert.ok(await page.evaluate(() => document.querySelector('[data-testid="voice"] audio').duration > 0), 'the kept note is playable sound');
      await byId('voice-again').waitFor();
      await byId('voice-remove').waitFor();
    });

    screen('place picker, a village chosen', async () => {
      await byId('place-add').click();
      await byId('place-why').waitFor();
      await byId('place-map').waitFor();
      await byId('place-village-qelez').click();
      await byId('place-pin').waitFor();
      assert.match(await byId('place-where').innerText(), /Qelëz/, 'the words say where the pin is');
    });

    screen('place picker, a pin put with the keyboard', async () => {
      await byId('place-map').focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'place-map', 'the map keeps focus');
      // And with a tap anywhere on the map.
      const box = await byId('place-map').boundingBox();
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.85);
      await byId('place-pin').waitFor();
    });

    screen('draft editor, with a place', async () => {
      await byId('place-village-fierze').click();
      await byId('place-use').click();
      const near = byId('place-near');
      await near.waitFor();
      assert.match(await near.innerText(), /Fierzë/, 'the editor says near which village');
      await byId('voice-play').waitFor();
    });

    screen(
      'send confirmation',
      async () => {
        await byId('draft-send').click();
        await byId('confirm-yes').waitFor();
        assert.notEqual((await byId('confirm-detail').innerText()).trim(), '', 'the confirmation says what sending means');
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
          'confirm-no',
          'focus starts on the safe answer',
        );
      },
      {},
    );

    screen('sent request, read-only', async () => {
      await byId('confirm-yes').click();
      await byId('draft-sent-done').waitFor();
      await byId('draft-sent-at').waitFor();
      assert.match(await byId('draft-sent-title').innerText(), new RegExp(words.title), 'the sent view shows the title');
      await byId('draft-photo-1').locator('img').waitFor();
      await byId('voice-play').waitFor();
      assert.match(await byId('place-near').innerText(), /Fierzë/, 'the sent view names the village');
      await byId('talk-text').waitFor();
      for (const gone of ['voice-record', 'voice-again', 'voice-remove', 'place-add', 'place-change', 'place-remove']) {
        assert.equal(await byId(gone).count(), 0, `a sent request has no ${gone}`);
      }
      for (const gone of ['draft-text', 'draft-title', 'draft-category', 'draft-send', 'draft-delete', 'draft-photo-add', 'draft-photo-remove-1']) {
        assert.equal(await byId(gone).count(), 0, `a sent request has no ${gone}`);
      }
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'draft-sent-done',
        'focus moves to "Sent"',
      );
    });

    screen('my requests, one item', async () => {
      await byId('back').click();
      const item = page.locator('[data-testid^="draft-item-"]');
      await item.first().waitFor();
      assert.equal(await item.count(), 1, 'the list holds the one request');
      assert.match(await item.innerText(), new RegExp(words.title), 'the item shows the title');
      assert.equal(await item.getAttribute('data-status'), 'sent', 'the item is marked sent');
      const sync = page.locator('[data-testid="sync-status"][data-state="idle"]');
      await sync.waitFor();
      assert.equal(await sync.getAttribute('data-pending'), '1', 'the sent request waits for the next connection');
    });

    screen('my requests, answered', async () => {
      const item = page.locator('[data-testid^="draft-item-"]');
      const id = (await item.getAttribute('data-testid')).replace('draft-item-', '');
      const answer = ANSWERS[lang];
      const day = Date.now() - 2 * 24 * 60 * 60 * 1000;
      await page.evaluate(
        ({ id, answer, day }) =>
          window.__mcommunityMock.municipalityAnswers(id, {
            status: 'in-progress',
            expected: '2026-06-30',
            replies: [
              { by: answer.by, text: answer.second, at: day + 60 * 60 * 1000 },
              { by: answer.by, text: answer.first, at: day },
            ],
          }),
        { id, answer, day },
      );
      // The answer comes with the next sync, as from the server.
      await byId('sync-now').click();
      await page.locator('[data-testid="sync-status"][data-state="idle"][data-pending="0"]').waitFor();
      await byId('home').first().click();
      await byId('tile-requests').click();
      const answered = page.locator(`[data-testid="draft-item-${id}"][data-status="in-progress"]`);
      await answered.waitFor();
      assert.notEqual((await answered.locator('[data-testid="draft-status"]').innerText()).trim(), '', 'the status says a word');
    });

    screen('answered request, conversation', async () => {
      await page.locator('[data-testid^="draft-item-"]').click();
      await byId('answer-status').waitFor();
      await byId('answer-expected').waitFor();
      const replies = byId('answer-reply-text');
      await replies.nth(1).waitFor();
      assert.deepEqual(
        await replies.allInnerTexts(),
        [ANSWERS[lang].first, ANSWERS[lang].second],
        'the replies read oldest first, the newest at the bottom',
      );
      assert.equal(await byId('answer-listen').count(), 2, 'each reply has its Listen button');
      assert.equal(await byId('answer-waiting').count(), 0, 'no "will answer" line once answered');
    });

    screen('conversation, with a message of mine', async () => {
      await byId('talk-text').fill(MESSAGES[lang]);
      await byId('talk-send').click();
      await byId('talk-mine').waitFor();
      await page.locator('[data-testid="talk-kept"]:not(:empty)').waitFor();
      const who = await page.locator('[data-who]').evaluateAll((els) => els.map((el) => el.getAttribute('data-who')));
      assert.deepEqual(who, ['municipality', 'municipality', 'me'], 'the newest, mine, is at the bottom');
      assert.equal(await byId('talk-listen').count(), 1, 'my message has its Listen button');
      assert.equal(await byId('talk-text').inputValue(), '', 'the box is empty again');
    }, {
      after: async () => {
        await byId('back').click();
        await page.locator('[data-testid^="draft-item-"]').waitFor();
      },
    });

    screen('news, two announcements', async () => {
      const picture = [...photoPng(320, 200)];
      await page.evaluate(
        ({ mine, other, picture, lang }) => {
          const day = 24 * 60 * 60 * 1000;
          window.__mcommunityMock.publishAnnouncement({ texts: { sq: other }, publishedAt: Date.now() - 3 * day });
          window.__mcommunityMock.publishAnnouncement({ texts: { [lang]: mine }, publishedAt: Date.now() - day, picture });
        },
        { mine: lang === 'sq' ? NEWS.en : NEWS[lang], other: NEWS.sq, picture, lang: lang === 'sq' ? 'en' : lang },
      );
      // Announcements come with the next sync, as from the server.
      await byId('sync-now').click();
      await page.locator('[data-testid="sync-status"][data-state="idle"][data-pending="0"]').waitFor();
      await byId('home').first().click();
      await byId('tile-news').click();
      const items = byId('news-item');
      await items.nth(1).waitFor();
      const first = lang === 'sq' ? NEWS.en : NEWS[lang];
      assert.deepEqual(await byId('news-title').allInnerTexts(), [first.title, NEWS.sq.title], 'newest first');
      assert.equal(await byId('news-title').nth(1).getAttribute('lang'), 'sq', 'the Albanian one is marked Albanian');
      await items.first().locator('img').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="news-item"] img')?.complete);
      assert.ok(await items.first().locator('img').evaluate((img) => img.naturalWidth > 0), 'the picture shows');
      assert.equal(await byId('news-listen').count(), 2, 'each announcement has its Listen button');
    });

    screen('people', async () => {
      await byId('home').first().click();
      await byId('tile-people').click();
      await byId('profile-delete').waitFor();
    });

    screen(
      'pairing code',
      async () => {
        await byId('pairing-show').click();
        const code = byId('pairing-code');
        await code.waitFor();
        assert.match((await code.innerText()).replace(/\s+/g, ' '), /^[0-9]{4} [0-9]{4}$/, 'the code shows in two groups of four');
      },
      {
        after: async () => {
          await byId('back').click();
          await byId('profile-delete').waitFor();
        },
      },
    );

    screen(
      'delete person confirmation',
      async () => {
        await byId('profile-delete').click();
        await byId('confirm-yes').waitFor();
        const message = await byId('confirm-message').innerText();
        assert.match(message, new RegExp(words.first), 'the confirmation names the person');
        assert.match(message, /1/, 'the confirmation says how many drafts go with them');
      },
      {
        after: async () => {
          await byId('confirm-no').click();
          await byId('confirm-yes').waitFor({ state: 'detached' });
        },
      },
    );

    screen('who is using the app, two people', async () => {
      await byId('new-person').click();
      await byId('profile-name').fill(words.second);
      await byId('avatar-flower').click();
      await byId('profile-pin').fill(PIN);
      await byId('profile-pin-repeat').fill(PIN);
      await byId('profile-create-submit').click();
      await byId('tile-requests').waitFor();
      await byId('change-person').click();
      await byId('new-person').waitFor();
      const tiles = page.locator('[data-testid^="profile-tile-"]');
      await tiles.nth(1).waitFor();
      assert.equal(await tiles.count(), 2, 'both people are offered');
    });

    screen('PIN pad, wrong PIN', async () => {
      await page.locator('[data-testid^="profile-tile-"]', { hasText: words.second }).click();
      await byId('pin-input').fill(WRONG_PIN);
      await byId('pin-submit').click();
      const error = page.locator('[data-testid="error-message"][data-field="pin"]');
      await error.waitFor();
      assert.notEqual((await error.innerText()).trim(), '', 'the wrong-PIN error says something');
      const describedBy = (await byId('pin-input').getAttribute('aria-describedby')) ?? '';
      const errorId = await error.getAttribute('id');
      assert.ok(describedBy.split(' ').includes(errorId), 'the PIN field is described by its error');
    });

    screen('entering a pairing code, wrong code', async () => {
      await byId('back').click();
      await byId('pairing-enter').click();
      await byId('pairing-input').fill('1234 5678');
      await byId('pairing-submit').click();
      const error = page.locator('[data-testid="error-message"][data-field="code"]');
      await error.waitFor();
      assert.notEqual((await error.innerText()).trim(), '', 'the wrong-code error says something');
    });

    // ---- Issue 6: community sessions, a request written with a helper, the skills check ----

    screen('sessions, volunteer sign-in', async () => {
      await page.evaluate((u) => window.__mcommunityMock.volunteerAccount(u, 'volunteer-pass'), `volunteer${lang}`);
      await byId('back').click();
      await page.locator('[data-testid^="profile-tile-"]', { hasText: words.first }).click();
      await byId('tile-people').click();
      await byId('people-sessions').click();
      await byId('volunteer-sign-in').waitFor();
    });

    screen('sessions, wrong password', async () => {
      await byId('volunteer-username').fill(`volunteer${lang}`);
      await byId('volunteer-password').fill('not-it');
      await byId('volunteer-submit').click();
      await byId('error-message').waitFor();
    });

    screen('sessions, none yet', async () => {
      await byId('volunteer-password').fill('volunteer-pass');
      await byId('volunteer-submit').click();
      await byId('sessions-empty').waitFor();
      await byId('volunteer-name').waitFor();
    });

    screen('new session form', async () => {
      await byId('session-new').click();
      await byId('session-topic').waitFor();
      await byId('session-lesson-demo-phone-on').check();
      assert.match(await byId('session-date').inputValue(), /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'the day is today by default');
    });

    screen('session, nobody yet', async () => {
      await byId('session-topic').fill(words.title);
      await byId('session-create').click();
      await byId('session-empty').waitFor();
    });

    screen('add person, who came', async () => {
      await byId('session-add').click();
      await byId('add-someone-new').waitFor();
      assert.equal(await page.locator('[data-testid^="add-person-"]').count(), 1, 'the other person of the device is offered');
    });

    screen('add person, someone new', async () => {
      await byId('add-someone-new').click();
      await byId('add-name').waitFor();
    });

    screen('facts, what and why', async () => {
      await byId('add-name').fill(NEWCOMER[lang]);
      await byId('add-next').click();
      await byId('facts-explain').waitFor();
      await byId('facts-explain-listen').waitFor();
    });

    screen('facts, a question', async () => {
      await byId('add-next').click();
      await byId('fact-gender').waitFor();
      await byId('fact-answer-woman').click();
      assert.equal(await byId('fact-answer-woman').getAttribute('aria-pressed'), 'true');
      await byId('fact-answer-none').waitFor();
    });

    screen('facts, several answers', async () => {
      await byId('add-next').click();
      await byId('fact-answer-55-74').click();
      await byId('add-next').click();
      await byId('fact-answer-none').click();
      await byId('add-next').click();
      await byId('fact-answer-al').click();
      await byId('add-next').click();
      await byId('fact-groups').waitFor();
      await byId('fact-answer-first-phone').click();
      await byId('fact-answer-older-person').click();
    });

    screen('facts, consent', async () => {
      await byId('add-next').click();
      await byId('facts-consent').waitFor();
      await byId('facts-consent-no').waitFor();
    });

    screen('person added', async () => {
      await byId('facts-consent-yes').click();
      await byId('add-done').waitFor();
    });

    screen('session with a person', async () => {
      await byId('add-to-session').click();
      const card = page.locator('[data-testid^="attendee-"][data-testid$="p"], article[data-testid^="attendee-"]').first();
      await card.waitFor();
      await byId('attendee-present').click();
      await page.locator('[data-testid="attendee-present"][aria-pressed="false"]').waitFor();
      await byId('attendee-learning').click();
      await byId('session-note').fill(MESSAGES[lang]);
      await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
      const session = (await page.evaluate(() => window.__mcommunityMock.snapshot())).profiles.find((p) => p.sessions?.length)?.sessions[0];
      const kept = Object.values(session.attendees)[0];
      assert.deepEqual([kept.gender, kept.age, kept.settlement, kept.consent], ['woman', '55-74', null, 'tap'], 'the facts given are kept with consent');
      assert.equal(session.note, MESSAGES[lang]);
    });

    screen(
      'session, change the plan',
      async () => {
        await byId('session-edit').click();
        await byId('session-edit-save').waitFor();
        await page.waitForFunction((topic) => document.querySelector('[data-testid="session-topic"]')?.value === topic, words.title);
        assert.equal(await byId('session-lesson-demo-phone-on').isChecked(), true, 'the form starts from the plan as it is');
      },
      {
        after: async () => {
          await byId('session-lesson-demo-bus-time').check();
          await byId('session-edit-save').click();
          await byId('session-add').waitFor();
          const session = (await page.evaluate(() => window.__mcommunityMock.snapshot())).profiles.find((p) => p.sessions?.length)?.sessions[0];
          assert.deepEqual(session.plan.planned, ['demo-phone-on', 'demo-bus-time'], 'the change is saved');
        },
      },
    );

    screen(
      'session, remove a person, confirmation',
      async () => {
        await byId('attendee-remove').click();
        await byId('confirm-yes').waitFor();
        assert.match(await byId('confirm-message').innerText(), new RegExp(NEWCOMER[lang]));
      },
      {
        after: async () => {
          await byId('confirm-no').click();
          await byId('confirm-yes').waitFor({ state: 'detached' });
          await byId('attendee-remove').waitFor();
        },
      },
    );

    screen('request with a helper', async () => {
      await byId('home').first().click();
      await byId('change-person').click();
      await page.locator('[data-testid^="profile-tile-"]', { hasText: NEWCOMER[lang] }).click();
      await byId('tile-requests').click();
      await byId('draft-new').click();
      await byId('kind-problem').click();
      await byId('draft-category').selectOption({ index: 1 });
      await byId('draft-text').fill(words.text);
      await byId('draft-helper').click();
      await page.locator('[data-testid^="draft-helper-p-"]').click();
      await byId('draft-helper-name').waitFor();
      assert.match(await byId('draft-helper-name').innerText(), new RegExp(words.first));
    });

    screen('request with a helper, consent', async () => {
      await byId('draft-send').click();
      await byId('consent-step').waitFor();
      await byId('consent-say').waitFor();
      await byId('consent-listen').waitFor();
    });

    screen('request with a helper, sent', async () => {
      await byId('consent-yes').click();
      await byId('draft-sent-done').waitFor();
      await byId('sent-helper').waitFor();
      await byId('sent-withdraw').waitFor();
    });

    screen(
      'stop the helper following, confirmation',
      async () => {
        await byId('sent-withdraw').click();
        await byId('confirm-yes').waitFor();
      },
      {
        after: async () => {
          await byId('confirm-no').click();
          await byId('confirm-yes').waitFor({ state: 'detached' });
        },
      },
    );

    screen('skills check, start', async () => {
      await byId('home').first().click();
      await byId('tile-people').click();
      await byId('people-skills').click();
      await byId('skills-start').waitFor();
      await page.locator('[data-testid^="skills-helper-p-"]').click();
    });

    screen('skills check, how to answer', async () => {
      await byId('skills-start').click();
      await byId('skills-intro').waitFor();
    });

    screen('skills check, a sentence', async () => {
      await byId('skills-next').click();
      await byId('skills-item').waitFor();
      for (const rating of ['cannot-do', 'with-help', 'on-my-own', 'can-teach']) await byId(`skills-answer-${rating}`).waitFor();
      await page.locator('[data-testid="skills-item"] img').first().waitFor();
    });

    screen('skills check, tasks for the helper', async () => {
      const answers = ['with-help', 'cannot-do', 'on-my-own', 'with-help', 'with-help', 'on-my-own', 'cannot-do', 'with-help', 'can-teach', 'on-my-own'];
      for (const [i, rating] of answers.entries()) {
        await page.locator(`[data-testid="skills-item"]`).waitFor();
        assert.match(await page.locator('[data-testid="skills-item"] .where').innerText(), new RegExp(`${i + 1}`));
        await byId(`skills-answer-${rating}`).click();
      }
      await byId('skills-tasks').waitFor();
      await byId('skills-task-call-or-voice-message').check();
    });

    screen('skills check, strengths', async () => {
      await byId('skills-finish').click();
      await byId('skills-result').waitFor();
      assert.equal(await page.locator('[data-testid^="skills-area-"]').count(), 5, 'five areas');
      assert.doesNotMatch(await byId('skills-result').innerText(), /%/, 'no percentages');
    });

    screen('skills check, before and now', async () => {
      await byId('skills-done').click();
      await byId('people-skills').click();
      await byId('skills-start').click();
      await byId('skills-next').click();
      for (let i = 0; i < 10; i++) {
        await page.locator(`[data-testid="skills-item"] .where`).filter({ hasText: new RegExp(`\\b${i + 1}\\b`) }).waitFor();
        await byId('skills-answer-can-teach').click();
      }
      await byId('skills-result').waitFor();
      await byId('skills-compare').waitFor();
      assert.equal(await page.locator('[data-testid="skills-change-information"]').getAttribute('data-trend'), 'up');
    });

    screen('requests I helped with', async () => {
      await byId('skills-done').click();
      await byId('change-person').click();
      await page.locator('[data-testid^="profile-tile-"]', { hasText: words.first }).click();
      await byId('tile-people').click();
      await byId('people-sessions').click();
      await byId('sessions-helped').click();
      await page.locator('[data-testid^="helped-item-"]').waitFor();
    });

    screen('request I helped with, read-only', async () => {
      await page.locator('[data-testid^="helped-item-"]').click();
      await byId('helped-request').waitFor();
      assert.equal(await byId('talk-text').count(), 0, 'the helper cannot write in it');
    });

    screen('skills checks I took', async () => {
      await byId('back').click();
      await byId('back').click();
      await byId('sessions-taken').click();
      await page.locator('[data-testid^="taken-item-"]').waitFor();
      assert.equal(await page.locator('[data-testid^="taken-item-"]').count(), 1, 'only the finished check taken with the helper');
      assert.match(await page.locator('[data-testid^="taken-item-"]').innerText(), new RegExp(NEWCOMER[lang]));
    });

    screen('skills check I took, read-only', async () => {
      await page.locator('[data-testid^="taken-item-"]').click();
      await byId('taken-check').waitFor();
      assert.equal(await page.locator('[data-testid^="skills-area-"]').count(), 5, 'five areas');
      assert.equal(await page.locator('[data-testid="taken-check"] button, [data-testid="taken-check"] input').count(), 0, 'no answer can be changed');
    });

    test('no script errors or CSP violations', (t) => {
      if (brokenAt) t.diagnostic(`run stopped at "${brokenAt}"`);
      assert.deepEqual(scriptErrors, [], `the ${lang} run must log no error:\n  ${scriptErrors.join('\n  ')}`);
    });
  });
}
