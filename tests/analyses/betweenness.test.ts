import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.ts';
import { betweenness } from '../../src/analyses/betweenness.ts';
import { flowGraph } from './helpers.ts';

describe('betweenness', () => {
  it('betweenness on a directed path counts the pairs each inner place connects', () => {
    // A→B→C→D (weights irrelevant, single paths): B on A⇝C, A⇝D = 2; C on A⇝D, B⇝D = 2
    const g = flowGraph(['A', 'B', 'C', 'D'], [['A', 'B', 5], ['B', 'C', 1], ['C', 'D', 2]]);
    expect(betweenness(g, { normalized: false })).toEqual({ A: 0, B: 2, C: 2, D: 0 });
    // normalised: / ((4 − 1)(4 − 2)) = / 6
    const n = betweenness(g);
    expect(n.B).toBeCloseTo(2 / 6, 12);
  });

  it('betweenness treats a heavy flow as a short hop (distance = 1 / weight)', () => {
    // A→B 4, B→C 4: via B the length is 1/4 + 1/4 = 0.5; the direct A→C 1 has length 1.
    // So A⇝C goes through B: B = 1 (unnormalised), 1 / (2·1) = 0.5 normalised.
    // Read as distances, raw moves would make A→C (1) shorter than A→B→C (8) and B = 0.
    const g = flowGraph(['A', 'B', 'C'], [['A', 'B', 4], ['B', 'C', 4], ['A', 'C', 1]]);
    expect(betweenness(g, { normalized: false })).toEqual({ A: 0, B: 1, C: 0 });
    expect(betweenness(g).B).toBe(0.5);
    // A→B 2, B→C 2: 1/2 + 1/2 = 1 ties with A→C 1 → B on 1 of 2 shortest paths = 0.5
    const tie = flowGraph(['A', 'B', 'C'], [['A', 'B', 2], ['B', 'C', 2], ['A', 'C', 1]]);
    expect(betweenness(tie, { normalized: false }).B).toBe(0.5);
  });

  it('betweenness on a two-way star, with and without a strong shortcut', () => {
    // S ⇄ L1, L2, L3 (weight 4 each way): all 6 ordered leaf pairs go through S.
    const edges: Array<[string, string, number]> = [];
    for (const l of ['L1', 'L2', 'L3']) edges.push(['S', l, 4], [l, 'S', 4]);
    const star = flowGraph(['S', 'L1', 'L2', 'L3'], edges);
    expect(betweenness(star, { normalized: false }).S).toBe(6);
    expect(betweenness(star).S).toBe(1); // 6 / (3·2)
    // A weak shortcut L1→L2 (weight 1, length 1) loses to 1/4 + 1/4: S keeps 6
    const weak = flowGraph(['S', 'L1', 'L2', 'L3'], [...edges, ['L1', 'L2', 1]]);
    expect(betweenness(weak, { normalized: false }).S).toBe(6);
    // A strong one (weight 10, length 0.1) wins: S loses the pair L1⇝L2 → 5
    const strong = flowGraph(['S', 'L1', 'L2', 'L3'], [...edges, ['L1', 'L2', 10]]);
    expect(betweenness(strong, { normalized: false }).S).toBe(5);
  });

  it('betweenness ignores zero-weight edges, assigns, and validates options', () => {
    const g = flowGraph(['A', 'B', 'C'], [['A', 'B', 1], ['B', 'C', 1], ['A', 'C', 0]]);
    expect(betweenness(g, { normalized: false }).B).toBe(1);
    betweenness.assign(g);
    expect(g.getNodeAttribute('B', 'betweenness')).toBe(0.5);
    expect(() => betweenness(g, { normalized: 'yes' as never })).toThrow(OptionError);
  });
});
