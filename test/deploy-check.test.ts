import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promqlMetricNames, validateDeploy } from '../scripts/validate-deploy';

const root = path.join(__dirname, '..');

/** deploy/ and supergraph.graphql copied to a temporary checkout, for breaking. */
function copyOfTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-check-test-'));
  fs.cpSync(path.join(root, 'deploy'), path.join(dir, 'deploy'), { recursive: true, filter: (source) => path.basename(source) !== 'secrets.env' });
  fs.copyFileSync(path.join(root, 'supergraph.graphql'), path.join(dir, 'supergraph.graphql'));
  return dir;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: nothing to replace`);
  fs.writeFileSync(file, next);
}

/** Runs `npm run deploy:check` the way CI does, on `dir`. */
function runCli(dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(root, 'scripts/validate-deploy.ts'), '--root', dir], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000,
  });
}

describe('npm run deploy:check', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = copyOfTree();
    copies.push(dir);
    return dir;
  };

  it('passes on the committed tree', () => {
    const result = runCli(root);
    expect(result.stderr).not.toMatch(/problem/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/deploy\/k8s\/base: \d+ objects .*9 Deployment/);
    expect(result.stdout).toMatch(/deploy\/k8s\/overlays\/dev: \d+ objects/);
    expect(result.stdout).toMatch(/deploy\/grafana\/tradegraph\.json: .* every metric in METRICS\.md/);
    expect(result.stdout).toMatch(/deploy\/prometheus\/alerts\.yml: .* every metric in METRICS\.md/);
    expect(result.stdout).toMatch(/deploy:check passed/);
  });

  it('fails, naming the Deployment and the port, when a probe points at a port the container does not expose', () => {
    const dir = copy();
    edit(path.join(dir, 'deploy/k8s/base/orders.yaml'), /(readinessProbe:\n\s+httpGet:\n\s+path: \/ready\n\s+port: )4004/, '$14040');
    const result = runCli(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('deploy/k8s/base: Deployment/orders: container orders: readinessProbe port 4040 is not a port the container exposes');
    // the overlay builds on the base, so it fails too
    expect(result.stderr).toContain('deploy/k8s/overlays/dev: Deployment/orders: container orders: readinessProbe port 4040');
  });

  it('fails when the scrape annotation does not name the port /metrics is served on (METRICS_PORT)', () => {
    const dir = copy();
    edit(path.join(dir, 'deploy/k8s/base/gateway.yaml'), /prometheus\.io\/port: "9464"/, 'prometheus.io/port: "4000"');
    const result = runCli(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('deploy/k8s/base: Deployment/gateway: prometheus.io/port 4000 is not where /metrics is served (METRICS_PORT=9464)');
  });

  it('finds the same broken probe with the built-in renderer (a machine without kustomize)', () => {
    const dir = copy();
    edit(path.join(dir, 'deploy/k8s/base/orders.yaml'), /(readinessProbe:\n\s+httpGet:\n\s+path: \/ready\n\s+port: )4004/, '$14040');
    const broken = validateDeploy(dir);
    expect(broken.problems.some((problem) => problem.includes('Deployment/orders: container orders: readinessProbe port 4040'))).toBe(true);
    const previous = process.env.KUSTOMIZE;
    process.env.KUSTOMIZE = 'builtin';
    try {
      expect(validateDeploy(root).problems).toEqual([]);
      const builtin = validateDeploy(dir);
      expect(builtin.checked.join('\n')).toMatch(/built-in subset renderer/);
      expect(builtin.problems.some((problem) => problem.includes('Deployment/orders: container orders: readinessProbe port 4040'))).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.KUSTOMIZE;
      else process.env.KUSTOMIZE = previous;
    }
  });

  it('fails on what the Kubernetes schema refuses, on a missing limit and on an HPA without its Deployment', () => {
    const dir = copy();
    edit(path.join(dir, 'deploy/k8s/base/products.yaml'), /containerPort: 4001/, 'containerPort: "http-port"');
    edit(path.join(dir, 'deploy/k8s/base/customers.yaml'), /\n\s+limits:\n\s+cpu: "1"\n\s+memory: 768Mi/, '');
    edit(path.join(dir, 'deploy/k8s/base/partners.yaml'), /(scaleTargetRef:\n\s+apiVersion: apps\/v1\n\s+kind: Deployment\n\s+name: )partners/, '$1partner');
    const { problems } = validateDeploy(dir);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/deploy\/k8s\/base: Deployment\/products: does not match the Kubernetes schema: .*containerPort must be integer/),
      'deploy/k8s/base: Deployment/customers: container customers: resources.limits.cpu is missing',
      'deploy/k8s/base: HorizontalPodAutoscaler/partners: scaleTargetRef Deployment/partner is not a Deployment here',
    ]));
  });

  it('fails when the dashboard or an alert rule names a metric METRICS.md does not list, or a rule has no severity', () => {
    const dir = copy();
    edit(path.join(dir, 'deploy/grafana/tradegraph.json'), 'tradegraph_outbox_lag_seconds', 'tradegraph_outbox_delay_seconds');
    edit(path.join(dir, 'deploy/prometheus/alerts.yml'), /tradegraph_sync_dead_lettered_runs_total/, 'tradegraph_sync_dead_letters_total');
    edit(path.join(dir, 'deploy/prometheus/alerts.yml'), /severity: critical/, 'severity: page');
    const { problems } = validateDeploy(dir);
    expect(problems).toEqual(expect.arrayContaining([
      'deploy/grafana/tradegraph.json: metric tradegraph_outbox_delay_seconds is not listed in deploy/METRICS.md',
      'deploy/prometheus/alerts.yml: metric tradegraph_sync_dead_letters_total is not listed in deploy/METRICS.md',
      expect.stringMatching(/alerts\.yml: groups\[0\] \(tradegraph-availability\) rules\[0\] TradegraphSubgraphDown: labels\.severity must be/),
    ]));
  });

  it('reads metric names out of PromQL, leaving out functions, labels, strings and Grafana variables', () => {
    expect(promqlMetricNames('histogram_quantile(0.99, sum by (le, subgraph) (rate(a_seconds_bucket{x="up",n=~"$namespace"}[$__rate_interval]))) > 1e3 and on() b_total offset 5m')).toEqual(['a_seconds_bucket', 'b_total']);
  });
});
