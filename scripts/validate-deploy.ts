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
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { builtinKustomize, filesUnder, findKustomize, stagedCopy, yamlObjects, type Obj } from './deploy/kustomize';
import { checkManifests } from './deploy/manifests';
import { checkCatalogue, checkRuleFile, dashboardExpressions, knownMetric, metricsCatalogue, promqlMetricNames } from './deploy/monitoring';

export { promqlMetricNames };

export interface DeployCheckResult {
  problems: string[];
  /** what was checked, one line each, for the summary */
  checked: string[];
}

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
