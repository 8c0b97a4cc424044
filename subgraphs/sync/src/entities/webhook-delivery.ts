import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A webhook receipt: unique per (connector, delivery id), so a redelivery is recognised. */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['connectorId', 'deliveryId'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  connectorId!: string;

  @Property({ type: 'string', length: 200 })
  deliveryId!: string;

  @Property({ type: 'string', length: 100 })
  topic!: string;

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: 'Date' })
  receivedAt: Date = new Date();
}
