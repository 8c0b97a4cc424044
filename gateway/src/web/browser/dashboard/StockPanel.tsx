/**
 * Stock: the low-stock levels across warehouses (query `lowStock`, then subscriptions
 * `lowStock` for levels that fall low and `stockChanged` for every move), the latest moves, and
 * products the user chose to follow by searching.
 */
import { useEffect, useState } from 'react';
import {
  DashboardLowStockDocument,
  DashboardLowStockReachedDocument,
  DashboardProductLevelsDocument,
  DashboardProductSearchDocument,
  DashboardStockChangedDocument,
  type DashboardStockLevelFragment as Level,
} from '../../../../../operations/__generated__/graphql';
import { useQuery, useSubscription } from './hooks';

const FOLLOWED_KEY = 'tradegraph.dashboard.followed';
const MOVES_SHOWN = 12;

const byId = (levels: Level[]) => new Map(levels.map((l) => [l.id, l]));
const isLow = (l: Level) => l.available <= l.reorderPoint;

function readFollowed(): string[] {
  try {
    return JSON.parse(localStorage.getItem(FOLLOWED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function StockPanel() {
  const lowQuery = useQuery(DashboardLowStockDocument, { first: 25 });
  const [low, setLow] = useState(new Map<string, Level>());
  const [moves, setMoves] = useState<Array<Level & { at: number }>>([]);
  const [followed, setFollowed] = useState<string[]>(readFollowed);
  const levelsQuery = useQuery(DashboardProductLevelsDocument, followed.length ? { ids: followed } : null);
  const [followedLevels, setFollowedLevels] = useState(new Map<string, Level>());

  useEffect(() => {
    if (lowQuery.data) setLow(byId(lowQuery.data.lowStock.edges.map((e) => e.node)));
  }, [lowQuery.data]);
  useEffect(() => {
    const levels = levelsQuery.data?.products.edges.flatMap((e) => e.node.stockLevels ?? []) ?? [];
    setFollowedLevels(byId(levels));
  }, [levelsQuery.data]);
  useEffect(() => localStorage.setItem(FOLLOWED_KEY, JSON.stringify(followed)), [followed]);

  const reload = () => {
    lowQuery.reload();
    levelsQuery.reload();
  };
  useSubscription(
    DashboardStockChangedDocument,
    {},
    ({ stockChanged: level }) => {
      setMoves((list) => [{ ...level, at: Date.now() }, ...list].slice(0, MOVES_SHOWN));
      setLow((map) => (map.has(level.id) ? new Map(map).set(level.id, level) : map));
      if (followed.includes(level.productId)) setFollowedLevels((map) => new Map(map).set(level.id, level));
    },
    reload,
  );
  useSubscription(DashboardLowStockReachedDocument, {}, ({ lowStock: level }) => setLow((map) => new Map(map).set(level.id, level)), reload);

  const lowRows = [...low.values()].sort((a, b) => Number(isLow(b)) - Number(isLow(a)) || a.available - b.available);
  return (
    <section className="panel" id="stock">
      <h2>Stock</h2>
      <h3>
        Low stock <span className="muted">({lowQuery.data ? lowRows.filter(isLow).length : '…'} shown at or below their reorder point)</span>
      </h3>
      {lowQuery.error ? <p className="error">{lowQuery.error}</p> : null}
      <LevelTable levels={lowRows.slice(0, 12)} />
      <h3>Latest moves</h3>
      <ul className="feed" data-testid="stock-moves">
        {moves.length === 0 ? <li className="muted">Waiting for stock to move…</li> : null}
        {moves.map((m) => (
          <li key={`${m.id}-${m.at}`} className={isLow(m) ? 'low' : ''}>
            <time>{new Date(m.at).toLocaleTimeString()}</time> <b>{m.product?.sku ?? m.productId}</b> @ {m.warehouse.code}: on hand {m.onHand}, available {m.available}
          </li>
        ))}
      </ul>
      <h3>Followed products</h3>
      <ProductSearch onFollow={(id) => setFollowed((ids) => (ids.includes(id) ? ids : [...ids, id]))} />
      <LevelTable levels={[...followedLevels.values()]} onUnfollow={(id) => setFollowed((ids) => ids.filter((x) => x !== id))} />
    </section>
  );
}

function LevelTable({ levels, onUnfollow }: { levels: Level[]; onUnfollow?: (productId: string) => void }) {
  if (!levels.length) return <p className="muted">None.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>SKU</th>
          <th>Warehouse</th>
          <th className="num">On hand</th>
          <th className="num">Available</th>
          <th className="num">Reorder at</th>
          {onUnfollow ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {levels.map((l) => (
          <tr key={l.id} className={isLow(l) ? 'low' : ''}>
            <td title={l.product?.name}>{l.product?.sku ?? l.productId}</td>
            <td>{l.warehouse.code}</td>
            <td className="num">{l.onHand}</td>
            <td className="num">{l.available}</td>
            <td className="num">{l.reorderPoint}</td>
            {onUnfollow ? (
              <td>
                <button className="link" onClick={() => onUnfollow(l.productId)}>
                  unfollow
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProductSearch({ onFollow }: { onFollow: (productId: string) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery(DashboardProductSearchDocument, query.length >= 2 ? { text: query } : null);
  return (
    <div className="search">
      <input type="search" placeholder="Search products to follow (name or SKU)" value={text} onChange={(e) => setText(e.target.value)} />
      {query.length >= 2 && found.data ? (
        <ul className="results">
          {found.data.products.edges.map(({ node }) => (
            <li key={node.id}>
              <button className="link" onClick={() => onFollow(node.id)}>
                follow
              </button>{' '}
              <b>{node.sku}</b> {node.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
