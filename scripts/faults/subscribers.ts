import type { Client } from 'graphql-ws';
import { wsClient } from '../../test/support/subscribe';
import type { PlacedOrder } from './load';
import { now } from './server-process';

/** The order events of one customer; `after` (a cursor an earlier event carried) resumes where that event was. */
const orderEvents = (after: string | undefined) => /* GraphQL */ `
  subscription FaultsOrderEvents($customerId: ID!) {
    orderStatusChanged(customerId: $customerId${after === undefined ? '' : `, after: ${JSON.stringify(after)}`}) { id customerId status }
  }
`;

/** Who must receive an order's event: a subscriber of its customer, or the shop it is pushed to. */
export interface Consumer {
  name: string;
  /** whether this consumer must receive the order's event */
  covers(order: PlacedOrder): boolean;
  /** how many times it received it */
  received(orderId: string): number;
}

/**
 * A client of one subscription over graphql-ws through a gateway that keeps the newest
 * `extensions.cursor`, so that it can disconnect and resume with `after:` where it left off,
 * and remembers how its subscriptions ended. What an event means is its subclass's.
 */
export abstract class ResumableSubscriber<T> {
  private client?: Client;
  /** the cursor of the newest event received, when events carry one */
  lastCursor?: string;
  /** events that arrived without `extensions.cursor` */
  withoutCursor = 0;
  /** when it first subscribed */
  since = Infinity;
  /** why a subscription ended, when one did (an error, or a completion nobody asked for) */
  readonly endings: string[] = [];
  /** events answered with errors instead of data (the subscription goes on) */
  readonly errorResults: { at: number; errors: string }[] = [];

  /** `gatewayUrl` may be changed between connections: a client moving to another gateway. */
  constructor(readonly name: string, public gatewayUrl: string, private readonly token: string) {}

  /** The subscription document, resuming after `after` when given, and its variables. */
  protected abstract operation(after: string | undefined): { query: string; variables: Record<string, unknown> };

  /** One event's data. */
  protected abstract onEvent(data: T): void;

  /** Subscribes (resuming after `after`, when given) and resolves once the connection is acknowledged. */
  async connect(after?: string): Promise<void> {
    let acknowledged!: () => void;
    let refused!: (error: Error) => void;
    const connected = new Promise<void>((resolve, reject) => ((acknowledged = resolve), (refused = reject)));
    const client: Client = wsClient(this.gatewayUrl, this.token, (code, reason) => {
      refused(new Error(`${this.name}: socket closed (${code} ${reason})`));
      if (this.client === client) this.endings.push(`socket closed (${code} ${reason})`);
    });
    client.on('connected', () => acknowledged());
    this.client = client;
    this.since = Math.min(this.since, now());
    client.subscribe<T>(this.operation(after), {
      next: (result) => {
        if (result.errors?.length) {
          this.errorResults.push({ at: now(), errors: result.errors.map((e) => `${e.extensions?.code as string} ${e.message}`).join(', ') });
          return;
        }
        if (result.data) this.onEvent(result.data);
        const cursor = (result.extensions as { cursor?: unknown } | undefined)?.cursor;
        if (typeof cursor === 'string' && cursor) this.lastCursor = cursor;
        else this.withoutCursor++;
      },
      error: (error) => this.endings.push(`error: ${JSON.stringify(error instanceof Error ? error.message : error)}`),
      complete: () => {
        if (this.client === client) this.endings.push('completed by the server');
      },
    });
    await connected;
  }

  /** Closes the connection, as a laptop lid or a dropped network does. */
  async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.dispose();
  }
}

/**
 * A dashboard following one customer's orders. It counts every order it is told about. Orders
 * are placed only (no status changes) during a run, so one order is one event and a second
 * sighting is a duplicate.
 */
export class OrderSubscriber extends ResumableSubscriber<{ orderStatusChanged: { id: string } }> implements Consumer {
  private readonly counts = new Map<string, number>();

  constructor(name: string, gatewayUrl: string, token: string, readonly customerId: string) {
    super(name, gatewayUrl, token);
  }

  /** Orders placed before it first subscribed are not its to receive. */
  covers(order: PlacedOrder): boolean {
    return order.customerId === this.customerId && order.startedAt >= this.since;
  }

  received(orderId: string): number {
    return this.counts.get(orderId) ?? 0;
  }

  protected operation(after: string | undefined) {
    return { query: orderEvents(after), variables: { customerId: this.customerId } };
  }

  protected onEvent(data: { orderStatusChanged: { id: string } }): void {
    const id = data.orderStatusChanged.id;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }
}

/** What went wrong with the deliveries of some orders. */
export interface DeliveryReport {
  /** (order, consumer) pairs never delivered */
  lost: number;
  /** (order, consumer) pairs delivered more than once */
  duplicates: number;
  /** a few of each, named */
  examples: string[];
}

/** Checks that every order reached every consumer that covers it, exactly once. */
export function deliveryReport(orders: PlacedOrder[], consumers: Consumer[]): DeliveryReport {
  const report: DeliveryReport = { lost: 0, duplicates: 0, examples: [] };
  for (const order of orders) {
    for (const consumer of consumers) {
      if (!consumer.covers(order)) continue;
      const times = consumer.received(order.id);
      if (times === 1) continue;
      if (times === 0) report.lost++;
      else report.duplicates++;
      if (report.examples.length < 5) report.examples.push(`${consumer.name} got order ${order.id} ${times}×`);
    }
  }
  return report;
}

/** Whether every order reached every consumer that covers it at least once. */
export function allDelivered(orders: PlacedOrder[], consumers: Consumer[]): boolean {
  return orders.every((order) => consumers.every((c) => !c.covers(order) || c.received(order.id) > 0));
}
