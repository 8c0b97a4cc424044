import {
  CreateCustomerDocument,
  CreateProductDocument,
  CreateWarehouseDocument,
  PublishProductDocument,
  ReceiveStockDocument,
} from '../../operations/__generated__/graphql';
import { executeOk } from './client';
import type { TestStack } from './stack';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** An ACTIVE customer, created through the gateway, with a credit limit of 100,000 in `currency` (its orders' currency: credit is checked in the limit's). */
export async function createCustomer(stack: TestStack, token: string, currency = 'EUR'): Promise<string> {
  const { createCustomer } = await executeOk(stack.gatewayUrl, CreateCustomerDocument, { input: { code: unique('C'), name: 'Fixture Trading', creditLimit: { amount: '100000', currency } } }, { token });
  return createCustomer.id;
}

/** A PUBLISHED product at `price` EUR. */
export async function createProduct(stack: TestStack, token: string, price = '10.00', name = 'Fixture drill'): Promise<string> {
  const { createProduct } = await executeOk(stack.gatewayUrl, CreateProductDocument, { input: { sku: unique('P'), name, basePrice: { amount: price, currency: 'EUR' } } }, { token });
  await executeOk(stack.gatewayUrl, PublishProductDocument, { id: createProduct.id }, { token });
  return createProduct.id;
}

/** A warehouse with the given priority (lower is preferred). */
export async function createWarehouse(stack: TestStack, token: string, priority = 1): Promise<string> {
  const { createWarehouse } = await executeOk(stack.gatewayUrl, CreateWarehouseDocument, { input: { code: unique('W'), name: 'Fixture warehouse', priority } }, { token });
  return createWarehouse.id;
}

/** Receives `quantity` of a product into a warehouse. */
export async function receive(stack: TestStack, token: string, productId: string, warehouseId: string, quantity: number): Promise<void> {
  await executeOk(stack.gatewayUrl, ReceiveStockDocument, { input: { productId, warehouseId, quantity, reason: 'fixture' } }, { token });
}

/** A published product at `price` EUR with `quantity` on hand in a warehouse of its own. */
export async function stockedProduct(stack: TestStack, token: string, quantity: number, price = '10.00', name?: string): Promise<{ productId: string; warehouseId: string }> {
  const productId = await createProduct(stack, token, price, name);
  const warehouseId = await createWarehouse(stack, token);
  await receive(stack, token, productId, warehouseId, quantity);
  return { productId, warehouseId };
}

/** Runs SQL in a subgraph's own database (tests only: to check invariants behind the API). */
export async function sql<T = Record<string, unknown>>(stack: TestStack, subgraph: string, query: string, params: unknown[] = []): Promise<T[]> {
  return stack.subgraphs[subgraph].database.orm.em.getConnection().execute(query, params);
}
