/**
 * The "targets vs achieved" section of README.md, written from the verification report so that
 * the README always shows what the committed sample achieves.
 */
import type { Check, SampleReport } from './verify.ts';
import { PUBLISHED_STOCK_TARGETS } from './targets.ts';

export const START = '<!-- targets:start (written by generate.ts) -->';
export const END = '<!-- targets:end -->';

const mark = (c: Check | undefined) => (c === undefined ? '?' : c.ok ? 'ok' : '**FAIL**');

/** Markdown tables of the checks: per-city stock figures, flows and structure, RAI in summary. */
export function targetTables(report: SampleReport): string {
  const byTarget = new Map(report.checks.map((c) => [c.target, c]));
  const get = (t: string) => byTarget.get(t);
  const out: string[] = [];
  out.push(`Seed ${report.seed}, scale ${report.scale}: ${report.rows.toLocaleString('en')} rows, ${report.researchers.toLocaleString('en')} researchers, ${report.activeResearchers.toLocaleString('en')} active in 2019–2023. ${report.checks.filter((c) => c.ok).length} of ${report.checks.length} checks pass (all of them are in \`targets.json\`).`);
  out.push('');
  out.push('| city | inflow ratio % target | achieved | young share % target | achieved | young growth score (report) | achieved | |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const city of Object.keys(PUBLISHED_STOCK_TARGETS)) {
    const cs = [get(`inflow ratio % ${city}`), get(`young active share % ${city}`), get(`young growth score ${city}`)];
    const ok = cs.every((c) => c?.ok) ? 'ok' : '**FAIL**';
    out.push(`| ${city} | ${cs.map((c) => `${c?.published} | ${c?.achieved}`).join(' | ')} | ${ok} |`);
  }
  out.push('');
  out.push('Tolerances: inflow ratio ±1.0 pp, young share ±1.5 pp, young growth score ±3 (min–max [60, 100] over the 30 metros).');
  out.push('');
  const rai = report.checks.filter((c) => c.target.startsWith('RAI '));
  const worst = rai.reduce((w, c) => {
    const d = Math.abs(Number(c.achieved) - Number(c.published));
    return d > w.d ? { d, c } : w;
  }, { d: -1, c: rai[0]! });
  out.push(`RAI: ${rai.filter((c) => c.ok).length} of ${rai.length} published cells (30 metros × 5 disciplines) within ±0.1; largest deviation ${worst.d.toFixed(2)} (${worst.c.target.slice(4)}: ${worst.c.published} → ${worst.c.achieved}).`);
  out.push('');
  out.push('| target | source | published | achieved | tolerance | |');
  out.push('|---|---|---|---|---|---|');
  const skip = /^(inflow ratio % |young active share % |young growth score |RAI )/;
  for (const c of report.checks) {
    if (skip.test(c.target) && !/of the (30|other)/.test(c.target)) continue;
    out.push(`| ${c.target} | ${c.source} | ${c.published} | ${c.achieved} | ${c.tolerance} | ${mark(c)} |`);
  }
  return out.join('\n');
}

/** README text with the section between the markers replaced by `tables`. */
export function replaceSection(readme: string, tables: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the targets markers');
  return `${readme.slice(0, a + START.length)}\n${tables}\n${readme.slice(b)}`;
}
