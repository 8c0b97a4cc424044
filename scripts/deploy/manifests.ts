/** What Kubernetes schemas cannot say about rendered manifests: limits, probes, grace periods, references, selectors. */
import type { Obj } from './kustomize';

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
      // /metrics is served only on METRICS_PORT when set: the scrape annotation must name that port.
      const metricsPort = env.get('METRICS_PORT');
      if (metricsPort !== undefined && !portOk(Number(metricsPort))) problem(deployment, `${at}: METRICS_PORT=${metricsPort} is not a port the container exposes`);
      if (metricsPort !== undefined && metricsPort === port) problem(deployment, `${at}: METRICS_PORT must differ from PORT`);
      const scrapePort = spec.template?.metadata?.annotations?.['prometheus.io/port'];
      if (scrapePort !== undefined && scrapePort !== (metricsPort ?? port)) problem(deployment, `prometheus.io/port ${scrapePort} is not where /metrics is served (${metricsPort ? `METRICS_PORT=${metricsPort}` : `PORT=${port}`})`);
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
