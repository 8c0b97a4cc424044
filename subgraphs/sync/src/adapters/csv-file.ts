import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import { ExternalSystem } from '../entities';
import { ExternalSystemError } from '../services/backoff';
import { claimFiles, ClaimedSet, CsvFileProblem, ensureFolders, FILE_KINDS, sectionOf, stamp, watchedDirectory, writeAtomically, type ClaimedFile, type FileKind } from './csv-folder';
import { decimal, mapFields, text } from './mapping';
import type { AdapterContext, ConnectorAdapter, OutboundOrder, OutboundStockLevel, SourceCustomer, SourceProduct } from './types';

/**
 * CSV files dropped into a watched directory (its layout, and how files are claimed: see
 * csv-folder.ts).
 *
 * Files (matched case-insensitively, `*` and `?` wildcards; configurable as
 * `mapping.product.filePattern`, `mapping.inventory.filePattern`, `mapping.customer.filePattern`):
 * - `products*.csv` — columns sku, name, description, brand, price, currency, updated_at
 * - `stock*.csv` — columns sku, warehouse, on_hand
 * - `customers*.csv` — columns code, name, email, phone, credit_limit, currency, updated_at
 * A header row is required. `mapping.<entity>.fields` maps a Tradegraph field to a column name,
 * overriding the defaults above (targets: products `externalId sku name description brand
 * basePrice.amount basePrice.currency updatedAt`; stock `sku warehouseCode onHand`; customers
 * `externalId code name email phone creditLimit.amount creditLimit.currency updatedAt`).
 * A column name that contains a dot cannot be mapped (mapping paths split on dots).
 *
 * `since` is ignored: every file is a delta by nature (a writer drops what changed), so every
 * pending file is read, and the engine's checksums skip records that did not change.
 *
 * A run is all or nothing per claimed set: every claimed file is parsed once to check it before
 * any record is handed out, so a file broken at line 900 does not get its first 500 rows applied.
 * When a file is broken it goes to `failed/` with its `.error.txt`, the other claimed files go
 * back to `inbox/` for the next run, and the adapter throws a permanent {@link ExternalSystemError}.
 * When the engine stops reading midway (it threw, or broke its loop), files not yet fully handed
 * out also go back to `inbox/`.
 *
 * A row with a bad value (price "12,50", empty name) is still yielded, with the value as it is,
 * so the engine refuses it with a message rather than the row vanishing. Stock is the exception:
 * the engine does not check stock per record, so an `on_hand` that is not a whole number makes
 * the stock file broken (negative on-hand counts as 0, as for Shopify).
 */
export class CsvFileAdapter implements ConnectorAdapter {
  readonly system = ExternalSystem.CSV_FILE;
  /** the watched directory, absolute */
  readonly directory: string;

  constructor(private readonly context: AdapterContext) {
    this.directory = watchedDirectory(context.baseUrl);
  }

  /**
   * Reads every pending products file (and, when `withStock`, every pending stock file, joined
   * by sku) in pages of {@link CSV_PAGE_SIZE}; pages span files. With no products file pending,
   * stock files stay in `inbox/`: a stock row can only travel with its product. Stock rows whose
   * sku is in no products file of the run are written beside the stock file in `done/` as
   * `<name>.unmatched.csv` (same columns), ready to be dropped again with their products.
   */
  async *products(options: { since: Date | null; withStock: boolean }): AsyncGenerator<SourceProduct[]> {
    await ensureFolders(this.directory);
    const productFiles = await claimFiles(this.directory, this.context.mapping, 'product');
    if (!productFiles.length) return;
    const batch = new ClaimedSet(this.directory, productFiles);
    try {
      const stockFiles = options.withStock ? await claimFiles(this.directory, this.context.mapping, 'stock') : [];
      batch.add(stockFiles);
      for (const file of [...stockFiles, ...productFiles]) await this.check(file, batch);
      const stock = await this.readStock(stockFiles);
      const matched = new Set<string>();
      const paths = this.paths('product');
      const currency = this.context.mapping.product?.currency ?? 'EUR';
      yield* this.pages(productFiles, batch, (row, file) => {
        const product = productFromRow(row, paths, currency, file.mtime);
        if (options.withStock) {
          const levels = stock.bySku.get(product.item.sku);
          if (levels) {
            matched.add(product.item.sku);
            product.stock = [...levels].map(([warehouseCode, onHand]) => ({ warehouseCode, onHand }));
          }
        }
        return product;
      });
      for (const file of stockFiles) {
        const unmatched = stock.rowsByFile.get(file)!.filter((row) => !matched.has(row.sku));
        if (unmatched.length) await this.writeUnmatched(file, unmatched);
        await batch.done(file);
      }
    } finally {
      await batch.release();
    }
  }

  /** Reads every pending customers file in pages of {@link CSV_PAGE_SIZE}; `since` is ignored (see the class doc). */
  async *customers(_options: { since: Date | null }): AsyncGenerator<SourceCustomer[]> {
    await ensureFolders(this.directory);
    const files = await claimFiles(this.directory, this.context.mapping, 'customer');
    if (!files.length) return;
    const batch = new ClaimedSet(this.directory, files);
    try {
      for (const file of files) await this.check(file, batch);
      const paths = this.paths('customer');
      const currency = this.context.mapping.customer?.currency ?? this.context.mapping.product?.currency ?? 'EUR';
      yield* this.pages(files, batch, (row, file) => customerFromRow(row, paths, currency, file.mtime));
    } finally {
      await batch.release();
    }
  }

  /**
   * Writes `outbox/orders/<number>.csv` (characters other than letters, digits, `.`, `_`, `-`
   * in the number become `_`), one row per order line with the order's fields repeated, via a
   * `.tmp` file and a rename so a reader never sees it half-written. An update rewrites the same
   * file. Returns the file name as the order's external id.
   */
  async pushOrder(order: OutboundOrder, externalId: string | null): Promise<{ externalId: string }> {
    const folder = path.join(this.directory, 'outbox', 'orders');
    await mkdir(folder, { recursive: true });
    const name = externalId && !externalId.includes('/') && !externalId.includes('\\') ? externalId : `${order.number.replace(/[^A-Za-z0-9._-]/g, '_')}.csv`;
    const rows = order.lines.map((line, index) => [
      order.number, order.id, order.status, order.placedAt, order.currency, order.total,
      order.customer.code, order.customer.name, order.customer.email ?? '', order.customer.externalId ?? '',
      index + 1, line.sku, line.name, line.quantity, line.unitPrice, line.externalId ?? '',
    ]);
    await writeAtomically(path.join(folder, name), [ORDER_COLUMNS, ...rows]);
    return { externalId: name };
  }

  /**
   * Writes `outbox/stock-<timestamp>-<4 hex>.csv` (the hex so two pushes in one millisecond do not collide; columns {@link STOCK_OUT_COLUMNS}) atomically; the
   * warehouse is given in the source's code when `mapping.inventory.locations` maps one to ours.
   * Writes nothing for no levels.
   */
  async pushStock(levels: OutboundStockLevel[]): Promise<void> {
    if (!levels.length) return;
    const folder = path.join(this.directory, 'outbox');
    await mkdir(folder, { recursive: true });
    const sourceCode = new Map(Object.entries(this.context.mapping.inventory?.locations ?? {}).map(([source, ours]) => [ours, source]));
    const rows = levels.map((l) => [l.externalId, l.sku, sourceCode.get(l.warehouseCode) ?? l.warehouseCode, l.onHand, l.available]);
    await writeAtomically(path.join(folder, `stock-${stamp()}-${randomBytes(2).toString('hex')}.csv`), [STOCK_OUT_COLUMNS, ...rows]);
  }

  /** The column for each target field of a kind: the defaults, then `mapping.<section>.fields`. */
  paths(kind: FileKind): Record<string, string> {
    const spec = FILE_KINDS[kind];
    const overrides = sectionOf(this.context.mapping, kind).fields as Record<string, string> | undefined;
    const paths = { ...spec.fields, ...(overrides ?? {}) };
    // The external id is the sku / code unless the mapping names its own column.
    if (kind !== 'stock' && !overrides?.externalId) paths.externalId = paths[kind === 'product' ? 'sku' : 'code'];
    return paths;
  }

  /** Parses a whole claimed file once; a broken one goes to failed/ and the run stops with a permanent error. */
  private async check(file: ClaimedFile, batch: ClaimedSet): Promise<void> {
    try {
      for await (const _row of this.rows(file)) {
        // rows() checks the header and every record; nothing to keep here
      }
    } catch (error) {
      if (!(error instanceof CsvFileProblem)) throw error;
      await batch.fail(file, error);
      throw new ExternalSystemError(`CSV file ${file.name} is broken at line ${error.line}: ${error.reason} (moved to failed/${file.claimedName}, see failed/${file.claimedName}.error.txt)`, false);
    }
  }

  /** Reads the stock files whole: on-hand by sku and warehouse (later files and rows win), and each file's rows for the unmatched report. */
  private async readStock(files: ClaimedFile[]): Promise<{ bySku: Map<string, Map<string, number>>; rowsByFile: Map<ClaimedFile, StockRow[]> }> {
    const bySku = new Map<string, Map<string, number>>();
    const rowsByFile = new Map<ClaimedFile, StockRow[]>();
    const paths = this.paths('stock');
    const locations = this.context.mapping.inventory?.locations;
    for (const file of files) {
      const rows: StockRow[] = [];
      for await (const { values } of this.rows(file)) {
        const v = mapFields(values, paths, undefined);
        const row = { sku: text(v.sku), warehouse: text(v.warehouseCode), onHand: text(v.onHand) };
        rows.push(row);
        // With a locations map, a warehouse it does not name is not one of ours (as for Shopify).
        const warehouseCode = locations && Object.keys(locations).length ? locations[row.warehouse] : row.warehouse;
        if (!warehouseCode) continue;
        const levels = bySku.get(row.sku) ?? new Map<string, number>();
        levels.set(warehouseCode, Math.max(0, Number(row.onHand)));
        bySku.set(row.sku, levels);
      }
      rowsByFile.set(file, rows);
    }
    return { bySku, rowsByFile };
  }

  private async writeUnmatched(file: ClaimedFile, rows: StockRow[]): Promise<void> {
    const paths = this.paths('stock');
    const ext = path.extname(file.claimedName);
    const name = `${file.claimedName.slice(0, file.claimedName.length - ext.length)}.unmatched.csv`;
    await writeAtomically(path.join(this.directory, 'done', name), [[paths.sku, paths.warehouseCode, paths.onHand], ...rows.map((r) => [r.sku, r.warehouse, r.onHand])]);
  }

  /**
   * Streams records of `files` in pages that span files. A file moves to done/ once the page
   * holding its last record has been taken by the engine (the generator resumed after it),
   * since the engine applies a page before asking for the next.
   */
  private async *pages<T>(files: ClaimedFile[], batch: ClaimedSet, build: (values: Record<string, string>, file: ClaimedFile) => T): AsyncGenerator<T[]> {
    let page: T[] = [];
    let finished: ClaimedFile[] = [];
    for (const file of files) {
      for await (const { values } of this.rows(file)) {
        page.push(build(values, file));
        if (page.length === CSV_PAGE_SIZE) {
          const taken = finished;
          finished = [];
          yield page;
          page = [];
          for (const done of taken) await batch.done(done);
        }
      }
      finished.push(file);
    }
    if (page.length) yield page;
    for (const done of finished) await batch.done(done);
  }

  /** The data rows of a file as column → value, checking the header and each record; throws {@link CsvFileProblem}. */
  private async *rows(file: ClaimedFile): AsyncGenerator<{ values: Record<string, string>; line: number }> {
    const paths = this.paths(file.kind);
    const input = createReadStream(file.path);
    const parser = parse({ bom: true, trim: true, skip_empty_lines: true, info: true });
    input.on('error', (error) => parser.destroy(error));
    input.pipe(parser);
    let header: string[] | null = null;
    let lastLine = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = lastLine + 1;
        lastLine = info.lines;
        if (!header) {
          header = record;
          const problem = headerProblem(header, paths, FILE_KINDS[file.kind].required);
          if (problem) throw new CsvFileProblem(line, problem);
          continue;
        }
        const values: Record<string, string> = {};
        header.forEach((column, i) => (values[column] = record[i]));
        if (file.kind === 'stock') {
          const onHand = values[paths.onHand];
          if (!/^-?\d+(\.0*)?$/.test(onHand)) throw new CsvFileProblem(line, `${paths.onHand} "${onHand}" is not a whole number`);
        }
        yield { values, line };
      }
      if (!header) throw new CsvFileProblem(1, `the file is empty: a header row is required (${requiredColumns(paths, FILE_KINDS[file.kind].required).join(', ')})`);
    } catch (error) {
      if (error instanceof CsvFileProblem) throw error;
      const csv = error as CsvError & { lines?: number };
      if (typeof csv.code !== 'string' || (!csv.code.startsWith('CSV_') && csv.code !== 'INVALID_OPENING_QUOTE')) throw error;
      if (csv.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new CsvFileProblem(lastLine + 1, `the record starting on this line opens a quoted field that is never closed (the file ends at line ${csv.lines ?? '?'})`);
      }
      throw new CsvFileProblem(csv.lines ?? lastLine + 1, `${csv.message} [${csv.code}]`);
    } finally {
      input.destroy();
    }
  }
}

/** Records per page handed to the engine (its batch size). */
export const CSV_PAGE_SIZE = 500;

/** The columns of `outbox/orders/<number>.csv`, one row per order line. */
export const ORDER_COLUMNS = ['order_number', 'order_id', 'status', 'placed_at', 'currency', 'order_total', 'customer_code', 'customer_name', 'customer_email', 'customer_external_id', 'line_no', 'sku', 'name', 'quantity', 'unit_price', 'product_external_id'];

/** The columns of `outbox/stock-<timestamp>-<4 hex>.csv`. */
export const STOCK_OUT_COLUMNS = ['external_id', 'sku', 'warehouse', 'on_hand', 'available'];

interface StockRow {
  sku: string;
  warehouse: string;
  onHand: string;
}

function productFromRow(values: Record<string, string>, paths: Record<string, string>, currency: string, mtime: Date): SourceProduct {
  const v = mapFields(values, paths, undefined);
  const price = text(v['basePrice.amount']);
  return {
    externalId: text(v.externalId),
    updatedAt: updatedAtOf(v.updatedAt, mtime),
    item: {
      sku: text(v.sku),
      name: text(v.name),
      description: text(v.description) || null,
      brand: text(v.brand) || null,
      // a bad price is passed on as it is, so the engine refuses the row and says why
      basePrice: { amount: decimal(price) || price, currency: text(v['basePrice.currency']) || currency },
    },
    stock: [],
  };
}

function customerFromRow(values: Record<string, string>, paths: Record<string, string>, currency: string, mtime: Date): SourceCustomer {
  const v = mapFields(values, paths, undefined);
  const limit = text(v['creditLimit.amount']);
  return {
    externalId: text(v.externalId),
    updatedAt: updatedAtOf(v.updatedAt, mtime),
    item: {
      code: text(v.code),
      name: text(v.name),
      email: text(v.email) || null,
      phone: text(v.phone) || null,
      creditLimit: { amount: limit === '' ? '0' : decimal(limit) || limit, currency: text(v['creditLimit.currency']) || currency },
    },
  };
}

/** The row's updated-at as ISO 8601 when it has a readable one, else the file's modification time. */
function updatedAtOf(value: unknown, mtime: Date): string {
  const raw = text(value);
  const parsed = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(parsed) ? mtime.toISOString() : new Date(parsed).toISOString();
}

function headerProblem(header: string[], paths: Record<string, string>, required: string[]): string | null {
  const seen = new Set<string>();
  for (const [i, column] of header.entries()) {
    if (!column) return `header column ${i + 1} has no name`;
    if (seen.has(column)) return `header names column "${column}" twice`;
    seen.add(column);
  }
  const missing = required.filter((target) => !seen.has(paths[target]));
  if (!missing.length) return null;
  return `header has no ${missing.map((t) => `"${paths[t]}" column (for ${t})`).join(', ')}; its columns are: ${header.join(', ')}`;
}

function requiredColumns(paths: Record<string, string>, required: string[]): string[] {
  return [...new Set(required.map((t) => paths[t]))];
}
