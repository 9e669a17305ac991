import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { nearestKeys } from '../../src/places/suggest.ts';
import { createRng } from '../../src/random.ts';

describe('nearestKeys', () => {
  it('nearestKeys ranks by edit distance, then weight, then name', () => {
    // shenzen → shenzhen: 1 insertion; → shenyang: 3 edits
    expect(nearestKeys('shenzen', [['shenyang', 'shenzhen', 'beijing']], 2, () => 0)).toEqual(['shenzhen', 'shenyang']);
    // "bath" and "path" are both 1 edit from "math": the heavier wins, then alphabetical order
    expect(nearestKeys('math', [['path', 'bath']], 2, (k) => (k === 'path' ? 10 : 1))).toEqual(['path', 'bath']);
    expect(nearestKeys('math', [['path', 'bath']], 2, () => 0)).toEqual(['bath', 'path']);
  });

  it('nearestKeys counts a key found in two pools once', () => {
    expect(nearestKeys('rome', [['rome', 'roma'], ['rome']], 3, () => 0)).toEqual(['rome', 'roma']);
  });

  it('nearestKeys finds the same distances as a brute-force scan (property check)', () => {
    const rng = createRng(3);
    const word = () => Array.from({ length: 2 + Math.floor(rng() * 10) }, () => 'abcdez '[Math.floor(rng() * 7)]).join('');
    const pool = Array.from({ length: 2000 }, word);
    for (let t = 0; t < 50; t++) {
      const q = word();
      const got = nearestKeys(q, [pool], 3, () => 0).map((k) => distance(q, k));
      const brute = [...new Set(pool)]
        .map((k) => distance(q, k))
        .sort((a, b) => a - b)
        .slice(0, 3);
      expect(got).toEqual(brute);
    }
  });
});
