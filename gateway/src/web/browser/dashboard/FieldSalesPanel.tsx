/**
 * Field sales: today's visits per territory and completion rate per agent (query
 * `territories` with each agent's `performance`, and `visits`), kept live by one
 * `visitUpdated(territoryId)` subscription per territory the caller may see, and check-ins
 * plotted by latitude and longitude.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  DashboardFieldSalesDocument,
  DashboardVisitUpdatedDocument,
  type DashboardVisitFragment as Visit,
} from '../../../../../operations/__generated__/graphql';
import { GeoPlot, RateBars } from './charts';
import { useQuery, useSubscription } from './hooks';

/** A subscription per territory; a connection holds at most SUBSCRIPTION_MAX_PER_SOCKET (100). */
const TERRITORIES_FOLLOWED = 20;

function today(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { from: start.toISOString(), to: new Date(start.getTime() + 86_400_000).toISOString() };
}

export function FieldSalesPanel() {
  const [day] = useState(today);
  const query = useQuery(DashboardFieldSalesDocument, day);
  const [visits, setVisits] = useState(new Map<string, Visit>());
  useEffect(() => setVisits(new Map(query.data?.visits.edges.map((e) => [e.node.id, e.node]))), [query.data]);

  // Completion rates are the server's (performance); a visit event reads them again, at most once a second.
  const pending = useRef<ReturnType<typeof setTimeout>>();
  const onVisit = (visit: Visit) => {
    setVisits((map) => new Map(map).set(visit.id, visit));
    if (!pending.current) pending.current = setTimeout(() => ((pending.current = undefined), query.reload()), 1000);
  };
  useEffect(() => () => clearTimeout(pending.current), []);
  const territories = query.data?.territories ?? [];

  const perTerritory = useMemo(() => {
    const counts = new Map<string, Record<string, number>>();
    for (const visit of visits.values()) {
      const code = visit.agent?.territory?.code ?? '—';
      const byStatus = counts.get(code) ?? {};
      byStatus[visit.status] = (byStatus[visit.status] ?? 0) + 1;
      counts.set(code, byStatus);
    }
    return counts;
  }, [visits]);
  const rates = territories
    .flatMap((t) => t.agents.map((a) => ({ label: `${a.name} (${t.code})`, value: a.performance.completionRate ?? 0, planned: a.performance.planned })))
    .filter((a) => a.planned > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 12);
  const points = [...visits.values()].flatMap((v) =>
    v.checkIn ? [{ id: v.id, lat: v.checkIn.lat, lng: v.checkIn.lng, kind: v.offSite ? 'offsite' : v.status, label: `${v.agent?.name ?? ''} at ${v.customer?.name ?? ''} (${v.status})` }] : [],
  );

  return (
    <section className="panel" id="field-sales">
      <h2>Field sales</h2>
      {query.error ? <p className="error">{query.error}</p> : null}
      {territories.slice(0, TERRITORIES_FOLLOWED).map((t) => (
        <TerritoryFollower key={t.id} territoryId={t.id} onVisit={onVisit} onReset={query.reload} />
      ))}
      <h3>Today's visits per territory</h3>
      <table>
        <thead>
          <tr>
            <th>Territory</th>
            <th className="num">Visits</th>
            <th className="num">Completed</th>
            <th className="num">In progress</th>
            <th className="num">Missed</th>
          </tr>
        </thead>
        <tbody>
          {territories.map((t) => {
            const c = perTerritory.get(t.code) ?? {};
            const total = Object.values(c).reduce((sum, n) => sum + n, 0);
            return (
              <tr key={t.id}>
                <td title={t.name}>{t.code}</td>
                <td className="num">{total}</td>
                <td className="num">{c.COMPLETED ?? 0}</td>
                <td className="num">{c.IN_PROGRESS ?? 0}</td>
                <td className="num">{c.MISSED ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Completion rate per agent</h3>
      {rates.length ? <RateBars bars={rates} title="Completion rate per agent today" /> : <p className="muted">No visits planned today.</p>}
      <h3>Check-ins</h3>
      <GeoPlot points={points} title="Visit check-ins by latitude and longitude" />
    </section>
  );
}

/** One territory's `visitUpdated` subscription; renders nothing. */
function TerritoryFollower({ territoryId, onVisit, onReset }: { territoryId: string; onVisit: (visit: Visit) => void; onReset: () => void }) {
  useSubscription(DashboardVisitUpdatedDocument, { territoryId }, ({ visitUpdated }) => onVisit(visitUpdated), onReset);
  return null;
}
