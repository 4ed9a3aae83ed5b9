import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { STYLE, layoutFor, toElements } from './graph-canvas';

// The real library, headless: it warns (and the test setup fails on a warning) about any style it cannot read.
describe('graph drawing with cytoscape', () => {
  it('accepts the style and the elements, lays the graph out apart, and skips edges to unknown nodes', () => {
    const nodes = [
      { id: 'e1', kind: 'entity', label: 'Ari' },
      { id: 'e2', kind: 'entity', label: 'Bo' },
      { id: 'l1', kind: 'location', label: 'Harbour' },
      { id: 's1', kind: 'story', label: 'The Siege' },
    ];
    const edges = [
      { source: 'e1', target: 'e2', kind: 'co_appearance', label: '', weight: 8 },
      { source: 'e1', target: 's1', kind: 'appears_in', label: '', weight: 1 },
      { source: 's1', target: 'l1', kind: 'located_at', label: '', weight: 1 },
      { source: 'e1', target: 'gone', kind: 'relationship', label: 'friend', weight: 1 },
    ];
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: toElements(nodes, edges), style: STYLE });
    cy.layout({ ...layoutFor(nodes), boundingBox: { x1: 0, y1: 0, w: 400, h: 300 } }).run();
    expect(cy.nodes()).toHaveLength(4);
    expect(cy.edges()).toHaveLength(3);
    const positions = cy.nodes().map((node) => node.position());
    positions.forEach((p) => expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true));
    expect(new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(4);
    expect(cy.getElementById('edge-0').data('width')).toBe(4);
    expect(cy.getElementById('entity:e1').data('node')).toEqual(nodes[0]);
    cy.destroy();
  });
});
