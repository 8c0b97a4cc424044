/**
 * What changed in the public schema (what partners are served) since a git revision:
 *
 *   npm run schema:diff                 against the previous commit (HEAD~1)
 *   npm run schema:diff -- <ref>        against any revision (a tag of the last release, main …)
 *
 * Prints every change with its criticality (@graphql-inspector/core decides), and exits 1 on a
 * breaking one: partners' queries would fail. Set ALLOW_BREAKING_PUBLIC_CHANGES=1 when the
 * break is intended and announced. A revision without public-schema.graphql has nothing to
 * compare with: that is reported and passes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const root = path.resolve(__dirname, '..');
const FILE = 'public-schema.graphql';

/** The changes from one public schema to the next, as @graphql-inspector/core classifies them. */
export function publicSchemaChanges(before: string, after: string): Promise<Change[]> {
  return diff(buildSchema(before), buildSchema(after));
}

export function isBreaking(change: Change): boolean {
  return change.criticality.level === CriticalityLevel.Breaking;
}

/** public-schema.graphql as it was at `ref`; null when the revision or the file there does not exist. */
function fileAt(ref: string): string | null {
  try {
    return execFileSync('git', ['show', `${ref}:${FILE}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

async function main() {
  const ref = process.argv[2] ?? 'HEAD~1';
  const before = fileAt(ref);
  if (before === null) {
    console.log(`${FILE} does not exist at ${ref}: nothing to compare with`);
    return;
  }
  const changes = await publicSchemaChanges(before, fs.readFileSync(path.join(root, FILE), 'utf8'));
  if (changes.length === 0) {
    console.log(`${FILE}: no changes since ${ref}`);
    return;
  }
  console.log(`${FILE}: ${changes.length} change(s) since ${ref}`);
  for (const change of changes) console.log(`  ${change.criticality.level.padEnd(13)} ${change.message}`);
  const breaking = changes.filter(isBreaking);
  if (breaking.length === 0) return;
  if (process.env.ALLOW_BREAKING_PUBLIC_CHANGES === '1') {
    console.log(`${breaking.length} breaking change(s) allowed by ALLOW_BREAKING_PUBLIC_CHANGES=1`);
    return;
  }
  console.error(`${breaking.length} breaking change(s) to the public schema: partners' queries would fail.\nKeep the old elements (deprecate them), or set ALLOW_BREAKING_PUBLIC_CHANGES=1 if the break is intended and announced.`);
  process.exit(1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`schema:diff: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
