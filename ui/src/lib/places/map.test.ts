import { describe, expect, it } from 'vitest';
import { MOCK_PLACES } from '../backend/mock';
import { centre, frame, fromMap, nearestVillage, nudge, placeLabels, toMap } from './map';

const AREA = MOCK_PLACES;

describe('the drawn map', () => {
  it('is as wide as the area really is at this latitude: longitude scaled by cos(latitude)', () => {
    const { width, height } = frame(AREA);
    expect(height).toBeCloseTo(320, 6);
    expect(width / height).toBeCloseTo(Math.cos((42.14 * Math.PI) / 180), 6);
  });

  it('puts the north-west corner at the top left and the south-east at the bottom right', () => {
    expect(toMap(AREA, { lat: AREA.north, lon: AREA.west })).toEqual({ x: 0, y: 0 });
    const se = toMap(AREA, { lat: AREA.south, lon: AREA.east });
    expect(se.x).toBeCloseTo(frame(AREA).width, 6);
    expect(se.y).toBeCloseTo(frame(AREA).height, 6);
  });

  it('reads back the point under a spot, and keeps spots off the edge inside the area', () => {
    for (const v of AREA.villages) {
      const at = toMap(AREA, v);
      const back = fromMap(AREA, at.x, at.y);
      expect(back.lat).toBeCloseTo(v.lat, 5);
      expect(back.lon).toBeCloseTo(v.lon, 5);
    }
    expect(fromMap(AREA, -50, 9999)).toEqual({ lat: AREA.south, lon: AREA.west });
  });

  it('moves the pin a step with the arrows, north being up, never out of the area', () => {
    const start = centre(AREA);
    const up = nudge(AREA, start, 'up');
    expect(up.lat).toBeGreaterThan(start.lat);
    expect(up.lon).toBeCloseTo(start.lon, 6);
    expect(nudge(AREA, start, 'right').lon).toBeGreaterThan(start.lon);
    expect(nudge(AREA, start, 'left').lon).toBeLessThan(start.lon);
    expect(nudge(AREA, start, 'down').lat).toBeLessThan(start.lat);
    let p = start;
    for (let i = 0; i < 100; i++) p = nudge(AREA, p, 'up');
    expect(p.lat).toBe(AREA.north);
  });

  it('names the nearest village as Rust does, and none outside the area', () => {
    expect(nearestVillage(AREA, 42.25, 20.03)?.id).toBe('fierze');
    expect(nearestVillage(AREA, 41.33, 19.82)).toBeNull();
    expect(nearestVillage(AREA, Number.NaN, 20)).toBeNull();
  });
});

describe('the villages’ names', () => {
  it('are placed where none covers another, and all stay on the map', () => {
    const font = 10;
    const labels = placeLabels(AREA, AREA.villages, font);
    const { width } = frame(AREA);
    const boxes = labels.map((l, i) => {
      const w = AREA.villages[i].name.length * font * 0.62;
      const left = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
      return { left, right: left + w, top: l.y - font * 0.8, bottom: l.y + font * 0.25 };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.left, AREA.villages[i].name).toBeGreaterThanOrEqual(0);
      expect(a.right, AREA.villages[i].name).toBeLessThanOrEqual(width);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${AREA.villages[i].name} must not cover another name`).toBe(true);
      }
    }
  });
});
