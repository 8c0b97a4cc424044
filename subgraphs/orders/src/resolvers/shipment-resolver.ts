import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { Product, Shipment, ShipmentLine } from '../entities';
import { CreateShipmentInput } from '../inputs/shipment-inputs';
import { linesByShipment, shipmentById, visibleShipment } from '../loaders';
import { ShipmentService } from '../services/shipments';

const service = (ctx: SubgraphContext) => new ShipmentService(ctx.em, ctx.caller.subject, ctx.runtime.gateway, ctx.requestId);

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Query(() => Shipment, { nullable: true, description: 'One shipment; null when unknown or when the caller may not see its order (a field agent sees its territory\'s customers\' orders only).' })
  async shipment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Shipment | null> {
    return visibleShipment(ctx, await ctx.loaders.get(shipmentById).load(id));
  }

  @FieldResolver(() => [ShipmentLine])
  lines(@Root() shipment: Shipment, @Ctx() ctx: SubgraphContext): Promise<ShipmentLine[]> {
    return ctx.loaders.get(linesByShipment).load(shipment.id);
  }

  @Mutation(() => Shipment, {
    description:
      'Ships part (or the rest) of a PROCESSING order from one warehouse: its part of the reservation is committed in inventory; the shipment that ships the last unit completes the order. ' +
      'BAD_USER_INPUT names the line shipping more than ordered minus shipped, or input.warehouseId when that warehouse holds no reservation of a line\'s product. ' +
      'The same idempotencyKey for the same order always returns the same shipment (a retry ships nothing again); CONFLICT when it was used for a different one.',
  })
  createShipment(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('input', () => CreateShipmentInput) input: CreateShipmentInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Shipment> {
    return service(ctx).create(orderId, input, idempotencyKey);
  }

  @Mutation(() => Shipment, { description: 'SHIPPED → DELIVERED at deliveredAt (now when left out); asking again with no or the same time returns it unchanged.' })
  markShipmentDelivered(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('deliveredAt', () => Date, { nullable: true }) deliveredAt?: Date | null,
  ): Promise<Shipment> {
    return service(ctx).markDelivered(id, deliveredAt ?? null);
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'Null, with FORBIDDEN, when the caller may not see the product.' })
  product(@Root() line: ShipmentLine): Product {
    return { id: line.productId };
  }
}
