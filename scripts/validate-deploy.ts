/**
 * Checks deploy/ without a cluster:
 *
 *   npm run deploy:check [-- --root DIR]
 *
 * - builds every kustomization under deploy/k8s (base and each overlay) with kustomize
 *   (`kustomize` or `kubectl kustomize` from PATH, or $KUSTOMIZE), on a copy where
 *   secrets.env is the committed secrets.env.example (real secrets are never read);
 * - validates every rendered object against the Kubernetes OpenAPI schemas bundled in the npm
 *   package kubernetes-models (apiVersion/kind known, required fields, types);
 * - checks what a schema cannot: every container has requests, limits and the three probes,
 *   probes on /ready and /health at a port the container exposes, a preStop hook and a grace
 *   period longer than SHUTDOWN_GRACE_MS, non-root; Services, HPAs and PDBs find their
 *   Deployments and pods; every ConfigMap, Secret and key referenced exists;
 * - parses the Grafana dashboard and the Prometheus rules, checks the rules' shape, and that
 *   every metric either names is listed in deploy/METRICS.md.
 *
 * Exits 1 naming each problem. `--root` points at another checkout (the test breaks a copy).
 */
/* eslint-disable max-lines -- one self-contained checker (the brief allowed this one file); split the built-in renderer into a module of its own if it grows */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';

type Obj = Record<string, any>;

export interface DeployCheckResult {
  problems: string[];
  /** what was checked, one line each, for the summary */
  checked: string[];
}

// ---------------------------------------------------------------------------------------------
// kustomize

/** The kustomize command to use: $KUSTOMIZE, else `kustomize`, else `kubectl kustomize`. */
function findKustomize(): { command: string; args: string[] } | undefined {
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
function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A copy of `root`'s deploy/ and supergraph.graphql in a temporary folder, with every
 * secrets.env replaced by its secrets.env.example: what CI and a fresh clone have.
 */
function stagedCopy(root: string): string {
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
const yamlObjects = (text: string) => parseAllDocuments(text).map((document) => document.toJSON() as Obj).filter((object) => object !== null);

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

// ---------------------------------------------------------------------------------------------
// Kubernetes objects

/** The kubernetes-models class for an apiVersion and kind, or undefined when either is unknown. */
function modelFor(apiVersion: string, kind: string): (new (data: Obj) => { validate(): void }) | undefined {
  if (!/^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z]+$/.test(kind)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`kubernetes-models/${apiVersion}`) as Obj;
    return typeof module[kind] === 'function' ? module[kind] : undefined;
  } catch {
    return undefined;
  }
}

function name(object: Obj): string {
  return `${object.kind}/${object.metadata?.name ?? '?'}`;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Seconds a preStop `sleep N` (exec or the native sleep action) waits, 0 when there is none. */
function preStopSeconds(container: Obj): number {
  const preStop = container.lifecycle?.preStop;
  if (!preStop) return 0;
  if (preStop.sleep?.seconds) return Number(preStop.sleep.seconds);
  const command: unknown[] = preStop.exec?.command ?? [];
  const at = command.findIndex((part) => part === 'sleep' || part === '/bin/sleep');
  return at >= 0 ? Number(command[at + 1]) || 0 : 0;
}

/** Checks one rendered kustomization; `where` prefixes every problem. */
export function checkManifests(objects: Obj[], where: string): string[] {
  const problems: string[] = [];
  const problem = (object: Obj | undefined, message: string) => problems.push(`${where}: ${object ? `${name(object)}: ` : ''}${message}`);

  for (const object of objects) {
    if (typeof object?.apiVersion !== 'string' || typeof object.kind !== 'string') {
      problem(object, 'apiVersion and kind are required');
      continue;
    }
    const Model = modelFor(object.apiVersion, object.kind);
    if (!Model) {
      problem(object, `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    // kustomize wraps long base64 values over lines, which the API server's decoder ignores.
    const data = object.kind === 'Secret' && object.data ? Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, String(value).replace(/\s+/g, '')])) : object.data;
    try {
      new Model({ ...object, ...(data ? { data } : {}) }).validate();
    } catch (error) {
      problem(object, `does not match the Kubernetes schema: ${(error as Error).message}`);
    }
  }

  const ofKind = (kind: string) => objects.filter((object) => object?.kind === kind);
  const deployments = ofKind('Deployment');
  const configMaps = new Map(ofKind('ConfigMap').map((object) => [object.metadata?.name, object]));
  const secrets = new Map(ofKind('Secret').map((object) => [object.metadata?.name, object]));

  for (const deployment of deployments) {
    const spec = deployment.spec ?? {};
    const pod = spec.template?.spec ?? {};
    const podLabels = spec.template?.metadata?.labels;
    if (!selects(spec.selector?.matchLabels, podLabels)) problem(deployment, 'spec.selector.matchLabels does not match the pod template labels');
    const podNonRoot = pod.securityContext?.runAsNonRoot === true;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    const volumes = new Map<string, Obj>((pod.volumes ?? []).map((volume: Obj) => [volume.name, volume]));
    for (const volume of volumes.values()) {
      if (volume.configMap && !configMaps.has(volume.configMap.name)) problem(deployment, `volume ${volume.name}: ConfigMap ${volume.configMap.name} does not exist`);
      if (volume.secret && !secrets.has(volume.secret.secretName)) problem(deployment, `volume ${volume.name}: Secret ${volume.secret.secretName} does not exist`);
    }
    const containers: Obj[] = pod.containers ?? [];
    if (containers.length === 0) problem(deployment, 'no containers');
    for (const container of containers) {
      const at = `container ${container.name}`;
      const ports: Obj[] = container.ports ?? [];
      const portOk = (port: unknown) => ports.some((p) => p.containerPort === port || (typeof port === 'string' && p.name === port));
      for (const [kind, resource] of [['requests', 'cpu'], ['requests', 'memory'], ['limits', 'cpu'], ['limits', 'memory']]) {
        if (container.resources?.[kind]?.[resource] === undefined) problem(deployment, `${at}: resources.${kind}.${resource} is missing`);
      }
      const probes: [string, string | undefined][] = [['readinessProbe', '/ready'], ['livenessProbe', '/health'], ['startupProbe', undefined]];
      for (const [probeName, expectedPath] of probes) {
        const probe = container[probeName];
        if (!probe) {
          problem(deployment, `${at}: ${probeName} is missing`);
          continue;
        }
        const check = probe.httpGet ?? probe.tcpSocket ?? probe.grpc ?? {};
        if (!portOk(check.port)) {
          problem(deployment, `${at}: ${probeName} port ${JSON.stringify(check.port)} is not a port the container exposes (${ports.map((p) => `${p.name ?? ''}:${p.containerPort}`).join(', ') || 'none'})`);
        }
        if (expectedPath && probe.httpGet && probe.httpGet.path !== expectedPath) problem(deployment, `${at}: ${probeName} should GET ${expectedPath}, not ${probe.httpGet.path}`);
      }
      // The environment the process sees: env, then envFrom ConfigMaps.
      const env = new Map<string, string>();
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef?.name ?? source.secretRef?.name;
        const target = source.configMapRef ? configMaps.get(ref) : secrets.get(ref);
        if (!target) problem(deployment, `${at}: envFrom ${source.configMapRef ? 'ConfigMap' : 'Secret'} ${ref} does not exist`);
        else if (source.configMapRef) for (const [key, value] of Object.entries(target.data ?? {})) env.set(key, String(value));
      }
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined) env.set(variable.name, String(variable.value));
        const secretRef = variable.valueFrom?.secretKeyRef;
        if (secretRef) {
          const secret = secrets.get(secretRef.name);
          if (!secret) problem(deployment, `${at}: env ${variable.name}: Secret ${secretRef.name} does not exist`);
          else if (!(secretRef.key in (secret.data ?? {})) && !(secretRef.key in (secret.stringData ?? {}))) problem(deployment, `${at}: env ${variable.name}: Secret ${secretRef.name} has no key ${secretRef.key}`);
        }
        const configRef = variable.valueFrom?.configMapKeyRef;
        if (configRef && !(configRef.key in (configMaps.get(configRef.name)?.data ?? {}))) problem(deployment, `${at}: env ${variable.name}: ConfigMap ${configRef.name} has no key ${configRef.key}`);
      }
      const port = env.get('PORT');
      if (port !== undefined && !portOk(Number(port))) problem(deployment, `${at}: PORT=${port} is not a port the container exposes`);
      const graceMs = Number(env.get('SHUTDOWN_GRACE_MS') ?? 10_000);
      const sleep = preStopSeconds(container);
      if (sleep <= 0) problem(deployment, `${at}: no preStop sleep: the pod would stop before the Service stops routing to it`);
      // the process exits at most 2 s after SHUTDOWN_GRACE_MS (kit/src/graceful-stop.ts)
      if (grace <= sleep + graceMs / 1000 + 2) problem(deployment, `terminationGracePeriodSeconds ${grace} must exceed the preStop sleep (${sleep} s) + SHUTDOWN_GRACE_MS (${graceMs / 1000} s) + 2 s`);
      if (!podNonRoot && container.securityContext?.runAsNonRoot !== true) problem(deployment, `${at}: runAsNonRoot is not set`);
      if (container.securityContext?.allowPrivilegeEscalation !== false) problem(deployment, `${at}: allowPrivilegeEscalation must be false`);
      for (const mount of container.volumeMounts ?? []) {
        if (!volumes.has(mount.name)) problem(deployment, `${at}: volumeMount ${mount.name} has no volume`);
        if (mount.subPath && volumes.get(mount.name)?.configMap) problem(deployment, `${at}: ConfigMap volume ${mount.name} mounted with subPath never sees updates`);
      }
    }
  }

  const podsOf = (selector: Record<string, string> | undefined) => deployments.filter((deployment) => selects(selector, deployment.spec?.template?.metadata?.labels));
  for (const service of ofKind('Service')) {
    const targets = podsOf(service.spec?.selector);
    if (targets.length === 0) problem(service, `selector ${JSON.stringify(service.spec?.selector ?? {})} selects no Deployment's pods`);
    for (const servicePort of targets.length ? service.spec?.ports ?? [] : []) {
      const targetPort = servicePort.targetPort ?? servicePort.port;
      const exposed = targets.every((deployment) =>
        (deployment.spec.template.spec.containers ?? []).some((container: Obj) => (container.ports ?? []).some((p: Obj) => p.containerPort === targetPort || p.name === targetPort)));
      if (!exposed) problem(service, `targetPort ${JSON.stringify(targetPort)} is not exposed by the pods it selects`);
    }
  }
  for (const hpa of ofKind('HorizontalPodAutoscaler')) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    if (ref.kind !== 'Deployment' || !deployments.some((deployment) => deployment.metadata?.name === ref.name)) problem(hpa, `scaleTargetRef ${ref.kind}/${ref.name} is not a Deployment here`);
    if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas) problem(hpa, 'minReplicas exceeds maxReplicas');
    const target = deployments.find((deployment) => deployment.metadata?.name === ref.name);
    const cpuMetric = (hpa.spec?.metrics ?? []).some((metric: Obj) => metric.resource?.name === 'cpu');
    if (cpuMetric && target && target.spec.template.spec.containers.some((container: Obj) => !container.resources?.requests?.cpu)) problem(hpa, 'scales on CPU utilisation but its Deployment has no CPU request');
  }
  for (const pdb of ofKind('PodDisruptionBudget')) {
    if (podsOf(pdb.spec?.selector?.matchLabels).length === 0) problem(pdb, `selector ${JSON.stringify(pdb.spec?.selector ?? {})} selects no Deployment's pods`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Metrics, the dashboard and the alert rules

interface MetricSpec {
  type: string;
}

/** The metrics deploy/METRICS.md lists: every table row whose first cell is a `name`. */
export function metricsCatalogue(markdown: string): Map<string, MetricSpec> {
  const metrics = new Map<string, MetricSpec>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\s*\|\s*(counter|gauge|histogram|summary)\s*\|/.exec(line);
    if (match) metrics.set(match[1], { type: match[2] });
  }
  return metrics;
}

const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'atan2']);

/** The metric names a PromQL expression (possibly with Grafana variables) reads. */
export function promqlMetricNames(expr: string): string[] {
  let text = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ');
  text = text.replace(/\$\{[^}]*\}|\$\w+/g, ' ');
  text = text.replace(/\{[^}]*\}/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  text = text.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = text.slice(match.index + match[0].length);
    if (/^\s*\(/.test(after) || PROMQL_WORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names];
}

/** A name a query may use for a listed metric: itself, or a histogram's _bucket, _sum and _count. */
function knownMetric(catalogue: Map<string, MetricSpec>, metric: string): boolean {
  if (catalogue.has(metric)) return true;
  const base = metric.replace(/_(bucket|sum|count)$/, '');
  const spec = catalogue.get(base);
  return base !== metric && (spec?.type === 'histogram' || spec?.type === 'summary');
}

/** Naming conventions of the catalogue itself. */
export function checkCatalogue(catalogue: Map<string, MetricSpec>, markdown: string): string[] {
  const problems: string[] = [];
  if (catalogue.size === 0) return ['deploy/METRICS.md: no metric rows (| `name` | type | …) found'];
  for (const [metric, spec] of catalogue) {
    if (!metric.startsWith('tradegraph_')) continue;
    if (spec.type === 'counter' && !metric.endsWith('_total')) problems.push(`deploy/METRICS.md: counter ${metric} must end in _total`);
    if (spec.type !== 'counter' && metric.endsWith('_total')) problems.push(`deploy/METRICS.md: ${metric} ends in _total but is a ${spec.type}`);
    if (spec.type === 'histogram' && !/_(seconds|bytes)$/.test(metric)) problems.push(`deploy/METRICS.md: histogram ${metric} must be in seconds or bytes (_seconds, _bytes)`);
  }
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`(tradegraph_[a-z0-9_]+)`\s*\|[^|]*\|([^|]*)\|/.exec(line);
    if (match && /`?\b\w*_?id`?\b/.test(match[2].replace(/`(valid|paid)`/g, ''))) problems.push(`deploy/METRICS.md: ${match[1]} has an id label (${match[2].trim()}): ids are unbounded`);
  }
  return problems;
}

/** Every PromQL expression in a Grafana dashboard: panel targets (rows included) and templating queries. */
export function dashboardExpressions(dashboard: Obj): string[] {
  const expressions: string[] = [];
  const visit = (panels: Obj[] | undefined) => {
    for (const panel of panels ?? []) {
      for (const target of panel.targets ?? []) if (typeof target.expr === 'string') expressions.push(target.expr);
      visit(panel.panels);
    }
  };
  visit(dashboard.panels);
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
    if (typeof query !== 'string') continue;
    const labelValues = /^\s*label_values\(\s*(.+?)\s*,\s*\w+\s*\)\s*$/.exec(query);
    if (labelValues) expressions.push(labelValues[1]);
    else if (!/^\s*label_values\(\s*\w+\s*\)\s*$/.test(query)) expressions.push(query.replace(/^\s*query_result\((.*)\)\s*$/, '$1'));
  }
  return expressions;
}

const DURATION = /^(0|(\d+(ms|s|m|h|d|w|y))+)$/;

/** The shape of a Prometheus rule file; returns problems and the expressions. */
export function checkRuleFile(rules: Obj, file: string): { problems: string[]; expressions: string[] } {
  const problems: string[] = [];
  const expressions: string[] = [];
  if (!rules || !Array.isArray(rules.groups) || rules.groups.length === 0) return { problems: [`${file}: needs a non-empty groups: list`], expressions };
  const alerts = new Set<string>();
  rules.groups.forEach((group: Obj, g: number) => {
    const at = `${file}: groups[${g}]${group?.name ? ` (${group.name})` : ''}`;
    if (typeof group?.name !== 'string' || !group.name) problems.push(`${at}: name is required`);
    if (!Array.isArray(group?.rules) || group.rules.length === 0) problems.push(`${at}: needs a non-empty rules: list`);
    (Array.isArray(group?.rules) ? group.rules : []).forEach((rule: Obj, r: number) => {
      const where = `${at} rules[${r}]${rule?.alert ? ` ${rule.alert}` : ''}`;
      if (typeof rule?.expr !== 'string' || !rule.expr.trim()) problems.push(`${where}: expr is required`);
      else expressions.push(rule.expr);
      if (rule?.record !== undefined) return;
      if (typeof rule?.alert !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(rule.alert)) {
        problems.push(`${where}: alert (a name) or record is required`);
        return;
      }
      if (alerts.has(rule.alert)) problems.push(`${where}: alert name used twice`);
      alerts.add(rule.alert);
      if (typeof rule.for !== 'string' || !DURATION.test(rule.for)) problems.push(`${where}: for: must be a duration (0m, 5m, 1h …)`);
      if (!['critical', 'warning', 'info'].includes(rule.labels?.severity)) problems.push(`${where}: labels.severity must be critical, warning or info`);
      if (typeof rule.annotations?.summary !== 'string' || typeof rule.annotations?.description !== 'string') problems.push(`${where}: annotations.summary and annotations.description are required`);
      const unknown = Object.keys(rule).filter((key) => !['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(key));
      if (unknown.length) problems.push(`${where}: unknown field(s) ${unknown.join(', ')}`);
    });
  });
  return { problems, expressions };
}

// ---------------------------------------------------------------------------------------------

/** Runs every check on the checkout at `root`. */
export function validateDeploy(root: string): DeployCheckResult {
  const problems: string[] = [];
  const checked: string[] = [];
  const deployDir = path.join(root, 'deploy');
  const rel = (file: string) => path.relative(root, file);
  if (!fs.existsSync(deployDir)) return { problems: [`${deployDir} does not exist`], checked };

  // Every YAML file parses.
  const yamlFiles = filesUnder(deployDir, /\.ya?ml$/);
  for (const file of yamlFiles) {
    for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      for (const error of document.errors) problems.push(`${rel(file)}: YAML: ${error.message.split('\n')[0]}`);
    }
  }
  checked.push(`${yamlFiles.length} YAML files parse`);

  // Kubernetes.
  const k8sDir = path.join(deployDir, 'k8s');
  const kustomize = findKustomize();
  const renderer = kustomize ? `${kustomize.command} ${kustomize.args[0]}` : 'the built-in subset renderer (no kustomize or kubectl on PATH; names without hash suffixes)';
  if (fs.existsSync(k8sDir)) {
    const staged = stagedCopy(root);
    try {
      for (const dir of filesUnder(k8sDir, /^kustomization\.ya?ml$/).map((file) => path.dirname(file))) {
        const where = rel(dir);
        const stagedDir = path.join(staged, path.relative(root, dir));
        let objects: Obj[];
        try {
          if (kustomize) {
            const rendered = execFileSync(kustomize.command, [...kustomize.args, '--load-restrictor', 'LoadRestrictionsNone', stagedDir], {
              encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
            });
            objects = yamlObjects(rendered);
          } else {
            objects = builtinKustomize(stagedDir);
          }
        } catch (error) {
          const stderr = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split(staged).join('');
          problems.push(`${where}: ${renderer} failed: ${stderr.split('\n').slice(-3).join(' ')}`);
          continue;
        }
        problems.push(...checkManifests(objects, where));
        const kinds = new Map<string, number>();
        for (const object of objects) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
        checked.push(`${where}: ${objects.length} objects (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}) built with ${renderer} and validated`);
      }
    } finally {
      fs.rmSync(staged, { recursive: true, force: true });
    }
  }

  // Metrics, dashboard, alerts.
  const metricsFile = path.join(deployDir, 'METRICS.md');
  const markdown = fs.existsSync(metricsFile) ? fs.readFileSync(metricsFile, 'utf8') : '';
  const catalogue = metricsCatalogue(markdown);
  problems.push(...checkCatalogue(catalogue, markdown));
  const useMetrics = (expressions: string[], file: string) => {
    const unknown = new Set<string>();
    for (const expr of expressions) for (const metric of promqlMetricNames(expr)) if (!knownMetric(catalogue, metric)) unknown.add(metric);
    for (const metric of unknown) problems.push(`${file}: metric ${metric} is not listed in deploy/METRICS.md`);
    return expressions.length;
  };

  for (const file of fs.existsSync(path.join(deployDir, 'grafana')) ? fs.readdirSync(path.join(deployDir, 'grafana')).filter((f) => f.endsWith('.json')) : []) {
    const full = path.join(deployDir, 'grafana', file);
    let dashboard: Obj = {};
    try {
      dashboard = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push(`${rel(full)}: not JSON: ${(error as Error).message}`);
    }
    if (typeof dashboard.title !== 'string' || !Array.isArray(dashboard.panels) || dashboard.panels.length === 0) problems.push(`${rel(full)}: a dashboard needs a title and panels`);
    const ids = new Set<number>();
    const visit = (panels: Obj[] | undefined) => {
      for (const panel of panels ?? []) {
        if (ids.has(panel.id)) problems.push(`${rel(full)}: panel id ${panel.id} used twice`);
        ids.add(panel.id);
        if (panel.type !== 'row' && (!Array.isArray(panel.targets) || panel.targets.length === 0)) problems.push(`${rel(full)}: panel "${panel.title}" has no query`);
        visit(panel.panels);
      }
    };
    visit(dashboard.panels);
    const count = useMetrics(dashboardExpressions(dashboard), rel(full));
    checked.push(`${rel(full)}: ${ids.size} panels, ${count} queries, every metric in METRICS.md`);
  }

  const rulesDir = path.join(deployDir, 'prometheus');
  for (const file of fs.existsSync(rulesDir) ? fs.readdirSync(rulesDir).filter((f) => /\.ya?ml$/.test(f)) : []) {
    const full = path.join(rulesDir, file);
    const content = parseDocument(fs.readFileSync(full, 'utf8')).toJSON();
    if (!content?.groups) continue; // a scrape config, not a rule file
    const { problems: ruleProblems, expressions } = checkRuleFile(content, rel(full));
    problems.push(...ruleProblems);
    const count = useMetrics(expressions, rel(full));
    checked.push(`${rel(full)}: ${count} rules, shape ok, every metric in METRICS.md`);
  }
  return { problems, checked };
}

function main(): void {
  const rootAt = process.argv.indexOf('--root');
  const root = path.resolve(rootAt >= 0 ? process.argv[rootAt + 1] : path.join(__dirname, '..'));
  const { problems, checked } = validateDeploy(root);
  for (const line of checked) console.log(`ok  ${line}`);
  if (problems.length > 0) {
    console.error(`\ndeploy:check found ${problems.length} problem(s):`);
    for (const line of problems) console.error(`  - ${line}`);
    process.exit(1);
  }
  console.log('deploy:check passed');
}

if (require.main === module) main();
