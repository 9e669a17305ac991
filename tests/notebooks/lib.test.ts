/**
 * The normal form of committed notebooks (scripts/notebooks/lib.mjs), without running a kernel:
 * volatile bits are dropped or ignored, real changes are caught.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalNotebook,
  comparableNotebook,
  errorOutputs,
  firstDifference,
  stringifyNotebook,
  type Notebook,
} from '../../scripts/notebooks/lib.mjs';

function notebook(overrides: { count?: number; text?: string; timing?: boolean; version?: string } = {}): Notebook {
  return {
    cells: [
      { cell_type: 'markdown', id: 'a', metadata: {}, source: '# Title\nWhat this shows.' },
      {
        cell_type: 'code',
        id: 'b',
        metadata: overrides.timing ? { execution: { 'iopub.status.busy': '2026-11-22T01:31:34.313Z' } } : {},
        execution_count: overrides.count ?? 1,
        source: ['console.log(1)\n', 'x'],
        outputs: [
          { output_type: 'stream', name: 'stdout', text: overrides.text ?? 'one\ntwo\n' },
          { output_type: 'execute_result', execution_count: overrides.count ?? 1, metadata: {}, data: { 'text/html': '<b>x</b>' } },
        ],
      },
    ],
    metadata: { kernelspec: { name: 'deno' }, language_info: { name: 'typescript', version: overrides.version ?? '5.9.2' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

describe('canonicalNotebook', () => {
  it('canonicalNotebook drops timings and the kernel language version and splits text into lines', () => {
    const c = canonicalNotebook(notebook({ timing: true }));
    expect(c.cells[1]!.metadata).toEqual({});
    expect((c.metadata.language_info as Record<string, unknown>).version).toBeUndefined();
    expect(c.cells[0]!.source).toEqual(['# Title\n', 'What this shows.']);
    expect(c.cells[1]!.outputs![0]!.text).toEqual(['one\n', 'two\n']);
  });

  it('canonicalNotebook serialises the same notebook to the same bytes', () => {
    expect(stringifyNotebook(canonicalNotebook(notebook({ timing: true, version: '6.0' })))).toBe(
      stringifyNotebook(canonicalNotebook(notebook({ version: '5.0' }))),
    );
    expect(stringifyNotebook(canonicalNotebook(notebook())).endsWith('}\n')).toBe(true);
  });
});

describe('firstDifference', () => {
  it('firstDifference ignores execution counts, timings and text line splitting', () => {
    const a = notebook({ count: 1 });
    const b = notebook({ count: 7, timing: true });
    b.cells[1]!.outputs![0]!.text = ['one\n', 'two\n'];
    expect(firstDifference(a, b)).toBeNull();
    expect(comparableNotebook(a)).toEqual(comparableNotebook(b));
  });

  it('firstDifference names the cell whose output changed', () => {
    const diff = firstDifference(notebook(), notebook({ text: 'one\nthree\n' }));
    expect(diff).toMatch(/^cell 1:/);
    expect(diff).toContain('three');
  });
});

describe('errorOutputs', () => {
  it('errorOutputs lists the cells that failed', () => {
    const nb = notebook();
    nb.cells[1]!.outputs!.push({ output_type: 'error', ename: 'TypeError', evalue: 'x is not a function' });
    expect(errorOutputs(nb)).toEqual([{ cell: 1, ename: 'TypeError', evalue: 'x is not a function' }]);
    expect(errorOutputs(notebook())).toEqual([]);
  });
});
