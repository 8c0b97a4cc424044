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

/** The adapter method that takes each kind of outbound push. */
const PUSH_METHOD = { ORDER: 'pushOrder', STOCK: 'pushStock', PRODUCTS: 'pushProducts', CUSTOMERS: 'pushCustomers' } as const;

/** Whether a system's adapter can take pushed orders, stock, products or customers: pushes it cannot take are not queued. */
export function receives(system: ExternalSystem, kind: keyof typeof PUSH_METHOD): boolean {
  const adapter = adapterClasses[system]?.prototype as Partial<Record<(typeof PUSH_METHOD)[keyof typeof PUSH_METHOD], unknown>> | undefined;
  return typeof adapter?.[PUSH_METHOD[kind]] === 'function';
}
