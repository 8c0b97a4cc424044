import { randomUUID } from 'node:crypto';
import { auditEvent, type AuditChange, type AuditSource, type EventEnvelope, type Role } from '@tradegraph/kit';
import { AuditLogDocument, type AuditLogQuery } from '../../operations/__generated__/graphql';
import { executeOk } from './client';
import type { TestStack } from './stack';

/** One audit entry as `auditLog` serves it. */
export type AuditEntryNode = AuditLogQuery['auditLog']['edges'][number]['node'];

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** Every entry matching `filter`, newest first, read as ADMIN through the gateway (all pages). */
export async function readAuditLog(stack: TestStack, filter: AuditFilter, token?: string): Promise<AuditEntryNode[]> {
  const admin = token ?? (await stack.token('ADMIN', [], 'audit-reader'));
  const entries: AuditEntryNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: AuditLogQuery = await executeOk(stack.gatewayUrl, AuditLogDocument, { filter, first: 100, after }, { token: admin });
    entries.push(...page.auditLog.edges.map((e) => e.node));
    if (!page.auditLog.pageInfo.hasNextPage) return entries;
    after = page.auditLog.pageInfo.endCursor ?? null;
  }
}

/**
 * The audit entries matching `filter` once at least `expected` are stored (the log is written
 * from the bus, a moment after the change), read again ~300 ms later so that an entry stored
 * twice, or one too many, shows in the count. Newest first.
 * @throws when fewer than `expected` match after `timeoutMs`
 */
export async function auditEntries(stack: TestStack, filter: AuditFilter, expected: number, timeoutMs = 15_000): Promise<AuditEntryNode[]> {
  const token = await stack.token('ADMIN', [], 'audit-reader');
  const deadline = Date.now() + timeoutMs;
  let found = await readAuditLog(stack, filter, token);
  while (found.length < expected) {
    if (Date.now() > deadline) {
      throw new Error(`expected at least ${expected} audit entries matching ${JSON.stringify(filter)} within ${timeoutMs} ms, found ${found.length}: ${JSON.stringify(found.map((e) => `${e.entity}:${e.action}`))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    found = await readAuditLog(stack, filter, token);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return readAuditLog(stack, filter, token);
}

export interface TestAuditEntry {
  entity?: string;
  entityId?: string;
  action?: string;
  subject?: string | null;
  role?: Role;
  occurredAt?: Date;
  changes?: AuditChange[];
}

/**
 * An `audit.recorded` envelope as a subgraph's relay publishes it (made by kit's `auditEvent`),
 * for tests that publish on the bus directly.
 */
export function auditEnvelope(entry: TestAuditEntry = {}): EventEnvelope {
  const subject = entry.subject === undefined ? 'test-admin' : entry.subject;
  const source: AuditSource | null = subject === null ? null : { caller: { subject, roles: [entry.role ?? 'ADMIN'], scopes: [] }, requestId: randomUUID() };
  const event = auditEvent('products', source, {
    entity: entry.entity ?? 'TestWidget',
    entityId: entry.entityId ?? randomUUID(),
    action: entry.action ?? 'updated',
    changes: entry.changes ?? [{ field: 'name', before: 'old', after: 'new' }],
  })!;
  return { ...event, id: randomUUID(), occurredAt: (entry.occurredAt ?? new Date()).toISOString() };
}
