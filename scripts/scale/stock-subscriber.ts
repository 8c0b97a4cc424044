import type { Client } from 'pg';
import { ResumableSubscriber } from '../faults/subscribers';

/** Every stock level's changes; `after` resumes where an earlier event was. */
const stockEvents = (after: string | undefined) => /* GraphQL */ `
  subscription ScaleStockEvents { stockChanged${after === undefined ? '' : `(after: ${JSON.stringify(after)})`} { id version available } }
`;

type StockEvent = { stockChanged: { id: string; version: number } };

/** Each stock level's version, as the inventory's table has it now (the ledger the events must match). */
export async function stockVersions(db: Client): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; version: number }>('select id, version from inventory.stock_level');
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

/**
 * A stock dashboard following every stock level. A level's version grows by one with each
 * change and each change is one event, so (level, version) names an event: after the levels'
 * versions were read at `from`, every version up to the final one must arrive, once.
 */
export class StockSubscriber extends ResumableSubscriber<StockEvent> {
  private readonly seen = new Map<string, number>();

  protected operation(after: string | undefined) {
    return { query: stockEvents(after), variables: {} };
  }

  protected onEvent(data: StockEvent): void {
    const key = `${data.stockChanged.id}@${data.stockChanged.version}`;
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
  }

  /** Events it received, duplicates counted. */
  get received(): number {
    return [...this.seen.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Changes between the versions of `from` and `to` it never received, and those received more than once. */
  compare(from: Map<string, number>, to: Map<string, number>): { expected: number; lost: number; duplicates: number } {
    let expected = 0;
    let lost = 0;
    for (const [id, last] of to) {
      for (let version = (from.get(id) ?? 0) + 1; version <= last; version++) {
        expected++;
        if (!this.seen.has(`${id}@${version}`)) lost++;
      }
    }
    const duplicates = [...this.seen.values()].filter((n) => n > 1).length;
    return { expected, lost, duplicates };
  }
}
