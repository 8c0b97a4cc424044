/**
 * Composes the supergraph from supergraph.yaml (Rover's config format):
 *
 *   npm run compose           write subgraphs/<name>/schema.graphql, supergraph.graphql, api-schema.graphql
 *   npm run compose:check     fail (exit 1) when any of those files is stale
 *
 * Our subgraphs' SDL is printed from their code first, so the schema files can never lag
 * behind it. A subgraph given by `schema.subgraph_url` is asked for its SDL (`_service { sdl }`).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { subgraphSchema } from '@tradegraph/kit';
import { composeSupergraph, CompositionError, type SubgraphSource } from '../gateway/src/composition';
import { SUBGRAPHS } from './subgraphs';

interface RoverConfig {
  federation_version?: string;
  subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string; subgraph_url?: string } }>;
}

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

/** Writes a file, or in --check mode records that it differs. */
function output(file: string, content: string) {
  const absolute = path.resolve(root, file);
  const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : null;
  if (existing === content) return;
  if (check) stale.push(path.relative(root, absolute));
  else fs.writeFileSync(absolute, content);
}

async function sdlFromUrl(name: string, url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!sdl) throw new Error(`subgraph "${name}": ${url} did not answer { _service { sdl } } (HTTP ${response.status})`);
  return sdl;
}

async function main() {
  for (const { definition, folder } of SUBGRAPHS) {
    const { sdl } = await subgraphSchema(definition);
    output(path.join(folder, 'schema.graphql'), sdl);
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

  const { supergraphSdl, apiSchemaSdl } = composeSupergraph(sources);
  output('supergraph.graphql', supergraphSdl);
  output('api-schema.graphql', apiSchemaSdl);

  if (check && stale.length) {
    console.error(`stale: ${stale.join(', ')}\nRun \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log(check ? 'supergraph is current' : `composed ${sources.length} subgraphs into supergraph.graphql`);
}

main().catch((error) => {
  console.error(error instanceof CompositionError ? error.message : `compose: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
