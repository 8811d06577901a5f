import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../lib/app/context';
import { errorOf, mockApp } from '../lib/app/testing';
import { LIMITS, type Locale } from '../lib/backend';
import { setLocale } from '../lib/i18n/i18n.svelte';
import DraftPage from './DraftPage.svelte';

/** The first bytes of a JPEG, and something else. */
const JPEG = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, 1, 2, 3]);
const TEXT = new TextEncoder().encode('not a photo at all');

let made = 0;
beforeEach(() => {
  made = 0;
  // jsdom makes no Blob URLs: count them instead.
  URL.createObjectURL = vi.fn(() => `blob:photo-${++made}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  // Unmount first: the thumbnails let go of their URLs as they go.
  cleanup();
  setLocale('sq');
  vi.restoreAllMocks();
  // @ts-expect-error -- jsdom has none: take the test's away again.
  delete URL.createObjectURL;
  // @ts-expect-error -- likewise.
  delete URL.revokeObjectURL;
});

async function openDraft(locale: Locale = 'en') {
  const setup = await mockApp({ locale, people: [{ name: 'Ana' }] });
  const draft = await setup.backend.draftCreate('problem');
  render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });
  await screen.findByTestId('draft-photo-add');
  return { ...setup, id: draft.id };
}

/** Picks a file in the hidden input, as the camera or gallery would give it. */
async function pick(bytes: Uint8Array, name = 'photo.jpg') {
  const input = screen.getByTestId('draft-photo-input') as HTMLInputElement;
  // jsdom's File cannot give its bytes (`arrayBuffer`); a browser's can, as this one does.
  const file = Object.assign(new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/jpeg' }), {
    arrayBuffer: async () => bytes.slice().buffer,
  });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
}

describe('Photos on a request', () => {
  it('a big "Add photo" button opens the camera or gallery', async () => {
    await openDraft();
    const add = screen.getByRole('button', { name: 'Add photo' });
    const input = screen.getByTestId('draft-photo-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.hidden).toBe(true);
    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    await fireEvent.click(add);
    expect(click).toHaveBeenCalled();
  });

  it('attaching shows the thumbnail, named "Photo 1 of 1", and keeps it on the draft', async () => {
    const { backend, id } = await openDraft();
    await pick(JPEG(1));
    const img = await screen.findByRole('img', { name: 'Photo 1 of 1' });
    expect(img.getAttribute('src')).toBe('blob:photo-1');
    expect(screen.getByRole('button', { name: 'Remove photo 1' })).toBeTruthy();
    expect((await backend.draftGet(id)).photos).toHaveLength(1);

    await pick(JPEG(2));
    expect(await screen.findByRole('img', { name: 'Photo 2 of 2' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Photo 1 of 2' })).toBeTruthy();
  });

  it('refuses a file that is not a photo, saying why at the photos', async () => {
    const { backend, id } = await openDraft();
    await pick(TEXT, 'notes.txt');
    const error = await screen.findByTestId('error-message');
    expect(error.dataset.field).toBe('photos');
    expect(error.textContent).toBe('This file is not a photo the app can use. Take a photo, or choose a JPEG or PNG picture.');
    expect(within(screen.getByTestId('draft-photos')).getByTestId('error-message')).toBe(error);
    expect(screen.getByTestId('draft-photo-add').getAttribute('aria-describedby')).toContain(error.id);
    expect((await backend.draftGet(id)).photos).toEqual([]);

    // The next good photo clears the message.
    await pick(JPEG(1));
    await screen.findByRole('img', { name: 'Photo 1 of 1' });
    expect(screen.queryByTestId('error-message')).toBeNull();
  });

  it(`takes up to ${LIMITS.photosMax}; then the button gives way to a short note`, async () => {
    const { backend, id } = await openDraft();
    for (let n = 1; n <= LIMITS.photosMax; n++) {
      await pick(JPEG(n));
      await screen.findByRole('img', { name: `Photo ${n} of ${n}` });
    }
    expect(screen.queryByTestId('draft-photo-add')).toBeNull();
    expect(screen.getByTestId('draft-photos-full').textContent).toBe('You have 5 photos. That is the most.');
    // The backend refuses a sixth all the same.
    const error = await errorOf(backend.draftAttachPhoto(id, JPEG(6)));
    expect(error.field).toBe('photos');
    expect(error.message).toBe('A request can have at most 5 photos. Remove one first.');
  });

  it('removes a photo, and the rest are renumbered; focus goes to "Add photo"', async () => {
    const { backend, id } = await openDraft();
    await pick(JPEG(1));
    await screen.findByRole('img', { name: 'Photo 1 of 1' });
    await pick(JPEG(2));
    await screen.findByRole('img', { name: 'Photo 2 of 2' });
    const [first, second] = (await backend.draftGet(id)).photos;

    await fireEvent.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    await waitFor(() => expect(screen.queryByRole('img', { name: 'Photo 2 of 2' })).toBeNull());
    expect(screen.getByRole('img', { name: 'Photo 1 of 1' })).toBeTruthy();
    expect((await backend.draftGet(id)).photos).toEqual([second]);
    expect(first.hash).not.toBe(second.hash);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('draft-photo-add')));
    expect(URL.revokeObjectURL, 'the removed thumbnail lets go of its URL').toHaveBeenCalled();
  });

  it('a photo and a topic are enough to send', async () => {
    const { backend, id } = await openDraft();
    await fireEvent.change(screen.getByTestId('draft-category'), { target: { value: 'roads' } });
    await pick(JPEG(1));
    await screen.findByRole('img', { name: 'Photo 1 of 1' });
    await fireEvent.click(screen.getByTestId('draft-send'));
    await fireEvent.click(await screen.findByTestId('confirm-yes'));
    await screen.findByTestId('draft-sent-done');
    expect((await backend.draftGet(id)).sentAt).not.toBeNull();
    // Sent: photos can no longer change.
    expect((await errorOf(backend.draftAttachPhoto(id, JPEG(2)))).field).toBe('status');
  });

  it('the sent view shows the photos, with no remove and no add', async () => {
    const setup = await mockApp({ locale: 'sr', people: [{ name: 'Ana' }] });
    const draft = await setup.backend.draftCreate('problem');
    await setup.backend.draftUpdate(draft.id, { kind: null, category: 'roads', title: 'Rupa', text: '' });
    await setup.backend.draftAttachPhoto(draft.id, JPEG(1));
    await setup.backend.draftAttachPhoto(draft.id, JPEG(2));
    await setup.backend.draftSend(draft.id);
    render(DraftPage, { props: { id: draft.id }, context: appContext(setup.app) });

    await screen.findByTestId('draft-sent');
    expect(await screen.findByRole('img', { name: 'Fotografija 1 od 2' })).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Fotografija 2 od 2' })).toBeTruthy();
    expect(screen.queryByTestId('draft-photo-add')).toBeNull();
    expect(screen.queryByTestId('draft-photo-input')).toBeNull();
    expect(screen.queryByTestId('draft-photo-remove-1')).toBeNull();
  });
});
