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
  const sigma = new Sigma<RenderNodeAttributes, RenderEdgeAttributes>(empty, container, {
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
    // Off at construction: sigma then makes no picking buffer and no picking programs for the
    // flows (with them on it drew every flow a second time at each frame, a third of each
    // drawing with software WebGL). Flows under the pointer are found by their curves
    // (FlowMap.flowAt), and the setting is turned on for up to EDGE_EVENTS_LIMIT flows.
    enableEdgeEvents: false,
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
  // Never drawn on (no edge labels), yet cleared at every frame; without a GPU, each layer a
  // frame changed is read back when the frame is shown (~20 ms a layer here).
  showLayers(sigma, ['edgeLabels'], false);
  return sigma;
}

/** Shows or hides some of sigma's layers (a hidden layer is not composited, so not read back). */
export function showLayers(sigma: MapSigma, names: readonly string[], on: boolean): void {
  const canvases = sigma.getCanvases();
  for (const name of names) {
    const canvas = canvases[name];
    if (canvas && (canvas.style.display === 'none') === on) canvas.style.display = on ? '' : 'none';
  }
}
