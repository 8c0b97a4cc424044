/** One bound a fault must keep, and whether it did. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** What one fault did to the system under load. */
export interface FaultResult {
  fault: string;
  /** when the fault began and when the scenario ended (harness clock), for the requests and orders it covers */
  from: number;
  to: number;
  /** requests failed / sent while it lasted, as a cell, e.g. "12 of 180 (12 placeOrder UNAVAILABLE)"; filled in once they were all answered */
  failedRequests?: string;
  /** from the moment the fault was undone to full service, in ms; null when it never got there, undefined when there is nothing to recover from */
  recoveryMs?: number | null;
  /** what recovery is measured from, e.g. "inventory ready → full answers" */
  recoveryMeaning: string;
  /** filled in at the end of the run, once late deliveries (and late duplicates) had their chance */
  eventsLost?: number;
  duplicates?: number;
  checks: Check[];
}

const seconds = (ms: number | null | undefined) => (ms === undefined ? '—' : ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);

function rows(results: FaultResult[]): string[][] {
  return results.map((r) => [
    r.fault,
    r.failedRequests ?? '?',
    `${seconds(r.recoveryMs)} (${r.recoveryMeaning})`,
    `${r.eventsLost ?? '?'}${r.duplicates ? ` (+${r.duplicates} duplicated)` : ''}`,
    r.checks.every((c) => c.ok) ? 'pass' : 'FAIL',
  ]);
}

const HEADER = ['fault', 'requests failed during it', 'time to recover', 'events lost (must be 0)', 'result'];

/** The table for a terminal: columns padded to their widest cell. */
export function textTable(results: FaultResult[]): string {
  const all = [HEADER, ...rows(results)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows(results).map(line)].join('\n');
}

/** The same table as markdown, for the README. */
export function markdownTable(results: FaultResult[]): string {
  const line = (row: string[]) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEADER), `|${HEADER.map(() => '---').join('|')}|`, ...rows(results).map(line)].join('\n');
}

/** Every check of every fault, failed ones marked, for the lines under the table. */
export function checkList(results: FaultResult[]): string {
  return results
    .flatMap((r) => r.checks.map((c) => `${c.ok ? '  ok  ' : '  FAIL'} ${r.fault}: ${c.name} — ${c.detail}`))
    .join('\n');
}
