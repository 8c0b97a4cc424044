import { createHash } from 'node:crypto';
import { DomainError, ErrorCode, throughGateway, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ExternalRef, SyncEntity, type Connector, type ExternalSystem } from '../entities';

/** One record from a source, mapped to what upsertProducts takes, plus stock per warehouse. */
export interface InboundProduct {
  externalId: string;
  item: { sku: string; name: string; description?: string | null; brand?: string | null; basePrice: { amount: string; currency: string } };
  stock: { warehouseCode: string; onHand: number }[];
}

/** What a batch did. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  failed: { externalId: string; message: string }[];
}

const UPSERT_PRODUCTS = /* GraphQL */ `
  mutation SyncUpsertProducts($items: [UpsertProductInput!]!) {
    upsertProducts(items: $items) { items { index outcome error product { id } } }
  }
`;
const SET_STOCK_LEVELS = /* GraphQL */ `
  mutation SyncSetStockLevels($items: [SetStockLevelInput!]!) {
    setStockLevels(items: $items) { failed items { index outcome error } }
  }
`;

/** The products subgraph's rules for an item (its UpsertProductInput), checked here so one bad record cannot sink its batch. */
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;

/** Why the products subgraph would refuse the item, or null. */
export function problemWith(item: InboundProduct['item']): string | null {
  if (!item.sku || item.sku.length > 64 || !SKU.test(item.sku)) return `sku "${item.sku}" is not valid: letters, digits and . _ - / (1–64), starting with a letter or digit`;
  if (!item.name.trim() || item.name.length > 200) return 'name must have 1 to 200 characters';
  if (!DECIMAL.test(item.basePrice.amount)) return `price "${item.basePrice.amount}" is not a decimal amount`;
  if (item.description && item.description.length > 10000) return 'description is longer than 10,000 characters';
  return null;
}

/** SHA-256 of a value's JSON with sorted keys: equal records give equal checksums. */
export function checksumOf(value: unknown): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
        : JSON.stringify(v ?? null);
  return createHash('sha256').update(canonical(value)).digest('hex');
}

/**
 * Applies one batch (≤ 500) of inbound products: skips records whose checksum equals the
 * ExternalRef's, sends the rest to upsertProducts and their stock to setStockLevels through
 * the gateway as SERVICE, then records the ExternalRefs with the new checksums. Products whose
 * stock failed keep their old checksum, so the next run tries them again.
 */
export async function applyProductBatch(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, records: InboundProduct[], requestId: string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, failed: [] };
  if (!records.length) return outcome;
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.PRODUCT, externalId: { $in: records.map((r) => r.externalId) } });
  const refByExternalId = new Map(refs.map((r) => [r.externalId, r]));
  const now = new Date();
  const changed: { record: InboundProduct; checksum: string }[] = [];
  for (const record of records) {
    const checksum = checksumOf({ item: record.item, stock: record.stock });
    const ref = refByExternalId.get(record.externalId);
    const problem = problemWith(record.item);
    if (problem) {
      outcome.failed.push({ externalId: record.externalId, message: problem });
    } else if (ref && ref.checksum === checksum) {
      outcome.unchanged++;
      ref.lastSeenAt = now;
    } else {
      changed.push({ record, checksum });
    }
  }
  if (changed.length) {
    type Upserted = { upsertProducts: { items: { index: number; outcome: string; error: string | null; product: { id: string } | null }[] } };
    let upserted: Upserted;
    try {
      upserted = await throughGateway(gateway, 'Products could not be applied', (g) => g.request<Upserted>(UPSERT_PRODUCTS, { items: changed.map((c) => c.record.item) }, requestId));
    } catch (error) {
      // The batch as a whole was refused (input the checks above did not foresee): its records
      // fail, the run goes on with the next batch. Anything else (UNAVAILABLE …) fails the attempt.
      if (!(error instanceof DomainError) || error.extensions.code !== ErrorCode.BAD_USER_INPUT) throw error;
      for (const { record } of changed) outcome.failed.push({ externalId: record.externalId, message: error.message });
      await em.flush();
      return outcome;
    }
    const applied: { record: InboundProduct; checksum: string; productId: string; outcome: string }[] = [];
    for (const result of upserted.upsertProducts.items) {
      const { record, checksum } = changed[result.index];
      if (result.outcome === 'FAILED' || !result.product) outcome.failed.push({ externalId: record.externalId, message: result.error ?? 'the product was refused' });
      else applied.push({ record, checksum, productId: result.product.id, outcome: result.outcome });
    }
    const stockItems = applied.flatMap((a) => a.record.stock.map((s) => ({ productId: a.productId, warehouseCode: s.warehouseCode, onHand: s.onHand, owner: a })));
    const stockFailed = new Set<(typeof applied)[number]>();
    /** records whose product was unchanged but whose stock moved count as updated */
    const stockChanged = new Set<(typeof applied)[number]>();
    if (stockItems.length) {
      const set = await throughGateway(gateway, 'Stock levels could not be applied', (g) =>
        g.request<{ setStockLevels: { failed: number; items: { index: number; outcome: string; error: string | null }[] } }>(SET_STOCK_LEVELS, { items: stockItems.map(({ owner: _owner, ...item }) => item) }, requestId),
      );
      for (const item of set.setStockLevels.items) {
        if (item.outcome === 'CREATED' || item.outcome === 'UPDATED') stockChanged.add(stockItems[item.index].owner);
        if (!item.error) continue;
        const owner = stockItems[item.index].owner;
        if (!stockFailed.has(owner)) outcome.failed.push({ externalId: owner.record.externalId, message: `stock: ${item.error}` });
        stockFailed.add(owner);
      }
    }
    for (const a of applied) {
      if (stockFailed.has(a)) continue;
      if (a.outcome === 'CREATED') outcome.created++;
      else if (a.outcome === 'UPDATED' || stockChanged.has(a)) outcome.updated++;
      else outcome.unchanged++;
      const ref = refByExternalId.get(a.record.externalId);
      if (ref) Object.assign(ref, { entityId: a.productId, checksum: a.checksum, lastSeenAt: now });
      else em.persist(em.create(ExternalRef, { connectorId: connector.id, system: connector.system as ExternalSystem, entityType: SyncEntity.PRODUCT, externalId: a.record.externalId, entityId: a.productId, checksum: a.checksum, lastSeenAt: now }));
    }
  }
  await em.flush();
  return outcome;
}
