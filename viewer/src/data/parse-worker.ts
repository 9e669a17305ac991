/**
 * Worker that parses an analysis's files (parse-files.ts, step 1) off the page's thread: JSON,
 * CSV and Arrow parsing of a 50,000-flow analysis took seconds during which the page could
 * neither draw nor answer. The files arrive as bytes (transferred, not copied); the result goes
 * back with its typed arrays transferred. flows.arrow may come on its own, after the rest: the
 * map is drawn without it (see load.ts).
 */
import { decodeFiles, type FileBytes, flowTransferables, parseAnalysisFiles, parseFlowStore, transferables } from './parse-files.ts';

export type ParseRequest = FileBytes;

/** Every file but flows.arrow (`flowsLater`: it is still on its way), or flows.arrow alone with graph.json's places. */
export type WorkerRequest = { files: ParseRequest; flowsLater: boolean } | { flows: ArrayBuffer; places: string[] };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const post = (message: unknown, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(message, transfer);
  try {
    const request = event.data;
    if ('flows' in request) {
      const arrival = parseFlowStore(new Uint8Array(request.flows), request.places);
      post({ parsed: arrival }, flowTransferables(arrival.flows));
      return;
    }
    const parsed = parseAnalysisFiles(decodeFiles(request.files), { flowsLater: request.flowsLater });
    post({ parsed }, transferables(parsed));
  } catch (error) {
    const e = error as { name?: string; message?: string; file?: string };
    post({ error: { name: e.name ?? 'Error', message: e.message ?? String(error), file: e.file ?? null } });
  }
};
