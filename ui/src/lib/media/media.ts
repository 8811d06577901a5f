/**
 * Pictures and sounds of lessons and forms as Blob URLs, one per hash, shared by everyone who shows it
 * and revoked when the last one lets go. The bytes come from `Backend.mediaGet`; an SVG shown with
 * `<img>` never runs script, and the app's policy allows `blob:` for images and media.
 */
import type { Backend, Media } from '../backend';

type Entry = { url: Promise<string | null>; users: number };

const cache = new Map<string, Entry>();

/** Whether this platform can make Blob URLs (jsdom cannot). */
function canMakeUrls(): boolean {
  return typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function';
}

/**
 * The URL of `media`, fetched once however many ask; every `acquire` needs its `release`. Resolves
 * with null when the bytes cannot be had (the screen then shows no picture, or speaks instead).
 */
export function acquire(backend: Backend, media: Media): Promise<string | null> {
  let entry = cache.get(media.hash);
  if (!entry) {
    const url = canMakeUrls()
      ? backend.mediaGet(media.hash).then(
          (bytes) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: media.mime })),
          () => null,
        )
      : Promise.resolve(null);
    entry = { url, users: 0 };
    cache.set(media.hash, entry);
  }
  entry.users += 1;
  return entry.url;
}

/** Lets go of a URL from `acquire`; the last one out revokes it. */
export function release(hash: string): void {
  const entry = cache.get(hash);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  cache.delete(hash);
  void entry.url.then((url) => {
    if (url) URL.revokeObjectURL(url);
  });
}

/** How many media are held now (tests). */
export function heldCount(): number {
  return cache.size;
}
