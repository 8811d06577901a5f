/**
 * The drawings in `src/assets/art/`, by file name without `.svg`. Colour drawings (avatars, tiles, kinds)
 * are files shown with `<img>`; the one-colour `ui-*` icons are inlined so they take `currentColor`.
 */
const urls = import.meta.glob(['../../assets/art/*.svg', '!../../assets/art/ui-*.svg'], { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;
const inline = import.meta.glob('../../assets/art/ui-*.svg', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

function key(name: string): string {
  return `../../assets/art/${name}.svg`;
}

const reported = new Set<string>();

function missing(name: string): undefined {
  if (import.meta.env.DEV && !reported.has(name)) {
    reported.add(name);
    console.warn(`art: missing src/assets/art/${name}.svg`);
  }
  return undefined;
}

/** The SVG markup of an inline icon (`ui-*`), or undefined when the file is missing. */
export function artSvg(name: string): string | undefined {
  return inline[key(name)] ?? (name.startsWith('ui-') ? missing(name) : undefined);
}

/** The URL of a drawing, or undefined when the file is missing. */
export function artUrl(name: string): string | undefined {
  return urls[key(name)] ?? missing(name);
}
