import { hashApiKey } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ApiKey, PartnerStatus } from '../src/entities';
import { ApiKeyService, MAX_ROTATION_OVERLAP_SECONDS } from '../src/services/api-keys';
import { PartnerService } from '../src/services/partners';
import { partnersSubgraph } from '../src/subgraph';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(partnersSubgraph);
});
afterAll(() => db?.close());

const keys = () => new ApiKeyService(db.em(), null);
const partners = () => new PartnerService(db.em(), null);

describe('ApiKeyService', () => {
  test('stores only the hash of the secret, and grants by that hash what the partner allows', async () => {
    const partner = await partners().create({ name: 'Grantee', trustedDocumentsOnly: true, costPerMinute: 5000 });
    const { apiKey, secret } = await keys().create({ partnerId: partner.id, scopes: ['catalog:read'] });
    const row = await db.em().findOneOrFail(ApiKey, { id: apiKey.id });
    expect(row.secretHash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(13));
    expect(await keys().grant(hashApiKey(secret))).toEqual({
      partnerId: partner.id,
      keyId: apiKey.id,
      keyPrefix: secret.slice(0, 12),
      scopes: ['catalog:read'],
      trustedDocumentsOnly: true,
      requestsPerMinute: null,
      costPerMinute: 5000,
      expiresAt: null,
    });
    expect(await keys().grant(hashApiKey(`${secret}x`))).toBeNull();
  });

  test('no grant for a revoked key, an expired key, or a key of a suspended partner', async () => {
    const partner = await partners().create({ name: 'Refused' });
    const revoked = await keys().create({ partnerId: partner.id });
    await keys().revoke(revoked.apiKey.id);
    expect(await keys().grant(hashApiKey(revoked.secret))).toBeNull();

    const expiring = await keys().create({ partnerId: partner.id, expiresAt: new Date(Date.now() + 50) });
    await new Promise((r) => setTimeout(r, 60));
    expect(await keys().grant(hashApiKey(expiring.secret))).toBeNull();

    const live = await keys().create({ partnerId: partner.id });
    await partners().update(partner.id, { status: PartnerStatus.SUSPENDED });
    expect(await keys().grant(hashApiKey(live.secret))).toBeNull();
    await partners().update(partner.id, { status: PartnerStatus.ACTIVE });
    expect(await keys().grant(hashApiKey(live.secret))).not.toBeNull();
  });

  test('rotation ends the old key after the overlap (never later than its own expiry) and refuses a dead key', async () => {
    const partner = await partners().create({ name: 'Rotator' });
    const soon = new Date(Date.now() + 10_000);
    const old = await keys().create({ partnerId: partner.id, scopes: ['a'], expiresAt: soon });
    const rotated = await keys().rotate(old.apiKey.id, 3600, null);
    expect(rotated.apiKey.scopes).toEqual(['a']);
    expect((await keys().get(old.apiKey.id)).expiresAt).toEqual(soon);
    const next = await keys().rotate(rotated.apiKey.id, 0, null);
    expect(await keys().grant(hashApiKey(rotated.secret))).toBeNull();
    expect(await keys().grant(hashApiKey(next.secret))).not.toBeNull();
    await expect(keys().rotate(rotated.apiKey.id, 60, null)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(keys().rotate(next.apiKey.id, MAX_ROTATION_OVERLAP_SECONDS + 1, null)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'overlapSeconds' }] } });
  });

  test('recording use keeps the latest time and never moves it back', async () => {
    const partner = await partners().create({ name: 'User' });
    const { apiKey } = await keys().create({ partnerId: partner.id });
    const later = new Date('2030-01-01T00:00:10Z');
    const earlier = new Date('2030-01-01T00:00:00Z');
    expect(await keys().recordUse([{ keyId: apiKey.id, usedAt: earlier }, { keyId: apiKey.id, usedAt: later }])).toBe(1);
    expect(await keys().recordUse([{ keyId: apiKey.id, usedAt: earlier }])).toBe(0);
    expect((await keys().get(apiKey.id)).lastUsedAt).toEqual(later);
  });
});
