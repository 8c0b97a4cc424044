/** deploy/METRICS.md as a catalogue, and the metrics the Grafana dashboard and the alert rules read from it. */
import type { Obj } from './kustomize';

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
export function knownMetric(catalogue: Map<string, MetricSpec>, metric: string): boolean {
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
