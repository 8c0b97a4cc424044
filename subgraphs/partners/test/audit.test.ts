import { AUDIT_RECORDED, hashApiKey, OutboxEvent, type AuditRecordedPayload, type AuditSource } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { PartnerStatus } from '../src/entities';
import { ApiKeyService } from '../src/services/api-keys';
import { PartnerService } from '../src/services/partners';
import { partnersSubgraph } from '../src/subgraph';

/**
 * Partners and API keys write one `audit.recorded` row per changed record into the partners
 * outbox, in the change's transaction. A key's secret and its hash are in no outbox row; a
 * partner's status moves are in both its status history and the audit log (suspending a
 * partner is a security decision); recording key use is not a change.
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(partnersSubgraph);
  await db.em().getConnection().execute(`alter table partners.partner add constraint test_refuse_explode check (name <> 'EXPLODE')`);
});
afterAll(() => db?.close());

const source: AuditSource = { caller: { subject: 'admin-9', roles: ['ADMIN'], scopes: [] }, requestId: 'req-partners-1' };
const partners = () => new PartnerService(db.em(), source);
const keys = () => new ApiKeyService(db.em(), source);
const common = { actor: { subject: 'admin-9', role: 'ADMIN' }, requestId: 'req-partners-1', subgraph: 'partners' };

async function auditRows(): Promise<AuditRecordedPayload[]> {
  const rows = await db.em().find(OutboxEvent, { type: AUDIT_RECORDED }, { orderBy: { sequence: 'asc' } });
  return rows.map((r) => r.payload as AuditRecordedPayload);
}
const entriesOf = async (entityId: string) => (await auditRows()).filter((p) => p.entityId === entityId);
const auditCount = async () => (await auditRows()).length;
const secretWithheld = { field: 'secretHash', before: null, after: null, withheld: 'SECRET' };

describe('partners audit log', () => {
  test('createPartner and updatePartner write one entry each, status moves included; the same values write none', async () => {
    const partner = await partners().create({ name: 'Audited', requestsPerMinute: 100 });
    await partners().update(partner.id, { name: 'Audited GmbH', trustedDocumentsOnly: true, requestsPerMinute: null, costPerMinute: 5000 });
    await partners().update(partner.id, { name: 'Audited GmbH', trustedDocumentsOnly: true });
    await partners().update(partner.id, { status: PartnerStatus.SUSPENDED });
    await partners().update(partner.id, { status: PartnerStatus.SUSPENDED });
    expect(await entriesOf(partner.id)).toEqual([
      {
        ...common,
        entity: 'Partner',
        entityId: partner.id,
        action: 'created',
        changes: [
          { field: 'name', before: null, after: 'Audited' },
          { field: 'status', before: null, after: 'ACTIVE' },
          { field: 'trustedDocumentsOnly', before: null, after: false },
          { field: 'requestsPerMinute', before: null, after: 100 },
        ],
      },
      {
        ...common,
        entity: 'Partner',
        entityId: partner.id,
        action: 'updated',
        changes: [
          { field: 'name', before: 'Audited', after: 'Audited GmbH' },
          { field: 'trustedDocumentsOnly', before: false, after: true },
          { field: 'requestsPerMinute', before: 100, after: null },
          { field: 'costPerMinute', before: null, after: 5000 },
        ],
      },
      { ...common, entity: 'Partner', entityId: partner.id, action: 'updated', changes: [{ field: 'status', before: 'ACTIVE', after: 'SUSPENDED' }] },
    ]);
    const history = await db.em().getConnection().execute(`select "from", "to", actor from partners.partner_status_change where partner_id = ? order by id`, [partner.id]);
    expect(history).toEqual([{ from: null, to: 'ACTIVE', actor: 'admin-9' }, { from: 'ACTIVE', to: 'SUSPENDED', actor: 'admin-9' }]);
  });

  test('createApiKey and revokeApiKey write one entry each, the secret only as withheld; revoking again writes none', async () => {
    const partner = await partners().create({ name: 'Key holder' });
    const expiresAt = new Date(Date.now() + 86_400_000);
    const { apiKey } = await keys().create({ partnerId: partner.id, scopes: ['catalog:read', 'catalog:read', 'orders:read'], expiresAt });
    const revoked = await keys().revoke(apiKey.id);
    await keys().revoke(apiKey.id);
    expect(await entriesOf(apiKey.id)).toEqual([
      {
        ...common,
        entity: 'ApiKey',
        entityId: apiKey.id,
        action: 'created',
        changes: [
          { field: 'partnerId', before: null, after: partner.id },
          { field: 'prefix', before: null, after: apiKey.prefix },
          { field: 'scopes', before: null, after: ['catalog:read', 'orders:read'] },
          { field: 'expiresAt', before: null, after: expiresAt.toISOString() },
          secretWithheld,
        ],
      },
      { ...common, entity: 'ApiKey', entityId: apiKey.id, action: 'revoked', changes: [{ field: 'revokedAt', before: null, after: revoked.revokedAt!.toISOString() }] },
    ]);
  });

  test('rotateApiKey writes one entry per key: the new key created from the old, the old one rotated with its shortened expiry', async () => {
    const partner = await partners().create({ name: 'Rotating' });
    const old = await keys().create({ partnerId: partner.id, scopes: ['catalog:read'] });
    const next = await keys().rotate(old.apiKey.id, 600, null);
    const oldAfter = await keys().get(old.apiKey.id);
    expect(await entriesOf(next.apiKey.id)).toEqual([
      {
        ...common,
        entity: 'ApiKey',
        entityId: next.apiKey.id,
        action: 'created',
        changes: [
          { field: 'partnerId', before: null, after: partner.id },
          { field: 'prefix', before: null, after: next.apiKey.prefix },
          { field: 'scopes', before: null, after: ['catalog:read'] },
          secretWithheld,
          { field: 'rotatedFrom', before: null, after: old.apiKey.id },
        ],
      },
    ]);
    const [, rotated] = await entriesOf(old.apiKey.id);
    expect(rotated).toEqual({
      ...common,
      entity: 'ApiKey',
      entityId: old.apiKey.id,
      action: 'rotated',
      changes: [
        { field: 'expiresAt', before: null, after: oldAfter.expiresAt!.toISOString() },
        { field: 'replacedBy', before: null, after: next.apiKey.id },
      ],
    });
  });

  test('no secret and no hash of one is in any outbox row', async () => {
    const partner = await partners().create({ name: 'Secretive' });
    const made = await keys().create({ partnerId: partner.id, scopes: ['catalog:read'] });
    const rotated = await keys().rotate(made.apiKey.id, 0, null);
    await keys().revoke(rotated.apiKey.id);
    const text = JSON.stringify(await db.em().getConnection().execute(`select * from partners.outbox_event`));
    for (const secret of [made.secret, rotated.secret]) {
      expect(text).not.toContain(secret.slice(13)); // the part after the public prefix
      expect(text).not.toContain(hashApiKey(secret));
    }
  });

  test('a failed write and recorded key use leave no entry', async () => {
    const partner = await partners().create({ name: 'Failing' });
    const { apiKey } = await keys().create({ partnerId: partner.id });
    await keys().revoke(apiKey.id);
    const before = await auditCount();
    await expect(partners().create({ name: 'EXPLODE' })).rejects.toThrow();
    await expect(partners().update(partner.id, { name: 'EXPLODE', costPerMinute: 7 })).rejects.toThrow();
    await expect(keys().revoke('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(keys().rotate(apiKey.id, 60, null)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(keys().create({ partnerId: partner.id, expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await keys().recordUse([{ keyId: apiKey.id, usedAt: new Date() }])).toBe(1);
    expect(await auditCount()).toBe(before);
    expect((await partners().get(partner.id)).costPerMinute).toBeNull();
  });

  describe('concurrent writes of one record', () => {
    const N = 6;

    test('updatePartner: one entry each, whose befores chain in the order they committed', async () => {
      const partner = await partners().create({ name: 'Racing', requestsPerMinute: 1 });
      const limits = Array.from({ length: N }, (_, i) => 100 + i);
      await Promise.all(limits.map((requestsPerMinute) => partners().update(partner.id, { requestsPerMinute })));
      const changes = (await entriesOf(partner.id)).filter((e) => e.action === 'updated').map((e) => e.changes.find((c) => c.field === 'requestsPerMinute'));
      expect(changes.map((c) => c?.after).sort()).toEqual(limits);
      expect(changes.map((c) => c?.before)).toEqual([1, ...changes.slice(0, -1).map((c) => c?.after)]);
    });

    test('revokeApiKey: one entry, with the revokedAt that is stored', async () => {
      const partner = await partners().create({ name: 'Revoking' });
      const { apiKey } = await keys().create({ partnerId: partner.id });
      await Promise.all(Array.from({ length: N }, () => keys().revoke(apiKey.id)));
      const revoked = (await entriesOf(apiKey.id)).filter((e) => e.action === 'revoked');
      expect(revoked).toHaveLength(1);
      expect(revoked[0].changes).toEqual([{ field: 'revokedAt', before: null, after: (await keys().get(apiKey.id)).revokedAt!.toISOString() }]);
    });

    test('rotateApiKey: one rotation succeeds, the others are CONFLICT and leave no key and no entry', async () => {
      const partner = await partners().create({ name: 'Rotating at once' });
      const { apiKey } = await keys().create({ partnerId: partner.id, scopes: ['catalog:read'] });
      const results = await Promise.allSettled(Array.from({ length: N }, () => keys().rotate(apiKey.id, 600, null)));
      const done = results.filter((r) => r.status === 'fulfilled');
      expect(done).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
      const [{ value: next }] = done;
      expect((await keys().listByPartners([partner.id])).map((k) => k.id).sort()).toEqual([apiKey.id, next.apiKey.id].sort());
      const rotated = (await entriesOf(apiKey.id)).filter((e) => e.action === 'rotated');
      expect(rotated).toHaveLength(1);
      expect(rotated[0].changes).toContainEqual({ field: 'replacedBy', before: null, after: next.apiKey.id });
    });

    test('a rotated key is not rotated again, even within its overlap: its replacement is', async () => {
      const partner = await partners().create({ name: 'Rotating twice' });
      const { apiKey } = await keys().create({ partnerId: partner.id });
      const next = await keys().rotate(apiKey.id, 600, null);
      await expect(keys().rotate(apiKey.id, 600, null)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      await expect(keys().rotate(next.apiKey.id, 600, null)).resolves.toMatchObject({ apiKey: { scopes: [] } });
    });
  });
});
