import { groupLoader, isUuid, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { ConflictStatus, Connector, ExternalRef, SyncConflict, SyncEntity, SyncRun } from './entities';

/** The sync subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const connectorById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Connector, { id: { $in: [...ids] } }), (c) => c.id);

export const syncRunById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(SyncRun, { id: { $in: [...ids] } }), (r) => r.id);

export const conflictById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(SyncConflict, { id: { $in: [...ids] } }), (c) => c.id);

/** External refs of many entities of one type in one statement. */
const refsOf = (entityType: SyncEntity) => ({ em }: SubgraphContext) =>
  groupLoader(async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    return valid.length ? em.find(ExternalRef, { entityType, entityId: { $in: valid } }, { orderBy: { connectorId: 'asc', externalId: 'asc' } }) : [];
  }, (r) => r.entityId);

export const productRefs = refsOf(SyncEntity.PRODUCT);
export const customerRefs = refsOf(SyncEntity.CUSTOMER);
export const orderRefs = refsOf(SyncEntity.ORDER);

/** The OPEN conflicts of many products in one statement. */
export const openProductConflicts = ({ em }: SubgraphContext) =>
  groupLoader(async (ids: readonly string[]) => {
    const valid = ids.filter(isUuid);
    return valid.length ? em.find(SyncConflict, { entityType: SyncEntity.PRODUCT, status: ConflictStatus.OPEN, entityId: { $in: valid } }) : [];
  }, (c) => c.entityId);
