/** Rendering deploy/k8s: kustomize when installed, else a built-in renderer of the features these files use. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';

export type Obj = Record<string, any>;

/** The kustomize command to use: $KUSTOMIZE, else `kustomize`, else `kubectl kustomize`. */
export function findKustomize(): { command: string; args: string[] } | undefined {
  if (process.env.KUSTOMIZE === 'builtin') return undefined;
  const candidates: { command: string; args: string[] }[] = [];
  if (process.env.KUSTOMIZE) candidates.push({ command: process.env.KUSTOMIZE, args: ['build'] });
  candidates.push({ command: 'kustomize', args: ['build'] }, { command: 'kubectl', args: ['kustomize'] });
  return candidates.find((candidate) => {
    try {
      execFileSync(candidate.command, candidate.command === 'kubectl' ? ['kustomize', '--help'] : ['version'], { stdio: 'ignore', timeout: 30_000 });
      return true;
    } catch {
      return false; // not installed (or not runnable): try the next one
    }
  });
}

/** Every file under `dir` whose name matches, sorted. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A copy of `root`'s deploy/ and supergraph.graphql in a temporary folder, with every
 * secrets.env replaced by its secrets.env.example: what CI and a fresh clone have.
 */
export function stagedCopy(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-check-'));
  fs.cpSync(path.join(root, 'deploy'), path.join(dir, 'deploy'), { recursive: true });
  fs.copyFileSync(path.join(root, 'supergraph.graphql'), path.join(dir, 'supergraph.graphql'));
  for (const example of filesUnder(dir, /^secrets\.env\.example$/)) fs.copyFileSync(example, path.join(path.dirname(example), 'secrets.env'));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// A fallback for machines without kustomize: renders the subset of kustomize this tree uses
// (resources, namespace, labels, images, config/secret generators, JSON 6902 patches), without
// the generators' hash suffixes. Anything else is refused, naming the field.

const BUILTIN_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'patches']);

/** KEY=value → [KEY, value] (a line without = is a key with an empty value). */
const keyValue = (line: string): [string, string] => (line.includes('=') ? [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] : [line, '']);
const envFile = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).map(keyValue);
export const yamlObjects = (text: string) => parseAllDocuments(text).map((document) => document.toJSON() as Obj).filter((object) => object !== null);

function applyJsonPatch(target: Obj, operations: Obj[]): void {
  for (const operation of operations) {
    const parts = String(operation.path).split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    const parent: Obj = parts.reduce((at: Obj, part) => at?.[part], target);
    if (parent === undefined) throw new Error(`patch path ${operation.path} does not exist`);
    const index = Array.isArray(parent) ? (last === '-' ? parent.length : Number(last)) : last;
    if (operation.op !== 'add' && parent[index] === undefined) throw new Error(`patch path ${operation.path} does not exist`);
    if (operation.op === 'add' && Array.isArray(parent)) parent.splice(index as number, 0, structuredClone(operation.value));
    else if (operation.op === 'add' || operation.op === 'replace') parent[index] = structuredClone(operation.value);
    else if (operation.op === 'remove' && Array.isArray(parent)) parent.splice(index as number, 1);
    else if (operation.op === 'remove') delete parent[index];
    else throw new Error(`patch op ${operation.op} is not supported by the built-in renderer`);
  }
}

export function builtinKustomize(dir: string): Obj[] {
  const file = ['kustomization.yaml', 'kustomization.yml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = parseDocument(fs.readFileSync(file, 'utf8')).toJSON() as Obj;
  const unsupported = Object.keys(k).filter((key) => !BUILTIN_FIELDS.has(key));
  if (unsupported.length) throw new Error(`${file}: ${unsupported.join(', ')} not supported by the built-in renderer; install kustomize or kubectl`);
  let objects: Obj[] = [];
  for (const full of (k.resources ?? []).map((resource: string) => path.resolve(dir, resource))) objects.push(...(fs.statSync(full).isDirectory() ? builtinKustomize(full) : yamlObjects(fs.readFileSync(full, 'utf8'))));
  const generate = (generator: Obj, kind: 'ConfigMap' | 'Secret') => {
    const entries: [string, string][] = (generator.literals ?? []).map((literal: string) => keyValue(String(literal)));
    for (const source of (generator.files ?? []).map(String)) {
      const [key, from] = source.includes('=') ? keyValue(source) : [path.basename(source), source];
      entries.push([key, fs.readFileSync(path.resolve(dir, from), 'utf8')]);
    }
    for (const file of [...(generator.envs ?? []), ...(generator.env ? [generator.env] : [])]) entries.push(...envFile(fs.readFileSync(path.resolve(dir, file), 'utf8')));
    const data = Object.fromEntries(entries.map(([key, value]) => [key, kind === 'Secret' ? Buffer.from(value).toString('base64') : value]));
    const existing = objects.find((object) => object.kind === kind && object.metadata?.name === generator.name);
    if (generator.behavior === 'merge' || generator.behavior === 'replace') {
      if (!existing) throw new Error(`${file}: ${kind} ${generator.name} to ${generator.behavior} does not exist`);
      existing.data = generator.behavior === 'merge' ? { ...existing.data, ...data } : data;
    } else if (existing) {
      throw new Error(`${file}: ${kind} ${generator.name} generated twice`);
    } else {
      objects.push({ apiVersion: 'v1', kind, metadata: { name: generator.name }, ...(kind === 'Secret' ? { type: generator.type ?? 'Opaque' } : {}), data });
    }
  };
  for (const generator of k.configMapGenerator ?? []) generate(generator, 'ConfigMap');
  for (const generator of k.secretGenerator ?? []) generate(generator, 'Secret');
  for (const patch of k.patches ?? []) {
    const operations = parseDocument(patch.patch ?? fs.readFileSync(path.resolve(dir, patch.path), 'utf8')).toJSON();
    if (!Array.isArray(operations)) throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported by the built-in renderer`);
    const targets = objects.filter((object) => (!patch.target?.kind || object.kind === patch.target.kind) && (!patch.target?.name || object.metadata?.name === patch.target.name));
    for (const target of targets) applyJsonPatch(target, operations);
  }
  const podSpecs = (object: Obj): Obj[] => [object.spec?.template?.spec, object.spec?.jobTemplate?.spec?.template?.spec].filter(Boolean);
  for (const image of k.images ?? []) {
    for (const container of objects.flatMap(podSpecs).flatMap((spec) => [...(spec.containers ?? []), ...(spec.initContainers ?? [])])) {
      const [imageName, tag] = String(container.image).split(/:(?=[^/]*$)/);
      if (imageName === image.name) container.image = `${image.newName ?? imageName}${image.digest ? `@${image.digest}` : `:${image.newTag ?? tag ?? 'latest'}`}`;
    }
  }
  for (const label of k.labels ?? []) {
    for (const object of objects) {
      object.metadata = { ...object.metadata, labels: { ...object.metadata?.labels, ...label.pairs } };
      const template = object.spec?.template;
      if ((label.includeTemplates || label.includeSelectors) && template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...label.pairs } };
      if (label.includeSelectors) Object.assign(object.spec?.selector?.matchLabels ?? (object.kind === 'Service' ? object.spec?.selector : undefined) ?? {}, label.pairs);
    }
  }
  if (k.namespace) objects = objects.map((object) => (object.kind === 'Namespace' ? object : { ...object, metadata: { ...object.metadata, namespace: k.namespace } }));
  return objects;
}
