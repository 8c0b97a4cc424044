import type { NetSuiteRef } from './netsuite';
import type { SourceOrder, SourceOrderStatus } from './types';

/** A NetSuite `salesOrder` record read with `expandSubResources=true` (the fields inbound order sync reads). */
export interface NetSuiteSalesOrder {
  id: string;
  /** "SO1001" */
  tranId?: string | null;
  /** e.g. `{ id: "B", refName: "Pending Fulfillment" }` */
  status?: NetSuiteRef | null;
  entity?: NetSuiteRef | null;
  memo?: string | null;
  lastModifiedDate?: string | null;
  item?: { items?: { item?: NetSuiteRef | null; quantity?: number | null }[] } | null;
  [field: string]: unknown;
}

/**
 * Sales order statuses by their one-letter id: C Cancelled, and H Closed (closed by hand: what
 * was not fulfilled never will be, and completing would ship the whole reservation) →
 * CANCELLED; F Pending Billing and G Billed (fulfilled) → FULFILLED; A Pending Approval,
 * B Pending Fulfillment, D/E partly fulfilled are still open. Accounts that answer the name
 * only are read by `refName`.
 */
export function netSuiteOrderStatus(status: NetSuiteRef | null | undefined): SourceOrderStatus {
  const id = (status?.id ?? '').toUpperCase();
  const name = (status?.refName ?? '').toLowerCase();
  if (['C', 'H'].includes(id) || ['cancelled', 'closed'].includes(name)) return 'CANCELLED';
  if (['F', 'G'].includes(id) || ['pending billing', 'billed'].includes(name)) return 'FULFILLED';
  return 'OPEN';
}

/** Maps a NetSuite sales order: customer = `entity`, lines = the `item` sublist (item internal ids). A Tradegraph push writes a memo "Tradegraph order …". */
export function orderFromNetSuite(order: NetSuiteSalesOrder): SourceOrder {
  return {
    externalId: String(order.id),
    number: order.tranId || String(order.id),
    updatedAt: order.lastModifiedDate ?? null,
    status: netSuiteOrderStatus(order.status),
    customerExternalId: order.entity?.id ? String(order.entity.id) : null,
    lines: (order.item?.items ?? []).map((line) => ({ productExternalId: line.item?.id ? String(line.item.id) : null, quantity: Number(line.quantity ?? 0) })),
    fromTradegraph: typeof order.memo === 'string' && order.memo.startsWith('Tradegraph order '),
  };
}
