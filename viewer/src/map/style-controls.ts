/**
 * The "Map style" controls: clustering, flow opacity and width, flow shape, how many of the
 * largest flows go on top, label density and country names. They report a new MapStyle; the app
 * keeps it in the view state (and the URL) and hands it to the map, which redraws without
 * recomputing the selection.
 */
import { h, replace } from '../ui/dom.ts';
import { MAP_STYLE_DEFAULTS, type MapStyle } from './style.ts';

export class StyleControls {
  private style: MapStyle = { ...MAP_STYLE_DEFAULTS };

  constructor(
    private readonly root: HTMLElement,
    private readonly change: (style: MapStyle) => void,
  ) {}

  render(style: MapStyle): void {
    this.style = style;
    const set = (patch: Partial<MapStyle>) => this.change({ ...this.style, ...patch });
    const select = (id: string, value: string, options: [string, string][], onchange: (v: string) => void) =>
      h(
        'select',
        { id, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) },
        ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
      );
    const range = (id: string, value: number, min: number, max: number, step: number, onchange: (v: number) => void) =>
      h('input', {
        type: 'range',
        id,
        min,
        max,
        step,
        value,
        oninput: (e: Event) => onchange(Number((e.target as HTMLInputElement).value)),
      });
    const field = (label: string, control: HTMLElement, help: string) =>
      h('label', { class: 'field', title: help }, h('span', { class: 'field-label' }, label), control);
    replace(
      this.root,
      h('h2', {}, 'Map style'),
      field(
        'Cluster places',
        select(
          'style-cluster',
          style.cluster,
          [
            ['auto', 'Automatic (large analyses)'],
            ['on', 'On'],
            ['off', 'Off'],
          ],
          (v) => set({ cluster: v as MapStyle['cluster'] }),
        ),
        'Group nearby places by zoom and sum the flows between groups; click a group to zoom into it',
      ),
      field(
        'Flow opacity',
        range('style-opacity', style.opacity, 0.1, 2, 0.1, (v) => set({ opacity: v })),
        'Multiplies every flow’s opacity',
      ),
      field(
        'Flow width',
        range('style-width', style.width, 0.25, 3, 0.25, (v) => set({ width: v })),
        'Multiplies every flow’s width',
      ),
      field(
        'Flow shape',
        select(
          'style-flows',
          style.flows,
          [
            ['arrow', 'Curved arrows'],
            ['taper', 'Tapered (wide at the source)'],
          ],
          (v) => set({ flows: v as MapStyle['flows'] }),
        ),
        'Tapered flows narrow towards their destination instead of ending in an arrow head',
      ),
      field(
        'Largest flows on top',
        range('style-top', style.top, 0, 200, 10, (v) => set({ top: v })),
        'How many of the largest flows are drawn again above the places, so no disc hides them',
      ),
      field(
        'Most flows drawn',
        select(
          'style-most',
          String(style.most),
          [
            ['0', 'Automatic (1,000 / 3,000)'],
            ['500', '500'],
            ['1000', '1,000'],
            ['3000', '3,000'],
            ['10000', '10,000'],
            ['-1', 'All'],
          ],
          (v) => set({ most: Number(v) }),
        ),
        'Only the largest flows are drawn; automatic: 1,000 between clusters, 3,000 otherwise (the status line says how many are left out)',
      ),
      field(
        'Place labels',
        select(
          'style-labels',
          style.labels,
          [
            ['none', 'None'],
            ['few', 'Few'],
            ['normal', 'Normal'],
            ['many', 'Many'],
          ],
          (v) => set({ labels: v as MapStyle['labels'] }),
        ),
        'How densely place names are drawn',
      ),
      h(
        'label',
        { class: 'row' },
        h('input', {
          type: 'checkbox',
          id: 'style-countries',
          checked: style.countries,
          onchange: (e: Event) => set({ countries: (e.target as HTMLInputElement).checked }),
        }),
        'Country names',
      ),
    );
  }
}
