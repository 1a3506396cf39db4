// Connection paths: pick any two entities and a hop limit → up to three shortest paths, those
// made only of business relations (supplies, transfers, people, incubation) marked and listed
// first by the API. All paths are drawn; choosing one draws it alone. Exports to CSV.
import { connectionPath } from '../../api/queries.ts';
import type { ConnectionPath, ConnectionPaths, GraphNode, GraphView } from '../../api/types.ts';
import { KindIcon } from '../../graph/KindIcon.tsx';
import { displayName, relationName, type Lang } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { useApp } from '../../store/store.ts';
import { AnswerGraph } from '../answers/AnswerGraph.tsx';
import { AnswerHeader } from '../answers/AnswerHeader.tsx';
import { AnswerStatus } from '../answers/AnswerStatus.tsx';
import { EntityPicker } from '../answers/EntityPicker.tsx';
import { useAnswer } from '../answers/useAnswer.ts';
import { downloadCsv, fileStem, tableCsv } from '../export/export.ts';
import { go, intParam, param, useRoute } from '../nav/route.ts';

/** The API's bounds for maxHops. */
const MIN_HOPS = 1;
const MAX_HOPS = 8;
const DEFAULT_HOPS = 6;

function nameOf(nodes: ReadonlyMap<string, GraphNode>, id: string, lang: Lang): string {
  const node = nodes.get(id);
  return node ? displayName(node, lang) : id;
}

export function pathsCsv(answer: ConnectionPaths, lang: Lang): string {
  const nodes = new Map(answer.graph.nodes.map((n) => [n.id, n]));
  return tableCsv(
    ['path', 'length', 'business', 'node_ids', 'names', 'relations'],
    answer.paths.map((path, i) => [
      i + 1, path.length, path.business, path.nodeIds.join(' > '), path.nodeIds.map((id) => nameOf(nodes, id, lang)).join(' > '),
      path.edges.map((e) => `${e.source} ${e.type} ${e.target}`).join(' | '),
    ]),
  );
}

/** Only one path's nodes and edges, to draw it alone. */
function pathView(graph: GraphView, path: ConnectionPath): GraphView {
  const ids = new Set(path.nodeIds);
  const edges = new Set(path.edges.map((e) => e.id));
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => edges.has(e.id)),
    totalNodes: ids.size,
    totalIsLowerBound: false,
  };
}

function PathSteps({ path, nodes }: { path: ConnectionPath; nodes: ReadonlyMap<string, GraphNode> }) {
  const lang = useApp((s) => s.lang);
  return (
    <ol className="path-steps">
      {path.nodeIds.map((id, i) => {
        const node = nodes.get(id);
        const edge = path.edges[i];
        return (
          <li key={`${id}-${i}`}>
            <span className="path-steps__node">{node && <KindIcon kind={node.kind} size={12} />} {nameOf(nodes, id, lang)}</span>
            {edge && (
              <span className="path-steps__edge" data-type={edge.type}>
                {edge.source === id ? '↓' : '↑'} {relationName(edge.type, lang)}{edge.product ? ` (${edge.product})` : ''}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function PathPage() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { query } = useRoute();
  const p = {
    from: param(query, 'from'), to: param(query, 'to'), hops: intParam(query, 'hops', MIN_HOPS, MAX_HOPS, DEFAULT_HOPS),
    sel: query.has('sel') ? intParam(query, 'sel', 0, 2, -1) : -1,
  };
  const set = (patch: Partial<typeof p>, push = true) => go('path', { ...p, ...patch, sel: (patch.sel ?? -1) >= 0 ? patch.sel : null }, { push });
  const { from, to, hops } = p;
  const [answer, retry] = useAnswer(from && to ? `path:${from}:${to}:${hops}` : null, (signal) => connectionPath(from!, to!, hops, signal));
  const result = answer.status === 'ready' ? answer.value : null;
  const paths = result?.paths ?? [];
  const chosen = paths[p.sel] ?? null;
  const nodes = new Map(result?.graph.nodes.map((n) => [n.id, n]));
  const view = result ? (chosen ? pathView(result.graph, chosen) : result.graph) : null;

  return (
    <div className="answer" data-testid="path-view">
      <section className="answer__side">
        <AnswerHeader title="pathTitle" intro="pathIntro" />
        <div className="answer__form">
          <EntityPicker
            label={t('pathFrom')} kinds={[]} value={from ? [from] : []} placeholder={t('pickAny')}
            onChange={(ids) => set({ from: ids[0] ?? null })} testId="path-from"
          />
          <EntityPicker
            label={t('pathTo')} kinds={[]} value={to ? [to] : []} placeholder={t('pickAny')}
            onChange={(ids) => set({ to: ids[0] ?? null })} testId="path-to"
          />
          <div className="answer__row">
            <label className="answer-picker">
              <span className="answer-picker__label">{t('maxHops')}</span>
              <select value={hops} data-testid="path-hops" onChange={(e) => set({ hops: Number(e.target.value) })}>
                {Array.from({ length: MAX_HOPS - MIN_HOPS + 1 }, (_, i) => i + MIN_HOPS).map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
            <button type="button" data-testid="path-swap" disabled={!from && !to} onClick={() => set({ from: to, to: from })}>{t('swap')}</button>
          </div>
        </div>
        <div className="answer__toolbar">
          <span className="muted">{result ? t('pathsFound', { count: paths.length }) : ''}</span>
          {paths.length > 1 && (
            <button type="button" data-testid="path-all" disabled={!chosen} onClick={() => set({ sel: -1 }, false)}>{t('showAllPaths')}</button>
          )}
          <button
            type="button" data-testid="path-csv" disabled={!paths.length} title={t('exportListTitle')}
            onClick={() => result && downloadCsv(pathsCsv(result, lang), `${fileStem(`path-${from}-${to}`)}.csv`)}
          >
            {t('exportCsv')}
          </button>
        </div>
        <AnswerStatus answer={answer} retry={retry} idle="pathIdle" empty="pathEmpty" isEmpty={!paths.length} />
        <ol className="ranked" data-testid="path-list" role="listbox" aria-label={t('pathTitle')}>
          {paths.map((path, i) => (
            <li
              key={path.edges.map((e) => e.id).join(',')} role="option" aria-selected={i === p.sel} tabIndex={0}
              className={`ranked__row${i === p.sel ? ' active' : ''}`}
              data-testid="path-row" data-length={path.length} data-business={path.business} data-nodes={path.nodeIds.join(',')}
              onClick={() => set({ sel: i === p.sel ? -1 : i }, false)}
              onKeyDown={(e) => {
                if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  set({ sel: i === p.sel ? -1 : i }, false);
                }
              }}
            >
              <div className="ranked__head">
                <span className="ranked__rank">{i + 1}</span>
                <span className="ranked__name">{t('hops', { count: path.length })}</span>
                {path.business
                  ? <span className="badge badge--business" data-testid="path-business">{t('businessPath')}</span>
                  : <span className="badge">{t('otherPath')}</span>}
              </div>
              <PathSteps path={path} nodes={nodes} />
            </li>
          ))}
        </ol>
      </section>
      <section className="answer__graph">
        <AnswerGraph view={view} emptyText={t('pathGraphHint')} />
      </section>
    </div>
  );
}
