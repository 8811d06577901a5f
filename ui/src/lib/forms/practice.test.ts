import { describe, expect, it, vi } from 'vitest';
import { mockApp } from '../app/testing';
import type { FormSummary } from '../backend';
import { byPortal } from './list';
import { PracticeRun } from './practice.svelte';

async function setup(formId = 'demo-family-certificate') {
  const { backend } = await mockApp({ locale: 'en', people: [{ name: 'Ana' }] });
  const onerror = vi.fn();
  const run = new PracticeRun(backend, formId, { onerror });
  await run.load();
  return { backend, run, onerror };
}

describe('a practice run', () => {
  it('starts at the intro, then the first page with nothing typed', async () => {
    const { backend, run } = await setup();
    const start = vi.spyOn(backend, 'practiceStart');
    expect(run.phase).toBe('intro');
    await run.start();
    expect(start).toHaveBeenCalledWith('demo-family-certificate');
    expect(run).toMatchObject({ phase: 'page', page: 0, values: {} });
    expect(run.pageHasOtp).toBe(false);
  });

  it('keeps problems by field and names the first field at fault; fixing one clears its problem', async () => {
    const { backend, run } = await setup();
    const check = vi.spyOn(backend, 'practiceCheckPage');
    await run.start();
    run.set('nid', 'J1');
    expect(await run.checkPage()).toBe('nid');
    expect(check).toHaveBeenCalledWith('demo-family-certificate', run.attempt?.attemptId, 0, { nid: 'J1', name: '' });
    expect(Object.keys(run.problems)).toEqual(['nid', 'name']);
    run.set('name', 'Ana');
    expect(Object.keys(run.problems)).toEqual(['nid']);
    expect(run.page).toBe(0);
  });

  it('goes page by page, shows the SMS on the code page, and finishes after the last', async () => {
    const { backend, run } = await setup();
    const finish = vi.spyOn(backend, 'practiceFinish');
    await run.start();
    run.set('nid', 'J65101123A');
    run.set('name', 'Ana');
    expect(await run.checkPage()).toBeNull();
    expect(run.page).toBe(1);
    expect(run.pageHasOtp).toBe(true);
    run.set('phone', '0691234567');
    run.set('otp', run.attempt!.otp!);
    const attemptId = run.attempt!.attemptId;
    expect(await run.checkPage()).toBeNull();
    expect(run.phase).toBe('end');
    expect(finish).toHaveBeenCalledWith('demo-family-certificate', attemptId);
    expect(run.values, 'what was typed is forgotten').toEqual({});
  });

  it('goes back a page, and from the first page to the intro', async () => {
    const { run } = await setup();
    await run.start();
    run.set('nid', 'J65101123A');
    run.set('name', 'Ana');
    await run.checkPage();
    run.back();
    expect(run.page).toBe(0);
    expect(run.values.nid, 'what was typed is still there').toBe('J65101123A');
    run.back();
    expect(run.phase).toBe('intro');
  });
});

describe('the practice list', () => {
  it('groups forms by portal in a fixed order', () => {
    const form = (id: string, portal: string) => ({ id, portal, title: id }) as FormSummary;
    const groups = byPortal([form('b', 'municipality'), form('a', 'uslugi'), form('c', 'e-albania'), form('d', 'other')]);
    expect(groups.map((g) => g.portal)).toEqual(['e-albania', 'uslugi', 'municipality', 'other']);
  });
});
