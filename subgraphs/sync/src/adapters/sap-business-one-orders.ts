import type { SourceOrder, SourceOrderStatus } from './types';

/** A SAP B1 `Orders` document (the fields inbound order sync reads). */
export interface SapOrder {
  DocEntry: number;
  DocNum?: number | null;
  CardCode?: string | null;
  /** `bost_Open` or `bost_Close` (delivered in full, or closed by hand) */
  DocumentStatus?: string | null;
  /** `tYES` once cancelled */
  Cancelled?: string | null;
  Comments?: string | null;
  UpdateDate?: string | null;
  UpdateTime?: string | null;
  /** RemainingOpenQuantity: what is still to deliver (0 once delivered; a line closed by hand keeps it) */
  DocumentLines?: { ItemCode?: string | null; Quantity?: number | null; RemainingOpenQuantity?: number | null }[];
  [field: string]: unknown;
}

/** What `GET Orders` selects: the document's header fields above and its lines. */
export const SAP_ORDER_SELECT = ['DocEntry', 'DocNum', 'CardCode', 'DocumentStatus', 'Cancelled', 'Comments', 'UpdateDate', 'UpdateTime', 'DocumentLines'];

/**
 * A SAP B1 order's status: `Cancelled: tYES` → CANCELLED; `DocumentStatus: bost_Close` with
 * every line delivered (`RemainingOpenQuantity` 0: copied to deliveries in full) → FULFILLED;
 * closed with something left undelivered (closed by hand) → CANCELLED, since completing would
 * ship what never left; else OPEN.
 */
export function sapOrderStatus(order: SapOrder): SourceOrderStatus {
  if (order.Cancelled === 'tYES') return 'CANCELLED';
  if (order.DocumentStatus !== 'bost_Close') return 'OPEN';
  const lines = order.DocumentLines ?? [];
  return lines.length > 0 && lines.every((line) => line.RemainingOpenQuantity === 0) ? 'FULFILLED' : 'CANCELLED';
}

/**
 * Maps a SAP B1 sales order: external id = `DocEntry` (Service Layer's key), customer =
 * `CardCode`, lines by `ItemCode` (SAP items' external id), status {@link sapOrderStatus}. A
 * Tradegraph push writes Comments "Tradegraph order …". `updatedAt` is the adapter's reading
 * of UpdateDate and UpdateTime (sapUpdatedAt).
 */
export function orderFromSap(order: SapOrder, updatedAt: string | null): SourceOrder {
  return {
    externalId: String(order.DocEntry),
    number: String(order.DocNum ?? order.DocEntry),
    updatedAt,
    status: sapOrderStatus(order),
    customerExternalId: order.CardCode || null,
    lines: (order.DocumentLines ?? []).map((line) => ({ productExternalId: line.ItemCode || null, quantity: Number(line.Quantity ?? 0) })),
    fromTradegraph: typeof order.Comments === 'string' && order.Comments.startsWith('Tradegraph order '),
  };
}
