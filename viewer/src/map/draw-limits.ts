/**
 * How much the map draws, and how: the flow and place counts past which it switches to cheaper
 * ways of drawing (measured with software WebGL in bench/viewer).
 */

/**
 * Above this many flows, flow hover is switched off: each mouse move tests the pointer against
 * every drawn curve (picking.ts), and past a few thousand flows they are too thin to aim at.
 */
export const EDGE_EVENTS_LIMIT = 8000;
/**
 * @sigma/edge-curve shades each flow's whole bounding box (length × curvature × length pixels,
 * growing with the square of the zoom) and solves the distance to the curve in every pixel. Its
 * exact curves are drawn while flows ÷ camera ratio stays under this budget; past it (many
 * flows, or zoomed in) the tessellated program, which shades only the stroke, draws the same curves.
 */
export const EXACT_CURVE_BUDGET = 500;
/**
 * Up to this many places, crowded discs are pushed apart at each zoom (dodge.ts). Beyond it the
 * relaxation and the redraw it needs after every zoom cost more than a frame.
 */
export const DODGE_PLACE_LIMIT = 1500;
/** ... and up to this many flows, since moving a place redraws every flow. */
export const DODGE_FLOW_LIMIT = 20000;
/**
 * Up to this many flows drawn (the report's top-5 figure draws 150), flows go above the discs:
 * the strongest flows are often short regional arcs (Guangzhou → Shenzhen) that discs would
 * hide. More flows above the discs would bury the places, so they stay beneath.
 */
export const FLOWS_ON_TOP_LIMIT = 400;

/**
 * Most flows drawn at a clustered zoom: the largest, as flowmap.gl's default top flows. Past a
 * few thousand, thin flows add a haze but cost a full software-WebGL redraw at every zoom step.
 */
export const CLUSTERED_FLOW_LIMIT = 1000;
/** Most flows drawn without clustering, by default (the map style's "Most flows drawn" changes both). */
export const PLAIN_FLOW_LIMIT = 3000;

/** Zoom levels either side of the current one whose cluster sums are computed ahead. */
export const PRECOMPUTE_REACH = 2;
