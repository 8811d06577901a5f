/**
 * The drawn map a place is chosen on: the municipality's area from `placesGet()`, projected linearly
 * (longitude scaled by the cosine of the middle latitude, so distances look right at this latitude),
 * with no tiles and no network. Map units are thousandths of a degree of latitude; y grows southward.
 * Pure: the page and the mock both use it, and Rust's `places::nearest` is the reference for
 * `nearestVillage`.
 */
import type { PlacesView, Point, VillageView } from '../backend';

export type Area = Pick<PlacesView, 'south' | 'west' | 'north' | 'east'>;

const UNITS = 1000;

function lonScale(area: Area): number {
  return Math.cos((((area.south + area.north) / 2) * Math.PI) / 180);
}

/** The size of the drawn area, in map units. */
export function frame(area: Area): { width: number; height: number } {
  return { width: (area.east - area.west) * lonScale(area) * UNITS, height: (area.north - area.south) * UNITS };
}

/** Where a point is drawn. */
export function toMap(area: Area, p: Point): { x: number; y: number } {
  return { x: (p.lon - area.west) * lonScale(area) * UNITS, y: (area.north - p.lat) * UNITS };
}

/** The point under a spot of the drawing, kept inside the area. */
export function fromMap(area: Area, x: number, y: number): Point {
  const { width, height } = frame(area);
  const cx = Math.min(width, Math.max(0, x));
  const cy = Math.min(height, Math.max(0, y));
  return { lat: round(area.north - cy / UNITS), lon: round(area.west + cx / lonScale(area) / UNITS) };
}

/** Six decimals: some 10 cm, more than enough, and a point that reads the same after storing. */
function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

/** The middle of the area: where the pin starts when the keyboard moves it first. */
export function centre(area: Area): Point {
  return { lat: round((area.south + area.north) / 2), lon: round((area.west + area.east) / 2) };
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The pin moved one step (a fortieth of the area's height on the drawing), kept inside the area. */
export function nudge(area: Area, p: Point, direction: Direction, steps = 40): Point {
  const at = toMap(area, p);
  const step = frame(area).height / steps;
  const dx = direction === 'left' ? -step : direction === 'right' ? step : 0;
  const dy = direction === 'up' ? -step : direction === 'down' ? step : 0;
  return fromMap(area, at.x + dx, at.y + dy);
}

/** As Rust's `places::nearest`: the village nearest a point of the area; none outside it. */
export function nearestVillage(places: Area & { villages: VillageView[] }, lat: number, lon: number): VillageView | null {
  const inside =
    Number.isFinite(lat) && Number.isFinite(lon) && lat >= places.south && lat <= places.north && lon >= places.west && lon <= places.east;
  if (!inside || places.villages.length === 0) return null;
  const scale = Math.cos((lat * Math.PI) / 180);
  const distance = (v: VillageView) => (v.lat - lat) ** 2 + ((v.lon - lon) * scale) ** 2;
  return places.villages.reduce((best, v) => (distance(v) < distance(best) ? v : best));
}

/** Where a village's name is written beside its dot, in map units: the baseline's start and its anchor. */
export type Label = { id: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };

type Box = { left: number; right: number; top: number; bottom: number };

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places the villages' names so they do not cover each other or the dots: each name goes right of its
 * dot, else left, above or below, whichever first overlaps nothing already placed and stays on the map
 * (the least overlap when none is free). `fontSize` is in map units; letters are taken as 0.62 of it wide.
 */
export function placeLabels(area: Area, villages: readonly VillageView[], fontSize: number, dot = 5): Label[] {
  const { width, height } = frame(area);
  const points = villages.map((v) => ({ id: v.id, name: v.name, ...toMap(area, v) }));
  const taken: Box[] = points.map((p) => ({ left: p.x - dot, right: p.x + dot, top: p.y - dot, bottom: p.y + dot }));
  const gap = dot + 3;
  return points.map((p) => {
    const w = p.name.length * fontSize * 0.62;
    const line = (baseline: number) => ({ top: baseline - fontSize * 0.8, bottom: baseline + fontSize * 0.25 });
    const side = p.y + fontSize * 0.35;
    const candidates: { label: Label; box: Box }[] = [
      { label: { id: p.id, x: p.x + gap, y: side, anchor: 'start' }, box: { left: p.x + gap, right: p.x + gap + w, ...line(side) } },
      { label: { id: p.id, x: p.x - gap, y: side, anchor: 'end' }, box: { left: p.x - gap - w, right: p.x - gap, ...line(side) } },
      { label: { id: p.id, x: p.x, y: p.y - gap, anchor: 'middle' }, box: { left: p.x - w / 2, right: p.x + w / 2, ...line(p.y - gap) } },
      {
        label: { id: p.id, x: p.x, y: p.y + gap + fontSize * 0.8, anchor: 'middle' },
        box: { left: p.x - w / 2, right: p.x + w / 2, ...line(p.y + gap + fontSize * 0.8) },
      },
    ];
    const cost = (c: { box: Box }) => {
      const off = c.box.left < 0 || c.box.right > width || c.box.top < 0 || c.box.bottom > height ? 1e9 : 0;
      return off + taken.reduce((sum, t) => sum + overlap(c.box, t), 0);
    };
    const best = candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    taken.push(best.box);
    return best.label;
  });
}
