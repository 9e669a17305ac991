/**
 * Worker that parses an analysis's files (parse-files.ts, step 1) off the page's thread: JSON,
 * CSV and Arrow parsing of a 50,000-flow analysis took seconds during which the page could
 * neither draw nor answer. The files arrive as bytes (transferred, not copied); the result goes
 * back with its typed arrays transferred. Two workers share an opening (see load.ts): one reads
 * graph.json, the other the tables. flows.arrow may come on its own, after the rest: the map is
 * drawn without it.
 */
import {
  decodeFiles,
  type FileBytes,
  flowTransferables,
  parseFlowStore,
  parseGraphFiles,
  parseTableFiles,
  transferables,
} from './parse-files.ts';

export type ParseRequest = FileBytes;

/**
 * One half's files to parse (`half`: graph.json's part or the tables'; `flowsLater`: flows.arrow
 * is still on its way), or flows.arrow alone with graph.json's places.
 */
export type WorkerRequest =
  | { files: ParseRequest; flowsLater: boolean; half: 'graph' | 'tables' }
  | { flows: ArrayBuffer; places: string[] };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const post = (message: unknown, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(message, transfer);
  try {
    const request = event.data;
    if ('flows' in request) {
      const arrival = parseFlowStore(new Uint8Array(request.flows), request.places);
      post({ parsed: arrival }, flowTransferables(arrival.flows));
      return;
    }
    const files = decodeFiles(request.files);
    const parsed = request.half === 'tables' ? parseTableFiles(files) : parseGraphFiles(files, { flowsLater: request.flowsLater });
    post({ parsed }, transferables(parsed));
  } catch (error) {
    const e = error as { name?: string; message?: string; file?: string };
    post({ error: { name: e.name ?? 'Error', message: e.message ?? String(error), file: e.file ?? null } });
  }
};
