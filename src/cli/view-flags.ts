/**
 * The flags of `talentflow view`, described once: its parseArgs spec, the options of its help
 * and its option list in README.md are generated from {@link VIEW_FLAGS}.
 */
import type { Flag } from './flags.ts';

/** Defaults of `talentflow view`: `port` (5173, or the first free one above), `host` ('127.0.0.1'), `dir` ('out/calibrated'). */
export const VIEW_DEFAULTS = Object.freeze({ port: 5173, host: '127.0.0.1', dir: 'out/calibrated' });

export const VIEW_FLAGS: readonly Flag[] = [
  {
    name: 'port',
    value: 'n',
    type: 'integer in 0..65535',
    default: `${VIEW_DEFAULTS.port}, or the first free port above it`,
    help: 'port to listen on.',
  },
  {
    name: 'host',
    value: 'host',
    type: 'address',
    default: VIEW_DEFAULTS.host,
    help: 'address to listen on; any other than 127.0.0.1 exposes the folder to your network.',
  },
  { name: 'no-open', help: 'do not open a browser window.' },
  { name: 'help', short: 'h', help: 'this help.' },
];
