/**
 * Curved flow arrows for large selections: the same curve as @sigma/edge-curve (a quadratic
 * Bézier from source to target whose control point sits `curvature × length` to the left of
 * the chord, so A→B and B→A bend to opposite sides), drawn as a tessellated triangle strip
 * ending in an arrow head.
 *
 * Why a second program: @sigma/edge-curve shades a bounding box of length × curvature × length
 * pixels per edge and solves the distance to the curve in every pixel. That is exact and fine
 * on a GPU, but with software WebGL it costs seconds per frame at 50,000 flows. A strip covers
 * only length × thickness pixels with a trivial fragment shader. The viewer uses edge-curve up
 * to a few thousand flows and this program above (same attributes, same geometry).
 */
import { EdgeProgram } from 'sigma/rendering';
import type { ProgramInfo } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

/** Segments of the curve body: smooth at the usual curvature, and few vertices per flow. */
export const FLOW_SEGMENTS = 12;
/** Arrow head length and width, in multiples of the flow thickness (edge-curve's defaults). */
const HEAD_LENGTH = 2.5;
const HEAD_WIDTH = 2;

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_source;
attribute vec2 a_target;
attribute float a_targetSize;
attribute float a_thickness;
attribute float a_curvature;
attribute float a_t;
attribute float a_side;
attribute float a_kind;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform vec2 u_dimensions;
uniform float u_minEdgeThickness;
uniform float u_feather;
uniform float u_taper;

varying vec4 v_color;
varying float v_offset;
varying float v_halfWidth;
varying float v_feather;

const float bias = 255.0 / 254.0;

vec2 toViewport(vec2 clip) {
  return vec2((clip.x + 1.0) * u_dimensions.x / 2.0, (clip.y + 1.0) * u_dimensions.y / 2.0);
}

void main() {
  vec2 s = toViewport((u_matrix * vec3(a_source, 1.0)).xy);
  vec2 e = toViewport((u_matrix * vec3(a_target, 1.0)).xy);
  vec2 delta = e - s;
  float len = max(length(delta), 1e-6);
  vec2 unitNormal = vec2(-delta.y, delta.x) / len;
  vec2 c = 0.5 * (s + e) + unitNormal * len * a_curvature;

  float thickness = max(u_minEdgeThickness, a_thickness / u_sizeRatio) * u_pixelRatio;
  float targetRadius = a_targetSize * u_pixelRatio / u_sizeRatio;
  // Arc length as strong-flows.ts's arcLength estimates it ((2 chord + control polygon) / 3; the
  // polygon is len * sqrt(1 + 4 k^2) here), so every layer puts the head at the same point of the rim.
  float arc = len * (2.0 + sqrt(1.0 + 4.0 * a_curvature * a_curvature)) / 3.0;
  float tTip = clamp(1.0 - targetRadius / arc, 0.0, 1.0);
  float tBase = clamp(tTip - HEAD_LENGTH * thickness / arc, 0.0, tTip);

  float t = a_kind < 0.5 ? a_t * tBase : (a_kind < 1.5 ? tBase : tTip);
  float halfWidth = a_kind < 0.5 ? thickness / 2.0 : (a_kind < 1.5 ? thickness * HEAD_WIDTH / 2.0 : 0.0);
  if (u_taper > 0.5) {
    // Tapered: the body runs to the rim, from 1.8× the width at the source to a point; no head.
    t = a_kind < 0.5 ? a_t * tTip : tTip;
    halfWidth = a_kind < 0.5 ? thickness * 0.9 * (1.0 - a_t) + 0.25 : 0.0;
  }

  float u = 1.0 - t;
  vec2 p = u * u * s + 2.0 * u * t * c + t * t * e;
  vec2 tangent = 2.0 * u * (c - s) + 2.0 * t * (e - c);
  float tl = length(tangent);
  vec2 n = tl > 0.0 ? vec2(-tangent.y, tangent.x) / tl : unitNormal;

  float feather = u_feather * 0.5;
  float offset = a_side * (halfWidth + feather);
  vec2 position = p + n * offset;
  gl_Position = vec4(position.x / u_dimensions.x * 2.0 - 1.0, position.y / u_dimensions.y * 2.0 - 1.0, 0.0, 1.0);

  v_offset = offset;
  v_halfWidth = halfWidth;
  v_feather = feather;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`
  .replace('HEAD_LENGTH', HEAD_LENGTH.toFixed(1))
  .replace('HEAD_WIDTH', HEAD_WIDTH.toFixed(1));

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_offset;
varying float v_halfWidth;
varying float v_feather;

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  // Colours arrive premultiplied (see premultiply in scales.ts), so scaling by coverage is exact.
  // Soft edge across the width (the head's sides are left crisp).
  float d = abs(v_offset) - v_halfWidth;
  float alpha = v_halfWidth > 0.0 ? 1.0 - smoothstep(0.0, v_feather, d) : 1.0;
  gl_FragColor = v_color * alpha;
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = ['u_matrix', 'u_sizeRatio', 'u_dimensions', 'u_pixelRatio', 'u_feather', 'u_minEdgeThickness', 'u_taper'] as const;

/** The flow shape every instance of the program draws (the map style's "Flow shape"). */
export const FLOW_SHAPE = { taper: false };

/** [t, side, kind] per strip vertex: the body, then the head's base, then its tip. */
function stripData(segments: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i <= segments; i++) rows.push([i / segments, -1, 0], [i / segments, 1, 0]);
  rows.push([1, -1, 1], [1, 1, 1], [1, -1, 2], [1, 1, 2]);
  return rows;
}

export class EdgeCurvedFlowProgram extends EdgeProgram<(typeof UNIFORMS)[number]> {
  getDefinition() {
    const data = stripData(FLOW_SEGMENTS);
    return {
      VERTICES: data.length,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.TRIANGLE_STRIP,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_source', size: 2, type: FLOAT },
        { name: 'a_target', size: 2, type: FLOAT },
        { name: 'a_targetSize', size: 1, type: FLOAT },
        { name: 'a_thickness', size: 1, type: FLOAT },
        { name: 'a_curvature', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [
        { name: 'a_t', size: 1, type: FLOAT },
        { name: 'a_side', size: 1, type: FLOAT },
        { name: 'a_kind', size: 1, type: FLOAT },
      ],
      CONSTANT_DATA: data,
    };
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    const array = this.array;
    const curvature = (data as EdgeDisplayData & { curvature?: number }).curvature;
    array[startIndex++] = sourceData.x;
    array[startIndex++] = sourceData.y;
    array[startIndex++] = targetData.x;
    array[startIndex++] = targetData.y;
    array[startIndex++] = targetData.size;
    array[startIndex++] = data.size || 1;
    array[startIndex++] = typeof curvature === 'number' ? curvature : 0.25;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = edgeIndex;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
    const { u_matrix, u_pixelRatio, u_feather, u_sizeRatio, u_dimensions, u_minEdgeThickness, u_taper } = uniformLocations;
    gl.uniform1f(u_taper!, FLOW_SHAPE.taper ? 1 : 0);
    gl.uniformMatrix3fv(u_matrix!, false, params.matrix);
    gl.uniform1f(u_pixelRatio!, params.pixelRatio);
    gl.uniform1f(u_sizeRatio!, params.sizeRatio);
    gl.uniform1f(u_feather!, params.antiAliasingFeather);
    gl.uniform2f(u_dimensions!, params.width * params.pixelRatio, params.height * params.pixelRatio);
    gl.uniform1f(u_minEdgeThickness!, params.minEdgeThickness);
  }
}
