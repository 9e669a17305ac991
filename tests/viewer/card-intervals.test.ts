import { describe, expect, it } from 'vitest';
import { readIntervals } from '../../viewer/src/data/analysis.ts';
import { intervalNote } from '../../viewer/src/measures.ts';

const CSV = [
  'place,label,measure,discipline,estimate,low,high,level,replicates,above_next,distinguishable',
  'Shenzhen,Shenzhen,net_inflow,,450,395.15,498.05,0.9,200,,true',
  'Daejeon,Daejeon,net_inflow,,3,-4.1,9,0.9,200,,false',
  'Shenzhen,Shenzhen,inflow_ratio,,0.239,0.226,0.254,0.9,200,,true',
  'Shenzhen,Shenzhen,pagerank_rank,,8,6,8,0.9,200,1,true',
  'Paris,Paris,pagerank_rank,,6,6,8,0.9,200,0.63,false',
  'Shenzhen,Shenzhen,rai,Computer Science,2.2,1.9,2.5,0.9,200,,true',
  '',
].join('\n');

describe('readIntervals', () => {
  it('readIntervals keeps the place measures of intervals.csv by place and measure, RAI rows aside', () => {
    const intervals = readIntervals(CSV);
    expect([...intervals.get('Shenzhen')!.keys()].sort()).toEqual(['inflow_ratio', 'net_inflow', 'pagerank_rank']);
    expect(intervals.get('Daejeon')!.get('net_inflow')!['distinguishable']).toBe('false');
  });
});

describe('intervalNote', () => {
  it('intervalNote says the interval beside a card field and marks what is not told apart', () => {
    const intervals = readIntervals(CSV);
    expect(intervalNote(intervals.get('Shenzhen')!.get('net_inflow'), 'net_inflow', 'signed')).toBe('90 %: +395 to +498');
    expect(intervalNote(intervals.get('Daejeon')!.get('net_inflow'), 'net_inflow', 'signed')).toBe(
      '90 %: −4 to +9 · not distinguishable from 0',
    );
    expect(intervalNote(intervals.get('Shenzhen')!.get('inflow_ratio'), 'inflow_ratio', 'share')).toMatch(/^90 %: 22\.6\s?% to 25\.4\s?%$/);
    expect(intervalNote(intervals.get('Shenzhen')!.get('pagerank_rank'), 'pagerank', 'score')).toBe('rank 8, 90 %: 6–8');
    expect(intervalNote(intervals.get('Paris')!.get('pagerank_rank'), 'pagerank', 'score')).toBe('rank 6, 90 %: 6–8 · ≈ next');
    expect(intervalNote(undefined, 'net_inflow', 'signed')).toBeNull();
    expect(intervalNote(intervals.get('Shenzhen')!.get('net_inflow'), 'stock', 'integer')).toBeNull();
  });
});
