/**
 * The map's look, set by the "Map style" controls and kept in the URL as one `style` parameter
 * (only the values that differ from the defaults, e.g. `style=opacity:0.5,flows:taper`).
 */

/** Clustering by zoom (clusters.ts): 'auto' above the dodging limits, where places are too many to push apart one by one. */
export type ClusterMode = 'auto' | 'on' | 'off';
export type FlowShape = 'arrow' | 'taper';
export type LabelDensity = 'none' | 'few' | 'normal' | 'many';

export interface MapStyle {
  /** Clustering by zoom: auto (above the dodging limits), on or off. */
  cluster: ClusterMode;
  /** Multiplies every flow's opacity (0.1–2; 1 is the default look). */
  opacity: number;
  /** Multiplies every flow's width (0.25–3). */
  width: number;
  /** Place labels: how many sigma's label grid keeps. */
  labels: LabelDensity;
  /** Arrows, or tapered flows (wide at the source, narrow at the destination, no head). */
  flows: FlowShape;
  /** How many of the largest flows are drawn again above the discs (strong-flows.ts). */
  top: number;
  /** Country names on the basemap. */
  countries: boolean;
  /** Most flows drawn, the largest: 0 automatic (1,000 between clusters, 3,000 otherwise), −1 all. */
  most: number;
}

export const MAP_STYLE_DEFAULTS: Readonly<MapStyle> = Object.freeze({
  cluster: 'auto',
  opacity: 1,
  width: 1,
  labels: 'normal',
  flows: 'arrow',
  top: 40,
  countries: true,
  most: 0,
});

/** sigma's labelDensity for each setting (0: no labels). */
export const LABEL_DENSITY: Readonly<Record<LabelDensity, number>> = Object.freeze({ none: 0, few: 0.2, normal: 0.5, many: 1.5 });

const RANGES = { opacity: [0.1, 2], width: [0.25, 3], top: [0, 200], most: [-1, 1e6] } as const;
const CHOICES = { cluster: ['auto', 'on', 'off'], labels: ['none', 'few', 'normal', 'many'], flows: ['arrow', 'taper'] } as const;

/**
 * The `style` URL value of a map style ('' for the defaults).
 *
 * @example styleToParam({ ...MAP_STYLE_DEFAULTS, opacity: 0.5, flows: 'taper' }) // 'opacity:0.5,flows:taper'
 */
export function styleToParam(style: MapStyle): string {
  const parts: string[] = [];
  for (const key of Object.keys(MAP_STYLE_DEFAULTS) as (keyof MapStyle)[]) {
    const v = style[key];
    if (v !== MAP_STYLE_DEFAULTS[key]) parts.push(`${key}:${typeof v === 'boolean' ? (v ? 'on' : 'off') : v}`);
  }
  return parts.join(',');
}

/**
 * Reads a `style` URL value; unreadable parts keep their default and are returned as problems.
 *
 * @example paramToStyle('opacity:0.5,flows:taper').style.flows // 'taper'
 */
export function paramToStyle(value: string): { style: MapStyle; problems: string[] } {
  const style: MapStyle = { ...MAP_STYLE_DEFAULTS };
  const problems: string[] = [];
  for (const part of value.split(',').filter(Boolean)) {
    const [key, v = ''] = part.split(':');
    if (key === 'opacity' || key === 'width' || key === 'top' || key === 'most') {
      const n = Number(v);
      const [lo, hi] = RANGES[key];
      if (v !== '' && Number.isFinite(n) && n >= lo && n <= hi) style[key] = key === 'top' || key === 'most' ? Math.round(n) : n;
      else problems.push(`${key}:${v} (expected a number from ${lo} to ${hi})`);
    } else if (key === 'cluster' || key === 'labels' || key === 'flows') {
      if ((CHOICES[key] as readonly string[]).includes(v)) (style as unknown as Record<string, string>)[key] = v;
      else problems.push(`${key}:${v} (expected ${CHOICES[key].join(', ')})`);
    } else if (key === 'countries' && (v === 'on' || v === 'off')) style.countries = v === 'on';
    else problems.push(`${part} (expected cluster, opacity, width, labels, flows, top, countries or most)`);
  }
  return { style, problems };
}
