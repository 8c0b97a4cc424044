import { Connection } from '@tradegraph/kit';
import { SyncConflict, SyncRun } from '../entities';

export const SyncConflictConnection = Connection('SyncConflict', SyncConflict);
export const SyncRunConnection = Connection('SyncRun', SyncRun);
