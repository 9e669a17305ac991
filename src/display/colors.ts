/**
 * Colour scales of the figures.
 *
 * RAI (domain.md, "RAI"): the SET Index 2024 report colours its heatmap red above 1 (the place
 * specialises in the discipline), blue below 1 and grey around 1 (world average). The scale is
 * symmetric in log(RAI), so RAI 2 and RAI 0.5 are equally saturated.
 */
import { OptionError } from '../errors.ts';

/** Colours of the RAI scale: below 1, at 1, above 1 (ColorBrewer RdBu ends, neutral grey). */
export const RAI_COLORS = Object.freeze({ low: '#2166ac', neutral: '#d9d9d9', high: '#b2182b', missing: '#ffffff' });

/** Defaults of {@link raiColor}: `saturateAt` _number_ (2.5): RAI at (and 1/RAI below) which the colour is fully red (blue). */
export const RAI_COLOR_DEFAULTS: Readonly<{ saturateAt: number }> = Object.freeze({ saturateAt: 2.5 });

/** Categorical palette (Tableau 10) for communities and other classes; index modulo length. */
export const CATEGORY_COLORS: readonly string[] = Object.freeze([
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
]);

/** Colour of each stock-against-momentum quadrant: leaders red, risers orange, incumbents blue, laggards grey. */
export const QUADRANT_COLORS: Readonly<Record<'leader' | 'riser' | 'incumbent' | 'laggard', string>> = Object.freeze({
  leader: '#b2182b',
  riser: '#f28e2b',
  incumbent: '#4e79a7',
  laggard: '#9e9e9e',
});

/** Bar colours: positive values (gains), negative values (losses). */
export const SIGN_COLORS = Object.freeze({ positive: '#b2182b', negative: '#2166ac', neutral: '#4e79a7' });

/** Parses `#rrggbb` into [r, g, b] (0–255). */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new OptionError('color', hex, 'a colour as #rrggbb');
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Linear interpolation between two `#rrggbb` colours in RGB, `t` in [0, 1]. */
export function mixColors(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  return toHex(ca.map((c, i) => c + (cb[i]! - c) * t));
}

/**
 * Position of an RAI value on the diverging scale: t = clamp(ln(rai) / ln(saturateAt), −1, 1).
 * 0 at RAI 1, +1 at `saturateAt` and above, −1 at 1/`saturateAt` and below (and at RAI 0).
 * Returns null for null/NaN/negative input.
 *
 * @example
 * raiPosition(1); // 0
 * raiPosition(2.5); // 1
 * raiPosition(0.4); // -1
 */
export function raiPosition(rai: number | null | undefined, saturateAt = RAI_COLOR_DEFAULTS.saturateAt): number | null {
  if (!(saturateAt > 1) || !Number.isFinite(saturateAt)) {
    throw new OptionError('saturateAt', saturateAt, 'a finite number greater than 1');
  }
  if (rai === null || rai === undefined || Number.isNaN(rai) || rai < 0) return null;
  if (rai === 0) return -1;
  return Math.max(-1, Math.min(1, Math.log(rai) / Math.log(saturateAt)));
}

/**
 * Fill colour of an RAI value: grey at 1, towards red above 1 and towards blue below 1, linear in
 * ln(RAI) up to `saturateAt` (default 2.5); white when there is no value.
 *
 * @example
 * raiColor(1); // '#d9d9d9' (grey)
 * raiColor(2.5); // '#b2182b' (red)
 * raiColor(0.4); // '#2166ac' (blue)
 */
export function raiColor(rai: number | null | undefined, saturateAt = RAI_COLOR_DEFAULTS.saturateAt): string {
  const t = raiPosition(rai, saturateAt);
  if (t === null) return RAI_COLORS.missing;
  return t >= 0 ? mixColors(RAI_COLORS.neutral, RAI_COLORS.high, t) : mixColors(RAI_COLORS.neutral, RAI_COLORS.low, -t);
}

/** Black or white, whichever reads better on `background` (`#rrggbb`), by relative luminance. */
export function textColorOn(background: string): string {
  const [r, g, b] = parseHex(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.3 ? '#1a1a1a' : '#ffffff';
}

/** Colour of classes past the palette (and of no class), as the viewer draws them. */
export const OTHER_COLOR = '#9e9e9e';

/**
 * Colour of category `index` (a community id, 0 = largest): its own colour among the first
 * {@link CATEGORY_COLORS}.length, {@link OTHER_COLOR} after that and for no class (the viewer's rule).
 */
export function categoryColor(index: number | null | undefined): string {
  if (index === null || index === undefined || !Number.isInteger(index) || index < 0 || index >= CATEGORY_COLORS.length) return OTHER_COLOR;
  return CATEGORY_COLORS[index]!;
}
