/**
 * Reads a `.cpuprofile` (node --cpu-prof) and prints where the time went: self time by package
 * or source folder, then the top functions by self and by inclusive time. Given a
 * `.heapprofile` (bench:federation --allocations), it prints the bytes allocated the same way.
 *
 *   node -r @swc-node/register bench/federation/profile-summary.ts FILE.cpuprofile|FILE.heapprofile [--top 25] [--requests N]
 *
 * With --requests, times are also given per request (ms).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `@apollo/gateway`, `graphql`, `gateway/src`, `node:internal`… : who owns the code. */
function ownerOf(url: string): string {
  if (!url) return '(native / vm)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const match = /\/(gateway|kit|bench|subgraphs)\/(.*?)([^/]+)$/.exec(url);
  return match ? `${match[1]}/${match[2]}${match[3]}` : url;
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${ownerOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

/** A sampling heap profile (HeapProfiler.stopSampling): a call tree with the bytes each frame allocated. */
interface AllocationNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children?: AllocationNode[];
}

/** Bytes allocated, by owner and by function: where garbage collection's work comes from. */
function summariseAllocations(file: string, head: AllocationNode, top: number, requests: number | undefined): void {
  const owners = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  const stack = [head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.selfSize) {
      total += node.selfSize;
      const name = frameName(node as unknown as ProfileNode);
      self.set(name, (self.get(name) ?? 0) + node.selfSize);
      owners.set(ownerOf(node.callFrame.url), (owners.get(ownerOf(node.callFrame.url)) ?? 0) + node.selfSize);
    }
    stack.push(...(node.children ?? []));
  }
  const fmt = (bytes: number) => `${((bytes / total) * 100).toFixed(1).padStart(5)}%${requests ? `  ${(bytes / 1024 / requests).toFixed(1).padStart(7)} KiB/req` : ''}`;
  console.log(`${file}: ${(total / 2 ** 20).toFixed(0)} MiB allocated (sampled)${requests ? `, ${(total / 1024 / requests).toFixed(0)} KiB per request` : ''}`);
  for (const [title, map] of [['allocated by owner', owners], ['allocated by function', self]] as const) {
    console.log(`\n${title}`);
    for (const [name, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(bytes)}  ${name}`);
  }
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, requests: { type: 'string' } } });
  const top = Number(values.top);
  const requests = values.requests ? Number(values.requests) : undefined;
  const read = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as Profile | { head: AllocationNode };
  if ('head' in read) return summariseAllocations(positionals[0], read.head, top, requests);
  const profile = read;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfMicros].filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName)).reduce((a, [, t]) => a + t, 0);
  

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const owners = new Map<string, number>();
  const NOT_WORK = new Set(['(idle)', '(program)', '(root)']);
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id)!;
    if (NOT_WORK.has(node.callFrame.functionName)) continue;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + micros);
    owners.set(ownerOf(node.callFrame.url), (owners.get(ownerOf(node.callFrame.url)) ?? 0) + micros);
    // each function once per stack, so recursion is not counted twice
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      const n = frameName(frame);
      if (seen.has(n) || NOT_WORK.has(frame.callFrame.functionName)) continue;
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + micros);
    }
  }

  const busy = total - idle;
  const fmt = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)}%${requests ? `  ${(micros / 1000 / requests).toFixed(2).padStart(6)} ms/req` : ''}`;
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(micros)}  ${name}`);
  };
  console.log(`${positionals[0]}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (idle and (program) excluded from the percentages)`);
  print('self time by owner', owners);
  print('self time by function', self);
  print('inclusive time by function', inclusive);
}

main();
