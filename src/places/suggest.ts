/**
 * Nearest known names for an unknown one, so that a failed lookup can say "did you mean …".
 */
import { distance } from 'fastest-levenshtein';

type Bucketed = Map<number, string[]>;

const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/**
 * The writing system of a name: that of its first letter (`Latin`, `Han`, `Kana`, `Hangul`,
 * `Cyrillic`, `Arabic` ...; `Other` for the rest). Suggestions compare a name with names of its
 * own script only: 北京 is nearer to 南京 than to "Aba" in no useful sense.
 *
 * @example scriptOf('москва') // 'Cyrillic'
 */
export function scriptOf(key: string): string {
  const first = /\p{L}/u.exec(key)?.[0];
  if (!first) return 'Other';
  for (const [name, re] of SCRIPTS) if (re.test(first)) return name;
  return 'Other';
}

// Pools are the gazetteer's own (stable) arrays: bucket each by script and key length once.
const buckets = new WeakMap<readonly string[], Map<string, Bucketed>>();

function byLength(pool: readonly string[], script: string): Bucketed {
  let perScript = buckets.get(pool);
  if (!perScript) {
    perScript = new Map();
    for (const key of pool) {
      const s = scriptOf(key);
      let bucketed = perScript.get(s);
      if (!bucketed) perScript.set(s, (bucketed = new Map()));
      const list = bucketed.get(key.length);
      if (list) list.push(key);
      else bucketed.set(key.length, [key]);
    }
    buckets.set(pool, perScript);
  }
  return perScript.get(script) ?? new Map();
}

interface Scored {
  key: string;
  d: number;
  w: number;
}

/** Queries longer than this get no suggestions. */
export const MAX_QUERY_LENGTH = 200;

const worse = (a: Scored, b: Scored): boolean => a.d > b.d || (a.d === b.d && (a.w < b.w || (a.w === b.w && a.key > b.key)));

/**
 * The `limit` keys nearest to `query` by Levenshtein distance (edits of one character) among
 * the keys of its script ({@link scriptOf}), best first; ties go to the larger `weight` (e.g. population), then alphabetical order. Keys
 * repeated across pools count once. Keys are visited by length, nearest length first, and the
 * search stops once the length difference alone exceeds the `limit`-th best distance (a
 * lower bound of the edit distance), which keeps a search over the whole gazetteer (~120,000
 * names) to a few milliseconds.
 *
 * @example nearestKeys('shenzen', [['shenzhen', 'shanghai', 'zhengzhou']], 1, () => 0) // ['shenzhen']
 */
export function nearestKeys(query: string, pools: Iterable<readonly string[]>, limit: number, weight: (key: string) => number): string[] {
  // No place name is this long: a longer query is a broken cell (a whole record, a 1 MB field),
  // and comparing it with every name would take minutes.
  if (query.length > MAX_QUERY_LENGTH) return [];
  const best: Scored[] = [];
  const bound = (): number => (best.length < limit ? Infinity : best[best.length - 1]!.d);
  const consider = (key: string): void => {
    const d = distance(query, key);
    if (d > bound() || best.some((e) => e.key === key)) return;
    const entry = { key, d, w: weight(key) };
    if (best.length === limit && !worse(best[best.length - 1]!, entry)) return;
    let i = best.length;
    while (i > 0 && worse(best[i - 1]!, entry)) i--;
    best.splice(i, 0, entry);
    if (best.length > limit) best.pop();
  };
  const script = scriptOf(query);
  const bucketed = [...pools].map((pool) => byLength(pool, script));
  const longest = Math.max(0, ...bucketed.flatMap((b) => [...b.keys()]));
  for (let offset = 0; offset <= Math.max(query.length, longest) && offset <= bound(); offset++) {
    for (const length of offset === 0 ? [query.length] : [query.length - offset, query.length + offset]) {
      for (const pool of bucketed) for (const key of pool.get(length) ?? []) consider(key);
    }
  }
  return best.map((e) => e.key);
}
