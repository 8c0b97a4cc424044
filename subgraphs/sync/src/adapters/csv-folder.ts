import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExternalSystemError } from '../services/backoff';
import { text } from './mapping';
import type { FieldMapping } from './types';

/**
 * The CSV_FILE connector's watched directory: claiming files, settling them, and writing CSV.
 *
 * Layout of the directory (the connector's `baseUrl`, a path or a `file://` URL):
 * - `inbox/` — where writers drop files. A writer MUST write `<name>.tmp` (or a dot-file, as
 *   rsync does) and rename it to its final name when complete: rename is atomic within one file
 *   system, so the adapter never sees a half-written file. Names ending in `.tmp` and names
 *   starting with `.` are never read.
 * - `processing/` — a file is claimed by renaming it here (under a unique name with the claim's
 *   timestamp) before it is read, so two workers never read the same file: the loser's rename
 *   fails with ENOENT and it skips the file.
 * - `done/` — files whose records were all handed to the engine, under their claimed name
 *   (original stem + timestamp suffix).
 * - `failed/` — files that cannot be parsed, each with a `<name>.error.txt` naming the line and
 *   the reason.
 * - `outbox/` — what the adapter writes: `outbox/orders/<number>.csv` and `outbox/stock-<timestamp>-<4 hex>.csv`.
 * The four inbox folders are created when missing.
 */

export type FileKind = 'product' | 'stock' | 'customer';

/** A file claimed from inbox/: moved to processing/ under a unique name, so no other worker reads it. */
export interface ClaimedFile {
  kind: FileKind;
  /** the name it had in inbox/, for messages */
  name: string;
  /** its unique name in processing/, done/ and failed/ */
  claimedName: string;
  path: string;
  mtime: Date;
}

const FOLDERS = ['inbox', 'processing', 'done', 'failed'];

/** The kinds of file the folder takes: name pattern, the mapping section that configures them, default columns, required targets. */
export const FILE_KINDS: Record<FileKind, { section: string; pattern: string; fields: Record<string, string>; required: string[] }> = {
  product: {
    section: 'product',
    pattern: 'products*.csv',
    fields: { sku: 'sku', name: 'name', description: 'description', brand: 'brand', 'basePrice.amount': 'price', 'basePrice.currency': 'currency', updatedAt: 'updated_at' },
    required: ['externalId', 'sku', 'name', 'basePrice.amount'],
  },
  stock: { section: 'inventory', pattern: 'stock*.csv', fields: { sku: 'sku', warehouseCode: 'warehouse', onHand: 'on_hand' }, required: ['sku', 'warehouseCode', 'onHand'] },
  customer: {
    section: 'customer',
    pattern: 'customers*.csv',
    fields: { code: 'code', name: 'name', email: 'email', phone: 'phone', 'creditLimit.amount': 'credit_limit', 'creditLimit.currency': 'currency', updatedAt: 'updated_at' },
    required: ['externalId', 'code', 'name'],
  },
};

/** Why a file cannot be read: the 1-based line and the reason, for failed/<name>.error.txt. */
export class CsvFileProblem extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Creates inbox/, processing/, done/ and failed/ when missing. */
export async function ensureFolders(directory: string): Promise<void> {
  for (const folder of FOLDERS) await mkdir(path.join(directory, folder), { recursive: true });
}

/** Claims every pending file of a kind (in name order, so writers can order their deltas by name). */
export async function claimFiles(directory: string, mapping: FieldMapping, kind: FileKind): Promise<ClaimedFile[]> {
  const claimed: ClaimedFile[] = [];
  for (const name of await pendingNames(directory, patternOf(mapping, kind))) {
    const ext = path.extname(name);
    const claimedName = `${name.slice(0, name.length - ext.length)}.${stamp()}-${randomBytes(3).toString('hex')}${ext}`;
    const target = path.join(directory, 'processing', claimedName);
    try {
      await rename(path.join(directory, 'inbox', name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another worker claimed it first
      throw error;
    }
    const { mtime } = await stat(target);
    claimed.push({ kind, name, claimedName, path: target, mtime });
  }
  return claimed;
}

/**
 * The files claimed by one read, and where each ended up. Files neither done nor failed when
 * the read ends (broken sibling, engine stopped early) go back to inbox/ under their original
 * name — or, when a writer has dropped a new file of that name meanwhile, their claimed name,
 * which never overwrites it.
 */
export class ClaimedSet {
  private readonly open = new Set<ClaimedFile>();

  constructor(
    private readonly directory: string,
    files: ClaimedFile[],
  ) {
    this.add(files);
  }

  add(files: ClaimedFile[]): void {
    for (const file of files) this.open.add(file);
  }

  async done(file: ClaimedFile): Promise<void> {
    if (!this.open.delete(file)) return;
    await rename(file.path, path.join(this.directory, 'done', file.claimedName));
  }

  async fail(file: ClaimedFile, problem: CsvFileProblem): Promise<void> {
    if (!this.open.delete(file)) return;
    const failed = path.join(this.directory, 'failed', file.claimedName);
    await rename(file.path, failed);
    await writeFile(`${failed}.error.txt`, `${file.name}: line ${problem.line}: ${problem.reason}\n`);
  }

  async release(): Promise<void> {
    for (const file of [...this.open]) {
      this.open.delete(file);
      const inbox = path.join(this.directory, 'inbox');
      try {
        await link(file.path, path.join(inbox, file.name)); // link, unlike rename, refuses to overwrite
        await unlink(file.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        await rename(file.path, path.join(inbox, file.claimedName));
      }
    }
  }
}

/**
 * Whether `inbox/` of the watched directory holds a products or customers file the adapter
 * would read (`.tmp` and dot-files excluded), so the engine can skip a scheduled run that has
 * nothing to do. Stock files alone do not count: they are read only together with products.
 * `mapping` gives the file patterns when they are not the defaults. False when inbox/ is missing.
 */
export async function hasPendingFiles(dir: string, mapping: FieldMapping = {}): Promise<boolean> {
  const directory = watchedDirectory(dir);
  for (const kind of ['product', 'customer'] as const) {
    try {
      if ((await pendingNames(directory, patternOf(mapping, kind))).length) return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
  return false;
}

/** The connector mapping's section for a kind of file (`inventory` for stock). */
export function sectionOf(mapping: FieldMapping, kind: FileKind): Record<string, unknown> {
  return (mapping[FILE_KINDS[kind].section] as Record<string, unknown> | undefined) ?? {};
}

function patternOf(mapping: FieldMapping, kind: FileKind): RegExp {
  const configured = sectionOf(mapping, kind).filePattern;
  const glob = typeof configured === 'string' && configured ? configured : FILE_KINDS[kind].pattern;
  const source = [...glob].map((c) => (c === '*' ? '[^/\\\\]*' : c === '?' ? '[^/\\\\]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'i');
}

/** Names in inbox/ matching `pattern`, in name order; `.tmp` files and dot-files (writes in progress) excluded. */
async function pendingNames(directory: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(path.join(directory, 'inbox'), { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.tmp$/i.test(e.name) && pattern.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The watched directory, absolute, from the connector's baseUrl (a path or a `file:` URL). */
export function watchedDirectory(baseUrl: string): string {
  if (!baseUrl) throw new ExternalSystemError('the CSV_FILE connector has no baseUrl: it must be the watched directory', false);
  return path.resolve(baseUrl.startsWith('file:') ? fileURLToPath(baseUrl) : baseUrl);
}

/** 20261122T044512345Z: sortable, and safe in file names on every system. */
export function stamp(): string {
  return new Date().toISOString().replace(/[-:.]/g, '');
}

/** RFC 4180: quoted when it holds a comma, quote, line break or edge spaces; quotes doubled. */
function csvField(value: unknown): string {
  const s = text(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes CSV rows to `<name>.tmp` beside the target, then renames it into place (atomic on one file system). */
export async function writeAtomically(target: string, rows: unknown[][]): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(tmp, rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n');
  await rename(tmp, target);
}
