import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { FakeHttpServer, type FakeFailure, type FakeRequest } from './fake-server';

export type { FakeFailure, ReceivedRequest } from './fake-server';

type Row = Record<string, unknown>;

const BASE = '/b1s/v1/';

/**
 * A local SAP Business One Service Layer (`/b1s/v1/`) as sync uses it:
 * - `POST Login` with `{ CompanyDB, UserName, Password }` sets the `B1SESSION` and `ROUTEID`
 *   cookies; every other call without a live session gets 401 (code 301, "Invalid session"),
 *   which is also what {@link expireSessions} makes the next calls get.
 * - `GET Items` / `GET BusinessPartners` with `$select`, `$filter` (conditions joined by
 *   `and`: `UpdateDate ge 'YYYY-MM-DD'`, `CardType eq '…'`; anything else is a 400),
 *   `$orderby` on the key, `$top`/`$skip`, and server-driven paging: `Prefer:
 *   odata.maxpagesize=N` (default 20, like Service Layer) with a relative `odata.nextLink`
 *   (or `@odata.nextLink` when {@link nextLinkStyle} is 'v4').
 * - `GET Orders` (the same query options, by DocEntry; orders entered in B1 by {@link addSapOrder}),
 *   `POST Orders` → 201 with the document and its `DocEntry`; `PATCH Orders(n)` → 204,
 *   appending lines unless `B1S-ReplaceCollectionsOnPatch: true`.
 * - `POST InventoryPostings` → 201; its lines' `CountedQuantity` becomes the warehouse's InStock.
 * Errors are `{ error: { code, message: { lang, value } } }`; scripted `failures` and `down`
 * answer before anything else.
 */
export class FakeSapBusinessOne extends FakeHttpServer {
  items: Row[] = [];
  partners: Row[] = [];
  /** `PriceLists`: seeded with 1 Base Price and 2 Retail (EUR); customers' `PriceListNum` names one */
  priceLists: Row[] = [];
  orders = new Map<number, Row>();
  postings: Row[] = [];
  readonly companyDb = 'SBODEMOUS';
  readonly userName = 'manager';
  readonly password = 'b1-fake-password';
  /** which OData dialect names the next page */
  nextLinkStyle: 'v3' | 'v4' = 'v3';
  logins = 0;
  protected readonly apiRoot = BASE;
  private sessions = new Set<string>();
  private nextDocEntry = 301;

  /** Also forgets logins, orders and postings, ends every session and pages with v3 links again. */
  override reset(): void {
    super.reset();
    this.logins = 0;
    this.nextLinkStyle = 'v3';
    this.orders.clear();
    this.postings = [];
    this.expireSessions();
  }

  /**
   * `count` items (`A00000`…), item i updated on 2026-06-01 minus (i % 30) days at 08:15; price
   * list 1 = 5 + (i % 50) EUR, price list 2 = double; stock in warehouses `01` (i % 25) and
   * `02` (3). And `customers` business partners of CardType cCustomer (`C0000`…, updated
   * 2026-06-01 minus i days) plus two suppliers (`V0001`, `V0002`). Orders start over at
   * DocEntry 301; postings are cleared.
   */
  seed(count: number, customers = 0): void {
    this.priceLists = [
      { PriceListNo: 1, PriceListName: 'Base Price', BasePriceList: 1, Factor: 1, DefaultPrimeCurrency: 'EUR', Active: 'tYES' },
      { PriceListNo: 2, PriceListName: 'Retail', BasePriceList: 1, Factor: 2, DefaultPrimeCurrency: 'EUR', Active: 'tYES' },
    ];
    this.orders.clear();
    this.postings = [];
    this.nextDocEntry = 301;
    const day = (i: number) => new Date(Date.UTC(2026, 5, 1) - i * 86_400_000).toISOString().slice(0, 10);
    this.items = Array.from({ length: count }, (_, i) => ({
      ItemCode: `A${String(i).padStart(5, '0')}`,
      ItemName: `SAP item ${i}`,
      ForeignName: `Artikel ${i}`,
      User_Text: i % 3 === 0 ? `Remarks ${i}` : null,
      ItemType: 'itItems',
      Valid: 'tYES',
      Frozen: 'tNO',
      UpdateDate: day(i % 30),
      UpdateTime: '08:15:00',
      ItemPrices: [
        { PriceList: 1, PriceListName: 'Base Price', Price: 5 + (i % 50), Currency: 'EUR' },
        { PriceList: 2, PriceListName: 'Retail', Price: 2 * (5 + (i % 50)), Currency: 'EUR' },
      ],
      ItemWarehouseInfoCollection: [
        { WarehouseCode: '01', InStock: i % 25, Committed: 0, Ordered: 0 },
        { WarehouseCode: '02', InStock: 3, Committed: 1, Ordered: 0 },
      ],
    }));
    this.partners = [
      ...Array.from({ length: customers }, (_, i) => ({
        CardCode: `C${String(i).padStart(4, '0')}`,
        CardName: `SAP customer ${i}`,
        CardType: 'cCustomer',
        EmailAddress: `orders${i}@example.de`,
        Phone1: `+49 30 ${1000 + i}`,
        CreditLimit: 10_000 + i,
        Currency: i % 2 ? '##' : 'USD',
        PriceListNum: 1,
        Valid: 'tYES',
        Frozen: 'tNO',
        UpdateDate: day(i),
        UpdateTime: '09:00:00',
      })),
      { CardCode: 'V0001', CardName: 'Supplier one', CardType: 'cSupplier', UpdateDate: day(0), UpdateTime: '09:00:00' },
      { CardCode: 'V0002', CardName: 'Supplier two', CardType: 'cSupplier', UpdateDate: day(0), UpdateTime: '09:00:00' },
    ];
  }

  /** A sales order entered in SAP B1 (not pushed): `CardCode`, `DocumentLines` of `ItemCode` + `Quantity`, open. Returns its DocEntry. */
  addSapOrder(cardCode: string, lines: { itemCode: string; quantity: number }[]): number {
    const entry = this.nextDocEntry++;
    const day = new Date().toISOString().slice(0, 10);
    this.orders.set(entry, {
      DocEntry: entry,
      DocNum: entry + 1000,
      DocType: 'dDocument_Items',
      DocumentStatus: 'bost_Open',
      Cancelled: 'tNO',
      CardCode: cardCode,
      DocDate: day,
      DocDueDate: day,
      NumAtCard: null,
      Comments: null,
      ...sapNow(),
      DocumentLines: lines.map((l, i) => ({ LineNum: i, ItemCode: l.itemCode, Quantity: l.quantity, RemainingOpenQuantity: l.quantity, LineStatus: 'bost_Open' })),
    });
    return entry;
  }

  /**
   * `Cancel` (POST Orders(n)/Cancel in Service Layer: Cancelled tYES), `Close` (POST
   * Orders(n)/Close: DocumentStatus bost_Close, lines closed with their open quantity kept) or
   * `Deliver` (a delivery copied from every line in full: RemainingOpenQuantity 0, and B1 closes
   * the order) an order; its UpdateDate/UpdateTime move.
   */
  changeSapOrder(entry: number, action: 'Cancel' | 'Close' | 'Deliver'): void {
    const order = this.orders.get(entry);
    if (!order) throw new Error(`no SAP order ${entry}`);
    const lines = (order.DocumentLines as Row[] | undefined) ?? [];
    if (action === 'Deliver') lines.forEach((line) => Object.assign(line, { RemainingOpenQuantity: 0, LineStatus: 'bost_Close', TargetType: 15 }));
    if (action === 'Close') lines.forEach((line) => Object.assign(line, { LineStatus: 'bost_Close' }));
    Object.assign(order, action === 'Cancel' ? { Cancelled: 'tYES', DocumentStatus: 'bost_Close' } : { DocumentStatus: 'bost_Close' }, sapNow());
  }

  /** Ends every session, as Service Layer does after its idle timeout. */
  expireSessions(): void {
    this.sessions.clear();
  }

  protected answerFailure(res: http.ServerResponse, failure: FakeFailure): void {
    const message = failure.status === 429 ? 'Too many requests' : failure.status === 503 ? 'Service Unavailable' : 'Internal Server Error';
    this.error(res, failure.status, -1, message, this.retryAfter(failure));
  }

  protected override answerInvalidJson(res: http.ServerResponse): void {
    this.error(res, 400, -1000, 'Invalid JSON in the request body');
  }

  protected route({ method, url, headers, body }: FakeRequest, res: http.ServerResponse): void {
    if (!url.pathname.startsWith(BASE)) return this.error(res, 404, -1000, `Resource not found for the segment '${url.pathname}'`);
    const segment = decodeURIComponent(url.pathname.slice(BASE.length));
    if (segment === 'Login' && method === 'POST') return this.login(body, res);
    const session = /(?:^|;\s*)B1SESSION=([^;]+)/.exec(headers.cookie ?? '')?.[1];
    if (!session || !this.sessions.has(session)) return this.error(res, 401, 301, 'Invalid session or session already timeout.');
    if (segment === 'Logout' && method === 'POST') {
      this.sessions.delete(session);
      return void res.writeHead(204).end();
    }
    if (method === 'GET' && (segment === 'Items' || segment === 'BusinessPartners' || segment === 'Orders')) return this.list(segment, url, headers, res);
    if (method === 'GET' && segment === 'PriceLists') return this.listPriceLists(url, res);
    const single = /^(Items|BusinessPartners)\('([^']*)'\)$/.exec(segment);
    if (method === 'GET' && single) {
      const row = (single[1] === 'Items' ? this.items : this.partners).find((r) => r[single[1] === 'Items' ? 'ItemCode' : 'CardCode'] === single[2]);
      return row ? this.json(res, 200, { 'odata.metadata': `${this.url}${BASE}$metadata#${single[1]}/@Element`, ...row }) : this.error(res, 404, -2028, 'No matching records found (ODBC -2028)');
    }
    if (segment === 'Orders' && method === 'POST') return this.createOrder(body, res);
    const order = /^Orders\((\d+)\)$/.exec(segment);
    if (order && method === 'PATCH') return this.updateOrder(Number(order[1]), body, headers, res);
    if (order && method === 'GET') {
      const doc = this.orders.get(Number(order[1]));
      return doc ? this.json(res, 200, doc) : this.error(res, 404, -2028, 'No matching records found (ODBC -2028)');
    }
    if (segment === 'InventoryPostings' && method === 'POST') return this.posting(body, res);
    return this.error(res, 404, -1000, `Resource not found for the segment '${segment}'`);
  }

  private login(body: unknown, res: http.ServerResponse): void {
    const credentials = (body ?? {}) as { CompanyDB?: string; UserName?: string; Password?: string };
    if (credentials.CompanyDB !== this.companyDb) return this.error(res, 401, -304, `Fail to get DB Credentials from SLD (company database "${credentials.CompanyDB ?? ''}")`);
    if (credentials.UserName !== this.userName || credentials.Password !== this.password) return this.error(res, 401, 100000027, 'Login failed');
    this.logins++;
    const session = randomUUID();
    this.sessions.add(session);
    res.writeHead(200, { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8', 'set-cookie': [`B1SESSION=${session};HttpOnly;`, 'ROUTEID=.node1; path=/b1s'] });
    res.end(JSON.stringify({ 'odata.metadata': `${this.url}${BASE}$metadata#B1Sessions/@Element`, SessionId: session, Version: '1000190', SessionTimeout: 30 }));
  }

  private list(entity: 'Items' | 'BusinessPartners' | 'Orders', url: URL, headers: http.IncomingHttpHeaders, res: http.ServerResponse): void {
    let rows = entity === 'Items' ? this.items : entity === 'Orders' ? [...this.orders.values()] : this.partners;
    const filter = url.searchParams.get('$filter');
    if (filter !== null) {
      for (const condition of filter.split(/\s+and\s+/)) {
        const match = /^(\w+) (ge|eq) '([^']*)'$/.exec(condition.trim());
        if (!match || (match[2] === 'ge' && match[1] !== 'UpdateDate') || (match[2] === 'eq' && match[1] !== 'CardType')) {
          return this.error(res, 400, -1000, `Invalid filter condition: ${condition}`);
        }
        const [, field, op, value] = match;
        if (op === 'ge' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return this.error(res, 400, -1000, `Invalid date literal '${value}' for ${field}`);
        rows = rows.filter((r) => (op === 'eq' ? r[field] === value : String(r[field]) >= value));
      }
    }
    const orderby = url.searchParams.get('$orderby');
    if (orderby !== null) {
      const key = entity === 'Items' ? 'ItemCode' : entity === 'Orders' ? 'DocEntry' : 'CardCode';
      if (orderby !== key) return this.error(res, 400, -1000, `$orderby on '${orderby}' is not supported by this fake`);
      rows = [...rows].sort((a, b) => (key === 'DocEntry' ? Number(a[key]) - Number(b[key]) : String(a[key]).localeCompare(String(b[key]))));
    }
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) : Infinity;
    const prefer = /odata\.maxpagesize=(\d+)/.exec(String(headers.prefer ?? ''));
    const pageSize = prefer ? Number(prefer[1]) : 20;
    const available = rows.slice(skip, skip + Math.min(top, rows.length));
    const page = available.slice(0, pageSize);
    const select = url.searchParams.get('$select');
    const fields = select ? select.split(',') : null;
    const value = page.map((row) => (fields ? Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]])) : row));
    const out: Record<string, unknown> = { 'odata.metadata': `${this.url}${BASE}$metadata#${entity}`, value };
    const responseHeaders: Record<string, string> = {};
    if (prefer) responseHeaders['preference-applied'] = `odata.maxpagesize=${pageSize}`;
    if (available.length > pageSize) {
      const next = new URLSearchParams(url.searchParams);
      next.set('$skip', String(skip + pageSize));
      if (Number.isFinite(top)) next.set('$top', String(top - pageSize));
      const link = `${entity}?${[...next].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
      out[this.nextLinkStyle === 'v3' ? 'odata.nextLink' : '@odata.nextLink'] = link;
    }
    this.json(res, 200, out, responseHeaders);
  }

  /** `GET PriceLists` with `$select` and `$orderby=PriceListNo`; a company has few lists, so one page. */
  private listPriceLists(url: URL, res: http.ServerResponse): void {
    const orderby = url.searchParams.get('$orderby');
    if (orderby !== null && orderby !== 'PriceListNo') return this.error(res, 400, -1000, `$orderby on '${orderby}' is not supported by this fake`);
    const select = url.searchParams.get('$select')?.split(',') ?? null;
    const rows = [...this.priceLists].sort((a, b) => Number(a.PriceListNo) - Number(b.PriceListNo));
    const value = rows.map((row) => (select ? Object.fromEntries(select.filter((f) => f in row).map((f) => [f, row[f]])) : row));
    this.json(res, 200, { 'odata.metadata': `${this.url}${BASE}$metadata#PriceLists`, value });
  }

  private createOrder(body: unknown, res: http.ServerResponse): void {
    const doc = (body ?? {}) as Row & { DocumentLines?: Row[] };
    if (!this.partners.some((p) => p.CardCode === doc.CardCode && p.CardType === 'cCustomer')) return this.error(res, 400, -10, `1320000126 - Business partner code '${String(doc.CardCode)}' is invalid`);
    const problem = this.invalidLines(doc.DocumentLines ?? []);
    if (problem) return this.error(res, 400, -5002, problem);
    if (!doc.DocumentLines?.length) return this.error(res, 400, -5002, 'To generate this document, first define the numbering series in the Administration module');
    const entry = this.nextDocEntry++;
    const stored: Row = { DocEntry: entry, DocNum: entry + 1000, DocType: 'dDocument_Items', DocumentStatus: 'bost_Open', Cancelled: 'tNO', ...doc, ...sapNow(), DocumentLines: doc.DocumentLines.map((line, i) => ({ LineNum: i, ...line })) };
    this.orders.set(entry, stored);
    this.json(res, 201, { 'odata.metadata': `${this.url}${BASE}$metadata#Orders/@Element`, ...stored });
  }

  private updateOrder(entry: number, body: unknown, headers: http.IncomingHttpHeaders, res: http.ServerResponse): void {
    const existing = this.orders.get(entry);
    if (!existing) return this.error(res, 404, -2028, 'No matching records found (ODBC -2028)');
    const patch = (body ?? {}) as Row & { DocumentLines?: Row[] };
    if ('CardCode' in patch && patch.CardCode !== existing.CardCode) return this.error(res, 400, -1029, 'Field cannot be updated (ODBC -1029)');
    const problem = this.invalidLines(patch.DocumentLines ?? []);
    if (problem) return this.error(res, 400, -5002, problem);
    const merged: Row = { ...existing, ...patch, ...sapNow() };
    if (patch.DocumentLines) {
      const replace = String(headers['b1s-replacecollectionsonpatch'] ?? '').toLowerCase() === 'true';
      const kept = replace ? [] : (existing.DocumentLines as Row[]);
      merged.DocumentLines = [...kept, ...patch.DocumentLines].map((line, i) => ({ ...line, LineNum: i }));
    }
    this.orders.set(entry, merged);
    res.writeHead(204).end();
  }

  private posting(body: unknown, res: http.ServerResponse): void {
    const doc = (body ?? {}) as Row & { InventoryPostingLines?: { ItemCode?: string; WarehouseCode?: string; CountedQuantity?: number }[] };
    for (const line of doc.InventoryPostingLines ?? []) {
      const item = this.items.find((i) => i.ItemCode === line.ItemCode);
      if (!item) return this.error(res, 400, -5002, `Item '${String(line.ItemCode)}' does not exist`);
      const info = (item.ItemWarehouseInfoCollection as { WarehouseCode: string; InStock: number }[]).find((w) => w.WarehouseCode === line.WarehouseCode);
      if (!info) return this.error(res, 400, -5002, `Warehouse '${String(line.WarehouseCode)}' is not defined for item '${String(line.ItemCode)}'`);
      info.InStock = Number(line.CountedQuantity);
    }
    this.postings.push(doc);
    this.json(res, 201, { DocumentEntry: this.postings.length, ...doc });
  }

  private invalidLines(lines: Row[]): string | null {
    for (const [i, line] of lines.entries()) {
      if (!this.items.some((item) => item.ItemCode === line.ItemCode)) return `Item '${String(line.ItemCode)}' in line ${i} does not exist`;
      if (typeof line.Quantity !== 'number' || line.Quantity <= 0) return `Quantity in line ${i} must be positive`;
    }
    return null;
  }

  private error(res: http.ServerResponse, status: number, code: number, value: string, headers: Record<string, string> = {}): void {
    this.sendJson(res, status, { error: { code, message: { lang: 'en-us', value } } }, { 'content-type': 'application/json;charset=utf-8', ...headers });
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.sendJson(res, status, body, { 'content-type': 'application/json;odata=minimalmetadata;charset=utf-8', ...headers });
  }
}

/** UpdateDate and UpdateTime as Service Layer writes them for a change made now (the server's clock, read as UTC). */
function sapNow(): { UpdateDate: string; UpdateTime: string } {
  const now = new Date().toISOString();
  return { UpdateDate: now.slice(0, 10), UpdateTime: now.slice(11, 19) };
}
