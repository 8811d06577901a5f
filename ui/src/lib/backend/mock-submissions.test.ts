// The mock's rules for what issue #5 added to requests (voice notes, places, messages, attachments),
// for categories named by the municipality's list, and for News: the same refusals as Rust.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, memoryStorage } from '../app/testing';
import { nearestVillage } from '../places/map';
import { createMockBackend, MOCK_PLACES, wavFile } from './mock';
import { LIMITS } from './types';

afterEach(() => vi.useRealTimers());

async function person(locale: 'en' | 'sq' | 'mk' | 'sr' = 'en') {
  const backend = createMockBackend({ storage: memoryStorage(), syncMs: 10 });
  await backend.deviceSetLocale(locale);
  const ana = await backend.profileCreate({ name: 'Ana', avatar: 'sun', pin: null, locale });
  const draft = await backend.draftCreate('problem');
  return { backend, ana, draft };
}

/** One second of a quiet tone at `rate`. */
const second = (rate = 16_000) => Int16Array.from({ length: rate }, (_, i) => Math.round(1000 * Math.sin(i / 5)));

/** Runs one mock sync to its end. */
async function sync(backend: ReturnType<typeof createMockBackend>) {
  await backend.syncNow();
  await new Promise((done) => setTimeout(done, 30));
}

describe('mock backend: categories', () => {
  it('names them in the person’s language, and names a request’s category in the draft and the list', async () => {
    const { backend, draft } = await person('mk');
    const list = await backend.categoriesList();
    expect(list.find((c) => c.id === 'roads')).toEqual({ id: 'roads', name: 'Патишта и мостови' });
    const summary = await backend.draftUpdate(draft.id, { kind: null, category: 'water', title: null, text: null });
    expect(summary.categoryName).toBe(list.find((c) => c.id === 'water')?.name);
    expect((await backend.draftGet(draft.id)).categoryName).toBe(summary.categoryName);
    await backend.profileSetLocale('en');
    expect((await backend.draftsList())[0].categoryName, 'the name follows the language').toBe('Water and drains');
    expect((await errorOf(backend.draftUpdate(draft.id, { kind: null, category: 'snow', title: null, text: null }))).field).toBe('category');
  });
});

describe('mock backend: voice notes', () => {
  it('keeps a recording as a playable note with its length, replacing the one before', async () => {
    const { backend, draft } = await person();
    const first = await backend.draftAttachVoice(draft.id, second(), 16_000);
    expect(first.voice).toMatchObject({ seconds: 1, bytes: 44 + 32_000, media: { mime: 'audio/wav' } });
    const bytes = await backend.attachmentGet(first.voice!.media.hash);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
    const again = await backend.draftAttachVoice(draft.id, Int16Array.from([...second(), ...second(), 1]), 16_000);
    expect(again.voice?.seconds, 'a part of a second counts as a second, as in Rust').toBe(3);
    expect((await backend.syncStatus()).pending).toBe(1);
  });

  it('refuses as Rust does: past three minutes, empty, an odd rate, once sent', async () => {
    const { backend, draft } = await person();
    const tooLong = new Int16Array(LIMITS.voiceSecondsMax * 16_000 + 1);
    expect(await errorOf(backend.draftAttachVoice(draft.id, tooLong, 16_000))).toEqual({
      code: 'invalid-input',
      field: 'voice',
      message: 'A voice note can be at most 3 minutes long. Record a shorter one.',
    });
    expect((await backend.draftAttachVoice(draft.id, new Int16Array(LIMITS.voiceSecondsMax * 16_000), 16_000)).voice?.seconds, 'exactly 3:00 is fine').toBe(180);
    expect(await errorOf(backend.draftAttachVoice(draft.id, new Int16Array(0), 16_000))).toMatchObject({ field: 'voice', message: 'This recording could not be used. Record it again.' });
    expect((await errorOf(backend.draftAttachVoice(draft.id, second(44_100), 44_100))).field).toBe('voice');
    await backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: null, text: null });
    await backend.draftSend(draft.id);
    expect((await errorOf(backend.draftAttachVoice(draft.id, second(), 16_000))).field).toBe('status');
    expect((await errorOf(backend.draftRemoveVoice(draft.id))).field).toBe('status');
  });

  it('lets a request made only of a voice note and a topic be sent', async () => {
    const { backend, draft } = await person();
    await backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: null, text: null });
    expect((await errorOf(backend.draftSend(draft.id))).field, 'nothing to send yet').toBe('text');
    await backend.draftAttachVoice(draft.id, second(), 16_000);
    const sent = await backend.draftSend(draft.id);
    expect(sent.sentAt).not.toBeNull();
    expect(sent.voice?.seconds).toBe(1);
  });

  it('removes a note; its bytes are then not found', async () => {
    const { backend, draft } = await person();
    const { voice } = await backend.draftAttachVoice(draft.id, second(), 16_000);
    expect((await backend.draftRemoveVoice(draft.id)).voice).toBeNull();
    expect((await errorOf(backend.attachmentGet(voice!.media.hash))).code).toBe('not-found');
  });

  it('gives attachments only to the person whose request names them', async () => {
    const { backend, draft } = await person();
    const { voice } = await backend.draftAttachVoice(draft.id, second(), 16_000);
    await backend.profileCreate({ name: 'Ben', avatar: 'moon', pin: null, locale: 'en' });
    expect((await errorOf(backend.attachmentGet(voice!.media.hash))).code).toBe('not-found');
  });

  it('writes a WAV header that says what follows', () => {
    const wav = new DataView(wavFile(Int16Array.from([1, -2]), 8000).buffer);
    expect([wav.getUint32(24, true), wav.getUint16(22, true), wav.getUint32(40, true), wav.getInt16(46, true)]).toEqual([8000, 1, 4, -2]);
  });
});

describe('mock backend: places', () => {
  it('names the nearest village of a point, and refuses a point outside the municipality', async () => {
    const { backend, draft } = await person();
    const places = await backend.placesGet();
    expect(places.municipality).toBe('Fushë-Arrëz');
    expect(places.villages[0].id, 'the town first').toBe('fushe-arrez');
    const near = await backend.draftSetLocation(draft.id, { lat: 42.25, lon: 20.03 });
    expect(near.location).toEqual({ lat: 42.25, lon: 20.03, village: 'fierze', villageName: 'Fierzë' });
    expect(await errorOf(backend.draftSetLocation(draft.id, { lat: 41.33, lon: 19.82 }))).toEqual({
      code: 'invalid-input',
      field: 'location',
      message: 'This place is outside the municipality. Choose a place inside it.',
    });
    expect((await errorOf(backend.draftSetLocation(draft.id, { lat: Number.NaN, lon: 20 }))).field).toBe('location');
    expect((await backend.draftGet(draft.id)).location?.village, 'a refused point changes nothing').toBe('fierze');
    expect((await backend.draftSetLocation(draft.id, null)).location).toBeNull();
  });

  it('finds each village nearest to itself, as Rust’s test does', () => {
    for (const v of MOCK_PLACES.villages) expect(nearestVillage(MOCK_PLACES, v.lat, v.lon)?.id).toBe(v.id);
    expect(nearestVillage(MOCK_PLACES, 42.063, 20.018)?.id).toBe('fushe-arrez');
    expect(nearestVillage(MOCK_PLACES, 42.5, 20)).toBeNull();
  });

  it('refuses a place on a sent request', async () => {
    const { backend, draft } = await person();
    await backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: 'Hole', text: null });
    await backend.draftSend(draft.id);
    expect((await errorOf(backend.draftSetLocation(draft.id, { lat: 42.06, lon: 20.01 }))).field).toBe('status');
  });
});

describe('mock backend: messages on a sent request', () => {
  it('adds them trimmed, oldest first, and only to a sent request', async () => {
    const { backend, draft } = await person();
    expect(await errorOf(backend.draftAddMessage(draft.id, 'Hello'))).toMatchObject({ field: 'message', message: 'This request is not sent yet. Write in its text instead.' });
    await backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: 'Hole', text: null });
    await backend.draftSend(draft.id);
    expect(await errorOf(backend.draftAddMessage(draft.id, '   '))).toMatchObject({ field: 'message', message: 'Write or say something before sending the message.' });
    expect((await errorOf(backend.draftAddMessage(draft.id, 'x'.repeat(LIMITS.messageMax + 1)))).code).toBe('invalid-input');
    await backend.draftAddMessage(draft.id, '  It is bigger now. ');
    const after = await backend.draftAddMessage(draft.id, 'Thank you');
    expect(after.messages.map((m) => m.text)).toEqual(['It is bigger now.', 'Thank you']);
    expect(after.title, 'nothing else changed').toBe('Hole');
  });
});

describe('mock backend: News', () => {
  it('brings announcements with the next sync, newest first, in the reader’s language or one it has', async () => {
    const { backend } = await person('mk');
    const older = backend.control.publishAnnouncement({ texts: { sq: { title: 'Uji', text: 'Ndërpritet të hënën.' } }, publishedAt: 1000 });
    backend.control.publishAnnouncement({
      texts: { sq: { title: 'Mbledhje', text: 'Të enjten.' }, mk: { title: 'Средба', text: 'Во четврток.' } },
      publishedAt: 2000,
      picture: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0],
    });
    expect(await backend.newsList(), 'nothing before the sync').toEqual([]);
    await sync(backend);
    const news = await backend.newsList();
    expect(news.map((n) => [n.title, n.locale])).toEqual([
      ['Средба', 'mk'],
      ['Uji', 'sq'],
    ]);
    expect(news[0].picture?.mime).toBe('image/png');
    expect((await backend.mediaGet(news[0].picture!.hash)).length).toBe(10);
    expect(news[1].picture).toBeNull();

    backend.control.withdrawAnnouncement(older);
    expect(await backend.newsList(), 'still there until the sync').toHaveLength(2);
    await sync(backend);
    expect((await backend.newsList()).map((n) => n.title)).toEqual(['Средба']);
  });

  it('keeps them through a reload, and refuses a test’s mistakes', async () => {
    const storage = memoryStorage();
    const backend = createMockBackend({ storage, syncMs: 10 });
    await backend.deviceSetLocale('en');
    backend.control.publishAnnouncement({ texts: { en: { title: 'Road closed', text: 'Until Friday.' } } });
    await sync(backend);
    const again = createMockBackend({ storage });
    expect((await again.newsList()).map((n) => n.title)).toEqual(['Road closed']);
    expect(() => backend.control.publishAnnouncement({ texts: {} })).toThrow();
    expect(() => backend.control.publishAnnouncement({ texts: { en: { title: 'x', text: 'y' } }, picture: [1, 2, 3] })).toThrow();
    expect(() => backend.control.withdrawAnnouncement('nope')).toThrow();
  });
});
