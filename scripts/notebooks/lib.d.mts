// Types of lib.mjs for the TypeScript tests that import it.
export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}
export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}
export const ROOT: string;
export const NOTEBOOKS_DIR: string;
export const CACHE_DIR: string;
export function denoBinary(): string;
export function jupyterEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function installKernel(): string;
export function jupyterAvailable(): Promise<boolean>;
export function listNotebooks(): string[];
export function executeNotebook(
  notebook: string,
  outFile: string,
  options?: { timeoutSeconds?: number; retries?: number },
): Promise<{ ok: boolean; stderr: string; ms: number }>;
export function ensureMapScript(): Promise<string>;
export function canonicalNotebook(nb: Notebook): Notebook;
export function stringifyNotebook(nb: Notebook): string;
export function comparableNotebook(nb: Notebook): unknown[];
export function firstDifference(committed: Notebook, fresh: Notebook): string | null;
export function errorOutputs(nb: Notebook): { cell: number; ename: string; evalue: string }[];
export function readNotebook(file: string): Notebook;
