/**
 * Sync: every connector with its health (query `connectors`, subscription
 * `connectorStatusChanged`), each one's latest runs with progress and counts (query `syncRuns`,
 * subscription `syncRunUpdated`) and its open conflicts with a resolve action (query
 * `syncConflicts`, mutation `resolveConflict`, ADMIN only).
 */
import { useEffect, useState } from 'react';
import {
  DashboardConnectorActivityDocument,
  DashboardConnectorStatusChangedDocument,
  DashboardResolveConflictDocument,
  DashboardSyncDocument,
  DashboardSyncRunUpdatedDocument,
  type ConflictResolution,
  type DashboardConnectorFragment as Connector,
  type DashboardSyncRunFragment as Run,
} from '../../../../../operations/__generated__/graphql';
import { Progress } from './charts';
import { useDashboard, useQuery, useSubscription } from './hooks';

const RUNS_SHOWN = 3;
const FINAL = new Set(['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED']);

export function SyncPanel() {
  const query = useQuery(DashboardSyncDocument, {});
  const [connectors, setConnectors] = useState<Connector[]>([]);
  useEffect(() => setConnectors(query.data?.connectors ?? []), [query.data]);
  useSubscription(
    DashboardConnectorStatusChangedDocument,
    {},
    ({ connectorStatusChanged: changed }) =>
      setConnectors((list) => (list.some((c) => c.id === changed.id) ? list.map((c) => (c.id === changed.id ? changed : c)) : [...list, changed])),
    query.reload,
  );
  return (
    <section className="panel" id="sync">
      <h2>Sync</h2>
      {query.error ? <p className="error">{query.error}</p> : null}
      {connectors.length === 0 && query.data ? <p className="muted">No connectors.</p> : null}
      {connectors.map((c) => (
        <ConnectorCard key={c.id} connector={c} />
      ))}
    </section>
  );
}

function ConnectorCard({ connector }: { connector: Connector }) {
  const { client, session } = useDashboard();
  const activity = useQuery(DashboardConnectorActivityDocument, { connectorId: connector.id });
  const [runs, setRuns] = useState<Run[]>([]);
  const [resolveError, setResolveError] = useState<string>();
  useEffect(() => setRuns(activity.data?.syncRuns.edges.map((e) => e.node) ?? []), [activity.data]);
  const runsError = useSubscription(
    DashboardSyncRunUpdatedDocument,
    { connectorId: connector.id },
    ({ syncRunUpdated: update }) => {
      // A run seen before keeps its times; a new one is the newest.
      setRuns((list) => {
        const known = list.find((r) => r.id === update.id);
        const run: Run = { queuedAt: new Date().toISOString(), finishedAt: null, ...known, ...update };
        return known ? list.map((r) => (r.id === run.id ? run : r)) : [run, ...list].slice(0, RUNS_SHOWN);
      });
      // A run that ended may have opened conflicts.
      if (FINAL.has(update.status)) activity.reload();
    },
    activity.reload,
  );
  const resolve = (id: string, choice: ConflictResolution) =>
    client.request(DashboardResolveConflictDocument, { id, choice }).then(
      () => activity.reload(),
      (error: Error) => setResolveError(error.message),
    );
  const conflicts = activity.data?.syncConflicts;
  const health = connector.health;
  return (
    <div className="card connector" data-connector={connector.name}>
      <div className="row">
        <b>{connector.name}</b> <span className="muted">{connector.system}</span>
        <span className={`status ${connector.status}`} data-testid="connector-status">
          {connector.status}
        </span>
      </div>
      <div className="muted small">
        {health.lastSuccessAt ? `last success ${new Date(health.lastSuccessAt).toLocaleString()}` : 'no successful run yet'}
        {health.consecutiveFailures ? ` · ${health.consecutiveFailures} failures in a row` : ''}
        {health.lastError ? ` · ${health.lastError}` : ''}
      </div>
      {runsError ? <p className="error small">{runsError.message}</p> : null}
      {runs.map((run) => (
        <div key={run.id} className="run" data-run={run.id}>
          <div className="row small">
            <span className={`status ${run.status}`}>{run.status}</span> <span className="muted">{run.trigger}</span>
            <span className="num">
              {run.processed}/{run.total}
            </span>
          </div>
          <Progress value={run.processed} total={run.total} />
          <div className="muted small">
            created {run.created} · updated {run.updated} · unchanged {run.unchanged} · failed {run.failed} · conflicts {run.conflicts}
          </div>
        </div>
      ))}
      {conflicts?.totalCount ? (
        <div className="conflicts">
          <b>{conflicts.totalCount} open conflicts</b>
          <ul>
            {conflicts.edges.map(({ node }) => (
              <li key={node.id} className="small">
                {node.entityType} {node.externalId}{' '}
                {session.roles.includes('ADMIN') ? (
                  <>
                    <button className="link" onClick={() => void resolve(node.id, 'SOURCE')}>
                      take {connector.system}
                    </button>{' '}
                    <button className="link" onClick={() => void resolve(node.id, 'SUPERGRAPH')}>
                      keep ours
                    </button>
                  </>
                ) : (
                  <span className="muted">(an ADMIN resolves)</span>
                )}
              </li>
            ))}
          </ul>
          {resolveError ? <p className="error">{resolveError}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
