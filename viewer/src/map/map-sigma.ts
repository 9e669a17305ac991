/**
 * The map's sigma renderer: its programs and settings, and the switch for its flow-picking
 * pass. FlowMap (flow-map.ts) gives it the reducers that draw hover and selection emphasis.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';
import { NodePointProgram } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../render-graph.ts';
import { EdgeCurvedFlowProgram } from './edge-flow-program.ts';
import { drawLabel, FONT } from './place-labels.ts';

export type MapSigma = Sigma<RenderNodeAttributes, RenderEdgeAttributes>;

export interface Reducers {
  node(node: string, data: RenderNodeAttributes): Partial<NodeDisplayData>;
  edge(edge: string, data: RenderEdgeAttributes): Partial<RenderEdgeAttributes & { hidden: boolean }>;
}

/** Sigma on `container` with an empty graph (FlowMap.setGraph gives it the first). */
export function createMapSigma(container: HTMLElement, reducers: Reducers): MapSigma {
  const empty: RenderGraph = new Graph({ type: 'directed' });
  return new Sigma<RenderNodeAttributes, RenderEdgeAttributes>(empty, container, {
    defaultEdgeType: 'curvedArrow',
    edgeProgramClasses: {
      curvedArrow: EdgeCurvedArrowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
      curvedFlow: EdgeCurvedFlowProgram as unknown as EdgeProgramType<RenderNodeAttributes, RenderEdgeAttributes>,
    },
    // Discs as GL points (one vertex each) rather than sigma's default instanced quads: the
    // same picture, and far cheaper with software WebGL, where each instance has a fixed cost
    // (5,000 places: ~300 ms → ~20 ms a frame while panning, measured in bench/viewer).
    nodeProgramClasses: { circle: NodePointProgram as unknown as NodeProgramType<RenderNodeAttributes, RenderEdgeAttributes> },
    zIndex: true,
    renderEdgeLabels: false,
    // Sigma listens for flow hover only when edge events are on at construction: constructed
    // off, flow hover never worked. Its picking pass is shelved (shelveEdgePicking), and above
    // EDGE_EVENTS_LIMIT flows the setting is turned off.
    enableEdgeEvents: true,
    labelFont: FONT,
    labelSize: 12,
    labelWeight: '600',
    labelDensity: 0.5,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 7,
    minEdgeThickness: 0.8,
    defaultDrawNodeLabel: drawLabel,
    // Places and flows keep their pixel size when zooming: zooming in separates neighbours.
    zoomToSizeRatioFunction: () => 1,
    minCameraRatio: 0.01,
    maxCameraRatio: 2,
    stagePadding: 16,
    nodeReducer: reducers.node,
    edgeReducer: reducers.edge,
  });
}

/**
 * Sets aside each edge program's picking program, so that sigma skips its picking pass: it draws
 * every flow a second time into its picking buffer at each frame whenever the buffer exists,
 * whatever `enableEdgeEvents` says, and reads a pixel of it back at each mouse move. Flows under
 * the pointer are found by their geometry instead (FlowMap.flowAt, picking.ts).
 */
export function shelveEdgePicking(sigma: MapSigma): void {
  const programs = (sigma as unknown as { edgePrograms: Record<string, { pickProgram: unknown }> }).edgePrograms;
  for (const program of Object.values(programs)) program.pickProgram = null;
}
