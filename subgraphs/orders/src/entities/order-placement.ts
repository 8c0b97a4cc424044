import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Where a placeOrder with an idempotency key got to; the key is claimed before any work. */
export enum PlacementState {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/** The claim on an idempotency key: the same key always answers with the same order. */
@Entity({ tableName: 'order_placement' })
export class OrderPlacement {
  [OptionalProps]?: 'state' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 200 })
  idempotencyKey!: string;

  /** The id the order gets (and its reservation is keyed by), chosen before any work. */
  @Property({ type: 'uuid' })
  orderId!: string;

  /** A fingerprint of the request, so a key reused for a different order is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Enum({ items: () => PlacementState })
  state: PlacementState = PlacementState.IN_PROGRESS;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
