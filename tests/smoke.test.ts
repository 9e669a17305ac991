import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random.ts';

describe('createRng', () => {
  it('createRng reproduces the same stream for the same seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
