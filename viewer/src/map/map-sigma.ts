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
    // Sigma makes the flows' picking layer only when edge events are on at construction, and
    // never later: constructed off, flow hover never worked. Above EDGE_EVENTS_LIMIT flows the
    // picking pass is suspended instead (setEdgePicking).
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
 * Turns the flows' picking pass on or off. Sigma draws every flow a second time into its
 * picking buffer at each frame whenever the buffer exists, whatever `enableEdgeEvents` says;
 * on tens of thousands of flows with software WebGL that doubles each redraw, so past the
 * limit each edge program's picking program is set aside (sigma skips the pass when it is null).
 */
export function setEdgePicking(sigma: MapSigma, on: boolean): void {
  const programs = (sigma as unknown as { edgePrograms: Record<string, { pickProgram: unknown; shelvedPickProgram?: unknown }> })
    .edgePrograms;
  for (const program of Object.values(programs)) {
    if (on && program.pickProgram === null && program.shelvedPickProgram) {
      program.pickProgram = program.shelvedPickProgram;
      program.shelvedPickProgram = undefined;
    } else if (!on && program.pickProgram) {
      program.shelvedPickProgram = program.pickProgram;
      program.pickProgram = null;
    }
  }
}
