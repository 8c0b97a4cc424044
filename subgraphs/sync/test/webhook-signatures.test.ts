import { createHmac } from 'node:crypto';
import { verifySharedSecretSignature, verifyShopifySignature, withinReplayWindow } from '../src/services/webhooks';

describe('webhook signatures', () => {
  const body = Buffer.from('{"id":1}');
  const signed = { timestamp: '1767225600', deliveryId: 'd-1', topic: 'product.updated' };
  const hex = createHmac('sha256', 'secret').update(`1767225600\nd-1\nproduct.updated\n{"id":1}`).digest('hex');
  const headers = { ...signed, signature: `sha256=${hex}` };

  it('accepts the shared-secret header only with the right secret, body, timestamp, delivery id and topic', () => {
    expect(verifySharedSecretSignature(body, 'secret', headers)).toBe(true);
    expect(verifySharedSecretSignature(body, 'other', headers)).toBe(false);
    expect(verifySharedSecretSignature(body, '', headers)).toBe(false);
    expect(verifySharedSecretSignature(Buffer.from('{"id":2}'), 'secret', headers)).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, timestamp: '1767225601' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, deliveryId: 'd-2' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, topic: 'customer.updated' })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, signature: hex })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, signature: undefined })).toBe(false);
    expect(verifySharedSecretSignature(body, 'secret', { ...headers, timestamp: undefined })).toBe(false);
  });

  it('takes a timestamp within the replay window either way only', () => {
    const now = 1_767_225_600_000;
    expect(withinReplayWindow('1767225600', 300, now)).toBe(true);
    expect(withinReplayWindow('1767225300', 300, now)).toBe(true);
    expect(withinReplayWindow('1767225299', 300, now)).toBe(false);
    expect(withinReplayWindow('1767225901', 300, now)).toBe(false);
    expect(withinReplayWindow('1767225600.5', 300, now)).toBe(false);
    expect(withinReplayWindow('', 300, now)).toBe(false);
  });

  it('checks Shopify\'s base64 header, in canonical encoding only', () => {
    const base64 = createHmac('sha256', 'secret').update(body).digest('base64');
    expect(verifyShopifySignature(body, 'secret', base64)).toBe(true);
    expect(verifyShopifySignature(body, '', base64)).toBe(false);
    expect(verifyShopifySignature(body, 'secret', base64.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    for (const lenient of [base64.slice(0, -1), `${base64}=`, `#${base64}`, `${base64.slice(0, 5)} ${base64.slice(5)}`]) {
      expect(Buffer.from(lenient, 'base64').equals(Buffer.from(base64, 'base64'))).toBe(true); // what Node would take
      expect(verifyShopifySignature(body, 'secret', lenient)).toBe(false);
    }
  });
});
