import { mapFields, text } from './mapping';
import type { RestReadSpec } from './rest-mapping';
import type { SourceOrder, SourceOrderStatus } from './types';

/**
 * Default source paths for inbound orders (`mapping.inboundOrder.fields` overrides them):
 * `lines` is the path to the order's lines, `lineProduct` / `lineQuantity` paths inside one line.
 */
export const REST_ORDER_FIELDS: Record<string, string> = {
  externalId: 'id',
  number: 'number',
  status: 'status',
  customer: 'customer_id',
  updatedAt: 'updated_at',
  lines: 'lines',
  lineProduct: 'product_id',
  lineQuantity: 'quantity',
};

const CANCELLED = ['cancelled', 'canceled', 'voided', 'closed'];
const FULFILLED = ['fulfilled', 'completed', 'complete', 'shipped', 'delivered'];

/**
 * A status word as Tradegraph follows it: cancelled/canceled/voided, and closed (which says
 * nothing about the goods having left) → CANCELLED; fulfilled, completed, shipped, delivered →
 * FULFILLED; anything else OPEN.
 */
export function restOrderStatus(value: unknown): SourceOrderStatus {
  const status = text(value).trim().toLowerCase();
  return CANCELLED.includes(status) ? 'CANCELLED' : FULFILLED.includes(status) ? 'FULFILLED' : 'OPEN';
}

/**
 * Maps one record of the `mapping.inboundOrder` list endpoint. The REST adapter's own pushes
 * are not recognised here (an API may shape them any way): once pushed, their ref says so.
 * @param externalIdOf reads the record's id or throws (the REST adapter's rule for every entity)
 * @param isoOrNull reads a date
 */
export function orderFromRest(record: unknown, spec: RestReadSpec, read: { externalIdOf: (value: unknown) => string; isoOrNull: (value: unknown) => string | null }): SourceOrder {
  const paths = { ...REST_ORDER_FIELDS, ...(spec.fields ?? {}) };
  const v = mapFields(record, REST_ORDER_FIELDS, spec.fields);
  const externalId = read.externalIdOf(v.externalId);
  const lines = Array.isArray(v.lines) ? v.lines : [];
  return {
    externalId,
    number: text(v.number) || externalId,
    updatedAt: read.isoOrNull(v.updatedAt),
    status: restOrderStatus(v.status),
    customerExternalId: text(v.customer) || null,
    lines: lines.map((line) => {
      const l = mapFields(line, { product: paths.lineProduct, quantity: paths.lineQuantity }, undefined);
      return { productExternalId: text(l.product) || null, quantity: Number(l.quantity ?? 0) };
    }),
    fromTradegraph: false,
  };
}
