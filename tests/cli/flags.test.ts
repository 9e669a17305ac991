import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_FLAGS, ANALYZE_FLAGS, parseAnalysisFlags } from '../../src/cli/analyze-flags.ts';
import { ANALYZE_HELP } from '../../src/cli/analyze.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { COMMAND_FLAGS, rewriteFlagLists } from '../../src/cli/flag-docs.ts';
import { type Flag, flagOf, flagSpec, flagsHelp, flagsMarkdown, shownDefault } from '../../src/cli/flags.ts';
import { IMPORT_HELP } from '../../src/cli/import.ts';
import { VIEW_HELP } from '../../src/cli/view.ts';
import { DEFAULTS as GRAPH_DEFAULTS } from '../../src/analyses/run-all.ts';
import { ANALYZE_DEFAULTS, ANALYZE_OPTION_CHECKS } from '../../src/pipeline/options.ts';
import { OptionError } from '../../src/errors.ts';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
};

describe('parseAnalysisFlags', () => {
  it('parseAnalysisFlags: no flag gives the library defaults, which analyzeGraph shares', () => {
    const parsed = parseAnalysisFlags({});
    for (const f of ANALYSIS_FLAGS) {
      expect(parsed[f.option], f.option).toEqual(ANALYZE_DEFAULTS[f.option]);
      if (f.option in GRAPH_DEFAULTS)
        expect(GRAPH_DEFAULTS[f.option as keyof typeof GRAPH_DEFAULTS], f.option).toEqual(ANALYZE_DEFAULTS[f.option]);
    }
    expect(parsed.stabilityRuns).toBe(20);
    expect(parsed.topMinWeight).toBe(100);
  });

  it('parseAnalysisFlags: flags are the kebab-case option names; --min-flow is still read; a bad value names the flag', () => {
    expect(flagOf('topMinWeight')).toBe('top-min-weight');
    for (const f of ANALYSIS_FLAGS) expect(f.name).toBe(flagOf(f.option));
    expect(parseAnalysisFlags({ 'top-min-weight': '7', 'top-k': '3', 'betweenness-max-flows': 'auto' })).toMatchObject({
      topMinWeight: 7,
      topK: 3,
      betweennessMaxFlows: 'auto',
    });
    expect(parseAnalysisFlags({ 'min-flow': '9' }).topMinWeight).toBe(9);
    const error = thrown(() => parseAnalysisFlags({ 'top-k': '0' }));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe('--top-k');
    expect((error as OptionError).value).toBe('0');
    expect(ANALYZE_HELP).toContain('--top-min-weight <n>');
    expect(ANALYZE_HELP).toContain('(default: 20)');
  });

  it('parseAnalysisFlags accepts a value exactly when the library accepts the number it stands for', () => {
    const raws = ['0', '1', '-1', '2.5', '0.05', '1e6', '4294967295', '4294967296', 'Infinity', 'auto', '', 'x'];
    for (const f of ANALYSIS_FLAGS) {
      for (const raw of raws) {
        const value = raw === 'auto' ? raw : raw === '' ? Number.NaN : Number(raw);
        const library = thrown(() => ANALYZE_OPTION_CHECKS[f.option](f.option, value));
        const cli = thrown(() => parseAnalysisFlags({ [f.name]: raw }));
        expect(cli === null, `${f.name} ${JSON.stringify(raw)}`).toBe(library === null);
        if (cli === null) expect(parseAnalysisFlags({ [f.name]: raw })[f.option]).toEqual(ANALYZE_OPTION_CHECKS[f.option](f.option, value));
      }
    }
    // 0 on a flow cap means no limit, as in the library.
    expect(parseAnalysisFlags({ 'stability-max-flows': '0', 'betweenness-max-flows': '0' })).toMatchObject({
      stabilityMaxFlows: Infinity,
      betweennessMaxFlows: Infinity,
    });
  });
});

/** The flags a help text lists: `  --name` or `  -h, --name` at the start of a line. */
const helpFlags = (help: string): string[] => [...help.matchAll(/^ {2}(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!);

describe('shownDefault', () => {
  it('groups numbers of 1,000 and more by thousands as en-US does, others as written', () => {
    expect(shownDefault(999)).toBe('999');
    expect(shownDefault(1000)).toBe('1,000');
    expect(shownDefault(250_000)).toBe('250,000');
    expect(shownDefault(1_234_567)).toBe('1,234,567');
    expect(shownDefault(0.05)).toBe('0.05');
    expect(shownDefault(1234.5678)).toBe('1,234.568');
    for (const n of [1e3, 12_345, 999_999, 1e6, 2 ** 40, Number.MAX_SAFE_INTEGER]) expect(shownDefault(n)).toBe(n.toLocaleString('en-US'));
    expect(shownDefault([2000, 2020])).toBe('2000-2020');
    expect(shownDefault(null)).toBe('none');
  });
});

describe('flag tables', () => {
  const helps: Record<string, string> = { analyze: ANALYZE_HELP, import: IMPORT_HELP, view: VIEW_HELP };

  it('flagsHelp: each command’s --help lists exactly the flags its parser reads, with each default', () => {
    for (const [command, flags] of Object.entries(COMMAND_FLAGS)) {
      const spec = flagSpec(flags);
      const aliases = flags.flatMap((f) => (f.alias ? [f.alias] : []));
      expect(helpFlags(helps[command]!), command).toEqual(Object.keys(spec).filter((name) => !aliases.includes(name)));
      // The help wraps lines; its text is the table's with Markdown marks dropped.
      const text = helps[command]!.replace(/\s+/g, ' ');
      for (const f of flags) {
        if (f.value !== undefined) expect(text, f.name).toContain(`(default: ${(f.default ?? 'none').replace(/`/g, '')})`);
      }
    }
  });

  it('flagSpec: every flag of a table parses (its earlier name too) and an unknown one is an OptionError', () => {
    for (const [command, flags] of Object.entries(COMMAND_FLAGS)) {
      for (const f of flags) {
        for (const name of [f.name, ...(f.alias ? [f.alias] : [])]) {
          const argv = f.value === undefined ? [`--${name}`] : [`--${name}`, '1'];
          expect(parseCommandLine(argv, flagSpec(flags), command).values[name], `${command} --${name}`).toBe(
            f.value === undefined ? true : '1',
          );
        }
      }
      expect(() => parseCommandLine(['--bogus'], flagSpec(flags), command)).toThrow(OptionError);
    }
  });

  it('flagsHelp and flagsMarkdown write a switch without a default and a valued flag with its type and default', () => {
    const flags: Flag[] = [
      { name: 'top-k', value: 'n', type: 'integer ≥ 1', default: '5', help: 'top `sources` per place.' },
      { name: 'quiet', help: 'no report.' },
    ];
    expect(flagsHelp(flags)).toBe('  --top-k <n>           top sources per place (default: 5).\n  --quiet               no report.');
    expect(flagsMarkdown(flags)).toBe('- `--top-k` _integer ≥ 1_ (5): top `sources` per place.\n- `--quiet` (off): no report.');
  });

  it("rewriteFlagLists: README.md's option lists are the flag tables' (npx tsx scripts/readme-flags.ts rewrites them)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(rewriteFlagLists(readme)).toBe(readme);
    expect(readme).toContain('- `--top-min-weight` _number ≥ 0_ (100):');
    expect(ANALYZE_FLAGS.length).toBeGreaterThan(30);
  });
});
