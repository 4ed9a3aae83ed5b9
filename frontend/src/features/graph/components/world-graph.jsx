import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useGraph } from '../api/get-graph';
import { useAutoLinkStories } from '../api/auto-link-stories';
import { EDGE_KINDS, EDGE_STYLES, NODE_COLORS, NODE_KINDS, nodePath } from '../constants';
import { GraphCanvas } from './graph-canvas';
import { LoadingState } from '../../../components/ui/loading-state';
import { ErrorState } from '../../../components/ui/error-state';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';

function EdgeSwatch({ kind }) {
  const style = EDGE_STYLES[kind];
  return (
    <svg aria-hidden="true" width="28" height="8" className="shrink-0">
      <line x1="1" y1="4" x2="27" y2="4" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.line === 'dashed' ? '6 3' : style.line === 'dotted' ? '2 3' : undefined} />
    </svg>
  );
}

/** The edge kinds as checkboxes, each with its line as drawn: the filter and the legend in one. */
function EdgeFilter({ hidden, onToggle, counts }) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
      <legend className="mb-1 text-sm font-medium">{t('graph.edgeKinds')}</legend>
      {EDGE_KINDS.map((kind) => (
        <label key={kind} className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="checkbox checkbox-sm" checked={!hidden.has(kind)} onChange={() => onToggle(kind)} />
          <EdgeSwatch kind={kind} />
          {t(`graph.edges.${kind}`)} <span className="text-base-content/60">({counts[kind] ?? 0})</span>
        </label>
      ))}
    </fieldset>
  );
}

function NodeLegend() {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t('graph.legend')}>
      {NODE_KINDS.map((kind) => (
        <li key={kind} className="flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block h-3 w-3 ${kind === 'entity' ? 'rounded-full' : kind === 'location' ? 'rounded-sm' : 'rotate-45'}`} style={{ backgroundColor: NODE_COLORS[kind] }} />
          {t(`graph.nodes.${kind}`)}
        </li>
      ))}
    </ul>
  );
}

/** The graph as two tables (nodes and the edges shown), reachable by keyboard and screen readers. */
function GraphTables({ worldId, nodes, edges }) {
  const { t } = useTranslation();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const name = (id) => byId.get(id)?.label ?? id;
  return (
    <div className="flex flex-col gap-6">
      <div className="overflow-x-auto">
        <table className="table table-sm">
          <caption className="text-start font-semibold">{t('graph.nodesTable', { count: nodes.length })}</caption>
          <thead><tr><th>{t('graph.name')}</th><th>{t('graph.kind')}</th></tr></thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={`${node.kind}-${node.id}`}>
                <td><Link to={nodePath(worldId, node)} className="link link-hover">{node.label}</Link></td>
                <td>{t(`graph.nodes.${node.kind}`, { defaultValue: node.kind })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="table table-sm" data-testid="graph-edges-table">
          <caption className="text-start font-semibold">{t('graph.edgesTable', { count: edges.length })}</caption>
          <thead><tr><th>{t('graph.from')}</th><th>{t('graph.to')}</th><th>{t('graph.kind')}</th><th>{t('graph.weight')}</th></tr></thead>
          <tbody>
            {edges.map((edge, index) => (
              <tr key={`${edge.source}-${edge.target}-${edge.kind}-${index}`} data-kind={edge.kind}>
                <td>{name(edge.source)}</td>
                <td>{name(edge.target)}</td>
                <td>{t(`graph.edges.${edge.kind}`, { defaultValue: edge.kind })}{edge.label ? ` · ${edge.label}` : ''}</td>
                <td>{edge.weight ?? 1}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * A world's relationship graph: characters, places and stories joined by relationships,
 * co-appearances, appearances and locations. Filter by edge kind; a node opens its page; the
 * table view shows the same graph as lists.
 */
export function WorldGraph({ worldId, canEdit = false }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const relink = useAutoLinkStories({ onSuccess: (links) => notify(t('graph.relinked', { count: links.length })) });
  const navigate = useNavigate();
  const query = useGraph(worldId);
  const [hidden, setHidden] = useState(() => new Set());
  const [view, setView] = useState('graph');
  const onOpen = useCallback((node) => navigate(nodePath(worldId, node)), [navigate, worldId]);
  const graph = query.data;
  const counts = useMemo(() => {
    const out = {};
    (graph?.edges ?? []).forEach((edge) => { out[edge.kind] = (out[edge.kind] ?? 0) + 1; });
    return out;
  }, [graph]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  if (!graph.nodes.length) return <EmptyState title={t('graph.empty')} description={t('graph.emptyHint')} />;

  const toggle = (kind) => setHidden((old) => {
    const next = new Set(old);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    return next;
  });
  const shownEdges = graph.edges.filter((edge) => !hidden.has(edge.kind));

  return (
    <section className="flex flex-col gap-4" aria-labelledby="graph-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="graph-heading" className="text-xl font-bold">{t('graph.heading')}</h2>
        <div className="flex flex-wrap gap-2">
        {canEdit && (
          <button type="button" className="btn btn-sm" onClick={() => relink.mutate({ worldId })} disabled={relink.isPending}>
            {relink.isPending && <span className="loading loading-spinner loading-xs" aria-hidden="true" />}
            {t('graph.relink')}
          </button>
        )}
        <div className="join" role="group" aria-label={t('graph.view')}>
          {['graph', 'table'].map((mode) => (
            <button key={mode} type="button" className={`btn btn-sm join-item ${view === mode ? 'btn-active' : ''}`} aria-pressed={view === mode} onClick={() => setView(mode)}>
              {t(`graph.views.${mode}`)}
            </button>
          ))}
        </div>
        </div>
      </div>
      {relink.isError && <FormError error={relink.error} />}
      <EdgeFilter hidden={hidden} onToggle={toggle} counts={counts} />
      <NodeLegend />
      {view === 'graph' ? (
        <>
          <GraphCanvas nodes={graph.nodes} edges={graph.edges} hiddenKinds={hidden} onOpen={onOpen} />
          <p className="text-xs text-base-content/60">{t('graph.help')}</p>
        </>
      ) : (
        <GraphTables worldId={worldId} nodes={graph.nodes} edges={shownEdges} />
      )}
    </section>
  );
}
