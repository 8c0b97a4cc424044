import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CsvFileAdapter, ORDER_COLUMNS } from '../src/adapters/csv-file';
import { hasPendingFiles } from '../src/adapters/csv-folder';
import { RestAdapter } from '../src/adapters/rest';
import type { AdapterContext, FieldMapping, OutboundOrder, SourceCustomer, SourceProduct } from '../src/adapters/types';
import { ExternalSystemError } from '../src/services/backoff';
import { failureOf } from './adapter-helpers';
import { serveDuringTests } from './fakes/fake-server';
import { FakeRest } from './fakes/rest';

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const ORDER: OutboundOrder = {
  id: 'ord-uuid-1',
  number: 'SO-1001',
  status: 'CONFIRMED',
  placedAt: '2026-11-20T10:00:00.000Z',
  currency: 'EUR',
  total: '129.5',
  customer: { id: 'cust-uuid', code: 'C-0001', name: 'Müller, Schmidt & "Partner"', email: 'buyer@example.test', externalId: null },
  lines: [
    { sku: 'P-00001', name: 'Widget, large', quantity: 2, unitPrice: '50', externalId: 'P-00001' },
    { sku: 'P-00002', name: 'Gadget', quantity: 1, unitPrice: '29.5', externalId: null },
  ],
};

describe('CSV_FILE adapter', () => {
  let dir: string;
  const adapter = (mapping: FieldMapping = {}) => new CsvFileAdapter({ baseUrl: dir, credentials: {}, mapping, timeoutMs: 1000 });
  const inbox = (name: string, content: string) => writeFile(path.join(dir, 'inbox', name), content);
  const list = async (folder: string) => (await readdir(path.join(dir, folder))).sort();

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tg-csv-'));
    await adapter().customers({ since: null }).next(); // creates the folders (and finds nothing)
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function productsCsv(from: number, to: number, withUpdatedAt: boolean): string {
    const rows = [withUpdatedAt ? 'sku,name,description,brand,price,currency,updated_at' : 'sku,name,description,brand,price,currency'];
    for (let i = from; i < to; i++) {
      const sku = `P-${String(i).padStart(5, '0')}`;
      rows.push(`${sku},"Product ${i}, boxed",,Acme,${(i % 90) + 1}.50,EUR${withUpdatedAt ? `,2026-11-0${1 + (i % 9)}T08:00:00Z` : ''}`);
    }
    return rows.join('\n') + '\n';
  }

  it('reads 1,200 products from two files in pages of 500 with stock joined by sku, moving files inbox → processing → done', async () => {
    await inbox('products-a.csv', productsCsv(0, 600, true));
    await inbox('products-b.csv', productsCsv(600, 1200, false));
    const mtime = new Date('2026-11-21T12:00:00Z');
    await utimes(path.join(dir, 'inbox', 'products-b.csv'), mtime, mtime);
    await inbox('stock-1.csv', 'sku,warehouse,on_hand\nP-00000,MAIN,5\nP-00000,EAST,2\nP-00700,MAIN,9\nP-00700,MAIN,11\nNOPE-1,MAIN,3\n');

    const sizes: number[] = [];
    const seen = new Map<string, SourceProduct>();
    const snapshots: { processing: string[]; done: string[]; inbox: string[] }[] = [];
    for await (const page of adapter().products({ since: null, withStock: true })) {
      sizes.push(page.length);
      for (const p of page) seen.set(p.externalId, p);
      snapshots.push({ processing: await list('processing'), done: await list('done'), inbox: await list('inbox') });
    }

    expect(sizes).toEqual([500, 500, 200]);
    expect(seen.size).toBe(1200);
    // claimed before reading: nothing left in inbox, all three in processing
    expect(snapshots[0].inbox).toEqual([]);
    expect(snapshots[0].processing).toHaveLength(3);
    expect(snapshots[0].done).toEqual([]);
    // file a's last rows were in page 2; it moves once the engine has taken page 2
    expect(snapshots[1].done).toEqual([]);
    expect(snapshots[2].done).toEqual([expect.stringMatching(/^products-a\.\d{8}T\d{9}Z-[0-9a-f]{6}\.csv$/)]);
    expect(await list('processing')).toEqual([]);
    const done = await list('done');
    expect(done).toHaveLength(4);
    expect(done.filter((n) => /^products-b\.\d{8}T\d{9}Z-[0-9a-f]{6}\.csv$/.test(n))).toHaveLength(1);
    const unmatched = done.find((n) => n.endsWith('.unmatched.csv'))!;
    expect(unmatched).toMatch(/^stock-1\..*\.unmatched\.csv$/);
    expect(await readFile(path.join(dir, 'done', unmatched), 'utf8')).toBe('sku,warehouse,on_hand\r\nNOPE-1,MAIN,3\r\n');

    expect(seen.get('P-00000')).toEqual({
      externalId: 'P-00000',
      updatedAt: '2026-11-01T08:00:00.000Z',
      item: { sku: 'P-00000', name: 'Product 0, boxed', description: null, brand: 'Acme', basePrice: { amount: '1.5', currency: 'EUR' } },
      stock: [{ warehouseCode: 'MAIN', onHand: 5 }, { warehouseCode: 'EAST', onHand: 2 }],
    });
    expect(seen.get('P-00700')!.stock).toEqual([{ warehouseCode: 'MAIN', onHand: 11 }]); // the later row wins
    expect(seen.get('P-00700')!.updatedAt).toBe(mtime.toISOString()); // no updated_at column: the file's mtime
    expect(seen.get('P-00001')!.stock).toEqual([]);
  });

  it('moves a broken file to failed/ with an .error.txt naming the line, puts its siblings back, and throws a permanent error', async () => {
    await inbox('products-1-good.csv', productsCsv(0, 3, true));
    await inbox('products-2-bad.csv', 'sku,name,price\nA-1,First,1.00\nA-2,"Second,2.00\nA-3,Third,3.00\n');
    const pages: SourceProduct[][] = [];
    const error = await failureOf((async () => { for await (const page of adapter().products({ since: null, withStock: false })) pages.push(page); })());
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^CSV file products-2-bad\.csv is broken at line 3: .*never closed/);
    expect(pages).toEqual([]); // checked before anything was handed out
    const failed = await list('failed');
    expect(failed).toHaveLength(2);
    const errorFile = failed.find((n) => n.endsWith('.error.txt'))!;
    expect(errorFile).toMatch(/^products-2-bad\..*\.csv\.error\.txt$/);
    expect(await readFile(path.join(dir, 'failed', errorFile), 'utf8')).toMatch(/^products-2-bad\.csv: line 3: the record starting on this line opens a quoted field that is never closed \(the file ends at line 4\)/);
    expect(await list('inbox')).toEqual(['products-1-good.csv']);
    expect(await list('processing')).toEqual([]);

    // the good file goes through on the next run
    const next = (await collect(adapter().products({ since: null, withStock: false }))).flat();
    expect(next.map((p) => p.externalId)).toEqual(['P-00000', 'P-00001', 'P-00002']);
  });

  it('names the header problem (line 1) and a wrong field count (its line), and checks stock on-hand values', async () => {
    await inbox('products-x.csv', 'sku,name,cost\nA-1,First,1\n');
    expect((await failureOf(collect(adapter().products({ since: null, withStock: false })))).message).toContain('products-x.csv is broken at line 1: header has no "price" column (for basePrice.amount); its columns are: sku, name, cost');

    await inbox('products-y.csv', 'sku,name,price\nA-1,First,1\n\nA-2,Second,2,extra\n');
    const error = await failureOf(collect(adapter().products({ since: null, withStock: false })));
    expect(error.message).toMatch(/products-y\.csv is broken at line 4: Invalid Record Length: expect 3, got 4/);

    await inbox('products-z.csv', 'sku,name,price\nA-1,First,1\n');
    await inbox('stock-q.csv', 'sku,warehouse,on_hand\nA-1,MAIN,7\nA-1,EAST,seven\n');
    expect((await failureOf(collect(adapter().products({ since: null, withStock: true })))).message).toContain('stock-q.csv is broken at line 3: on_hand "seven" is not a whole number');
    expect(await list('inbox')).toEqual(['products-z.csv']);
    expect((await list('failed')).filter((n) => n.endsWith('.error.txt'))).toHaveLength(3);
  });

  it('ignores .tmp and dot-files (writes in progress); hasPendingFiles tells whether a run has work', async () => {
    expect(await hasPendingFiles(path.join(dir, 'missing'))).toBe(false);
    // a pattern broad enough to match the temporary names, so only the exclusion keeps them out
    const mapping: FieldMapping = { product: { filePattern: '*products*' } };
    await inbox('products-1.csv.tmp', 'sku,name,price\nT-1,Half-written,1\n');
    await inbox('.products-2.csv.Xa81f', 'sku,name,price\nT-2,rsync temp,1\n');
    await inbox('stock-1.csv', 'sku,warehouse,on_hand\nR-1,MAIN,1\n');
    expect(await hasPendingFiles(dir, mapping)).toBe(false); // stock alone does not make a run
    await inbox('products-3.csv', 'sku,name,price\nR-1,Real,1\n');
    expect(await hasPendingFiles(dir, mapping)).toBe(true);
    const read = (await collect(adapter(mapping).products({ since: null, withStock: false }))).flat();
    expect(read.map((p) => p.externalId)).toEqual(['R-1']);
    expect(read[0].stock).toEqual([]); // stock not asked for
    expect(await list('inbox')).toEqual(['.products-2.csv.Xa81f', 'products-1.csv.tmp', 'stock-1.csv']);
    expect(await hasPendingFiles(dir, mapping)).toBe(false);
    // with no products file, stock files wait in inbox for their products
    expect(await collect(adapter().products({ since: null, withStock: true }))).toEqual([]);
    expect(await list('inbox')).toContain('stock-1.csv');
  });

  it('reads custom columns and file names from the mapping, and passes bad values on for the engine to refuse', async () => {
    const mapping: FieldMapping = {
      product: { filePattern: 'artikel_*.txt', currency: 'CHF', fields: { sku: 'Artikelnummer', name: 'Bezeichnung', 'basePrice.amount': 'Preis', brand: 'Marke', updatedAt: 'Geaendert' } },
      inventory: { filePattern: 'bestand_*.txt', fields: { sku: 'Artikelnummer', warehouseCode: 'Lager', onHand: 'Menge' }, locations: { L1: 'MAIN' } },
    };
    await inbox('artikel_01.txt', '\uFEFFArtikelnummer,Bezeichnung,Preis,Marke,Geaendert\nAB-1,Schraube,0.1234,Würth,2026-10-01T00:00:00+02:00\nAB-2,Mutter,"12,50",,\n');
    await inbox('bestand_01.txt', 'Artikelnummer,Lager,Menge\nAB-1,L1,40\nAB-1,L9,3\n');
    await inbox('products.csv', 'sku,name,price\nDEF-1,Default,1\n'); // the default pattern no longer applies
    const read = (await collect(adapter(mapping).products({ since: null, withStock: true }))).flat();
    expect(read.map((p) => p.externalId)).toEqual(['AB-1', 'AB-2']);
    expect(read[0].item).toEqual({ sku: 'AB-1', name: 'Schraube', description: null, brand: 'Würth', basePrice: { amount: '0.1234', currency: 'CHF' } });
    expect(read[0].updatedAt).toBe('2026-09-30T22:00:00.000Z');
    expect(read[0].stock).toEqual([{ warehouseCode: 'MAIN', onHand: 40 }]); // L9 is not one of ours
    expect(read[1].item.basePrice.amount).toBe('12,50'); // as it is: the engine's price check refuses it with this value
    expect(read[1].item.brand).toBeNull();
    expect(await list('inbox')).toEqual(['products.csv']);
  });

  it('reads customers', async () => {
    await inbox('customers-2026.csv', 'code,name,email,phone,credit_limit,currency,updated_at\nC-1,"Müller, Schmidt & ""Partner""",a@example.test,+49 30 1,5000.00,EUR,2026-11-02T09:30:00Z\nC-2,Solo,,,,CHF,\n');
    const read: SourceCustomer[] = (await collect(adapter().customers({ since: new Date() }))).flat();
    expect(read).toHaveLength(2);
    expect(read[0]).toEqual({
      externalId: 'C-1',
      updatedAt: '2026-11-02T09:30:00.000Z',
      item: { code: 'C-1', name: 'Müller, Schmidt & "Partner"', email: 'a@example.test', phone: '+49 30 1', creditLimit: { amount: '5000', currency: 'EUR' } },
    });
    expect(read[1].item).toEqual({ code: 'C-2', name: 'Solo', email: null, phone: null, creditLimit: { amount: '0', currency: 'CHF' } });
    expect((await list('done')).filter((n) => n.startsWith('customers-2026.'))).toHaveLength(1);
  });

  it('puts unread files back in inbox when the engine stops early, and two workers never read one file', async () => {
    await inbox('products-a.csv', productsCsv(0, 700, true));
    await inbox('products-b.csv', productsCsv(700, 900, true));
    for await (const page of adapter().products({ since: null, withStock: false })) {
      expect(page).toHaveLength(500);
      break; // the engine failed after the first page
    }
    expect(await list('inbox')).toEqual(['products-a.csv', 'products-b.csv']);
    expect(await list('processing')).toEqual([]);

    await inbox('products-c.csv', productsCsv(900, 1000, true));
    const [one, two] = await Promise.all([collect(adapter().products({ since: null, withStock: false })), collect(adapter().products({ since: null, withStock: false }))]);
    const ids = [...one.flat(), ...two.flat()].map((p) => p.externalId);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(await list('done')).toHaveLength(3);
  });

  it('pushOrder writes outbox/orders/<number>.csv, one row per line, atomically; pushStock writes outbox/stock-<timestamp>.csv', async () => {
    const csv = adapter({ inventory: { locations: { L1: 'MAIN' } } });
    expect(await csv.pushOrder(ORDER, null)).toEqual({ externalId: 'SO-1001.csv' });
    const folder = path.join(dir, 'outbox', 'orders');
    expect(await readdir(folder)).toEqual(['SO-1001.csv']); // no .tmp left behind
    const text = await readFile(path.join(folder, 'SO-1001.csv'), 'utf8');
    expect(text.split('\r\n')[1]).toBe('SO-1001,ord-uuid-1,CONFIRMED,2026-11-20T10:00:00.000Z,EUR,129.5,C-0001,"Müller, Schmidt & ""Partner""",buyer@example.test,,1,P-00001,"Widget, large",2,50,P-00001');
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(Object.keys(rows[0])).toEqual(ORDER_COLUMNS);
    expect(rows.map((r) => [r.line_no, r.sku, r.quantity, r.unit_price, r.customer_name])).toEqual([
      ['1', 'P-00001', '2', '50', 'Müller, Schmidt & "Partner"'],
      ['2', 'P-00002', '1', '29.5', 'Müller, Schmidt & "Partner"'],
    ]);
    // an update rewrites the same file
    expect(await csv.pushOrder({ ...ORDER, status: 'SHIPPED' }, 'SO-1001.csv')).toEqual({ externalId: 'SO-1001.csv' });
    expect(await readFile(path.join(folder, 'SO-1001.csv'), 'utf8')).toContain(',SHIPPED,');

    await csv.pushStock([{ externalId: 'P-00001', sku: 'P-00001', warehouseCode: 'MAIN', onHand: 12, available: 10 }, { externalId: 'P-00002', sku: 'P-00002', warehouseCode: 'EAST', onHand: 3, available: 3 }]);
    const stockFiles = (await readdir(path.join(dir, 'outbox'))).filter((n) => n.startsWith('stock-'));
    expect(stockFiles).toEqual([expect.stringMatching(/^stock-\d{8}T\d{9}Z-[0-9a-f]{4}\.csv$/)]);
    expect(await readFile(path.join(dir, 'outbox', stockFiles[0]), 'utf8')).toBe('external_id,sku,warehouse,on_hand,available\r\nP-00001,P-00001,L1,12,10\r\nP-00002,P-00002,EAST,3,3\r\n');
  });
});

describe('REST adapter', () => {
  const fake = serveDuringTests(new FakeRest());
  const PRODUCT_FIELDS = { sku: 'code', name: 'title', brand: 'brand.name' };
  const context = (mapping: FieldMapping, credentials: AdapterContext['credentials'] = { accessToken: fake.accessToken }): AdapterContext => ({ baseUrl: fake.url, credentials, mapping, timeoutMs: 5000 });
  const rest = (mapping: FieldMapping, credentials?: AdapterContext['credentials']) => new RestAdapter(context(mapping, credentials));
  const productMapping = (pagination: Record<string, unknown>, extra: Record<string, unknown> = {}): FieldMapping => ({
    product: { path: '/v1/items', itemsPath: 'data', updatedSinceParam: 'updated_since', pagination, fields: PRODUCT_FIELDS, ...extra },
    inventory: { locations: { MAIN: 'WH-MAIN' } },
  });
  const gets = () => fake.log.filter((r) => r.method === 'GET').map((r) => r.url);

  beforeAll(() => {
    fake.seed(250);
    fake.seedCustomers(30);
  });
  beforeEach(() => fake.reset());

  it('follows cursor pagination across pages and maps items with their stock', async () => {
    const pages = await collect(rest(productMapping({ type: 'cursor', cursorPath: 'meta.next_cursor', param: 'cursor', sizeParam: 'limit', size: 100 })).products({ since: null, withStock: true }));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(gets()).toEqual(['/v1/items?limit=100', `/v1/items?limit=100&cursor=${Buffer.from('100').toString('base64url')}`, `/v1/items?limit=100&cursor=${Buffer.from('200').toString('base64url')}`]);
    expect(pages[0][1]).toEqual({
      externalId: 'item_1',
      updatedAt: '2026-01-01T00:01:00.000Z',
      item: { sku: 'REST-00001', name: 'Rest product 1', description: 'Description 1', brand: 'Fake Brand', basePrice: { amount: '11.5', currency: 'USD' } },
      stock: [{ warehouseCode: 'WH-MAIN', onHand: 1 }], // EAST is not mapped
    });
    expect(new Set(pages.flat().map((p) => p.externalId)).size).toBe(250);
  });

  it('follows page-number pagination and stops on a short or empty page', async () => {
    fake.pagination = 'page';
    const pages = await collect(rest(productMapping({ type: 'page', param: 'page', sizeParam: 'per_page', size: 100 })).products({ since: null, withStock: false }));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(gets()).toEqual(['/v1/items?per_page=100&page=1', '/v1/items?per_page=100&page=2', '/v1/items?per_page=100&page=3']);
    expect(pages[2][49].externalId).toBe('item_249');
    expect(pages[0][0].stock).toEqual([]); // stock not asked for

    fake.log = [];
    const exact = await collect(rest(productMapping({ type: 'page', sizeParam: 'per_page', size: 125 })).products({ since: null, withStock: false }));
    expect(exact.map((p) => p.length)).toEqual([125, 125]);
    expect(gets()).toHaveLength(3); // the third, empty page ends it
  });

  it('follows RFC 8288 Link rel=next pagination', async () => {
    fake.pagination = 'link';
    const pages = await collect(rest(productMapping({ type: 'link', sizeParam: 'per_page', size: 90 })).products({ since: null, withStock: false }));
    expect(pages.map((p) => p.length)).toEqual([90, 90, 70]);
    expect(gets()).toEqual(['/v1/items?per_page=90', '/v1/items?per_page=90&page=2', '/v1/items?per_page=90&page=3']);
  });

  it('sends since as updatedSinceParam, and the API filters', async () => {
    const since = new Date(Date.UTC(2026, 0, 1) + 200 * 60_000);
    const read = (await collect(rest(productMapping({ type: 'cursor', cursorPath: 'meta.next_cursor', sizeParam: 'limit', size: 20 })).products({ since, withStock: false }))).flat();
    expect(read).toHaveLength(50);
    expect(read[0].externalId).toBe('item_200');
    expect(gets()[0]).toBe(`/v1/items?updated_since=${encodeURIComponent(since.toISOString())}&limit=20`);
    expect(gets().slice(1).every((url) => url.includes('updated_since='))).toBe(true);
  });

  it('maps customers with overrides, keeping the defaults for unmapped fields, with an API key', async () => {
    const mapping: FieldMapping = {
      customer: { path: '/v1/customers', itemsPath: 'data', currency: 'CHF', fields: { code: 'number', name: 'company', 'creditLimit.amount': 'credit.limit', 'creditLimit.currency': 'credit.currency' } },
    };
    const read = (await collect(rest(mapping, { apiKey: fake.apiKey, apiKeyHeader: 'X-Api-Key' }).customers({ since: null }))).flat();
    expect(read).toHaveLength(30);
    expect(read[0]).toEqual({
      externalId: '1000',
      updatedAt: '2026-01-01T00:00:00.000Z',
      item: { code: 'C-0000', name: 'Customer 0 GmbH', email: 'buyer0@example.test', phone: '+49 30 1000', creditLimit: { amount: '5000', currency: 'EUR' } },
    });
    expect(read[1].item.phone).toBeNull();
    expect(fake.log[0].headers['x-api-key']).toBe(fake.apiKey);
    expect(fake.log[0].headers.authorization).toBeUndefined();
  });

  it('classifies failures: 429 retryable with retryAfterMs, 5xx retryable, 401 permanent', async () => {
    const mapping = productMapping({ type: 'cursor', cursorPath: 'meta.next_cursor' });
    fake.failures = [{ status: 429, retryAfterSeconds: 7 }];
    const limited = await failureOf(collect(rest(mapping).products({ since: null, withStock: false })));
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(limited.message).toContain('HTTP 429');

    fake.failures = [{ status: 503 }];
    const down = await failureOf(collect(rest(mapping).products({ since: null, withStock: false })));
    expect(down.retryable).toBe(true);
    expect(down.message).toContain('HTTP 503');

    const denied = await failureOf(collect(rest(mapping, { accessToken: 'wrong' }).products({ since: null, withStock: false })));
    expect(denied.retryable).toBe(false);
    expect(denied.message).toContain('HTTP 401');
    expect(fake.log[2].headers.authorization).toBe('Bearer wrong');
  });

  it('refuses a bad mapping when built, naming the key', () => {
    const build = (mapping: FieldMapping) => {
      try {
        rest(mapping);
      } catch (error) {
        expect(error).toBeInstanceOf(ExternalSystemError);
        expect((error as ExternalSystemError).retryable).toBe(false);
        return (error as Error).message;
      }
      throw new Error('expected the mapping to be refused');
    };
    expect(build({ product: { itemsPath: 'data' } })).toBe("the REST connector's mapping is wrong: mapping.product.path is missing");
    expect(build({ customer: { path: '/v1/customers', pagination: { type: 'offset' } } })).toBe('the REST connector\'s mapping is wrong: mapping.customer.pagination.type is "offset"; expected "cursor", "page" or "link"');
    expect(build({ product: { path: '/v1/items', pagination: { type: 'cursor', param: 'c' } } })).toContain('mapping.product.pagination.cursorPath is missing');
    expect(build({ product: { path: '/v1/items', fields: { sku: 42 } as unknown as Record<string, string> } })).toContain('mapping.product.fields.sku must be a non-empty string, not 42');
    expect(build({ order: { path: '/v1/orders', method: 'DELETE' } })).toContain('mapping.order.method is "DELETE"');
    expect(() => rest({})).not.toThrow(); // nothing configured is not wrong; using it is:
    return expect(collect(rest({}).products({ since: null, withStock: false }))).rejects.toThrow('mapping.product.path is needed to sync products');
  });

  it('refuses an answer without the records array, naming itemsPath', async () => {
    const error = await failureOf(collect(rest({ product: { path: '/v1/items', itemsPath: 'items' } }).products({ since: null, withStock: false })));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('has no array at "items" (mapping.product.itemsPath)');
  });

  it('pushOrder posts the order (or its re-shaped body) and reads the id at idPath; a known order is PUT', async () => {
    expect(await rest({ order: { path: '/v1/orders', idPath: 'data.id' } }).pushOrder(ORDER, null)).toEqual({ externalId: 'ord_1' });
    expect(fake.orders[0].method).toBe('POST');
    expect(fake.orders[0].body).toEqual(ORDER);

    const shaped = rest({ order: { path: '/v1/orders', method: 'POST', idPath: 'data.id', fields: { reference: 'number', 'buyer.code': 'customer.code', 'buyer.ref': 'customer.externalId', items: 'lines', total: 'total' } } });
    expect(await shaped.pushOrder(ORDER, null)).toEqual({ externalId: 'ord_2' });
    expect(fake.orders[1].body).toEqual({ reference: 'SO-1001', buyer: { code: 'C-0001', ref: null }, items: ORDER.lines, total: '129.5' });

    expect(await shaped.pushOrder(ORDER, 'ord_2')).toEqual({ externalId: 'ord_2' });
    expect(fake.orders[2]).toMatchObject({ method: 'PUT', url: '/v1/orders/ord_2' });

    const noId = await failureOf(rest({ order: { path: '/v1/orders', idPath: 'order.id' } }).pushOrder(ORDER, null));
    expect(noId.retryable).toBe(false);
    expect(noId.message).toContain('has no id at "order.id" (mapping.order.idPath)');
  });

  it('fromWebhook maps one record or { items } in the source shape, and ignores other topics', () => {
    const adapter = rest({ ...productMapping({ type: 'link' }), customer: { path: '/v1/customers', fields: { code: 'number', name: 'company' } } });
    const one = adapter.fromWebhook('products/update', fake.items[3]);
    expect(one?.products?.map((p) => [p.externalId, p.item.sku, p.stock])).toEqual([['item_3', 'REST-00003', [{ warehouseCode: 'WH-MAIN', onHand: 3 }]]]);
    const many = adapter.fromWebhook('product.created', { items: [fake.items[0], fake.items[1]] });
    expect(many?.products?.map((p) => p.item.name)).toEqual(['Rest product 0', 'Rest product 1']);
    expect(adapter.fromWebhook('customers/create', fake.customers[2])?.customers?.[0].item).toMatchObject({ code: 'C-0002', name: 'Customer 2 GmbH' });
    expect(adapter.fromWebhook('orders/create', { id: 1 })).toBeNull();
    expect(adapter.fromWebhook('productivity/report', { id: 1 })).toBeNull();
    expect(() => adapter.fromWebhook('products/update', { title: 'no id' })).toThrow('no id at "id" (mapping.product.fields.externalId)');
  });
});
