/**
 * Worker that parses an analysis's files (parse-files.ts, step 1) off the page's thread: JSON,
 * CSV and Arrow parsing of a 50,000-flow analysis took seconds during which the page could
 * neither draw nor answer. The files arrive as bytes (transferred, not copied); the result goes
 * back with its typed arrays transferred.
 */
import type { AnalysisFiles } from './analysis.ts';
import { parseAnalysisFiles, transferables } from './parse-files.ts';

export type ParseRequest = Partial<Record<keyof AnalysisFiles, ArrayBuffer>>;

const decoder = new TextDecoder();

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  try {
    const bytes = event.data;
    const files = { 'graph.json': '' } as AnalysisFiles;
    for (const [name, buffer] of Object.entries(bytes) as [keyof AnalysisFiles, ArrayBuffer][]) {
      if (name === 'flows.arrow') files[name] = new Uint8Array(buffer);
      else files[name] = decoder.decode(buffer);
    }
    const parsed = parseAnalysisFiles(files);
    (self as unknown as Worker).postMessage({ parsed }, transferables(parsed));
  } catch (error) {
    const e = error as { name?: string; message?: string; file?: string };
    (self as unknown as Worker).postMessage({
      error: { name: e.name ?? 'Error', message: e.message ?? String(error), file: e.file ?? null },
    });
  }
};
