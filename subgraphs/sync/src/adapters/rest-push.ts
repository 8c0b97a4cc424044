import { ExternalSystemError } from '../services/backoff';
import type { JsonHttpClient } from './http';
import { setAt, valueAt } from './mapping';
import type { RestReadSpec } from './rest-mapping';
import type { FieldMapping, OutboundRecord, PushOutcome } from './types';

/*
 * Products and customers pushed to a generic JSON API: each record goes on its own to
 * `mapping.<entity>.updatePath` (default `<path>/{id}`) with `mapping.<entity>.updateMethod`
 * (default PATCH: only the fields of the groups Tradegraph changed are sent), its body in the API's own shape: each
 * field at the source path the connector reads it from (`fields`, over the defaults), the
 * reverse of the inbound mapping, so the API's next read gives back what was pushed.
 */

/** The Tradegraph fields each push writes, as paths in the inbound item (every field group). */
const PUSHED_PATHS = {
  product: ['name', 'description', 'brand', 'basePrice.amount', 'basePrice.currency'],
  customer: ['name', 'email', 'phone', 'creditLimit.amount', 'creditLimit.currency'],
} as const;

/** Where and how one entity's records are updated. */
export interface RestPushSpec {
  updatePath: string;
  updateMethod: 'PUT' | 'PATCH' | 'POST';
  /** Tradegraph field → source path */
  fields: Record<string, string>;
}

/**
 * The push of `entity`, from the mapping section the adapter reads it with (none without one).
 * @throws ExternalSystemError (permanent) for an updatePath or updateMethod that is not usable
 */
export function restPushSpec(mapping: FieldMapping, entity: 'product' | 'customer', read: RestReadSpec | undefined, defaults: Record<string, string>): RestPushSpec | undefined {
  if (!read) return undefined;
  const section = mapping[entity] as { updatePath?: unknown; updateMethod?: unknown };
  const wrong = (key: string, problem: string) => new ExternalSystemError(`the REST connector's mapping is wrong: mapping.${entity}.${key} ${problem}`, false);
  const path = section.updatePath ?? `${read.path.replace(/\/$/, '')}/{id}`;
  if (typeof path !== 'string' || !path.includes('{id}')) throw wrong('updatePath', `must be a path with {id}, not ${JSON.stringify(path)}`);
  const method = typeof section.updateMethod === 'string' ? section.updateMethod.toUpperCase() : section.updateMethod ?? 'PATCH';
  if (method !== 'PUT' && method !== 'PATCH' && method !== 'POST') throw wrong('updateMethod', `is ${JSON.stringify(section.updateMethod)}; expected "PUT", "PATCH" or "POST"`);
  return { updatePath: path, updateMethod: method, fields: { ...defaults, ...read.fields } };
}

/**
 * Sends each record; one the API refuses (4xx other than 408 and 429) fails alone, a
 * retryable failure fails the run, which retries.
 */
export async function pushRestRecords<I extends object>(http: JsonHttpClient, spec: RestPushSpec, entity: 'product' | 'customer', records: OutboundRecord<I>[]): Promise<PushOutcome> {
  const failed: PushOutcome['failed'] = [];
  for (const { externalId, item, groups } of records) {
    const body: Record<string, unknown> = {};
    // Only the changed groups (a path's group is its first key: basePrice.amount → basePrice).
    for (const field of PUSHED_PATHS[entity]) if (spec.fields[field] && groups.includes(field.split('.')[0])) setAt(body, spec.fields[field], valueAt(item, field) ?? null);
    if (!Object.keys(body).length) continue;
    try {
      await http.send(spec.updateMethod, spec.updatePath.replace('{id}', encodeURIComponent(externalId)), body);
    } catch (error) {
      if (!(error instanceof ExternalSystemError) || error.retryable) throw error;
      failed.push({ externalId, message: error.message });
    }
  }
  return { failed };
}
