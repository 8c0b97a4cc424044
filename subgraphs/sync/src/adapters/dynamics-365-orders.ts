import type { SourceOrder } from './types';

/** A Business Central API v2.0 `salesOrders` record read with `$expand=salesOrderLines` (the fields inbound order sync reads). */
export interface BusinessCentralSalesOrder {
  id: string;
  number?: string | null;
  customerId?: string | null;
  externalDocumentNumber?: string | null;
  /** Draft, In Review, Open, Released */
  status?: string | null;
  fullyShipped?: boolean | null;
  lastModifiedDateTime?: string | null;
  salesOrderLines?: { lineType?: string | null; itemId?: string | null; quantity?: number | null }[];
  [field: string]: unknown;
}

/** What a Tradegraph push writes into externalDocumentNumber: our order number (orders/src/services/placement.ts: `SO-` and at least six digits). */
const TRADEGRAPH_NUMBER = /^SO-\d{6,}$/;

/**
 * Maps a Business Central sales order: customer = `customerId`, lines of type Item by
 * `itemId` (other line types — G/L accounts, comments, resources — are no goods and are left
 * out). `fullyShipped` → FULFILLED. Business Central has no cancelled status: a cancelled
 * sales order is deleted, which a read of changed orders cannot see, so a BC order is never
 * CANCELLED here.
 */
export function orderFromBusinessCentral(order: BusinessCentralSalesOrder): SourceOrder {
  return {
    externalId: order.id,
    number: order.number || order.id,
    updatedAt: order.lastModifiedDateTime ?? null,
    status: order.fullyShipped ? 'FULFILLED' : 'OPEN',
    customerExternalId: order.customerId || null,
    lines: (order.salesOrderLines ?? []).filter((line) => (line.lineType ?? 'Item') === 'Item').map((line) => ({ productExternalId: line.itemId || null, quantity: Number(line.quantity ?? 0) })),
    fromTradegraph: TRADEGRAPH_NUMBER.test(order.externalDocumentNumber ?? ''),
  };
}
