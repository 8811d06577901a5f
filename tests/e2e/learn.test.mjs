// Learn and Practise in the real app: a person follows a bundled lesson to its end, answering the quiz
// (a wrong answer first, then the right one), fills a practice form of e-Albania page by page (a wrong
// personal number is explained next to its field, the code of the practice SMS is typed in), and after
// the app is killed and started again the lesson shows done and the form practised to its end.
//
// Its own data folder, so the lessons are imported from the bundle inside the app on this first start,
// with no sync server: everything here works with no link at all, the narration included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceApp, endSession, killApp, openApp, screenshot, sel, shown, shownWithText, tap } from './support.mjs';

const PERSON = { name: 'Shpresa Gjoka', avatar: 'sun' };
const LESSON = 'phone-basics';
const FORM = 'e-albania-registration';

/** Whether an element with `testid` is on the page now. */
async function present(browser, testid) {
  return browser.execute((s) => document.querySelector(s) !== null, sel(testid));
}

/** Types into a practice field, replacing what it holds. */
async function fill(browser, field, value) {
  const input = await shown(browser, `practice-input-${field}`);
  await input.clearValue();
  await input.setValue(value);
}

/** Submits the current practice page and waits for the next one (or the end). */
async function nextPage(browser, fromPage) {
  await tap(browser, 'practice-next-page');
  await browser.waitUntil(
    () =>
      browser.execute(
        (from) => {
          const page = document.querySelector('[data-testid="practice-page"]');
          return document.querySelector('[data-testid="practice-end"]') !== null || (page && page.dataset.page !== String(from));
        },
        fromPage,
      ),
    { timeout: 10_000, timeoutMsg: `practice page ${fromPage} was not accepted` },
  );
}

test('a lesson with its quiz and a practice form, still there after a restart', async (t) => {
  const learner = await deviceApp('learner');
  let browser = await openApp({ application: learner.application });
  try {
    await tap(browser, 'lang-sq');
    await tap(browser, 'new-person');
    await (await shown(browser, 'profile-name')).setValue(PERSON.name);
    await tap(browser, `avatar-${PERSON.avatar}`);
    await tap(browser, 'profile-create-submit');

    // Learn: the bundled lessons are there on a device that never had a link.
    await tap(browser, 'tile-learn');
    const tile = await shown(browser, `lesson-${LESSON}`);
    assert.equal(await tile.getAttribute('data-status'), 'new');
    await tile.click();
    await shown(browser, 'lesson-step');
    // The step's narration, generated at build time and stored on the device, plays with no link.
    await tap(browser, 'lesson-listen');
    let source = null;
    await browser.waitUntil(
      async () => {
        source = await (await browser.$(sel('lesson-listen'))).getAttribute('data-source');
        return source !== null;
      },
      { timeout: 10_000, timeoutMsg: 'the Listen button did not start saying the step' },
    );
    assert.equal(source, 'recording', 'the bundled recording plays (not a fallback to speech)');
    await tap(browser, 'lesson-listen');
    let steps = 0;
    while (!(await present(browser, 'quiz-question'))) {
      assert.ok(steps++ < 20, 'the lesson reaches its quiz');
      await tap(browser, 'lesson-next');
      await browser.waitUntil(async () => (await present(browser, 'quiz-question')) || (await present(browser, 'lesson-step')));
    }
    t.diagnostic(`followed ${steps} steps to the quiz`);
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-learn-quiz')}`);

    let questions = 0;
    while (!(await present(browser, 'lesson-done'))) {
      assert.ok(questions++ < 10, 'the quiz ends');
      const question = await shown(browser, 'quiz-question');
      const index = await question.getAttribute('data-question');
      for (let choice = 0; ; choice++) {
        assert.ok(choice < 4, `question ${index} has a right choice`);
        await tap(browser, `quiz-choice-${choice}`);
        const feedback = await shown(browser, 'quiz-feedback');
        if ((await feedback.getAttribute('data-right')) === 'true') break;
        assert.ok((await feedback.getText()).length > 0, 'a wrong answer is explained');
      }
      await tap(browser, 'lesson-next');
      await browser.waitUntil(
        async () => (await present(browser, 'lesson-done')) || (await browser.$(sel('quiz-question')).getAttribute('data-question')) !== index,
        { timeoutMsg: `the quiz did not move on from question ${index}` },
      );
    }
    assert.equal(questions, 3, 'every question of the lesson was answered before it was done');
    await tap(browser, 'lesson-done-list');
    assert.equal(await (await shown(browser, `lesson-${LESSON}`)).getAttribute('data-status'), 'done');

    // Practise: e-Albania registration, page by page.
    await tap(browser, 'home');
    await tap(browser, 'tile-practise');
    await tap(browser, `form-${FORM}`);
    await tap(browser, 'practice-start');
    await shown(browser, 'practice-page');
    await fill(browser, 'nid', 'J65101123A');
    await fill(browser, 'card-expiry', '2031-03-20');
    await tap(browser, 'practice-next-page');
    const problem = await shown(browser, 'practice-field-nid');
    await browser.waitUntil(async () => (await (await browser.$(`${sel('practice-input-nid')}`)).getAttribute('aria-invalid')) === 'true', {
      timeoutMsg: 'the wrong personal number is marked next to its field',
    });
    assert.ok((await problem.getText()).length > 0);
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-practice-problem')}`);
    await fill(browser, 'nid', 'J65101123I');
    await nextPage(browser, 0);
    await fill(browser, 'phone', '069 123 4567');
    await fill(browser, 'email', 'shpresa@example.com');
    await nextPage(browser, 1);
    await fill(browser, 'password', 'Fushe2026');
    await nextPage(browser, 2);
    const sms = await (await shown(browser, 'practice-sms')).getText();
    const code = sms.match(/\d{6}/)?.[0];
    assert.ok(code, `the practice SMS shows a code: ${sms}`);
    await fill(browser, 'sms-code', code);
    await nextPage(browser, 3);
    await shown(browser, 'practice-end');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-practice-end')}`);
    await killApp(learner.data);
  } finally {
    await endSession(browser);
  }

  browser = await openApp({ application: learner.application });
  try {
    const opened = await present(browser, 'tile-learn');
    if (!opened) await (await shownWithText(browser, '[data-testid^="profile-tile-"]', PERSON.name)).click();
    await tap(browser, 'tile-learn');
    assert.equal(await (await shown(browser, `lesson-${LESSON}`)).getAttribute('data-status'), 'done', 'the finished lesson is remembered');
    await tap(browser, 'home');
    await tap(browser, 'tile-practise');
    const form = await shown(browser, `form-${FORM}`);
    assert.equal(await form.getAttribute('data-state'), 'finished', 'the practised form is remembered');
    t.diagnostic(`screenshot: ${await screenshot(browser, 'e2e-practise-after-restart')}`);
  } finally {
    await endSession(browser);
  }
});
