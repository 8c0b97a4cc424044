import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { EventEntity, refreshForEvent, ResumeAfterArg, subscribeToEvents, type EventEnvelope, type SubgraphContext } from '@tradegraph/kit';
import { StockLevel } from '../entities';
import { permissions } from '../permissions';
import { InventoryEvent, type StockLevelPayload } from '../services/events';

/** The level an event describes, as it was right after the change (not re-read). */
function levelOf(event: EventEnvelope): StockLevel {
  const payload = event.payload as StockLevelPayload;
  return Object.assign(Object.create(StockLevel.prototype) as StockLevel, {
    id: event.entityId,
    productId: payload.productId,
    warehouseId: payload.warehouseId,
    onHand: payload.onHand,
    reserved: payload.reserved,
    safetyStock: payload.safetyStock,
    reorderPoint: payload.reorderPoint,
    version: event.version,
    updatedAt: new Date(event.occurredAt),
  });
}

/** Live stock, served over graphql-ws from the event bus. */
@Resolver()
export class StockSubscriptionResolver {
  @Subscription(() => StockLevel, {
    description: 'Every change of a stock level, optionally only for some products or one warehouse.',
    subscribe: subscribeToEvents(permissions.Subscription.stockChanged, EventEntity.STOCK_LEVEL, (args) => {
      const productIds = args.productIds ? new Set<string>(args.productIds as string[]) : null;
      const warehouseId = (args.warehouseId as string | undefined) ?? null;
      return (event) => {
        if (event.type !== InventoryEvent.STOCK_CHANGED) return false;
        const payload = event.payload as StockLevelPayload;
        return (!productIds || productIds.has(payload.productId)) && (!warehouseId || payload.warehouseId === warehouseId);
      };
    }),
  })
  stockChanged(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('productIds', () => [ID], { nullable: true }) _productIds?: string[],
    @Arg('warehouseId', () => ID, { nullable: true }) _warehouseId?: string,
    @ResumeAfterArg() _after?: string,
  ): StockLevel {
    refreshForEvent(ctx);
    return levelOf(event);
  }

  @Subscription(() => StockLevel, {
    description: 'A level whose available stock just fell to or below its reorder point.',
    subscribe: subscribeToEvents(permissions.Subscription.lowStock, EventEntity.STOCK_LEVEL, (args) => {
      const warehouseId = (args.warehouseId as string | undefined) ?? null;
      return (event) => event.type === InventoryEvent.STOCK_LOW && (!warehouseId || (event.payload as StockLevelPayload).warehouseId === warehouseId);
    }),
  })
  lowStock(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('warehouseId', () => ID, { nullable: true }) _warehouseId?: string,
    @ResumeAfterArg() _after?: string,
  ): StockLevel {
    refreshForEvent(ctx);
    return levelOf(event);
  }
}
