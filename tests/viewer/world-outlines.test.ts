import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { project } from '../../viewer/src/map/projection.ts';
import { worldOutlines } from '../../viewer/src/map/world-outlines.ts';

const require = createRequire(import.meta.url);
const topology = (scale: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology;

/** Every x, y pair of an SVG path made of M, L and Z commands (d3-geo's output). */
function points(path: string): [number, number][] {
  const numbers = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) out.push([numbers[i]!, numbers[i + 1]!]);
  return out;
}

describe('world outlines projected for the basemap', () => {
  for (const scale of ['110m', '50m']) {
    it(`${scale}: the land between Tierra del Fuego and the Arctic, Antarctica left out, in projected units with 3 decimals`, () => {
      const { path } = worldOutlines(topology(scale));
      expect(path).toMatch(/^M/);
      expect(path).not.toMatch(/\d\.\d{4}/);
      const ys = points(path).map(([, y]) => y);
      const xs = points(path).map(([x]) => x);
      // Southernmost land without Antarctica: Tierra del Fuego and the islands south of it, ~56° S.
      expect(Math.min(...ys)).toBeGreaterThan(project(0, -60)!.y);
      expect(Math.min(...ys)).toBeLessThan(project(0, -54)!.y);
      // Northernmost: Greenland and the Arctic islands, above 80° N, clipped at 85°.
      expect(Math.max(...ys)).toBeGreaterThan(project(0, 80)!.y);
      expect(Math.max(...ys)).toBeLessThanOrEqual(project(0, 85)!.y + 0.001);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(-180.001);
      expect(Math.max(...xs)).toBeLessThanOrEqual(180.001);
    });
  }

  it('labels: largest parts on the map first (Russia, then Greenland, inflated by Mercator past mainland Canada), each at the centre of its largest part', () => {
    const { labels } = worldOutlines(topology('110m'));
    expect(labels.slice(0, 3).map((l) => l.name)).toEqual(['Russia', 'Greenland', 'Canada']);
    const byName = new Map(labels.map((l) => [l.name, l]));
    // Mainland centres, by longitude and latitude ranges of each country's largest part.
    const inside = (name: string, [lon0, lon1]: [number, number], [lat0, lat1]: [number, number]) => {
      const l = byName.get(name)!;
      expect(l.x, name).toBeGreaterThan(lon0);
      expect(l.x, name).toBeLessThan(lon1);
      expect(l.y, name).toBeGreaterThan(project(0, lat0)!.y);
      expect(l.y, name).toBeLessThan(project(0, lat1)!.y);
    };
    inside('Brazil', [-74, -35], [-33, 5]);
    inside('China', [74, 134], [18, 53]);
    // The United States' largest part is the lower 48, not Alaska.
    inside('United States of America', [-125, -67], [25, 49]);
    expect(byName.get('Antarctica')).toBeUndefined();
    // Extents in graph units: Brazil spans ~39° of longitude.
    expect(byName.get('Brazil')!.width).toBeGreaterThan(35);
    expect(byName.get('Brazil')!.width).toBeLessThan(42);
  });
});
