import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A sales order a connector's system offered, as inbound order sync (services/inbound-orders.ts)
 * left it: placed in Tradegraph (`orderId`), or refused by the orders subgraph for a reason
 * that waits on a person (`refusedCode`: INSUFFICIENT_STOCK, CREDIT_LIMIT_EXCEEDED), so that
 * delta runs do not place it again and again. Its existence for an order is also what keeps
 * that order from being pushed back to the same connector (services/outbound.ts).
 */
@Entity({ tableName: 'inbound_order' })
@Unique({ properties: ['connectorId', 'externalId'] })
@Index({ properties: ['orderId'] })
export class InboundOrder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  connectorId!: string;

  @Property({ type: 'string', length: 200 })
  externalId!: string;

  /** the source order's checksum when it was last placed, followed or refused */
  @Property({ type: 'string', length: 64 })
  checksum!: string;

  /** the Tradegraph order placed from it; null while it is refused */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  refusedCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  refusedMessage: string | null = null;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
