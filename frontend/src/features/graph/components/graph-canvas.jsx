import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDGE_STYLES, NODE_COLORS, NODE_SHAPES, nodeKey } from '../constants';

/** How nodes and edges are drawn (colour, shape and line come from each element's data). */
export const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(color)',
      shape: 'data(shape)',
      width: 22,
      height: 22,
      'font-size': 11,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 2,
      'text-wrap': 'ellipsis',
      'text-max-width': 120,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'line-style': 'data(line)',
      'curve-style': 'bezier',
      opacity: 0.8,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
];

/** The graph as cytoscape elements; each edge keeps its kind so filters can hide it. */
export function toElements(nodes, edges) {
  const keys = new Map(nodes.map((node) => [node.id, nodeKey(node.kind, node.id)]));
  return [
    ...nodes.map((node) => ({
      group: 'nodes',
      data: { id: nodeKey(node.kind, node.id), label: node.label, color: NODE_COLORS[node.kind] ?? '#6b7280', shape: NODE_SHAPES[node.kind] ?? 'ellipse', node },
    })),
    ...edges.filter((edge) => keys.has(edge.source) && keys.has(edge.target)).map((edge, index) => ({
      group: 'edges',
      data: {
        id: `edge-${index}`,
        source: keys.get(edge.source),
        target: keys.get(edge.target),
        kind: edge.kind,
        color: EDGE_STYLES[edge.kind]?.color ?? '#6b7280',
        line: EDGE_STYLES[edge.kind]?.line ?? 'solid',
        width: Math.min(6, 1 + Math.log2(Math.max(1, edge.weight ?? 1))),
      },
    })),
  ];
}

/** The force-directed layout; fewer rounds on big worlds keep the first drawing quick. */
export function layoutFor(nodes) {
  return { name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true, padding: 24, numIter: nodes.length > 300 ? 250 : 1000 };
}

/**
 * The drawing: cytoscape (loaded only when a graph is shown) with a force-directed layout; drag
 * to pan, wheel or pinch to zoom, buttons for keyboard users; a click on a node calls `onOpen(node)`.
 * Edges whose kind is in `hiddenKinds` are hidden without moving anything.
 */
export function GraphCanvas({ nodes, edges, hiddenKinds, onOpen }) {
  const { t } = useTranslation();
  const container = useRef(null);
  const cyRef = useRef(null);
  const openRef = useRef(onOpen);
  const [status, setStatus] = useState('loading');

  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    let cancelled = false;
    let cy = null;
    setStatus('loading');
    import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !container.current) return;
      cy = cytoscape({
        container: container.current,
        elements: toElements(nodes, edges),
        style: STYLE,
        layout: layoutFor(nodes),
        minZoom: 0.1,
        maxZoom: 4,
      });
      cy.on('tap', 'node', (event) => openRef.current?.(event.target.data('node')));
      cyRef.current = cy;
      setStatus('ready');
    }).catch(() => {
      if (!cancelled) setStatus('failed');
    });
    return () => {
      cancelled = true;
      cy?.destroy();
      cyRef.current = null;
    };
  }, [nodes, edges]);

  useEffect(() => {
    const cy = cyRef.current;
    if (status !== 'ready' || !cy) return;
    cy.edges().forEach((edge) => {
      edge.style('display', hiddenKinds.has(edge.data('kind')) ? 'none' : 'element');
    });
  }, [hiddenKinds, status]);

  const zoomBy = (factor) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <div className="relative">
      <div
        ref={container}
        className="h-[60vh] min-h-72 w-full rounded-box border border-base-300 bg-base-100"
        role="img"
        aria-label={t('graph.canvasLabel', { nodes: nodes.length, edges: edges.filter((edge) => !hiddenKinds.has(edge.kind)).length })}
        data-testid="graph-canvas"
        data-status={status}
      />
      {status === 'loading' && <p className="absolute inset-0 flex items-center justify-center text-sm text-base-content/60">{t('common.loading')}</p>}
      {status === 'failed' && <p role="alert" className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-error">{t('graph.loadFailed')}</p>}
      <div className="absolute end-2 top-2 flex flex-col gap-1" role="group" aria-label={t('graph.zoom')}>
        <button type="button" className="btn btn-sm btn-square" onClick={() => zoomBy(1.25)} aria-label={t('graph.zoomIn')} disabled={status !== 'ready'}>+</button>
        <button type="button" className="btn btn-sm btn-square" onClick={() => zoomBy(0.8)} aria-label={t('graph.zoomOut')} disabled={status !== 'ready'}>−</button>
        <button type="button" className="btn btn-sm btn-square" onClick={() => cyRef.current?.fit(undefined, 24)} aria-label={t('graph.fit')} disabled={status !== 'ready'}>⤢</button>
      </div>
    </div>
  );
}
