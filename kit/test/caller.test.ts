import { SignJWT } from 'jose';
import { CallerSigner } from '../src/caller';

describe('CallerSigner', () => {
  const signer = new CallerSigner('a-secret-shared-by-gateway-and-subgraphs');

  test('a signed caller verifies to the same caller and request id', async () => {
    const header = await signer.sign({ subject: 'alice', roles: ['ADMIN'], scopes: ['customers:pii'] }, 'req-1');
    await expect(signer.verify(header)).resolves.toEqual({ caller: { subject: 'alice', roles: ['ADMIN'], scopes: ['customers:pii'] }, requestId: 'req-1' });
  });

  test('anonymous callers keep a null subject', async () => {
    const header = await signer.sign({ subject: null, roles: [], scopes: [] }, 'req-2');
    expect((await signer.verify(header)).caller).toEqual({ subject: null, roles: [], scopes: [] });
  });

  test('missing, foreign, tampered and expired contexts are refused with a reason', async () => {
    await expect(signer.verify(undefined)).rejects.toThrow(/missing x-tradegraph-caller header/);
    const foreign = await new CallerSigner('another-secret-entirely-not-ours').sign({ subject: 'x', roles: ['ADMIN'], scopes: [] }, 'r');
    await expect(signer.verify(foreign)).rejects.toThrow('the caller context signature is invalid');
    const genuine = await signer.sign({ subject: 'bob', roles: ['AGENT'], scopes: [] }, 'r');
    const [head, , sig] = genuine.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'bob', roles: ['ADMIN'], aud: 'tradegraph-subgraphs', iss: 'tradegraph-gateway', exp: 9999999999 })).toString('base64url');
    await expect(signer.verify(`${head}.${forged}.${sig}`)).rejects.toThrow('the caller context signature is invalid');
    const expired = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old')
      .setIssuer('tradegraph-gateway')
      .setAudience('tradegraph-subgraphs')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode('a-secret-shared-by-gateway-and-subgraphs'));
    await expect(signer.verify(expired)).rejects.toThrow('the caller context has expired');
  });

  test('unknown roles in a context are dropped, not trusted', async () => {
    const token = await new SignJWT({ roles: ['ADMIN', 'ROOT'], scopes: ['a', 3] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('eve')
      .setIssuer('tradegraph-gateway')
      .setAudience('tradegraph-subgraphs')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('a-secret-shared-by-gateway-and-subgraphs'));
    expect((await signer.verify(token)).caller).toEqual({ subject: 'eve', roles: ['ADMIN'], scopes: ['a'] });
  });
});
