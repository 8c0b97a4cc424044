import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CreateConnectorDocument,
  CreateWarehouseDocument,
  CustomerExternalRefsDocument,
  OrderExternalRefsDocument,
  PauseConnectorDocument,
  PlaceOrderDocument,
  PublishProductDocument,
  ReceiveStockDocument,
  ResumeConnectorDocument,
  SyncedProductBySkuDocument,
  SyncRunsDocument,
  type CreateConnectorInput,
  type SyncedProductBySkuQuery,
  type SyncRunPartsFragment,
} from '../operations/__generated__/graphql';
import { createCustomer } from './support/fixtures';
import { connectorInput, deliverTwice, fakeConnectorInput, FINAL_RUN_STATUSES, sharedSecretHeaders, useSyncSession } from './support/sync';
import { eventually } from './support/subscribe';
import { FakeNetSuite } from '../subgraphs/sync/test/fakes/netsuite';
import { FakeSapBusinessOne } from '../subgraphs/sync/test/fakes/sap-business-one';
import { FakeDynamics365 } from '../subgraphs/sync/test/fakes/dynamics-365';
import { FakeRest } from '../subgraphs/sync/test/fakes/rest';
import { serveDuringTests, type FakeHttpServer } from '../subgraphs/sync/test/fakes/fake-server';

/**
 * The five non-Shopify systems end to end through the gateway, each against its local fake
 * (CSV_FILE against a temporary directory): a connector created through createConnector with
 * the system's credentials and field mapping; 1,200 products with stock (several pages) and a
 * few customers landing in the supergraph with exact run counters, queryable with their
 * externalRefs; a re-run (delta and full) finding everything unchanged; shared-secret webhooks
 * (`X-Tradegraph-Signature` over timestamp, delivery, topic and body) — 202 and applied, 401 when forged, 200 duplicate when repeated;
 * and orders pushed out (direction BOTH, entity ORDER) with their lines mapped to the
 * system's own ids and the order's externalRefs showing the system's id (SAP B1, Dynamics 365,
 * CSV and REST), plus CSV's stock pushes.
 */

const WEBHOOK_SECRET = 'whsec-adapters-secret';
const COUNT = 1200;
type Run = SyncRunPartsFragment;
type Product = NonNullable<SyncedProductBySkuQuery['product']>;

const session = useSyncSession();
const { gql } = session;

async function createConnector(input: CreateConnectorInput): Promise<string> {
  return (await gql(CreateConnectorDocument, { input })).createConnector.id;
}

async function createWarehouse(code: string): Promise<string> {
  return (await gql(CreateWarehouseDocument, { input: { code, name: `${code} stock`, priority: 1 } })).createWarehouse.id;
}

const waitForFinal = (id: string) => session.waitForRun(id);
const sync = (connectorId: string, full = false): Promise<Run> => session.sync(connectorId, { full });

async function product(sku: string): Promise<Product> {
  const { product } = await gql(SyncedProductBySkuDocument, { sku });
  if (!product) throw new Error(`no product ${sku}`);
  return product;
}

function deliver(connectorId: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${session.webhookBase}/webhooks/${connectorId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/**
 * A forged delivery is refused (401); the signed one is accepted (202) and applied by a WEBHOOK
 * run (the product gets `name`); the same delivery again is a duplicate (200).
 */
async function webhookRoundTrip(connectorId: string, topic: string, payload: unknown, sku: string, name: string): Promise<void> {
  const body = JSON.stringify(payload);
  const delivery = `delivery-${randomUUID()}`;
  const signed = sharedSecretHeaders(WEBHOOK_SECRET, body, { topic, delivery });
  const forged = await deliver(connectorId, body, sharedSecretHeaders('not-the-secret', body, { topic, delivery }));
  expect(forged.status).toBe(401);
  const tampered = await deliver(connectorId, body.replace(name, 'Tampered'), signed);
  expect(tampered.status).toBe(401);

  const runId = await deliverTwice(() => deliver(connectorId, body, signed));

  expect(await waitForFinal(runId)).toMatchObject({ status: 'SUCCEEDED', trigger: 'WEBHOOK', total: 1, updated: 1, failed: 0 });
  expect((await product(sku)).name).toBe(name);
}

/** Publishes two synced products and places an order for them (2 + 1) as `customerId`. */
async function placeOrderFor(customerId: string, skus: [string, string]) {
  const products = await Promise.all(skus.map(product));
  for (const p of products) await gql(PublishProductDocument, { id: p.id });
  const { placeOrder } = await gql(PlaceOrderDocument, { input: { customerId, lines: [{ productId: products[0].id, quantity: 2 }, { productId: products[1].id, quantity: 1 }] }, idempotencyKey: randomUUID() });
  return placeOrder;
}

/** The order's externalRefs once its push has been recorded. */
async function orderRefs(orderId: string) {
  await eventually(async () => ((await gql(OrderExternalRefsDocument, { id: orderId })).order?.externalRefs?.length ?? 0) > 0, 20_000);
  return (await gql(OrderExternalRefsDocument, { id: orderId })).order!.externalRefs!;
}

/** Pauses a connector (so later describes' orders and stock are not pushed to a stopped fake) and waits out its running run. */
async function pauseAndSettle(connectorId: string): Promise<void> {
  await gql(PauseConnectorDocument, { id: connectorId });
  await eventually(async () => (await gql(SyncRunsDocument, { connectorId, first: 5 })).syncRuns.edges.every((e) => e.node.status !== 'RUNNING'), 20_000);
}

/**
 * An external system's fake for the describe block this is called in, and the warehouse its
 * stock lands in: before the tests the fake starts, is seeded and the warehouse is created; after
 * them every connector given to `settleAfterTests` is paused and its running run waited out, then
 * the fake stops.
 */
function useFakeSystem<F extends FakeHttpServer>(fake: F, warehouse: string, seed: (fake: F) => void): { fake: F; settleAfterTests: (connectorId: string) => string } {
  const settle: string[] = [];
  // Hooks run in the order they are declared: the connectors are paused before the fake stops.
  afterAll(async () => {
    for (const connectorId of settle) await pauseAndSettle(connectorId);
  });
  serveDuringTests(fake);
  beforeAll(async () => {
    seed(fake);
    await createWarehouse(warehouse);
  });
  const settleAfterTests = (connectorId: string) => {
    settle.push(connectorId);
    return connectorId;
  };
  return { fake, settleAfterTests };
}

async function customerByCode(code: string) {
  const { customer } = await gql(CustomerExternalRefsDocument, { code });
  if (!customer) throw new Error(`no customer ${code}`);
  return customer;
}

describe('NETSUITE', () => {
  const warehouse = `NS-WH-${process.pid}`;
  const { fake: ns } = useFakeSystem(new FakeNetSuite(), warehouse, (fake) => fake.seed(COUNT, 3));
  let connectorId: string;
  beforeAll(async () => {
    connectorId = await createConnector(
      fakeConnectorInput(ns, WEBHOOK_SECRET, {
        name: 'NetSuite',
        system: 'NETSUITE',
        entities: ['PRODUCT', 'INVENTORY', 'CUSTOMER'],
        fieldMapping: { product: { currency: 'USD' }, inventory: { locations: { '1': warehouse } } },
      }),
    );
  });

  it('lands 1,200 inventory items (two collection pages, one GET each) with stock and 3 customers; delta and full re-runs find them unchanged', async () => {
    const first = await sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, processed: COUNT + 3, created: COUNT + 3, updated: 0, failed: 0 });
    // Two collection pages (limit 1000), then each record read with its locations sublist.
    expect(ns.received.filter((r) => r.path.endsWith('/inventoryItem')).map((r) => r.query.get('offset'))).toEqual(['0', '1000']);
    expect(ns.requestsTo('GET', 'inventoryItem/').filter((r) => r.query.get('expandSubResources') === 'true')).toHaveLength(COUNT);

    const sample = await product('NS-00007');
    expect(sample).toMatchObject({ sku: 'NS-00007', name: 'NetSuite item 7', basePrice: { currency: 'USD' }, stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'NETSUITE', externalId: '1007' }] });
    expect(Number(sample.basePrice.amount)).toBe(17.5);
    expect(await product('NS-01199')).toMatchObject({ stock: { onHand: 1199 % 40 }, externalRefs: [{ externalId: '2199' }] });

    const customer = await customerByCode('CUST-0001');
    expect(customer).toMatchObject({ name: 'Customer 1 Ltd', email: 'buyer1@example.com', externalRefs: [{ system: 'NETSUITE', externalId: '5001' }] });

    // A delta reads from the day before the newest change (N/query takes no times) and drops what is older.
    const delta = await sync(connectorId);
    expect(delta.status).toBe('SUCCEEDED');
    expect(delta.total).toBeLessThan(COUNT);
    expect(delta).toMatchObject({ created: 0, updated: 0, failed: 0, unchanged: delta.total });
    expect(await sync(connectorId, true)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: 0, updated: 0, unchanged: COUNT + 3, failed: 0 });
  });

  it('applies a signed item.updated webhook carrying the record (with its locations), refuses forgeries, deduplicates a repeat', async () => {
    const item = ns.items[5];
    const record = {
      id: item.id,
      itemId: item.itemId,
      displayName: 'NetSuite item 5, renamed',
      salesDescription: item.salesDescription,
      manufacturer: item.manufacturer,
      basePrice: item.basePrice,
      lastModifiedDate: new Date().toISOString(),
      locations: { items: Object.entries(item.stock).map(([id, onHand]) => ({ locationId: { id }, quantityOnHand: onHand, quantityAvailable: onHand })) },
    };
    await webhookRoundTrip(connectorId, 'item.updated', record, 'NS-00005', 'NetSuite item 5, renamed');
    expect((await product('NS-00005')).stock?.onHand).toBe(5);
  });
});


describe('SAP_BUSINESS_ONE', () => {
  const warehouse = `SAP-WH-${process.pid}`;
  const { fake: sap, settleAfterTests } = useFakeSystem(new FakeSapBusinessOne(), warehouse, (fake) => fake.seed(COUNT, 3));
  let connectorId: string;

  it('takes the Service Layer login (companyDb, userName, password) as connector credentials', async () => {
    // Service Layer has no bearer tokens: the adapter POSTs Login with these three.
    const credentials: Record<string, string> = { companyDb: sap.companyDb, userName: sap.userName, password: sap.password, webhookSecret: WEBHOOK_SECRET };
    connectorId = settleAfterTests(
      await createConnector(
        fakeConnectorInput(sap, WEBHOOK_SECRET, {
          name: 'SAP Business One',
          system: 'SAP_BUSINESS_ONE',
          direction: 'BOTH',
          entities: ['PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER'],
          fieldMapping: { product: { currency: 'EUR', priceList: 1 }, inventory: { locations: { '01': warehouse } } },
          credentials,
        }),
      ),
    );
    expect(connectorId).toEqual(expect.any(String));
  });

  it('lands 1,200 items (pages of 500) with stock from warehouse 01 and the 3 customers (not the suppliers); re-runs find them unchanged', async () => {
    const first = await sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: COUNT + 3, failed: 0 });
    expect(sap.logins).toBe(1);
    const sample = await product('A00007');
    expect(sample).toMatchObject({ name: 'SAP item 7', basePrice: { currency: 'EUR' }, stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'SAP_BUSINESS_ONE', externalId: 'A00007' }] });
    expect(Number(sample.basePrice.amount)).toBe(12);
    expect(await customerByCode('C0001')).toMatchObject({ name: 'SAP customer 1', email: 'orders1@example.de', externalRefs: [{ system: 'SAP_BUSINESS_ONE', externalId: 'C0001' }] });
    await expect(gql(CustomerExternalRefsDocument, { code: 'V0001' })).resolves.toEqual({ customer: null });

    const delta = await sync(connectorId);
    expect(delta).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, failed: 0, unchanged: delta.total });
    expect(delta.total).toBeLessThan(COUNT);
    expect(await sync(connectorId, true)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: 0, updated: 0, unchanged: COUNT + 3 });
  });

  it('applies a signed item.updated webhook, refuses forgeries, deduplicates a repeat', async () => {
    await webhookRoundTrip(connectorId, 'item.updated', { ...sap.items[5], ItemName: 'SAP item 5, renamed' }, 'A00005', 'SAP item 5, renamed');
  });

  it('pushes an order as a sales order with CardCode and ItemCodes, and records its DocEntry', async () => {
    const customer = await customerByCode('C0001');
    const order = await placeOrderFor(customer.id, ['A00010', 'A00011']);
    await eventually(() => sap.orders.size === 1, 20_000);
    const [pushed] = [...sap.orders.values()];
    expect(pushed).toMatchObject({ CardCode: 'C0001', NumAtCard: order.number, DocumentLines: [{ ItemCode: 'A00010', Quantity: 2 }, { ItemCode: 'A00011', Quantity: 1 }] });
    expect(await orderRefs(order.id)).toEqual([expect.objectContaining({ connectorId, system: 'SAP_BUSINESS_ONE', externalId: String(pushed.DocEntry) })]);
  });
});

describe('DYNAMICS_365', () => {
  const warehouse = `BC-WH-${process.pid}`;
  const { fake: bc, settleAfterTests } = useFakeSystem(new FakeDynamics365(), warehouse, (fake) => fake.seed(COUNT, 3));
  let connectorId: string;
  const base = (input: Partial<CreateConnectorInput>): CreateConnectorInput =>
    fakeConnectorInput(bc, WEBHOOK_SECRET, {
      name: 'Business Central',
      system: 'DYNAMICS_365',
      entities: ['PRODUCT', 'INVENTORY', 'CUSTOMER'],
      fieldMapping: { companyId: bc.companyId, product: { currency: 'EUR' }, inventory: { locations: { '*': warehouse } } },
      ...input,
    });
  beforeAll(async () => {
    connectorId = await createConnector(base({}));
  });

  it('lands 1,200 items (pages of 1,000 by @odata.nextLink) with their total inventory and 3 customers; re-runs find them unchanged', async () => {
    const first = await sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: COUNT + 3, failed: 0 });
    expect(bc.requestsTo('GET', 'items').length).toBe(2);
    const sample = await product('1000-0007');
    expect(sample).toMatchObject({ name: 'BC item 7', basePrice: { currency: 'EUR' }, stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'DYNAMICS_365', externalId: bc.items[7].id }] });
    expect(Number(sample.basePrice.amount)).toBe(27);
    expect(await customerByCode('C-0001')).toMatchObject({ name: 'BC customer 1', email: 'ap1@example.co.uk', externalRefs: [{ system: 'DYNAMICS_365', externalId: bc.customers[1].id }] });

    // The delta asks for lastModifiedDateTime ≥ the newest seen: item 0 and customer 0.
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: 2, unchanged: 2, created: 0, updated: 0 });
    expect(await sync(connectorId, true)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, unchanged: COUNT + 3, created: 0, updated: 0 });
  });

  it('applies a signed item.updated webhook, refuses forgeries, deduplicates a repeat', async () => {
    await webhookRoundTrip(connectorId, 'item.updated', { ...bc.items[5], displayName: 'BC item 5, renamed' }, '1000-0005', 'BC item 5, renamed');
  });

  it('pushes an order as a sales order with the customer and items by their Business Central ids, and records its id', async () => {
    // A second connector, both ways: it learns the ids of what the first one synced.
    const outboundId = settleAfterTests(await createConnector(base({ name: 'Business Central (orders)', direction: 'BOTH', entities: ['PRODUCT', 'CUSTOMER', 'ORDER'] })));
    expect(await sync(outboundId)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: 0, failed: 0 });
    const customer = await customerByCode('C-0002');
    const order = await placeOrderFor(customer.id, ['1000-0010', '1000-0011']);
    await eventually(() => bc.salesOrders.size === 1 && (bc.salesOrderLines.get([...bc.salesOrders.keys()][0])?.length ?? 0) === 2, 20_000);
    const [[id, pushed]] = [...bc.salesOrders.entries()];
    expect(pushed).toMatchObject({ externalDocumentNumber: order.number, customerId: bc.customers[2].id });
    expect(bc.salesOrderLines.get(id)).toEqual([
      expect.objectContaining({ lineType: 'Item', itemId: bc.items[10].id, quantity: 2 }),
      expect.objectContaining({ lineType: 'Item', itemId: bc.items[11].id, quantity: 1 }),
    ]);
    expect(await orderRefs(order.id)).toEqual([expect.objectContaining({ connectorId: outboundId, system: 'DYNAMICS_365', externalId: id })]);
  });
});

describe('CSV_FILE', () => {
  const warehouse = `CSV-WH-${process.pid}`;
  let warehouseId: string;
  let directory: string;
  let connectorId: string;
  const products = ['sku,name,price,currency', ...Array.from({ length: COUNT }, (_, i) => `CSV-${String(i).padStart(5, '0')},CSV product ${i},${(3 + (i % 20)).toFixed(2)},EUR`)].join('\n');
  const stock = ['sku,warehouse,on_hand', ...Array.from({ length: COUNT }, (_, i) => `CSV-${String(i).padStart(5, '0')},DC1,${i % 30}`)].join('\n');
  const customers = ['code,name,email,credit_limit,currency', 'CSV-C1,Csv Customer One,one@csv.example,1000,EUR', 'CSV-C2,Csv Customer Two,two@csv.example,2000,EUR'].join('\n');
  const drop = async () => {
    await writeFile(path.join(directory, 'inbox', 'products.csv'), products);
    await writeFile(path.join(directory, 'inbox', 'stock.csv'), stock);
    await writeFile(path.join(directory, 'inbox', 'customers.csv'), customers);
  };
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'tradegraph-csv-'));
    warehouseId = await createWarehouse(warehouse);
    connectorId = await createConnector(
      connectorInput({
        name: 'CSV drop',
        system: 'CSV_FILE',
        direction: 'BOTH',
        entities: ['PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER'],
        // createConnector wants an absolute URL; the adapter takes a file:// URL as the directory.
        baseUrl: pathToFileURL(directory).href,
        fieldMapping: { product: { currency: 'EUR' }, inventory: { locations: { DC1: warehouse } } },
      }),
    );
  });
  afterAll(async () => {
    if (connectorId) await pauseAndSettle(connectorId);
    await rm(directory, { recursive: true, force: true });
  });

  it('lands 1,200 products from a file (pages of 500) with stock from a stock file and 2 customers; the same files again are unchanged', async () => {
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: 0 }); // creates inbox/ …; nothing pending
    await drop();
    const first = await sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 2, created: COUNT + 2, failed: 0 });
    expect(await readdir(path.join(directory, 'inbox'))).toEqual([]);
    expect((await readdir(path.join(directory, 'done'))).filter((n) => n.endsWith('.csv'))).toHaveLength(3);
    const sample = await product('CSV-00007');
    expect(sample).toMatchObject({ name: 'CSV product 7', basePrice: { currency: 'EUR' }, stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'CSV_FILE', externalId: 'CSV-00007' }] });
    expect(Number(sample.basePrice.amount)).toBe(10);
    expect(await customerByCode('CSV-C2')).toMatchObject({ name: 'Csv Customer Two', email: 'two@csv.example', externalRefs: [{ system: 'CSV_FILE', externalId: 'CSV-C2' }] });

    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: 0 });
    await drop();
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 2, created: 0, updated: 0, unchanged: COUNT + 2, failed: 0 });
  });

  it('writes a placed order to outbox/orders/<number>.csv with its lines\' skus as the external ids, and records the file name', async () => {
    const customerId = await createCustomer(session.stack, session.admin);
    const order = await placeOrderFor(customerId, ['CSV-00010', 'CSV-00011']);
    const file = path.join(directory, 'outbox', 'orders', `${order.number}.csv`);
    await eventually(async () => (await readdir(path.dirname(file)).catch((): string[] => [])).includes(`${order.number}.csv`), 20_000);
    const [header, ...rows] = (await readFile(file, 'utf8')).trim().split(/\r\n/).map((line) => line.split(','));
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => [column(r, 'order_number'), column(r, 'sku'), column(r, 'quantity'), column(r, 'product_external_id')])).toEqual([
      [order.number, 'CSV-00010', '2', 'CSV-00010'],
      [order.number, 'CSV-00011', '1', 'CSV-00011'],
    ]);
    expect(await orderRefs(order.id)).toEqual([expect.objectContaining({ connectorId, system: 'CSV_FILE', externalId: `${order.number}.csv` })]);
  });
  it('pushes stock changes that arrive while its push waits (connector paused) as one stock file', async () => {
    const runsOf = async () => (await gql(SyncRunsDocument, { connectorId, first: 20 })).syncRuns.edges.map((e) => e.node);
    // Let the pushes the previous test's order caused (its reservation moved stock) finish first.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await eventually(async () => (await runsOf()).every((r) => FINAL_RUN_STATUSES.includes(r.status)), 20_000);
    const earlier = new Set((await runsOf()).map((r) => r.id));
    const outbox = path.join(directory, 'outbox');
    const filesBefore = new Set(await readdir(outbox));
    await gql(PauseConnectorDocument, { id: connectorId });
    const [a, b] = await Promise.all(['CSV-00020', 'CSV-00021'].map(product));
    await gql(ReceiveStockDocument, { input: { productId: a.id, warehouseId, quantity: 5, reason: 'sync-adapters test' } });
    // Past the dispatcher's gathering window: this change joins the push already queued.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await gql(ReceiveStockDocument, { input: { productId: b.id, warehouseId, quantity: 6, reason: 'sync-adapters test' } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const waiting = (await runsOf()).filter((r) => !earlier.has(r.id));
    expect(waiting.map((r) => [r.trigger, r.entities, r.status])).toEqual([['EVENT', ['INVENTORY'], 'QUEUED']]);

    await gql(ResumeConnectorDocument, { id: connectorId });
    const run = await waitForFinal(waiting[0].id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 2, updated: 2, lastError: null });
    const written = (await readdir(outbox)).filter((n) => n.startsWith('stock-') && !filesBefore.has(n));
    expect(written).toHaveLength(1);
    const [header, ...rows] = (await readFile(path.join(outbox, written[0]), 'utf8')).trim().split(/\r\n/).map((line) => line.split(','));
    expect(header).toEqual(['external_id', 'sku', 'warehouse', 'on_hand', 'available']);
    expect(rows.map((r) => [r[0], r[2], r[3]]).sort()).toEqual([['CSV-00020', 'DC1', '25'], ['CSV-00021', 'DC1', '27']]);
  });
});

describe('REST', () => {
  const warehouse = `REST-WH-${process.pid}`;
  const { fake: rest, settleAfterTests } = useFakeSystem(new FakeRest(), warehouse, (fake) => {
    fake.seed(COUNT);
    fake.seedCustomers(3);
    // Dynamics' customers are C-0000…: keep these apart.
    for (const c of fake.customers) c.number = `R${c.number}`;
  });
  let connectorId: string;
  beforeAll(async () => {
    const paging = { type: 'cursor', cursorPath: 'meta.next_cursor', param: 'cursor', sizeParam: 'limit', size: 250 };
    connectorId = settleAfterTests(
      await createConnector(
        fakeConnectorInput(rest, WEBHOOK_SECRET, {
          name: 'REST API',
          system: 'REST',
          direction: 'BOTH',
          entities: ['PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER'],
          fieldMapping: {
            product: { path: '/v1/items', itemsPath: 'data', updatedSinceParam: 'updated_since', pagination: paging, currency: 'USD', fields: { sku: 'code', name: 'title', brand: 'brand.name' } },
            customer: { path: '/v1/customers', itemsPath: 'data', updatedSinceParam: 'updated_since', pagination: paging, fields: { code: 'number', name: 'company', 'creditLimit.amount': 'credit.limit', 'creditLimit.currency': 'credit.currency' } },
            inventory: { locations: { MAIN: warehouse } },
            order: { path: '/v1/orders', idPath: 'data.id' },
          },
        }),
      ),
    );
  });

  it('lands 1,200 items (cursor pages of 250) with stock at MAIN only and 3 customers; re-runs find them unchanged', async () => {
    const first = await sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, created: COUNT + 3, failed: 0 });
    expect(rest.log.filter((r) => r.url.startsWith('/v1/items')).map((r) => new URL(r.url, rest.url).searchParams.get('limit'))).toEqual(Array(Math.ceil(COUNT / 250)).fill('250'));
    const sample = await product('REST-00007');
    expect(sample).toMatchObject({ name: 'Rest product 7', basePrice: { currency: 'USD' }, stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'REST', externalId: 'item_7' }] });
    expect(Number(sample.basePrice.amount)).toBe(17.5);
    expect(await customerByCode('RC-0001')).toMatchObject({ name: 'Customer 1 GmbH', email: 'buyer1@example.test', externalRefs: [{ system: 'REST', externalId: '1001' }] });

    // updated_since = the newest seen: the newest item and the newest customer.
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: 2, unchanged: 2, created: 0, updated: 0 });
    expect(await sync(connectorId, true)).toMatchObject({ status: 'SUCCEEDED', total: COUNT + 3, unchanged: COUNT + 3, created: 0, updated: 0 });
  });

  it('applies a signed product.updated webhook in the API\'s own shape, refuses forgeries, deduplicates a repeat', async () => {
    await webhookRoundTrip(connectorId, 'product.updated', { ...rest.items[5], title: 'Rest product 5, renamed' }, 'REST-00005', 'Rest product 5, renamed');
    expect((await product('REST-00005')).stock?.onHand).toBe(5);
  });

  it('posts a placed order with its lines\' item ids and records the id the API answered', async () => {
    const customerId = await createCustomer(session.stack, session.admin, 'USD');
    const order = await placeOrderFor(customerId, ['REST-00010', 'REST-00011']);
    await eventually(() => rest.orders.length >= 1, 20_000);
    expect(rest.orders[0]).toMatchObject({ method: 'POST', url: '/v1/orders' });
    expect(rest.orders[0].body).toMatchObject({
      id: order.id,
      number: order.number,
      currency: 'USD',
      customer: { id: customerId, externalId: null },
      lines: [
        { sku: 'REST-00010', quantity: 2, externalId: 'item_10' },
        { sku: 'REST-00011', quantity: 1, externalId: 'item_11' },
      ],
    });
    expect(await orderRefs(order.id)).toEqual([expect.objectContaining({ connectorId, system: 'REST', externalId: 'ord_1' })]);
  });
});
