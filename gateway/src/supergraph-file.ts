import fs from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { logger } from '@tradegraph/kit';

/**
 * Serves a supergraph file to @apollo/gateway and hands it every new version: the file is
 * polled (which survives editors and deploy tools that replace it by rename), and a version
 * that fails to load leaves the previous schema serving.
 */
export function supergraphFromFile(path: string, intervalMs = 500): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readSupergraph(path);
    const onChange = () => {
      let next: string;
      try {
        next = fs.readFileSync(path, 'utf8');
      } catch (error) {
        logger.warn({ path, err: error }, 'supergraph file unreadable; keeping the schema being served');
        return;
      }
      if (next === current || next.trim() === '') return;
      try {
        update(next);
        current = next;
        logger.info({ path }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ path, err: error }, 'new supergraph rejected; keeping the schema being served');
      }
    };
    fs.watchFile(path, { interval: intervalMs }, onChange);
    return {
      supergraphSdl: current,
      cleanup: async () => fs.unwatchFile(path, onChange),
    };
  };
}

function readSupergraph(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the supergraph file ${path}: ${(error as Error).message}. Run \`npm run compose\` or pass --supergraph PATH.`);
  }
}
