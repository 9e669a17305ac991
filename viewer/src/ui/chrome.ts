/**
 * The page's own controls around the map: opening a folder (button or drop), Copy link, the PNG
 * and CSV exports, and Escape to close the place card. The app says what each does; this file
 * only wires the elements to it.
 */
import { $ } from './dom.ts';

/** What the controls ask of the app. */
export interface ChromeActions {
  /** Opens the analysis in these files (a dropped or chosen folder). */
  open(files: Iterable<File>): Promise<void>;
  /** The page's URL with the current view, written to the address bar first. */
  link(): string;
  exportPng(): void;
  exportFlows(): void;
  exportPlaces(): void;
  /** Escape pressed outside a text field. */
  escape(): void;
}

export function bindChrome(actions: ChromeActions): void {
  const input = $<HTMLInputElement>('folder-input');
  $('open-folder').addEventListener('click', () => input.click());
  input.addEventListener('change', () => input.files && void actions.open(input.files));
  const drop = $('drop');
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.hidden = false;
  });
  drop.addEventListener('dragleave', () => (drop.hidden = true));
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.hidden = true;
    if (e.dataTransfer?.files.length) void actions.open(e.dataTransfer.files);
  });
  const copy = $('copy-link');
  copy.addEventListener('click', () => {
    const href = actions.link();
    void navigator.clipboard?.writeText(href).then(
      () => (copy.textContent = 'Link copied'),
      () => window.prompt('Copy this link:', href),
    );
    setTimeout(() => (copy.textContent = 'Copy link'), 2000);
  });
  $('export-png').addEventListener('click', () => actions.exportPng());
  $('export-flows').addEventListener('click', () => actions.exportFlows());
  $('export-places').addEventListener('click', () => actions.exportPlaces());
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) actions.escape();
  });
}
