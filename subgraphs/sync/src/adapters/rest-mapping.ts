import { ExternalSystemError } from '../services/backoff';
import type { FieldMapping } from './types';

/*
 * The REST connector's mapping, validated when the adapter is built: a wrong key is a
 * permanent ExternalSystemError naming it, so a bad connector fails at once rather than mid-run.
 */

/** How a list endpoint pages, as read from `mapping.<entity>.pagination`. */
export type RestPagination =
  /** the answer holds the next cursor at `cursorPath`; it is sent back as `param`; no cursor (or no items) ends */
  | { type: 'cursor'; cursorPath: string; param: string; sizeParam?: string; size?: number }
  /** page numbers from `start` in `param`; an empty page, or one shorter than `size`, ends */
  | { type: 'page'; param: string; start: number; sizeParam?: string; size?: number }
  /** RFC 8288 `Link: <…>; rel="next"`; no next link ends */
  | { type: 'link'; sizeParam?: string; size?: number }
  /** one request returns everything (no `pagination` key) */
  | { type: 'none'; sizeParam?: string; size?: number };

/** A list endpoint, validated from `mapping.product`, `mapping.customer` or `mapping.inboundOrder`. */
export interface RestReadSpec {
  /** "product", "customer" or "inboundOrder", for messages */
  entity: string;
  path: string;
  /** dot path to the records' array in the answer; the answer itself when absent */
  itemsPath?: string;
  /** query parameter that takes `since` (ISO 8601); without it every run reads everything */
  updatedSinceParam?: string;
  pagination: RestPagination;
  fields?: Record<string, string>;
  currency: string;
}

/** The order endpoint, validated from `mapping.order`. */
export interface RestOrderSpec {
  path: string;
  method: 'POST' | 'PUT' | 'PATCH';
  /** where an order with a known external id is sent; `{id}` is replaced by it */
  updatePath: string;
  updateMethod: 'POST' | 'PUT' | 'PATCH';
  /** dot path to the created order's id in the answer */
  idPath: string;
  /** target path in the body → source path in the OutboundOrder; the whole OutboundOrder when absent */
  fields?: Record<string, string>;
}

/** The mapping section of an entity the adapter was asked to sync, or a permanent error saying it is missing. */
export function requiredSection<T>(spec: T | undefined, entity: string): T {
  if (!spec) throw new ExternalSystemError(`the REST connector's mapping has no "${entity}" section: mapping.${entity}.path is needed to sync ${entity}s`, false);
  return spec;
}

function mappingError(key: string, problem: string): ExternalSystemError {
  return new ExternalSystemError(`the REST connector's mapping is wrong: ${key} ${problem}`, false);
}

function section(mapping: FieldMapping, entity: string): Record<string, unknown> | undefined {
  const value = mapping[entity];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw mappingError(`mapping.${entity}`, `must be an object, not ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !value) throw mappingError(key, `must be a non-empty string, not ${JSON.stringify(value)}`);
  return value;
}

function requiredString(value: unknown, key: string): string {
  if (value === undefined || value === null) throw mappingError(key, 'is missing');
  return optionalString(value, key)!;
}

export function stringMap(value: unknown, key: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw mappingError(key, `must be an object of strings, not ${JSON.stringify(value)}`);
  for (const [k, v] of Object.entries(value)) optionalString(v, `${key}.${k}`);
  return value as Record<string, string>;
}

export function defaultSpec(entity: string, currency: string): RestReadSpec {
  return { entity, path: '', pagination: { type: 'none' }, currency };
}

export function readSpec(mapping: FieldMapping, entity: 'product' | 'customer' | 'inboundOrder', fallbackCurrency: string): RestReadSpec | undefined {
  const s = section(mapping, entity);
  if (!s) return undefined;
  const key = `mapping.${entity}`;
  return {
    entity,
    path: requiredString(s.path, `${key}.path`),
    itemsPath: optionalString(s.itemsPath, `${key}.itemsPath`),
    updatedSinceParam: optionalString(s.updatedSinceParam, `${key}.updatedSinceParam`),
    pagination: pagination(s.pagination, `${key}.pagination`),
    fields: stringMap(s.fields, `${key}.fields`),
    currency: optionalString(s.currency, `${key}.currency`) ?? fallbackCurrency,
  };
}

function pagination(value: unknown, key: string): RestPagination {
  if (value === undefined || value === null) return { type: 'none' };
  if (typeof value !== 'object' || Array.isArray(value)) throw mappingError(key, `must be an object with a "type", not ${JSON.stringify(value)}`);
  const p = value as Record<string, unknown>;
  const sizeParam = optionalString(p.sizeParam, `${key}.sizeParam`);
  const size = p.size === undefined || p.size === null ? undefined : p.size;
  if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 1)) throw mappingError(`${key}.size`, `must be a positive whole number, not ${JSON.stringify(size)}`);
  const sizing = { sizeParam, size: size };
  switch (p.type) {
    case 'cursor':
      return { type: 'cursor', cursorPath: requiredString(p.cursorPath, `${key}.cursorPath`), param: optionalString(p.param, `${key}.param`) ?? 'cursor', ...sizing };
    case 'page': {
      const start = p.start ?? 1;
      if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) throw mappingError(`${key}.start`, `must be a whole number ≥ 0, not ${JSON.stringify(start)}`);
      return { type: 'page', param: optionalString(p.param, `${key}.param`) ?? 'page', start, ...sizing };
    }
    case 'link':
      return { type: 'link', ...sizing };
    default:
      throw mappingError(`${key}.type`, `is ${JSON.stringify(p.type)}; expected "cursor", "page" or "link"`);
  }
}

function method(value: unknown, key: string, fallback: RestOrderSpec['method']): RestOrderSpec['method'] {
  const m = optionalString(value, key)?.toUpperCase() ?? fallback;
  if (m !== 'POST' && m !== 'PUT' && m !== 'PATCH') throw mappingError(key, `is ${JSON.stringify(value)}; expected "POST", "PUT" or "PATCH"`);
  return m;
}

export function orderSpec(mapping: FieldMapping): RestOrderSpec | undefined {
  const s = section(mapping, 'order');
  if (!s) return undefined;
  const path = requiredString(s.path, 'mapping.order.path');
  return {
    path,
    method: method(s.method, 'mapping.order.method', 'POST'),
    updatePath: optionalString(s.updatePath, 'mapping.order.updatePath') ?? `${path.replace(/\/$/, '')}/{id}`,
    updateMethod: method(s.updateMethod, 'mapping.order.updateMethod', 'PUT'),
    idPath: optionalString(s.idPath, 'mapping.order.idPath') ?? 'id',
    fields: stringMap(s.fields, 'mapping.order.fields'),
  };
}
