import { ExternalSystem } from '../entities';
import type { AdapterFactory } from './types';
import { shopifyAdapter } from './shopify';
import { netSuiteAdapter } from './netsuite';
import { sapBusinessOneAdapter } from './sap-business-one';
import { dynamics365Adapter } from './dynamics-365';
import { csvFileAdapter } from './csv-file';
import { restAdapter } from './rest';

export * from './types';

/**
 * The adapter for each system. A connector whose system has none fails its runs with a
 * permanent error that says so.
 */
export const adapterFactories: Partial<Record<ExternalSystem, AdapterFactory>> = {
  [ExternalSystem.SHOPIFY]: shopifyAdapter,
  [ExternalSystem.NETSUITE]: netSuiteAdapter,
  [ExternalSystem.SAP_BUSINESS_ONE]: sapBusinessOneAdapter,
  [ExternalSystem.DYNAMICS_365]: dynamics365Adapter,
  [ExternalSystem.CSV_FILE]: csvFileAdapter,
  [ExternalSystem.REST]: restAdapter,
};
