import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, memoryStorage } from '../app/testing';
import { format } from '../i18n/i18n.svelte';
import type { AnswerView } from './bindings';
import { createMockBackend, MOCK_STORAGE_KEY, PAIRING, preview } from './mock';

async function deviceWithTwoPeople() {
  const backend = createMockBackend({ storage: memoryStorage() });
  await backend.deviceSetLocale('en');
  const ana = await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
  const draft = await backend.draftCreate('problem');
  await backend.draftUpdate(draft.id, { kind: null, category: null, title: 'Hole in the road', text: 'Big hole', });
  const ben = await backend.profileCreate({ name: 'Ben', avatar: 'moon', pin: null, locale: 'sq' });
  return { backend, ana, ben, draft };
}

describe('mock backend: profiles are kept apart', () => {
  it('shows a new person none of the drafts of another', async () => {
    const { backend, ben } = await deviceWithTwoPeople();
    expect((await backend.appStart()).active?.id, 'the new profile is the active one').toBe(ben.id);
    expect(await backend.draftsList()).toEqual([]);
    expect((await backend.profileDeletionImpact()).drafts).toBe(0);
  });

  it('refuses to read, change or delete another person’s draft by its id', async () => {
    const { backend, draft } = await deviceWithTwoPeople();
    expect((await errorOf(backend.draftGet(draft.id))).code).toBe('not-found');
    expect((await errorOf(backend.draftUpdate(draft.id, { kind: null, category: null, title: 'mine now', text: null }))).code).toBe('not-found');
    expect((await errorOf(backend.draftDelete(draft.id))).code).toBe('not-found');
  });

  it('gives the draft back, unchanged, to its owner', async () => {
    const { backend, ana, draft } = await deviceWithTwoPeople();
    await backend.profileOpen(ana.id, null);
    const [only] = await backend.draftsList();
    expect(only).toMatchObject({ id: draft.id, title: 'Hole in the road', preview: 'Big hole' });
    expect(await backend.profilesList()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Ana', draftCount: 1 }), expect.objectContaining({ name: 'Ben', draftCount: 0 })]),
    );
  });

  it('deleting a person deletes only their drafts', async () => {
    const { backend, ana } = await deviceWithTwoPeople();
    await backend.profileDelete();
    expect((await backend.profilesList()).map((p) => p.name)).toEqual(['Ana']);
    await backend.profileOpen(ana.id, null);
    expect(await backend.draftsList()).toHaveLength(1);
  });

  it('needs an open profile for drafts', async () => {
    const { backend } = await deviceWithTwoPeople();
    await backend.profileClose();
    expect(await errorOf(backend.draftsList())).toMatchObject({ code: 'no-active-profile', field: null });
  });
});

describe('mock backend: rules', () => {
  it('locks a profile for a minute on the fifth wrong PIN', async () => {
    let now = 1_000_000;
    const backend = createMockBackend({ storage: memoryStorage(), now: () => now });
    await backend.deviceSetLocale('en');
    const ana = await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: '1234', locale: 'en' });
    await backend.profileClose();
    for (let i = 0; i < 4; i++) {
      expect(await errorOf(backend.profileOpen(ana.id, '0000'))).toEqual({
        code: 'wrong-pin',
        field: 'pin',
        message: 'That PIN is not right. Try again.',
      });
    }
    expect((await errorOf(backend.profileOpen(ana.id, '0000'))).code).toBe('pin-locked');
    expect((await errorOf(backend.profileOpen(ana.id, '1234'))).code, 'even the right PIN waits').toBe('pin-locked');
    now += 60_001;
    expect((await backend.profileOpen(ana.id, '1234')).name).toBe('Ana');
  });

  it('checks names, PINs, titles, texts and categories like Rust, with localized messages', async () => {
    const backend = createMockBackend();
    await backend.deviceSetLocale('en');
    expect(await errorOf(backend.profileCreate({ name: '   ', avatar: 'sun', pin: null, locale: 'en' }))).toEqual({
      code: 'invalid-input',
      field: 'name',
      message: 'Write a name.',
    });
    expect((await errorOf(backend.profileCreate({ name: 'x'.repeat(61), avatar: 'sun', pin: null, locale: 'en' }))).field).toBe('name');
    expect((await errorOf(backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: '12a4', locale: 'en' }))).field).toBe('pin');
    const ana = await backend.profileCreate({ name: '  Ana  ', avatar: 'sun', pin: '123456', locale: 'mk' });
    expect(ana.name, 'names are trimmed').toBe('Ana');
    const draft = await backend.draftCreate('question');
    const patch = { kind: null, category: null, title: null, text: null };
    const title = await errorOf(backend.draftUpdate(draft.id, { ...patch, title: 'x'.repeat(201) }));
    expect(title.field).toBe('title');
    expect(title.message, 'in the active person’s language').toMatch(/[а-я]/);
    expect((await errorOf(backend.draftUpdate(draft.id, { ...patch, text: 'x'.repeat(20_001) }))).field).toBe('text');
    expect((await errorOf(backend.draftUpdate(draft.id, { ...patch, category: 'moon-landing' }))).field).toBe('category');
    await backend.draftUpdate(draft.id, { ...patch, category: 'roads', title: 'x'.repeat(200) });
    expect((await backend.draftGet(draft.id)).category).toBe('roads');
    await backend.draftUpdate(draft.id, { ...patch, category: '' });
    expect((await backend.draftGet(draft.id)).category, '"" clears the category').toBeNull();
  });

  it('lists drafts newest first', async () => {
    let now = 10;
    const backend = createMockBackend({ now: () => now });
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const a = await backend.draftCreate('problem');
    now = 20;
    const b = await backend.draftCreate('request');
    now = 30;
    await backend.draftUpdate(a.id, { kind: null, category: null, title: 'again', text: null });
    expect((await backend.draftsList()).map((d) => d.id)).toEqual([a.id, b.id]);
  });

  it('keeps everything across a reload, and sets damaged data aside with a notice once', async () => {
    const storage = memoryStorage();
    const first = createMockBackend({ storage });
    await first.deviceSetLocale('en');
    await first.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const second = createMockBackend({ storage });
    expect((await second.appStart()).active?.name).toBe('Ana');

    storage.setItem(MOCK_STORAGE_KEY, '{ not json');
    const third = createMockBackend({ storage });
    const start = await third.appStart();
    expect(start.profiles).toEqual([]);
    expect(start.notice?.message).toMatch(/damaged/);
    expect((await third.appStart()).notice, 'said once').toBeNull();
    expect([...storage.items.keys()].some((k) => k.includes('damaged')), 'the old data is kept aside').toBe(true);
  });

  it('fails on demand for browser tests', async () => {
    const backend = createMockBackend();
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const draft = await backend.draftCreate('problem');
    backend.control.failNext('draftUpdate', 'disk-full');
    const error = await errorOf(backend.draftUpdate(draft.id, { kind: null, category: null, title: 'x', text: null }));
    expect(error.code).toBe('disk-full');
    await backend.draftUpdate(draft.id, { kind: null, category: null, title: 'x', text: null });
  });

  it('previews text on one line, cut with an ellipsis', () => {
    expect(preview('a\n\n b  c')).toBe('a b c');
    expect(preview('word '.repeat(40))).toMatch(/^(word ){17}word…$/);
  });
});

describe('mock backend: sending', () => {
  const patch = { kind: null, category: null, title: null, text: null };

  async function anaWithDraft(now?: () => number) {
    const backend = createMockBackend({ storage: memoryStorage(), now, syncMs: 10 });
    await backend.deviceSetLocale('en');
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const draft = await backend.draftCreate('problem');
    return { backend, draft };
  }

  it('needs something written and a topic, like Rust, saying which is missing', async () => {
    const { backend, draft } = await anaWithDraft();
    await backend.draftUpdate(draft.id, { ...patch, category: 'roads', title: '   ', text: ' \n ' });
    expect(await errorOf(backend.draftSend(draft.id))).toEqual({
      code: 'invalid-input',
      field: 'text',
      message: format('en', 'error-nothing-to-send'),
    });
    await backend.draftUpdate(draft.id, { ...patch, category: '', title: 'A hole' });
    expect(await errorOf(backend.draftSend(draft.id))).toEqual({
      code: 'invalid-input',
      field: 'category',
      message: format('en', 'error-category-missing'),
    });
    expect((await backend.draftGet(draft.id)).sentAt, 'a refused send leaves a draft').toBeNull();
    await backend.draftUpdate(draft.id, { ...patch, category: 'roads' });
    expect((await backend.draftSend(draft.id)).sentAt, 'a title alone is enough to send').not.toBeNull();
  });

  it('marks it sent at once, lists it as sent, and it waits for the next sync', async () => {
    let now = 1_000;
    const { backend, draft } = await anaWithDraft(() => now);
    await backend.draftUpdate(draft.id, { ...patch, category: 'water', text: 'No water since Friday' });
    await backend.syncNow();
    await vi.waitFor(async () => expect((await backend.syncStatus()).pending).toBe(0), { timeout: 3000 });
    now = 5_000;
    const sent = await backend.draftSend(draft.id);
    expect(sent).toMatchObject({ id: draft.id, sentAt: 5_000, updatedAt: 5_000, text: 'No water since Friday' });
    expect(await backend.draftsList()).toEqual([expect.objectContaining({ id: draft.id, sentAt: 5_000 })]);
    expect((await backend.syncStatus()).pending, 'the send travels with the next sync').toBe(1);
    now = 9_000;
    expect((await backend.draftSend(draft.id)).sentAt, 'sending again changes nothing').toBe(5_000);
  });

  it('refuses to change or delete a sent request, with field "status"', async () => {
    const { backend, draft } = await anaWithDraft();
    await backend.draftUpdate(draft.id, { ...patch, category: 'roads', text: 'Hole' });
    await backend.draftSend(draft.id);
    const already = { code: 'invalid-input', field: 'status', message: format('en', 'error-already-sent') };
    expect(await errorOf(backend.draftUpdate(draft.id, { ...patch, text: 'changed' }))).toEqual(already);
    expect(await errorOf(backend.draftDelete(draft.id))).toEqual(already);
    expect((await backend.draftGet(draft.id)).text).toBe('Hole');
  });

  it('reads drafts stored before sending existed as drafts', async () => {
    const storage = memoryStorage();
    const first = createMockBackend({ storage });
    await first.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const draft = await first.draftCreate('problem');
    const stored = JSON.parse(storage.getItem(MOCK_STORAGE_KEY)!);
    delete stored.profiles[0].drafts[0].sentAt;
    storage.setItem(MOCK_STORAGE_KEY, JSON.stringify(stored));
    const second = createMockBackend({ storage });
    expect((await second.draftGet(draft.id)).sentAt).toBeNull();
    expect((await second.draftsList())[0].sentAt).toBeNull();
  });
});

describe('mock backend: sync', () => {
  afterEach(() => vi.useRealTimers());

  async function anaWithDrafts(count: number) {
    vi.useFakeTimers();
    const backend = createMockBackend({ storage: memoryStorage() });
    await backend.deviceSetLocale('en');
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const drafts = [];
    for (let i = 0; i < count; i++) drafts.push(await backend.draftCreate('problem'));
    return { backend, drafts };
  }

  it('counts the drafts changed since the last sync; "sync now" sends them in about a second', async () => {
    const { backend, drafts } = await anaWithDrafts(3);
    await backend.draftUpdate(drafts[0].id, { kind: null, category: null, title: 'again', text: null });
    expect(await backend.syncStatus(), 'a draft changed twice counts once').toEqual({ state: 'idle', pending: 3, lastSuccess: null, message: null });

    expect((await backend.syncNow()).state, 'returns at once, syncing').toBe('syncing');
    await vi.advanceTimersByTimeAsync(1000);
    const done = await backend.syncStatus();
    expect(done).toMatchObject({ state: 'idle', pending: 0, message: null });
    expect(done.lastSuccess).toBe(Date.now());
  });

  it('keeps pending what changed while a sync ran', async () => {
    const { backend, drafts } = await anaWithDrafts(1);
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(500);
    await backend.draftUpdate(drafts[0].id, { kind: null, category: null, title: 'typed during the sync', text: null });
    await vi.advanceTimersByTimeAsync(500);
    expect((await backend.syncStatus()).pending).toBe(1);
  });

  it('can look offline or off for tests, with Rust’s message, and sends nothing then', async () => {
    const { backend } = await anaWithDrafts(2);
    backend.control.setSync('offline');
    expect(await backend.syncNow()).toEqual({ state: 'offline', pending: 2, lastSuccess: null, message: format('en', 'sync-message-offline') });
    await vi.advanceTimersByTimeAsync(2000);
    expect((await backend.syncStatus()).pending).toBe(2);
    backend.control.setSync('off');
    expect((await backend.syncStatus()).state).toBe('off');
    backend.control.setSync(null);
    expect((await backend.syncStatus()).state).toBe('idle');
  });
});

describe('mock backend: the municipality’s answer', () => {
  afterEach(() => vi.useRealTimers());

  const ANSWER: AnswerView = {
    status: 'in-progress',
    expected: '2026-06-30',
    replies: [{ by: 'Arta, water office', text: 'A crew goes there on Monday.', at: 7_000 }],
  };

  async function anaWithSent() {
    vi.useFakeTimers();
    const backend = createMockBackend({ storage: memoryStorage() });
    await backend.deviceSetLocale('en');
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const sent = await backend.draftCreate('problem');
    await backend.draftUpdate(sent.id, { kind: null, category: 'water', title: null, text: 'No water' });
    await backend.draftSend(sent.id);
    const draft = await backend.draftCreate('question');
    return { backend, sent, draft };
  }

  it('has none until the municipality answers: drafts and sent requests carry a null answer', async () => {
    const { backend, sent, draft } = await anaWithSent();
    expect((await backend.draftGet(draft.id)).answer).toBeNull();
    expect((await backend.draftGet(sent.id)).answer).toBeNull();
    expect((await backend.draftsList()).map((d) => d.answerStatus)).toEqual([null, null]);
  });

  it('arrives with the next finished sync, as from the server: the status in the list, the whole answer in the request', async () => {
    const { backend, sent, draft } = await anaWithSent();
    backend.control.municipalityAnswers(sent.id, ANSWER);
    expect((await backend.draftGet(sent.id)).answer, 'nothing arrives before a sync').toBeNull();

    backend.control.setSync('offline');
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(2000);
    expect((await backend.draftGet(sent.id)).answer, 'nothing arrives with no connection').toBeNull();

    backend.control.setSync(null);
    await backend.syncNow();
    await vi.advanceTimersByTimeAsync(1000);
    expect((await backend.draftGet(sent.id)).answer).toEqual(ANSWER);
    const list = await backend.draftsList();
    expect(list.find((d) => d.id === sent.id)?.answerStatus).toBe('in-progress');
    expect(list.find((d) => d.id === draft.id)?.answerStatus, 'a draft has no answer').toBeNull();
  });

  it('answers only a sent request: a draft or an unknown id is a test’s mistake', async () => {
    const { backend, draft } = await anaWithSent();
    expect(() => backend.control.municipalityAnswers(draft.id, ANSWER)).toThrow(/no sent request/);
    expect(() => backend.control.municipalityAnswers('d-nope', ANSWER)).toThrow(/no sent request/);
  });

  it('reads requests stored before answers existed as unanswered', async () => {
    const storage = memoryStorage();
    const first = createMockBackend({ storage });
    await first.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const draft = await first.draftCreate('problem');
    const stored = JSON.parse(storage.getItem(MOCK_STORAGE_KEY)!);
    delete stored.profiles[0].drafts[0].answer;
    storage.setItem(MOCK_STORAGE_KEY, JSON.stringify(stored));
    const second = createMockBackend({ storage });
    expect((await second.draftGet(draft.id)).answer).toBeNull();
    expect((await second.draftsList())[0].answerStatus).toBeNull();
  });
});

describe('mock backend: pairing', () => {
  afterEach(() => vi.useRealTimers());

  it('gives an 8-digit code for the open person, valid 5 minutes', async () => {
    let now = 1_000_000;
    const backend = createMockBackend({ now: () => now });
    expect((await errorOf(backend.pairingCodeCreate())).code, 'needs a person').toBe('no-active-profile');
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const code = await backend.pairingCodeCreate();
    expect(code.code).toMatch(/^[0-9]{8}$/);
    expect(code.expiresAt).toBe(now + 5 * 60_000);
    now += 1;
    expect((await backend.pairingCodeCreate()).code, 'a new code each time').not.toBe(code.code);
  });

  it('takes only a code it issued, once, before it expires; spaces and dashes are fine', async () => {
    let now = 1_000_000;
    const backend = createMockBackend({ now: () => now });
    await backend.deviceSetLocale('en');
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const { code } = await backend.pairingCodeCreate();
    expect(await errorOf(backend.pairingClaim(code === '12345678' ? '87654321' : '12345678'))).toEqual({
      code: 'pairing-invalid',
      field: 'code',
      message: format('en', 'error-pairing-invalid'),
    });
    expect(await backend.pairingClaim(`${code.slice(0, 4)} ${code.slice(4, 6)}-${code.slice(6)}`)).toBeNull();
    expect((await errorOf(backend.pairingClaim(code))).code, 'used once').toBe('pairing-invalid');

    const old = await backend.pairingCodeCreate();
    now += PAIRING.ttlMs;
    expect((await errorOf(backend.pairingClaim(old.code))).code, 'expired').toBe('pairing-invalid');
  });

  it('after 5 wrong codes in 10 minutes, says "too many attempts", even for a right code', async () => {
    let now = 1_000_000;
    const backend = createMockBackend({ now: () => now });
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    const { code } = await backend.pairingCodeCreate();
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i++) expect((await errorOf(backend.pairingClaim(wrong))).code).toBe('pairing-invalid');
    expect((await errorOf(backend.pairingClaim(code))).code).toBe('too-many-attempts');
    now += PAIRING.claimWindowMs;
    expect(await backend.pairingClaim((await backend.pairingCodeCreate()).code), 'the wrong tries are forgotten after 10 minutes').toBeNull();
  });

  it('needs the network, like Rust', async () => {
    const backend = createMockBackend();
    await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale: 'en' });
    backend.control.setSync('offline');
    expect((await errorOf(backend.pairingCodeCreate())).code).toBe('offline');
    expect((await errorOf(backend.pairingClaim('12345678'))).code).toBe('offline');
    backend.control.setSync('off');
    expect((await errorOf(backend.pairingCodeCreate())).code).toBe('sync-off');
  });

  it('brings a person from "another phone", with their drafts, with the sync after the claim', async () => {
    vi.useFakeTimers();
    const backend = createMockBackend({ storage: memoryStorage() });
    await backend.deviceSetLocale('sq');
    const code = backend.control.otherPhoneCode({ name: 'Drita', avatar: 'flower', drafts: [{ title: 'Uji', text: 'Nuk ka ujë' }] });
    await backend.pairingClaim(code);
    expect(await backend.profilesList(), 'not before the sync').toEqual([]);
    expect((await backend.syncStatus()).state).toBe('syncing');
    await vi.advanceTimersByTimeAsync(1000);
    const [drita] = await backend.profilesList();
    expect(drita).toMatchObject({ name: 'Drita', avatar: 'flower', locale: 'sq', hasPin: false, draftCount: 1 });
    await backend.profileOpen(drita.id, null);
    expect((await backend.draftsList())[0]).toMatchObject({ title: 'Uji', preview: 'Nuk ka ujë' });
  });
});
