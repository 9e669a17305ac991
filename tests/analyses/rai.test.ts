import { describe, expect, it } from 'vitest';
import { OptionError, TalentFlowError } from '../../src/errors.ts';
import { rai, topDisciplines } from '../../src/analyses/rai.ts';
import { createRng } from '../../src/random.ts';
import { flowGraph, randomFlowGraph } from './helpers.ts';

// 2 × 2 by hand. X: Medicine 30, CS 10 (n_X = 40); Y: Medicine 20, CS 40 (n_Y = 60).
// World: Medicine 50, CS 50, N = 100 → shares 0.5, 0.5.
//   RAI(X, Med) = (30/40)/0.5 = 1.5     RAI(X, CS) = (10/40)/0.5 = 0.5
//   RAI(Y, Med) = (20/60)/0.5 = 2/3     RAI(Y, CS) = (40/60)/0.5 = 4/3
const stock2x2 = () =>
  flowGraph(
    [
      { key: 'X', byDiscipline: { Medicine: 30, CS: 10 } },
      { key: 'Y', byDiscipline: { Medicine: 20, CS: 40 } },
    ],
    [['X', 'Y', 3, { byDiscipline: { CS: 3 } }]],
  );
const value = (r: ReturnType<typeof rai>, place: string, discipline: string) =>
  r.cells.find((c) => c.place === place && c.discipline === discipline)?.rai;

describe('rai', () => {
  it('rai on a 2 × 2 stock example by hand', () => {
    const r = rai(stock2x2());
    expect(r.basis).toBe('stock'); // auto: nodes carry byDiscipline
    expect(r.places).toEqual(['X', 'Y']);
    expect(r.disciplines).toEqual(['CS', 'Medicine']); // equal shares: by name
    expect(value(r, 'X', 'Medicine')).toBeCloseTo(1.5, 12);
    expect(value(r, 'X', 'CS')).toBeCloseTo(0.5, 12);
    expect(value(r, 'Y', 'Medicine')).toBeCloseTo(2 / 3, 12);
    expect(value(r, 'Y', 'CS')).toBeCloseTo(4 / 3, 12);
    expect(r.cells.find((c) => c.place === 'Y' && c.discipline === 'CS')!.researchers).toBe(40);
    expect(r.worldShares).toEqual({ CS: 0.5, Medicine: 0.5 });
  });

  it('rai on the inflow basis sums in-edges by discipline', () => {
    // Into X: from A Medicine 30, CS 4; from B CS 6 → X Medicine 30, CS 10. Into Y: Medicine 20, CS 40.
    const g = flowGraph(
      ['X', 'Y', 'A', 'B'],
      [
        ['A', 'X', 34, { byDiscipline: { Medicine: 30, CS: 4 } }],
        ['B', 'X', 6, { byDiscipline: { CS: 6 } }],
        ['A', 'Y', 60, { byDiscipline: { Medicine: 20, CS: 40 } }],
      ],
    );
    const r = rai(g);
    expect(r.basis).toBe('inflow'); // auto: no node carries byDiscipline
    expect(value(r, 'X', 'Medicine')).toBeCloseTo(1.5, 12);
    expect(value(r, 'Y', 'CS')).toBeCloseTo(4 / 3, 12);
    expect(value(r, 'A', 'CS')).toBeNull(); // nothing flows into A
    // forcing the inflow basis on the stock graph reads the edge X→Y (CS 3): Y is all CS → RAI 1
    const f = rai(stock2x2(), { basis: 'inflow' });
    expect(f.basis).toBe('inflow');
    expect(value(f, 'Y', 'CS')).toBe(1);
  });

  it('rai against a reference world', () => {
    // shares Medicine 1/4, CS 3/4 (given as counts 100 : 300, plus an absent discipline 0)
    const r = rai(stock2x2(), { reference: { Medicine: 100, CS: 300, Physics: 0 } });
    expect(value(r, 'X', 'Medicine')).toBeCloseTo(0.75 / 0.25, 12); // 3
    expect(value(r, 'X', 'CS')).toBeCloseTo(0.25 / 0.75, 12);
    expect(r.disciplines).toEqual(['CS', 'Medicine']);
    expect(() => rai(stock2x2(), { reference: { Medicine: 1 } })).toThrow(OptionError); // CS missing
    expect(() => rai(stock2x2(), { reference: { Medicine: 0, CS: 0 } })).toThrow(OptionError);
    expect(() => rai(stock2x2(), { reference: { Medicine: -1, CS: 2 } })).toThrow(OptionError);
  });

  it('rai: Σ_x (n_x/N)·RAI(x, y) = 1 for every discipline on random graphs', () => {
    const disciplines = ['Medicine', 'Engineering', 'Computer Science', 'Physics', 'Neuroscience'];
    for (let seed = 1; seed <= 10; seed++) {
      const rng = createRng(seed);
      const g = randomFlowGraph(seed, 15, 0.3);
      g.forEachEdge((e) => {
        const by: Record<string, number> = {};
        for (const d of disciplines) if (rng() < 0.6) by[d] = 1 + Math.floor(rng() * 20);
        g.setEdgeAttribute(e, 'byDiscipline', by);
      });
      const r = rai(g, { basis: 'inflow' });
      const nx = new Map<string, number>();
      for (const c of r.cells) nx.set(c.place, (nx.get(c.place) ?? 0) + c.researchers);
      const N = [...nx.values()].reduce((a, b) => a + b, 0);
      for (const d of r.disciplines) {
        const s = r.cells.filter((c) => c.discipline === d && c.rai !== null).reduce((acc, c) => acc + (nx.get(c.place)! / N) * c.rai!, 0);
        expect(s).toBeCloseTo(1, 12);
      }
      // disciplines are ordered by world share
      const shares = r.disciplines.map((d) => r.worldShares![d]!);
      expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    }
  });

  it('rai without any discipline data is empty; bad counts and options throw', () => {
    const r = rai(flowGraph(['A', 'B'], [['A', 'B', 5]]));
    expect(r).toEqual({ basis: 'inflow', places: ['A', 'B'], disciplines: [], cells: [], worldShares: {} });
    expect(() => rai(flowGraph([{ key: 'A', byDiscipline: { CS: -2 } }], []))).toThrow(TalentFlowError);
    expect(() => rai(stock2x2(), { basis: 'moves' as never })).toThrow(OptionError);
  });
});

describe('topDisciplines', () => {
  it('topDisciplines lists each place’s largest disciplines with their RAI', () => {
    const t = topDisciplines(rai(stock2x2()), 1);
    expect(t.X!.map((c) => [c.discipline, c.researchers])).toEqual([['Medicine', 30]]);
    expect(t.Y![0]!.rai).toBeCloseTo(4 / 3, 12);
    expect(() => topDisciplines(rai(stock2x2()), 0)).toThrow(OptionError);
  });
});
