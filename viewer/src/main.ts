/**
 * Entry point of the browser viewer. `window.talentflow` exposes the running app for scripted
 * use (the browser tests and the benchmark read the flows drawn and the timings through it).
 */
import './style.css';
import './panels.css';
import { App } from './app.ts';
import { prefetchBasemap } from './map/basemap.ts';

void prefetchBasemap();

declare global {
  interface Window {
    talentflow: {
      app: App;
      ready: Promise<void>;
      drawnFlows(): [string, string, number][];
      nodeViewport(place: string): { x: number; y: number } | null;
    };
  }
}

const app = new App();
const ready = app.start();
window.talentflow = {
  app,
  ready,
  drawnFlows: () => app.map?.drawnFlows() ?? [],
  nodeViewport: (place) => app.map?.nodeViewport(place) ?? null,
};
void ready.then(() => (document.body.dataset['ready'] = 'true'));
