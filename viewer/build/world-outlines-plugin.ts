/**
 * `import url from 'virtual:world-outlines/110m'` (or `/50m`): the URL of a JSON file holding
 * world-atlas's country outlines already projected for the basemap (src/map/world-outlines.ts),
 * written into the build as an asset of its own and served by `vite dev` from memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { worldOutlines } from '../src/map/world-outlines.ts';

const PREFIX = 'virtual:world-outlines/';
const RESOLVED = `\0${PREFIX}`;
const DEV_PATH = '/@world-outlines/';
const SCALES = new Set(['110m', '50m']);
const require = createRequire(import.meta.url);

const cache = new Map<string, string>();
function outlinesJson(scale: string): string {
  let json = cache.get(scale);
  if (json === undefined) {
    const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology;
    json = JSON.stringify(worldOutlines(topology));
    cache.set(scale, json);
  }
  return json;
}

export function worldOutlinesPlugin(): Plugin {
  let serving = false;
  return {
    name: 'talentflow-world-outlines',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id.startsWith(PREFIX) && SCALES.has(id.slice(PREFIX.length)) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const scale = id.slice(RESOLVED.length);
      if (serving) return `export default ${JSON.stringify(`${DEV_PATH}${scale}.json`)};`;
      const ref = this.emitFile({ type: 'asset', name: `world-outlines-${scale}.json`, source: outlinesJson(scale) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const scale = req.url?.startsWith(DEV_PATH) ? req.url.slice(DEV_PATH.length).replace(/\.json$/, '') : '';
        if (!SCALES.has(scale)) return next();
        res.setHeader('content-type', 'application/json');
        res.end(outlinesJson(scale));
      });
    },
  };
}
