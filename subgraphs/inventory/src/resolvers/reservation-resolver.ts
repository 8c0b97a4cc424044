import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isUuid, type SubgraphContext } from '@tradegraph/kit';
import { Reservation, ReservationAllocation, StockMovement, Warehouse } from '../entities';
import { ReservationLineInput } from '../inputs/stock-inputs';
import { allocationsByReservation, warehouseById } from '../loaders';
import { ReservationService } from '../services/reservations';
import { inventorySettingsOf } from '../settings';

const service = (ctx: SubgraphContext) =>
  new ReservationService(ctx.em, ctx.caller.subject, inventorySettingsOf(ctx.runtime?.settings).reservationTtlSeconds);

/** What the orders subgraph calls: all idempotent per order id, so retries are safe. */
@Resolver(() => Reservation)
export class ReservationResolver {
  @Query(() => Reservation, { nullable: true, description: 'The reservation of an order, if it has one.' })
  reservation(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: SubgraphContext): Promise<Reservation | null> | null {
    return isUuid(orderId) ? service(ctx).find(orderId) : null;
  }

  @FieldResolver(() => [ReservationAllocation], { description: 'Where the reserved units are: one entry per product and warehouse.' })
  lines(@Root() reservation: Reservation, @Ctx() ctx: SubgraphContext): Promise<ReservationAllocation[]> {
    return ctx.loaders.get(allocationsByReservation).load(reservation.id);
  }

  @Mutation(() => Reservation, {
    description:
      'Reserves every line or nothing (INSUFFICIENT_STOCK names the product). Per line: active warehouses by priority, then most available first; a line may be split. ' +
      'Idempotent: an order that already has a reservation gets it back unchanged.',
  })
  reserveStock(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('lines', () => [ReservationLineInput]) lines: ReservationLineInput[],
    @Ctx() ctx: SubgraphContext,
    @Arg('ttlSeconds', () => Int, { nullable: true, description: 'How long the reservation holds; the subgraph\'s default when absent.' }) ttlSeconds?: number,
  ): Promise<Reservation> {
    return service(ctx).reserve(orderId, lines, ttlSeconds);
  }

  @Mutation(() => Reservation, { description: 'ACTIVE → COMMITTED: the units not shipped yet ship (SHIPMENT). Idempotent; RELEASED or EXPIRED → INVALID_TRANSITION.' })
  commitReservation(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: SubgraphContext): Promise<Reservation> {
    return service(ctx).commit(orderId);
  }

  @Mutation(() => Reservation, {
    description:
      'Ships one part of an ACTIVE reservation from one warehouse (SHIPMENT movements; the part that ships the last unit makes it COMMITTED). ' +
      'Idempotent per shipmentId; BAD_USER_INPUT for a warehouse without a reservation of a line\'s product or more than is still reserved there.',
  })
  commitReservationPart(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('shipmentId', () => ID) shipmentId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('lines', () => [ReservationLineInput]) lines: ReservationLineInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<Reservation> {
    return service(ctx).commitPart(orderId, shipmentId, warehouseId, lines);
  }

  @Mutation(() => Reservation, {
    nullable: true,
    description: 'ACTIVE → RELEASED: the units become available again. Idempotent; null when the order has no reservation; COMMITTED → INVALID_TRANSITION.',
  })
  releaseReservation(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: SubgraphContext): Promise<Reservation | null> {
    return service(ctx).release(orderId);
  }

  @Mutation(() => [StockMovement], {
    description: 'Restocks after a refund: RETURN movements into warehouseId, else where the order shipped from. Idempotent per order.',
  })
  returnStock(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('lines', () => [ReservationLineInput]) lines: ReservationLineInput[],
    @Ctx() ctx: SubgraphContext,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId?: string,
  ): Promise<StockMovement[]> {
    return service(ctx).returnStock(orderId, lines, warehouseId);
  }
}

@Resolver(() => ReservationAllocation)
export class ReservationAllocationResolver {
  @FieldResolver(() => Warehouse)
  async warehouse(@Root() allocation: ReservationAllocation, @Ctx() ctx: SubgraphContext): Promise<Warehouse> {
    return (await ctx.loaders.get(warehouseById).load(allocation.warehouseId))!;
  }
}
