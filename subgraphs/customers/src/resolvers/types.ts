import { Connection, UpsertResult } from '@tradegraph/kit';
import { Customer } from '../entities';

export const CustomerConnection = Connection('Customer', Customer);
export const UpsertCustomersResult = UpsertResult('Customer', Customer, { key: 'code', node: 'customer' });
