import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Loads nothing from kit, like embedded-postgres.ts, which jest's global setup uses.

/** The system user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Where the embedded PostgreSQL keeps its data and which binaries it runs. */
export interface EmbeddedLayout {
  dataDir: string;
  binDir: string;
  /** set when the packaged binaries cannot be reached by `RunAs` and must be copied to `binDir` first */
  copyBinariesFrom?: string;
}

/** Used when the project folder is private (root's home, a `mktemp -d`): others may traverse it. */
export const SHARED_BASE = '/var/lib/tradegraph';

/**
 * Keeps the documented `.data/<folder>` and the packaged binaries when the PostgreSQL user can
 * reach them; otherwise moves what it cannot reach under `sharedBase`, one data folder per
 * project folder (named after it) and one binaries copy per package version.
 */
export function chooseLayout(options: {
  root: string;
  folder: string;
  binDir: string;
  binVersion: string;
  sharedBase: string;
  canReach: (dir: string) => boolean;
}): EmbeddedLayout {
  const { root, folder, binDir, binVersion, sharedBase, canReach } = options;
  const dataParent = path.join(root, '.data');
  const dataDir = canReach(dataParent)
    ? path.join(dataParent, folder)
    : path.join(sharedBase, `${path.basename(root)}-${hash(root)}`, folder);
  if (canReach(binDir)) return { dataDir, binDir };
  return { dataDir, binDir: path.join(sharedBase, `postgres-${binVersion}`, 'bin'), copyBinariesFrom: binDir };
}

/** The `postgres` system user, created (as the embedded-postgres package does) when missing. */
export function postgresUser(): RunAs {
  const lookUp = (): RunAs => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return lookUp();
  } catch {
    execFileSync('groupadd', ['--force', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return lookUp();
  }
}

/**
 * Whether `user` can enter `dir`, or its nearest existing ancestor when it does not exist yet,
 * asked of the kernel (modes, ACLs, every ancestor) by running `test -x` as that user.
 */
export function canReach(dir: string, user: RunAs): boolean {
  let existing = path.resolve(dir);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return spawnSync('test', ['-x', existing], { uid: user.uid, gid: user.gid, cwd: '/' }).status === 0;
}

/** Copies the packaged PostgreSQL (bin, lib, share) next to `binDir` once per version, readable by all. */
export function copyBinaries(from: string, binDir: string): void {
  const target = path.dirname(binDir);
  if (fs.existsSync(path.join(binDir, 'pg_ctl'))) return;
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(target), 0o755);
  // Copy aside and rename, so an interrupted copy is never taken for a finished one.
  const partial = `${target}.partial-${process.pid}`;
  fs.cpSync(path.dirname(from), partial, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(partial, 0o755);
  try {
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    // Another start copied the same version meanwhile.
    if (!fs.existsSync(path.join(binDir, 'pg_ctl'))) throw error;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
