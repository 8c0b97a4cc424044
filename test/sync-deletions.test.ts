import { CreateConnectorDocument, SuspendCustomerDocument, SyncedCustomerStatusDocument, SyncedProductBySkuDocument, SyncedProductHistoryDocument, type CreateConnectorInput } from '../operations/__generated__/graphql';
import { fakeConnectorInput, useSyncSession } from './support/sync';
import { FakeNetSuite } from '../subgraphs/sync/test/fakes/netsuite';
import { FakeSapBusinessOne } from '../subgraphs/sync/test/fakes/sap-business-one';
import { FakeDynamics365 } from '../subgraphs/sync/test/fakes/dynamics-365';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';

/**
 * Records deleted or made inactive at the source, through the gateway: under the connector's
 * `deletions: ARCHIVE` a product deleted at the source is archived by the next full run
 * (reconciliation), and products the source deactivates are archived by any run that reads
 * them (restored to DRAFT when the source has them active again); customers the source
 * deactivates (NetSuite isInactive, Business Central blocked) are SUSPENDED and reactivated
 * when the block is lifted — only those sync suspended — and ARCHIVED only when the source no
 * longer has them. A product another connector still has is not archived. Nothing is ever
 * deleted. Under the default, IGNORE, they stay as they are.
 */

const session = useSyncSession();
const { gql } = session;

async function createConnector(input: CreateConnectorInput): Promise<string> {
  return (await gql(CreateConnectorDocument, { input })).createConnector.id;
}

async function productStatus(sku: string): Promise<string> {
  const { product } = await gql(SyncedProductBySkuDocument, { sku });
  if (!product) throw new Error(`no product ${sku}`);
  return product.status;
}

async function customer(code: string) {
  const { customer } = await gql(SyncedCustomerStatusDocument, { code });
  if (!customer) throw new Error(`no customer ${code}`);
  return customer;
}

describe('NETSUITE with deletions ARCHIVE', () => {
  const ns = serveDuringTests(new FakeNetSuite());
  let connectorId: string;
  beforeAll(async () => {
    ns.latencyMs = 0;
    ns.seed(4, 3);
    connectorId = await createConnector(
      fakeConnectorInput(ns, 'whsec-deletions', { name: 'NetSuite deletions', system: 'NETSUITE', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER'], deletions: 'ARCHIVE', fieldMapping: { product: { currency: 'USD' } } }),
    );
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 7, failed: 0 });
  });

  it('archives a product deleted at the source (full run) and an inactive product; suspends an inactive customer; a re-run changes nothing', async () => {
    ns.items.splice(3, 1); // NS-00003 deleted in NetSuite
    ns.items[2].isInactive = true;
    ns.customers[1].isInactive = true;
    // CUST-0002 suspended by a person, and blocked in NetSuite too: sync leaves it to the person.
    await gql(SuspendCustomerDocument, { id: (await customer('CUST-0002')).id, reason: 'unpaid invoices' });
    ns.customers[2].isInactive = true;
    const run = await session.sync(connectorId, { full: true });
    // 3 items and 3 customers read, 1 ref no longer seen; changed: NS-00002, NS-00003 (archived), CUST-0001 (suspended).
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 7, created: 0, updated: 3, unchanged: 4, failed: 0 });
    expect(await productStatus('NS-00003')).toBe('ARCHIVED');
    expect(await productStatus('NS-00002')).toBe('ARCHIVED');
    expect(await productStatus('NS-00001')).toBe('DRAFT');
    // A draft goes straight to ARCHIVED through archiveProduct: no PUBLISHED on the way.
    const history = (await gql(SyncedProductHistoryDocument, { sku: 'NS-00002' })).product!;
    expect(history.statusHistory.map((h) => h.to)).toEqual(['DRAFT', 'ARCHIVED']);
    expect(history.publishedAt).toBeNull();
    const suspended = await customer('CUST-0001');
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.statusHistory.at(-1)).toMatchObject({ from: 'ACTIVE', to: 'SUSPENDED', reason: expect.stringContaining('NETSUITE') });
    expect((await customer('CUST-0000')).status).toBe('ACTIVE');

    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', total: 6, created: 0, updated: 0, unchanged: 6, failed: 0 });
  });

  it('restores to DRAFT a product active again at the source and reactivates the customer it suspended, not the one a person suspended', async () => {
    ns.items[2].isInactive = false;
    ns.customers[1].isInactive = false;
    ns.customers[2].isInactive = false;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await productStatus('NS-00002')).toBe('DRAFT');
    expect(await productStatus('NS-00003')).toBe('ARCHIVED'); // still gone at the source
    const reactivated = await customer('CUST-0001');
    expect(reactivated.status).toBe('ACTIVE');
    expect(reactivated.statusHistory.at(-1)).toMatchObject({ from: 'SUSPENDED', to: 'ACTIVE' });
    expect((await customer('CUST-0002')).status).toBe('SUSPENDED');
  });

  it('archives a customer the source no longer has (full run), a suspended one too', async () => {
    ns.customers[1].isInactive = true;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect((await customer('CUST-0001')).status).toBe('SUSPENDED');
    ns.customers.splice(0, 2); // CUST-0000 and CUST-0001 deleted in NetSuite
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect((await customer('CUST-0000')).statusHistory.at(-1)).toMatchObject({ from: 'ACTIVE', to: 'ARCHIVED', reason: expect.stringContaining('deleted in NETSUITE') });
    expect((await customer('CUST-0001')).statusHistory.at(-1)).toMatchObject({ from: 'SUSPENDED', to: 'ARCHIVED' });
    expect((await customer('CUST-0002')).status).toBe('SUSPENDED');
  });
});

describe('a product two connectors share', () => {
  const a = serveDuringTests(new FakeNetSuite());
  const b = serveDuringTests(new FakeNetSuite());
  const connectors: string[] = [];
  beforeAll(async () => {
    for (const [fake, name] of [[a, 'Shared A'], [b, 'Shared B']] as const) {
      fake.latencyMs = 0;
      fake.seed(2, 0);
      fake.items.forEach((item, i) => (item.itemId = `SHARED-${i}`));
      connectors.push(await createConnector(fakeConnectorInput(fake, 'whsec-deletions', { name, system: 'NETSUITE', mode: 'POLLING', entities: ['PRODUCT'], deletions: 'ARCHIVE', fieldMapping: { product: { currency: 'USD' } } })));
      expect(await session.sync(connectors.at(-1)!)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    }
    expect((await gql(SyncedProductBySkuDocument, { sku: 'SHARED-1' })).product!.externalRefs).toHaveLength(2);
  });

  it('is archived only when the last connector holding it live drops it', async () => {
    a.items[1].isInactive = true;
    expect(await session.sync(connectors[0], { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await productStatus('SHARED-1')).toBe('DRAFT'); // B still has it
    b.items.splice(1, 1);
    expect(await session.sync(connectors[1], { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await productStatus('SHARED-1')).toBe('ARCHIVED');
  });
});

describe('SAP_BUSINESS_ONE with the default deletions (IGNORE)', () => {
  const sap = serveDuringTests(new FakeSapBusinessOne());
  let connectorId: string;
  beforeAll(async () => {
    sap.seed(3, 2);
    connectorId = await createConnector(
      fakeConnectorInput(sap, 'whsec-deletions', {
        name: 'SAP deletions',
        system: 'SAP_BUSINESS_ONE',
        mode: 'POLLING',
        entities: ['PRODUCT', 'CUSTOMER'],
        fieldMapping: { product: { currency: 'EUR' } },
        credentials: { companyDb: sap.companyDb, userName: sap.userName, password: sap.password },
      }),
    );
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 5, failed: 0 });
  });

  it('keeps a deleted item, a frozen item and an invalid business partner as they are', async () => {
    sap.items.splice(2, 1); // A00002 deleted in B1
    sap.items[1].Frozen = 'tYES';
    sap.partners[1].Valid = 'tNO';
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', total: 4, updated: 0, unchanged: 4, failed: 0 });
    expect(await productStatus('A00002')).toBe('DRAFT');
    expect(await productStatus('A00001')).toBe('DRAFT');
    expect((await customer('C0001')).status).toBe('ACTIVE');
    // Under IGNORE the flags are not even read.
    expect(sap.requestsTo('GET', 'Items').at(-1)!.query.get('$select')!.split(',')).not.toContain('Frozen');
  });
});

describe('DYNAMICS_365 with deletions ARCHIVE', () => {
  const bc = serveDuringTests(new FakeDynamics365());
  let connectorId: string;
  beforeAll(async () => {
    bc.seed(2, 2);
    connectorId = await createConnector(
      fakeConnectorInput(bc, 'whsec-deletions', { name: 'BC deletions', system: 'DYNAMICS_365', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER'], deletions: 'ARCHIVE', fieldMapping: { companyId: bc.companyId, product: { currency: 'EUR' } } }),
    );
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 4, failed: 0 });
  });

  it('archives a blocked item and suspends a customer blocked for All in a delta run; a customer blocked for Ship only stays', async () => {
    const now = new Date().toISOString();
    Object.assign(bc.items[1], { blocked: true, lastModifiedDateTime: now });
    Object.assign(bc.customers[1], { blocked: 'All', lastModifiedDateTime: now });
    Object.assign(bc.customers[0], { blocked: 'Ship', lastModifiedDateTime: now });
    const run = await session.sync(connectorId);
    // The delta is inclusive: item 1000-0000 (the old cursor) is read again, unchanged, as is C-0000 (blocked for Ship only).
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 4, updated: 2, unchanged: 2, failed: 0 });
    expect(await productStatus('1000-0001')).toBe('ARCHIVED');
    expect(await productStatus('1000-0000')).toBe('DRAFT');
    expect((await customer('C-0001')).status).toBe('SUSPENDED');
    expect((await customer('C-0000')).status).toBe('ACTIVE');
  });
});
