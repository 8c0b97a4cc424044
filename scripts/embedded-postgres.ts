import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { canReach, chooseLayout, copyBinaries, postgresUser, SHARED_BASE, type RunAs } from './embedded-postgres-layout';

// Loads nothing from kit on purpose: jest's global setup uses this module, and whatever it
// loads lands in the realm that every test file's globals are copied from.

const run = promisify(execFile);

/** A PostgreSQL server this process started from the embedded-postgres package's binaries. */
export interface EmbeddedDatabase {
  url: string;
  /** where the data lives: `.data/<folder>`, or under /var/lib/tradegraph when root's PostgreSQL user cannot reach the project */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the binaries the embedded-postgres package installs, keeping its data
 * in `.data/<folder>` (git-ignored) and listening on its own port (EMBEDDED_PG_PORT, default
 * 54329) so it never collides with a server already running. The first start initialises the
 * data directory.
 *
 * The server is run by PostgreSQL's own pg_ctl rather than the package's class: pg_ctl starts it
 * in a session of its own, so Ctrl-C in a terminal reaches only our servers and the caller stops
 * PostgreSQL last; and as root (PostgreSQL refuses to run as root, so it runs as `postgres`) the
 * binaries and the data can live where that user can reach them, which the class cannot do.
 */
export async function startEmbeddedPostgres(root: string, folder = 'postgres'): Promise<EmbeddedDatabase> {
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${process.env.EMBEDDED_PG_PORT}"`);
  const packaged = await packagedBinaries();
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  const layout = user
    ? chooseLayout({ root, folder, binDir: packaged.binDir, binVersion: packaged.version, sharedBase: SHARED_BASE, canReach: (dir) => canReach(dir, user) })
    : { dataDir: path.join(root, '.data', folder), binDir: packaged.binDir };
  const { dataDir, binDir } = layout;
  try {
    if (layout.copyBinariesFrom) copyBinaries(layout.copyBinariesFrom, binDir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new Error(`PostgreSQL runs as the "postgres" user, which cannot reach ${root}, and ${SHARED_BASE} could not be prepared for it (${(error as Error).message}). Clone the project where others may enter (chmod o+x on its parent folders), run npm start as another user than root, or set DATABASE_URL to a server of yours.`);
  }
  const pgCtl = (args: string[]) => run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, ...args], { uid: user?.uid, gid: user?.gid, cwd: path.dirname(dataDir) });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    console.log(`initialising the embedded PostgreSQL in ${dataDir} (first start only)`);
    await initialise(path.join(binDir, 'initdb'), dataDir, user);
  }
  // A server left running by a start that was killed outright holds the data directory.
  if (await pgCtl(['status']).then(() => true, () => false)) await pgCtl(['stop', '-m', 'fast', '-w']);
  const logFile = path.join(dataDir, 'server.log');
  try {
    await pgCtl(['start', '-w', '-t', '60', '-l', logFile, '-o', `-p ${port}`]);
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new Error(`the embedded PostgreSQL did not start: ${(error as Error).message.trim()}\n${log}`);
  }
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`select 1 from pg_database where datname = 'tradegraph'`);
    if (!rowCount) await admin.query('create database tradegraph');
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/tradegraph`,
    dataDir,
    stop: async () => {
      await pgCtl(['stop', '-m', 'fast', '-w']);
    },
  };
}

/**
 * The package's binaries for this platform (its optional dependency @embedded-postgres/<platform>-<arch>),
 * found where its own index points (`../native/bin`) without loading that ES module, which a
 * jest test file could not.
 */
async function packagedBinaries(): Promise<{ binDir: string; version: string }> {
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const binDir = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const { version } = JSON.parse(fs.readFileSync(path.join(binDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { binDir, version };
}

/** initdb with the superuser postgres/postgres, as the PostgreSQL user, into a data directory that user owns. */
async function initialise(initdb: string, dataDir: string, user: RunAs | undefined): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, 'postgres\n', { mode: 0o600 });
  try {
    if (user) for (const file of [dataDir, passwordFile]) fs.chownSync(file, user.uid, user.gid);
    await run(initdb, [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--lc-messages=C'], { uid: user?.uid, gid: user?.gid, cwd: path.dirname(dataDir) });
  } catch (error) {
    throw new Error(`initdb failed for ${dataDir}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}
