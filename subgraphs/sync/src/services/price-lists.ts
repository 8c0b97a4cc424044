import { DomainError, ErrorCode, selectRows, throughGateway, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ExternalRef, SyncEntity, type Connector, type SyncRun } from '../entities';
import { sendAliased } from './aliased-mutations';
import { archivesDeletions } from './deletions';
import type { RunProgress } from './run-progress';
import type { SourcePriceList } from '../adapters';
import { checksumOf, normalAmount, type BatchOutcome } from './inbound';

/*
 * Inbound customer-specific prices: an ERP's price levels / price lists / customer price groups
 * become Tradegraph price lists (products subgraph), their prices set by product and the list
 * assigned to the customers buying from it — products and customers found through the
 * connector's ExternalRefs, so only records synced from the same connector take part.
 */

const CREATE_PRICE_LIST = /* GraphQL */ `
  mutation SyncCreatePriceList($input: CreatePriceListInput!) { createPriceList(input: $input) { id currency } }
`;
const LIST_PRICES = /* GraphQL */ `
  query SyncPriceListPrices($id: ID!, $first: Int!, $after: String) {
    priceList(id: $id) { id currency prices(first: $first, after: $after) { edges { node { price { amount } product { id } } } pageInfo { hasNextPage endCursor } } }
  }
`;
const SET_PRICES = /* GraphQL */ `
  mutation SyncSetPriceListPrices($input: SetPricesInput!) { setPriceListPrices(input: $input) { id } }
`;
const REMOVE_PRICES = /* GraphQL */ `
  mutation SyncRemovePriceListPrices($priceListId: ID!, $productIds: [ID!]!) { removePriceListPrices(priceListId: $priceListId, productIds: $productIds) { id } }
`;
const LIST_CUSTOMERS = /* GraphQL */ `
  query SyncPriceListCustomers($id: ID!) { priceList(id: $id) { customerIds } }
`;

/** setPriceListPrices takes at most this many prices a call. */
const PRICES_PER_CALL = 1000;
/** Other names tried when a list's name is taken by a list sync does not own (" (2)" … " (9)"). */
const NAME_SUFFIXES = 9;
/** The supergraph's page size limit. */
const PAGE = 100;
const DECIMAL = /^\d{1,15}(\.\d{1,4})?$/;

/**
 * Applies every page of the source's price lists and counts them. The connector's lists the
 * source no longer offers are taken from its customers ({@link releaseUnseenLists}) only when
 * that is a deletion sync may act on: the connector's deletions is ARCHIVE, the read returned
 * at least one list (an empty answer is likelier a misconfigured connector or a permission
 * than a source without lists) and no list failed. A customer the source moved to another list
 * needs no release: assigning the other list moves it.
 */
export async function syncPriceLists(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, run: SyncRun, pages: AsyncGenerator<SourcePriceList[]>, progress: RunProgress): Promise<void> {
  let failed = 0;
  let read = 0;
  for await (const page of pages) {
    const outcome = await applyPriceLists(em.fork(), gateway, connector, page, progress.requestId());
    failed += outcome.failed.length;
    read += page.length;
    await progress.add(page.length, outcome);
  }
  if (archivesDeletions(connector) && read > 0 && !failed && run.startedAt) await releaseUnseenLists(em.fork(), gateway, connector, run.startedAt, progress.requestId());
}

/**
 * The Tradegraph name of a source list: the connector's name keeps two systems' "Wholesale"
 * apart (names are unique). Only a name: the list is tied to its source by its ExternalRef.
 * @param suffix a number when the name is taken by another list (" (2)")
 */
export function priceListName(list: SourcePriceList, connector: Connector, suffix?: number): string {
  const tail = suffix ? ` (${suffix})` : '';
  return `${list.name} (${connector.name})`.slice(0, 120 - tail.length) + tail;
}

/** A source list with its products and customers mapped to Tradegraph ids (those not synced from this connector are left out). */
interface MappedList {
  source: SourcePriceList;
  name: string;
  /** product id → amount, normalised */
  prices: Map<string, string>;
  customerIds: string[];
  /** prices left out: not a positive decimal */
  refused: string[];
}

/**
 * Applies one page of source price lists. A list whose mapped content (name, currency,
 * prices, customers) has the checksum its ref holds is unchanged; otherwise its Tradegraph
 * list is created (tied to the source by its ref, never found by name), prices that differ are set (≤ 1,000 a call), prices the
 * source dropped are removed, the list is assigned to its customers not on it yet and taken
 * from the connector's customers the source no longer has on it. A list no synced customer
 * buys from is not created. Re-running changes nothing; a failed list keeps its old ref and is
 * tried again.
 */
export async function applyPriceLists(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, lists: SourcePriceList[], requestId: string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
  if (!lists.length) return outcome;
  const mapped = await mapLists(em, connector, lists);
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.PRICE_LIST, externalId: { $in: lists.map((l) => l.externalId) } });
  const refByExternalId = new Map(refs.map((r) => [r.externalId, r]));
  const now = new Date();
  for (const list of mapped) {
    const ref = refByExternalId.get(list.source.externalId);
    if (!ref && !list.customerIds.length) {
      outcome.unchanged++; // nobody (synced) buys from it: no list until somebody does
      continue;
    }
    const checksum = checksumOf({ name: list.name, currency: list.source.currency, prices: [...list.prices].sort(), customers: [...list.customerIds].sort() });
    if (ref && ref.checksum === checksum && !list.refused.length) {
      ref.lastSeenAt = now;
      outcome.unchanged++;
      continue;
    }
    try {
      const { id, created } = await ensureList(gateway, connector, list, ref?.entityId ?? null, requestId);
      if (created) await tieToSource(em, connector, list, ref, id); // before anything else can fail: a list is never created twice
      await applyPrices(gateway, id, list.prices, requestId);
      await assignCustomers(em, connector, gateway, id, list.customerIds, requestId);
      if (created) outcome.created++;
      else outcome.updated++;
      if (list.refused.length) outcome.failed.push({ externalId: list.source.externalId, message: `prices left out (not a positive amount): ${list.refused.slice(0, 20).join(', ')}` });
      const fields = { entityId: id, checksum, lastSeenAt: now, lastSyncedAt: now };
      const tied = ref ?? (await em.findOne(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.PRICE_LIST, externalId: list.source.externalId }));
      if (tied) Object.assign(tied, fields);
      else em.create(ExternalRef, { connectorId: connector.id, system: connector.system, entityType: SyncEntity.PRICE_LIST, externalId: list.source.externalId, ...fields });
    } catch (error) {
      // A list the supergraph refuses fails alone; anything else (UNAVAILABLE …) fails the attempt.
      if (!(error instanceof DomainError) || !([ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT, ErrorCode.NOT_FOUND] as ErrorCode[]).includes(error.code)) throw error;
      outcome.failed.push({ externalId: list.source.externalId, message: error.message });
    }
  }
  await em.flush();
  return outcome;
}

/** Maps every list's products and customers through the connector's refs: two set-based reads for the page. */
async function mapLists(em: EntityManager, connector: Connector, lists: SourcePriceList[]): Promise<MappedList[]> {
  const idsOf = async (entityType: SyncEntity, externalIds: string[]) => {
    const unique = [...new Set(externalIds)];
    const rows = unique.length ? await selectRows(em, ExternalRef, ['connectorId', 'entityType', 'externalId'], unique.map((externalId) => ({ connectorId: connector.id, entityType, externalId }))) : [];
    return new Map(rows.map((r) => [r.externalId!, r.entityId!]));
  };
  const products = await idsOf(SyncEntity.PRODUCT, lists.flatMap((l) => l.prices.map((p) => p.productExternalId)));
  const customers = await idsOf(SyncEntity.CUSTOMER, lists.flatMap((l) => l.customerExternalIds));
  return lists.map((source) => {
    const prices = new Map<string, string>();
    const refused: string[] = [];
    for (const price of source.prices) {
      const productId = products.get(price.productExternalId);
      if (!productId) continue; // not synced from this connector (yet): sold at its base price
      if (!DECIMAL.test(price.amount) || Number(price.amount) <= 0) refused.push(price.productExternalId);
      else prices.set(productId, normalAmount(price.amount));
    }
    const customerIds = [...new Set(source.customerExternalIds.map((c) => customers.get(c)).filter((id): id is string => Boolean(id)))];
    return { source, name: priceListName(source, connector), prices, customerIds, refused };
  });
}

/** Writes the ref of a list just created (checksum empty: the list's content is still to apply). */
async function tieToSource(em: EntityManager, connector: Connector, list: MappedList, ref: ExternalRef | undefined, id: string): Promise<void> {
  if (ref) ref.entityId = id;
  else em.create(ExternalRef, { connectorId: connector.id, system: connector.system, entityType: SyncEntity.PRICE_LIST, externalId: list.source.externalId, entityId: id, checksum: '' });
  await em.flush();
}

/**
 * The list's Tradegraph id: the ref's, while that list still exists; else a new list. A list
 * is never adopted by its name (a list made by hand, or another source list whose name was
 * cut to the same 120 characters, would be taken over): a name taken gets a suffix (" (2)" …).
 * A list's currency cannot change: a source list that changed currency is refused.
 */
async function ensureList(gateway: GatewayClient | undefined, connector: Connector, list: MappedList, knownId: string | null, requestId: string): Promise<{ id: string; created: boolean }> {
  const currency = list.source.currency;
  const check = (found: { id: string; currency: string }) => {
    if (found.currency !== currency) throw new DomainError(ErrorCode.BAD_USER_INPUT, `price list "${list.name}" is in ${found.currency} and the source's is now in ${currency}: a list's currency cannot change`);
    return found.id;
  };
  if (knownId) {
    const data = await throughGateway(gateway, 'Price lists could not be read', (g) => g.request<{ priceList: { id: string; currency: string } | null }>(LIST_PRICES, { id: knownId, first: 0 }, requestId));
    if (data.priceList) return { id: check(data.priceList), created: false };
  }
  for (let suffix = 1; ; suffix++) {
    const name = suffix === 1 ? list.name : priceListName(list.source, connector, suffix);
    try {
      const data = await throughGateway(gateway, 'The price list could not be created', (g) => g.request<{ createPriceList: { id: string; currency: string } }>(CREATE_PRICE_LIST, { input: { name, currency } }, requestId));
      return { id: data.createPriceList.id, created: true };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.CONFLICT || suffix > NAME_SUFFIXES) throw error;
    }
  }
}

/** Sets the prices that differ from the list's and removes those the source no longer has. */
async function applyPrices(gateway: GatewayClient | undefined, priceListId: string, wanted: Map<string, string>, requestId: string): Promise<void> {
  const current = new Map<string, string>();
  let currency = '';
  let after: string | null = null;
  do {
    type Page = { priceList: { currency: string; prices: { edges: { node: { price: { amount: string }; product: { id: string } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null };
    const data: Page = await throughGateway(gateway, 'Price list prices could not be read', (g) => g.request<Page>(LIST_PRICES, { id: priceListId, first: PAGE, after }, requestId));
    if (!data.priceList) throw new DomainError(ErrorCode.NOT_FOUND, `price list ${priceListId} is gone`);
    currency = data.priceList.currency;
    for (const { node } of data.priceList.prices.edges) if (node.product) current.set(node.product.id, normalAmount(node.price.amount));
    after = data.priceList.prices.pageInfo.hasNextPage ? data.priceList.prices.pageInfo.endCursor : null;
  } while (after);
  const changed = [...wanted].filter(([productId, amount]) => current.get(productId) !== amount).map(([productId, amount]) => ({ productId, price: { amount, currency } }));
  for (let i = 0; i < changed.length; i += PRICES_PER_CALL) {
    const prices = changed.slice(i, i + PRICES_PER_CALL);
    await throughGateway(gateway, 'Price list prices could not be applied', (g) => g.request(SET_PRICES, { input: { priceListId, prices } }, requestId));
  }
  const dropped = [...current.keys()].filter((productId) => !wanted.has(productId));
  for (let i = 0; i < dropped.length; i += PRICES_PER_CALL) {
    const productIds = dropped.slice(i, i + PRICES_PER_CALL);
    await throughGateway(gateway, 'Price list prices could not be removed', (g) => g.request(REMOVE_PRICES, { priceListId, productIds }, requestId));
  }
}

/**
 * Assigns the list to those of its customers not on it yet, and takes it from the customers of
 * this connector the source no longer has on it (they buy at base prices, unless another list
 * of the source assigns them); customers assigned in Tradegraph by hand who did not come from
 * this connector keep it. Aliased assignPriceList / unassignPriceList calls ({@link sendAliased}).
 */
async function assignCustomers(em: EntityManager, connector: Connector, gateway: GatewayClient | undefined, priceListId: string, customerIds: string[], requestId: string): Promise<void> {
  const data = await throughGateway(gateway, 'Price list customers could not be read', (g) => g.request<{ priceList: { customerIds: string[] } | null }>(LIST_CUSTOMERS, { id: priceListId }, requestId));
  if (!data.priceList) throw new DomainError(ErrorCode.NOT_FOUND, `price list ${priceListId} is gone`);
  const current = new Set(data.priceList.customerIds);
  const wanted = new Set(customerIds);
  const leaving = [...current].filter((id) => !wanted.has(id));
  const ours = leaving.length ? new Set((await em.find(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.CUSTOMER, entityId: { $in: leaving } }, { fields: ['entityId'] })).map((r) => r.entityId)) : new Set<string>();
  const assign = { name: 'SyncAssignPriceList', field: (n: number) => `assignPriceList(customerId: $c${n}, priceListId: $priceListId) { id }`, shared: { priceListId: ['ID!', priceListId] as [string, unknown] }, what: 'Price lists could not be assigned' };
  await sendAliased(gateway, assign, customerIds.filter((id) => !current.has(id)), requestId);
  await sendAliased(gateway, { name: 'SyncUnassignPriceList', field: (n) => `unassignPriceList(customerId: $c${n})`, what: 'Price lists could not be unassigned' }, leaving.filter((id) => ours.has(id)), requestId);
}

/**
 * After a run read every list of the source without a failure, under deletions ARCHIVE: the
 * connector's lists the source no longer offers (deleted, or made inactive) are taken from the
 * connector's customers; the list and its prices stay, for whoever else buys from it.
 */
export async function releaseUnseenLists(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, startedAt: Date, requestId: string): Promise<void> {
  const gone = await em.find(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.PRICE_LIST, lastSeenAt: { $lt: startedAt } });
  for (const ref of gone) {
    try {
      await assignCustomers(em, connector, gateway, ref.entityId, [], requestId);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.NOT_FOUND) throw error; // deleted in Tradegraph meanwhile
    }
  }
}
