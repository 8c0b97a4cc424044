import { ExternalSystem } from '../entities';
import { CsvFileAdapter } from './csv-file';
import { Dynamics365Adapter } from './dynamics-365';
import { NetSuiteAdapter } from './netsuite';
import { RestAdapter } from './rest';
import { SapBusinessOneAdapter } from './sap-business-one';
import { ShopifyAdapter } from './shopify';
import type { AdapterClass } from './types';

export * from './types';

/**
 * The adapter for each system. A connector whose system has none fails its runs with a
 * permanent error that says so.
 */
export const adapterClasses: Partial<Record<ExternalSystem, AdapterClass>> = {
  [ExternalSystem.SHOPIFY]: ShopifyAdapter,
  [ExternalSystem.NETSUITE]: NetSuiteAdapter,
  [ExternalSystem.SAP_BUSINESS_ONE]: SapBusinessOneAdapter,
  [ExternalSystem.DYNAMICS_365]: Dynamics365Adapter,
  [ExternalSystem.CSV_FILE]: CsvFileAdapter,
  [ExternalSystem.REST]: RestAdapter,
};

/** Whether a system's adapter can take pushed orders (ORDER) or stock (STOCK): pushes it cannot take are not queued. */
export function receives(system: ExternalSystem, kind: 'ORDER' | 'STOCK'): boolean {
  const adapter = adapterClasses[system]?.prototype as Partial<Record<'pushOrder' | 'pushStock', unknown>> | undefined;
  return typeof adapter?.[kind === 'ORDER' ? 'pushOrder' : 'pushStock'] === 'function';
}
