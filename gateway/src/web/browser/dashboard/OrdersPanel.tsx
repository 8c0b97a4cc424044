/**
 * Orders: the orders of the last half hour (query `orders`), then every placement and status
 * change as it happens (subscription `orderStatusChanged` with no filter: every order the
 * caller may see), and orders placed per minute as a chart.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  DashboardOrderStatusChangedDocument,
  DashboardRecentOrdersDocument,
  type DashboardOrderFragment as Order,
} from '../../../../../operations/__generated__/graphql';
import { ColumnChart } from './charts';
import { useQuery, useSubscription } from './hooks';

const WINDOW_MINUTES = 30;
const FEED_SHOWN = 14;

interface FeedEntry {
  key: string;
  at: number;
  order: Order;
}

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

export function OrdersPanel() {
  // Read once per mount: the window moves on with the clock below, not with the query.
  const [since] = useState(() => new Date(Date.now() - WINDOW_MINUTES * 60_000).toISOString());
  const recent = useQuery(DashboardRecentOrdersDocument, { from: since });
  const [orders, setOrders] = useState(new Map<string, Order>());
  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const list = recent.data?.orders.edges.map((e) => e.node) ?? [];
    setOrders((map) => {
      const next = new Map(map);
      for (const order of list) next.set(order.id, order);
      return next;
    });
    setFeed((entries) => (entries.length ? entries : list.slice(0, FEED_SHOWN).map((order) => ({ key: `${order.id}-${order.status}`, at: Date.parse(order.updatedAt), order }))));
  }, [recent.data]);

  useSubscription(
    DashboardOrderStatusChangedDocument,
    {},
    ({ orderStatusChanged: order }) => {
      setNow(Date.now());
      setOrders((map) => new Map(map).set(order.id, order));
      setFeed((entries) => [{ key: `${order.id}-${order.status}`, at: Date.now(), order }, ...entries.filter((e) => e.key !== `${order.id}-${order.status}`)].slice(0, FEED_SHOWN));
    },
    recent.reload,
  );

  const bars = useMemo(() => {
    const current = minuteOf(now);
    const counts = new Map<number, number>();
    for (const order of orders.values()) {
      const minute = minuteOf(Date.parse(order.createdAt));
      if (current - minute < WINDOW_MINUTES) counts.set(minute, (counts.get(minute) ?? 0) + 1);
    }
    return Array.from({ length: WINDOW_MINUTES }, (_, i) => {
      const minute = current - WINDOW_MINUTES + 1 + i;
      return { label: new Date(minute * 60_000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), value: counts.get(minute) ?? 0 };
    });
  }, [orders, now]);

  return (
    <section className="panel" id="orders">
      <h2>Orders</h2>
      <h3>
        Orders per minute <span className="muted">(last {WINDOW_MINUTES} min)</span>
      </h3>
      <ColumnChart bars={bars} title="Orders placed per minute" />
      <h3>Feed</h3>
      {recent.error ? <p className="error">{recent.error}</p> : null}
      <ul className="feed" data-testid="order-feed">
        {feed.length === 0 ? <li className="muted">No orders yet.</li> : null}
        {feed.map(({ key, at, order }) => (
          <li key={key}>
            <time>{new Date(at).toLocaleTimeString()}</time> <b>{order.number}</b> <span className={`status ${order.status}`}>{order.status}</span>{' '}
            {order.customer?.name ?? ''} <span className="muted">{`${order.total.amount} ${order.total.currency}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
