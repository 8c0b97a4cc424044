/**
 * Composes the supergraph from supergraph.yaml (Rover's config format):
 *
 *   npm run compose           write subgraphs/<name>/schema.graphql, supergraph.graphql,
 *                             api-schema.graphql and public-schema.graphql
 *   npm run compose:check     fail (exit 1) when any of those files is stale
 *
 * Our subgraphs' SDL is printed from their code first, so the schema files can never lag
 * behind it. A subgraph given by `schema.subgraph_url` is asked for its SDL (`_service { sdl }`).
 * public-schema.graphql is what partners are served: the API schema filtered to the elements
 * tagged `@tag(name: "public")`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { subgraphSchema } from '@tradegraph/kit';
import { composePublicSchema, composeSupergraph, CompositionError, type SubgraphSource } from '../gateway/src/composition';
import { ContractError } from '../gateway/src/public-schema';
import { SUBGRAPHS } from './subgraphs';

interface RoverConfig {
  federation_version?: string;
  subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string; subgraph_url?: string } }>;
}

const root = path.resolve(__dirname, '..');

/** The files under `directory` that differ from what composition makes of the code (or are missing). */
export function staleFiles(files: Record<string, string>, directory: string = root): string[] {
  return Object.entries(files)
    .filter(([file, content]) => {
      const absolute = path.resolve(directory, file);
      return !fs.existsSync(absolute) || fs.readFileSync(absolute, 'utf8') !== content;
    })
    .map(([file]) => file);
}

async function sdlFromUrl(name: string, url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!sdl) throw new Error(`subgraph "${name}": ${url} did not answer { _service { sdl } } (HTTP ${response.status})`);
  return sdl;
}

/** Every file composition writes (path from the repository root → content), made from the code and supergraph.yaml. */
export async function composedFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const { definition, folder } of SUBGRAPHS) {
    files[path.relative(root, path.resolve(root, folder, 'schema.graphql'))] = (await subgraphSchema(definition)).sdl;
  }

  const configPath = path.join(root, 'supergraph.yaml');
  const config = parseYaml(fs.readFileSync(configPath, 'utf8')) as RoverConfig;
  if (!config?.subgraphs || Object.keys(config.subgraphs).length === 0) throw new Error('supergraph.yaml lists no subgraphs');
  if (config.federation_version && !/^=?2(\.|$)/.test(config.federation_version)) {
    throw new Error(`supergraph.yaml: federation_version ${config.federation_version} is not supported (Federation 2 only)`);
  }

  const sources: SubgraphSource[] = [];
  for (const [name, entry] of Object.entries(config.subgraphs)) {
    if (!entry.routing_url) throw new Error(`supergraph.yaml: subgraph "${name}" has no routing_url`);
    let sdl: string;
    if (entry.schema?.file) {
      const file = path.resolve(root, entry.schema.file);
      const ours = SUBGRAPHS.find((s) => path.resolve(root, s.folder, 'schema.graphql') === file);
      sdl = ours ? (await subgraphSchema(ours.definition)).sdl : fs.readFileSync(file, 'utf8');
    } else if (entry.schema?.subgraph_url) {
      sdl = await sdlFromUrl(name, entry.schema.subgraph_url);
    } else {
      throw new Error(`supergraph.yaml: subgraph "${name}" needs schema.file or schema.subgraph_url`);
    }
    sources.push({ name, url: entry.routing_url, sdl });
  }

  const composed = composeSupergraph(sources);
  files['supergraph.graphql'] = composed.supergraphSdl;
  files['api-schema.graphql'] = composed.apiSchemaSdl;
  files['public-schema.graphql'] = composePublicSchema(composed);
  return files;
}

async function main() {
  const files = await composedFiles();
  const stale = staleFiles(files);
  if (process.argv.includes('--check')) {
    if (stale.length) {
      console.error(`stale: ${stale.join(', ')}\nRun \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log('supergraph is current');
    return;
  }
  for (const file of stale) fs.writeFileSync(path.resolve(root, file), files[file]);
  console.log(stale.length ? `wrote ${stale.join(', ')}` : 'supergraph is current');
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof CompositionError || error instanceof ContractError ? error.message : `compose: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
