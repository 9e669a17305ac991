import { describe, expect, it } from 'vitest';
import { gravity, greatCircleKm, EARTH_RADIUS_KM } from '../../src/analyses/gravity.ts';
import { fitGravity } from '../../src/analyses/gravity-fit.ts';
import { OptionError } from '../../src/errors.ts';
import { createRng } from '../../src/random.ts';
import { flowGraph } from './helpers.ts';
import { poissonIrls } from './poisson-irls.ts';

// Five places with real coordinates.
const PLACES = [
  { key: 'London', lat: 51.5074, lon: -0.1278 },
  { key: 'Paris', lat: 48.8566, lon: 2.3522 },
  { key: 'Berlin', lat: 52.52, lon: 13.405 },
  { key: 'Madrid', lat: 40.4168, lon: -3.7038 },
  { key: 'Rome', lat: 41.9028, lon: 12.4964 },
];
const lnd = (i: number, j: number) => Math.log(greatCircleKm(PLACES[i]!.lat, PLACES[i]!.lon, PLACES[j]!.lat, PLACES[j]!.lon));

describe('greatCircleKm', () => {
  it('greatCircleKm gives London–Paris ≈ 343.6 km, a quarter meridian and half the equator', () => {
    expect(greatCircleKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.6, 0);
    expect(greatCircleKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
    expect(greatCircleKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(greatCircleKm(10, 20, 10, 20)).toBe(0);
  });
});

describe('gravity', () => {
  it('gravity recovers β and the flows exactly when they follow the model (the score is zero there)', () => {
    // y_ij = A_i B_j d_ij^β with β = −1.3: the PPML estimate is β and μ = y, by its score equations.
    const A = [3, 1, 2, 0.5, 1.5];
    const B = [1, 2, 0.7, 1.1, 3];
    const beta = -1.3;
    const edges: Array<[string, string, number]> = [];
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++)
        if (i !== j) edges.push([PLACES[i]!.key, PLACES[j]!.key, 1e4 * A[i]! * B[j]! * Math.exp(beta * lnd(i, j))]);
    const g = flowGraph(PLACES, edges);
    const r = gravity(g);
    expect(r.fitted).toBe(true);
    expect(r.distanceElasticity).toBeCloseTo(beta, 9);
    r.expected.forEach((mu, k) => expect(mu / g.getEdgeAttribute(r.edges[k]!, 'weight')).toBeCloseTo(1, 9));
    r.excess.forEach((x) => expect(x).toBeCloseTo(1, 9));
    expect(r.deviance).toBeCloseTo(0, 6);
    expect(r.pseudoR2).toBeCloseTo(1, 9);
    expect([r.places, r.observations, r.zeroPairs]).toEqual([5, 20, 0]);
  });

  it('gravity agrees with an independent dummy-variable Poisson IRLS, zeros included, to 1e-6', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const n = PLACES.length;
      // Sparse counts: about a third of the pairs are zero, but every place sends and receives.
      const y = PLACES.map((_, i) => PLACES.map((_, j) => (i === j ? 0 : rng() < 0.35 ? 0 : Math.floor(1 + 40 * rng() * rng()))));
      for (let i = 0; i < n; i++) y[i]![(i + 1) % n] = Math.max(1, y[i]![(i + 1) % n]!);
      const reference = poissonIrls(
        y,
        PLACES.map((_, i) => PLACES.map((_, j) => (i === j ? 0 : lnd(i, j)))),
      );
      const edges: Array<[string, string, number]> = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (y[i]![j]! > 0) edges.push([PLACES[i]!.key, PLACES[j]!.key, y[i]![j]!]);
      const g = flowGraph(PLACES, edges);
      const r = gravity(g);
      expect(r.distanceElasticity!).toBeCloseTo(reference.beta, 6);
      expect(Math.abs(r.distanceElasticity! - reference.beta)).toBeLessThan(1e-6);
      const index = new Map(PLACES.map((p, i) => [p.key, i]));
      r.edges.forEach((edge, k) => {
        const mu = reference.mu[index.get(g.source(edge))!]![index.get(g.target(edge))!]!;
        expect(Math.abs(r.expected[k]! - mu) / mu).toBeLessThan(1e-6);
      });
      expect(r.zeroPairs).toBe(y.flat().filter((v, p) => v === 0 && p % (n + 1) !== 0).length);
    }
  });

  it('fitGravity balances every place: fitted totals equal observed ones; β ignores the unit of distance and of flow', () => {
    const rng = createRng(9);
    const n = 12;
    const y = new Float64Array(n * n);
    const logDistance = new Float64Array(n * n);
    const xy = Array.from({ length: n }, () => [rng() * 1000, rng() * 1000]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        logDistance[i * n + j] = Math.log(Math.hypot(xy[i]![0]! - xy[j]![0]!, xy[i]![1]! - xy[j]![1]!) + 1);
        y[i * n + j] = rng() < 0.5 ? 0 : Math.floor(100 * rng());
      }
    }
    const fit = fitGravity({ n, y, logDistance }, 50, 1e-12)!;
    for (let i = 0; i < n; i++) {
      let observed = 0;
      let fitted = 0;
      let observedIn = 0;
      let fittedIn = 0;
      for (let j = 0; j < n; j++) {
        observed += y[i * n + j]!;
        fitted += fit.mu[i * n + j]!;
        observedIn += y[j * n + i]!;
        fittedIn += fit.mu[j * n + i]!;
      }
      expect(fitted).toBeCloseTo(observed, 6);
      expect(fittedIn).toBeCloseTo(observedIn, 6);
    }
    const miles = fitGravity(
      { n, y, logDistance: logDistance.map((v, p) => (p % (n + 1) === 0 ? 0 : v + Math.log(0.621371))) },
      50,
      1e-12,
    )!;
    expect(miles.beta).toBeCloseTo(fit.beta, 9);
    const doubled = fitGravity({ n, y: y.map((v) => 2 * v), logDistance }, 50, 1e-12)!;
    expect(doubled.beta).toBeCloseTo(fit.beta, 9);
    expect(fit.deviance).toBeLessThan(fit.nullDeviance);
  });

  it('gravity leaves out places without coordinates, counts their flows, and writes expected and excess', () => {
    const g = flowGraph(
      [...PLACES, { key: 'Nowhere' }],
      [
        ['London', 'Paris', 50],
        ['Paris', 'London', 40],
        ['London', 'Berlin', 20],
        ['Berlin', 'Madrid', 5],
        ['Madrid', 'Rome', 9],
        ['Rome', 'London', 12],
        ['Paris', 'Rome', 7],
        ['Nowhere', 'London', 3],
      ],
    );
    const r = gravity.assign(g);
    expect(r.fitted).toBe(true);
    expect([r.places, r.observations, r.flowsWithoutCoordinates, r.zeroPairs]).toEqual([5, 20, 1, 13]);
    expect(g.getEdgeAttribute(g.edge('Nowhere', 'London')!, 'expected')).toBeNull();
    const lp = g.getEdgeAttributes(g.edge('London', 'Paris')!);
    expect(lp.excess).toBeCloseTo(50 / (lp.expected as number), 12);
    expect(r.pseudoR2!).toBeGreaterThan(0);
    expect(r.pseudoR2!).toBeLessThanOrEqual(1);
  });

  it('gravity does not fit too few places or more than maxPlaces, and says why', () => {
    const two = gravity(
      flowGraph(PLACES.slice(0, 2), [
        ['London', 'Paris', 3],
        ['Paris', 'London', 1],
      ]),
    );
    expect(two.fitted).toBe(false);
    expect(two.reason).toContain('too few');
    expect(Number.isNaN(two.expected[0]!)).toBe(true);
    const capped = gravity(flowGraph(PLACES, [['London', 'Paris', 3]]), { maxPlaces: 4 });
    expect(capped.fitted).toBe(false);
    expect(capped.reason).toContain('maxPlaces 4');
    expect(() => gravity(flowGraph(PLACES, []), { minDistance: 0 })).toThrow(OptionError);
  });
});
