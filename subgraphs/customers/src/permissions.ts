import { requireRole, Role } from '@tradegraph/kit';

/** Who works with customer records: staff, field agents (narrowed to their territory later) and services. */
const customerReaders = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);
const customerWriters = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);

/**
 * Who may do what in the customers subgraph. Anything not listed is denied; partners see no
 * customers at all. Email and phone are masked in the resolvers unless the caller has the
 * customers:pii scope.
 */
export const permissions = {
  Query: {
    customer: customerReaders,
    customers: customerReaders,
  },
  Mutation: {
    createCustomer: customerWriters,
    updateCustomer: customerWriters,
    suspendCustomer: customerWriters,
    reactivateCustomer: customerWriters,
    archiveCustomer: customerWriters,
    upsertCustomers: customerWriters,
  },
  Customer: customerReaders,
  CustomerStatusChange: customerReaders,
  Address: customerReaders,
  GeoPoint: customerReaders,
};
