import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, logger, type SubgraphRuntime } from '@tradegraph/kit';
import { Connector, ExternalSystem, SyncDirection, SyncMode, SyncRun, SyncRunStatus, SyncTrigger } from '../entities';
import { syncSettingsOf } from '../settings';
import { CredentialBox } from './crypto';
import { syncMetrics } from './metrics';
import { enqueueRun, ensureQueue } from './queue';

const log = logger.child({ subgraph: 'sync', component: 'webhooks' });

/** A SHA-256 HMAC in canonical base64: 43 characters and one `=`. */
const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Shopify's signature: base64 HMAC-SHA256 of the raw body with the webhook secret, compared in
 * constant time. Only the canonical encoding counts: Node's decoder skips junk characters,
 * takes missing padding, URL-safe letters and set padding bits, so many strings would pass
 * for one signature.
 */
export function verifyShopifySignature(rawBody: Buffer, secret: string, header: string | undefined): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = header !== undefined && SHA256_BASE64.test(header) ? Buffer.from(header, 'base64') : null;
  // Decoding and encoding again must give the header back: that refuses set padding bits.
  const canonical = given !== null && given.toString('base64') === header;
  return canonical && timingSafeEqual(given, expected) && secret.length > 0;
}

/** The headers of a shared-secret delivery that its signature covers. */
export interface SharedSecretHeaders {
  /** `sha256=<hex>` */
  signature: string | undefined;
  /** unix seconds */
  timestamp: string | undefined;
  deliveryId: string | undefined;
  topic: string | undefined;
}

/**
 * What a shared-secret signature signs: `<timestamp>\n<delivery id>\n<topic>\n<raw body>`.
 * Header values cannot hold a line feed, so no two deliveries sign the same bytes (a dot, as
 * in `product.updated`, could be moved between the id and the topic).
 */
export function sharedSecretSignedBytes(rawBody: Buffer, headers: Omit<SharedSecretHeaders, 'signature'>): Buffer {
  return Buffer.concat([Buffer.from(`${headers.timestamp ?? ''}\n${headers.deliveryId ?? ''}\n${headers.topic ?? ''}\n`, 'utf8'), rawBody]);
}

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * The shared-secret signature of the other systems: `X-Tradegraph-Signature: sha256=<hex
 * HMAC-SHA256 of {@link sharedSecretSignedBytes}>`, with `X-Tradegraph-Timestamp` in unix
 * seconds. Whether the timestamp is recent is {@link withinReplayWindow}'s question.
 */
export function verifySharedSecretSignature(rawBody: Buffer, secret: string, headers: SharedSecretHeaders): boolean {
  const expected = createHmac('sha256', secret).update(sharedSecretSignedBytes(rawBody, headers)).digest();
  const match = headers.signature ? /^sha256=([0-9a-f]{64})$/i.exec(headers.signature.trim()) : null;
  const signed = match !== null && timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
  return signed && UNIX_SECONDS.test(headers.timestamp ?? '') && secret.length > 0;
}

/** Whether a delivery signed at `timestamp` (unix seconds) is at most `toleranceSeconds` away from now, either way. */
export function withinReplayWindow(timestamp: string, toleranceSeconds: number, nowMs = Date.now()): boolean {
  return UNIX_SECONDS.test(timestamp) && Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}

/** Where a system's deliveries carry their signature, id and topic. */
interface WebhookFormat {
  verify(rawBody: Buffer, secret: string, header: (name: string) => string | undefined): boolean;
  /** the signed timestamp of a delivery (unix seconds), for formats that sign one */
  timestampHeader?: string;
  deliveryHeader: string;
  topicHeader: string;
}

const SHOPIFY_FORMAT: WebhookFormat = {
  verify: (raw, secret, header) => verifyShopifySignature(raw, secret, header('x-shopify-hmac-sha256')),
  deliveryHeader: 'X-Shopify-Webhook-Id',
  topicHeader: 'X-Shopify-Topic',
};

/**
 * Every system but Shopify signs with a shared secret in our own headers (NetSuite, SAP B1 and
 * Dynamics have no single native webhook format; their middleware or scripts send these).
 */
const SHARED_SECRET_FORMAT: WebhookFormat = {
  verify: (raw, secret, header) =>
    verifySharedSecretSignature(raw, secret, { signature: header('x-tradegraph-signature'), timestamp: header('x-tradegraph-timestamp'), deliveryId: header('x-tradegraph-delivery'), topic: header('x-tradegraph-topic') }),
  timestampHeader: 'X-Tradegraph-Timestamp',
  deliveryHeader: 'X-Tradegraph-Delivery',
  topicHeader: 'X-Tradegraph-Topic',
};

/** The webhook format of a system. */
export function webhookFormatOf(system: ExternalSystem): WebhookFormat {
  return system === ExternalSystem.SHOPIFY ? SHOPIFY_FORMAT : SHARED_SECRET_FORMAT;
}

/** What a delivery came to. */
export type ReceiptResult = { status: 'accepted'; runId: string } | { status: 'duplicate' };

/**
 * Stores a verified delivery and queues its run in one transaction: the receipt (unique per
 * connector and delivery id), the QUEUED run and its graphile-worker job commit together or
 * not at all. A delivery id seen before is a duplicate and changes nothing.
 */
export async function receiveDelivery(em: EntityManager, runtime: SubgraphRuntime, connector: Connector, delivery: { deliveryId: string; topic: string; payload: unknown }): Promise<ReceiptResult> {
  await ensureQueue(runtime);
  return em.transactional(async (tx) => {
    const inserted = await tx.getConnection().execute<{ id: string }[]>(
      'insert into sync.webhook_delivery (id, connector_id, delivery_id, topic, payload, received_at) values (gen_random_uuid(), ?, ?, ?, ?::jsonb, now()) on conflict (connector_id, delivery_id) do nothing returning id',
      [connector.id, delivery.deliveryId, delivery.topic, JSON.stringify(delivery.payload)],
      'all',
      tx.getTransactionContext(),
    );
    if (!inserted.length) return { status: 'duplicate' as const };
    const run = tx.create(SyncRun, { connectorId: connector.id, trigger: SyncTrigger.WEBHOOK, entities: connector.entities, status: SyncRunStatus.QUEUED, webhookDeliveryId: inserted[0].id, maxAttempts: syncSettingsOf(runtime.settings).maxAttempts, queuedAt: new Date() });
    tx.persist(run);
    await tx.flush();
    await enqueueRun(tx, run);
    return { status: 'accepted' as const, runId: run.id };
  });
}

/** The one answer to every delivery that is not signed by a connector's secret. */
const INVALID_SIGNATURE = Object.freeze({ error: 'invalid signature' });

/**
 * The webhook endpoint, `POST /webhooks/:connectorId`: verifies the signature over the raw
 * body — Shopify's `X-Shopify-Hmac-Sha256` (canonical base64), or for other systems
 * `X-Tradegraph-Signature: sha256=<hex>` over timestamp, delivery id, topic and body with a
 * timestamp inside the replay window (`webhookToleranceSeconds`) — deduplicates by the
 * delivery id (`X-Shopify-Webhook-Id` / `X-Tradegraph-Delivery`), stores the receipt with its
 * job and answers 202 at once (200 for a duplicate); the work happens in the worker.
 *
 * Nothing about the connector is told before the signature holds: an unknown connector, one
 * without a webhook secret and a wrong signature all get the same 401, after the same HMAC
 * work (a throwaway secret stands in for the missing one); only a signed delivery learns
 * that the connector takes no webhooks (409).
 *
 * The subgraph definition mounts it on the subgraph's own server (kit's `routes` hook).
 */
export function webhookApp(runtime: SubgraphRuntime): express.Express {
  const settings = syncSettingsOf(runtime.settings);
  const box = new CredentialBox(settings.encryptionKey);
  // Opened in place of missing credentials and used in place of a missing secret, so every
  // delivery costs one decryption and one HMAC; nobody has this secret, so nothing it checks holds.
  const standInSecret = randomBytes(32).toString('hex');
  const standIn = box.seal({ webhookSecret: standInSecret });
  const app = express();
  app.disable('x-powered-by');
  const metrics = syncMetrics(runtime);
  app.post('/webhooks/:connectorId', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    let system: string | undefined;
    try {
      const connectorId = String(req.params.connectorId);
      const em = runtime.database.orm.em.fork();
      const connector = isUuid(connectorId) ? await em.findOne(Connector, connectorId) : null;
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = (name: string) => req.header(name);
      const secret = String(box.open(connector?.credentialsCiphertext || standIn).webhookSecret ?? '');
      // An unknown connector is checked in the format the request claims, with a secret nobody has.
      const format = connector ? webhookFormatOf(connector.system) : header('x-shopify-hmac-sha256') !== undefined ? SHOPIFY_FORMAT : SHARED_SECRET_FORMAT;
      const signed = format.verify(raw, secret || standInSecret, header);
      if (!connector || !secret || !signed) {
        metrics?.webhook(connector?.system, connector ? 'bad_signature' : 'unknown_connector');
        return void res.status(401).json(INVALID_SIGNATURE);
      }
      system = connector.system;
      if (format.timestampHeader && !withinReplayWindow(header(format.timestampHeader) ?? '', settings.webhookToleranceSeconds)) {
        metrics?.webhook(system, 'replay');
        return void res.status(401).json({ error: `${format.timestampHeader} is more than ${settings.webhookToleranceSeconds} seconds away from now` });
      }
      if (connector.mode === SyncMode.POLLING) return void res.status(409).json({ error: 'the connector takes no webhooks (its mode is POLLING)' });
      if (connector.direction === SyncDirection.OUTBOUND) return void res.status(409).json({ error: 'the connector takes nothing in (its direction is OUTBOUND)' });
      const deliveryId = header(format.deliveryHeader);
      if (!deliveryId) return void res.status(400).json({ error: `${format.deliveryHeader} is missing` });
      if (deliveryId.length > 200) return void res.status(400).json({ error: `${format.deliveryHeader} is longer than 200 characters` });
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        return void res.status(400).json({ error: 'the body is not JSON' });
      }
      const result = await receiveDelivery(em, runtime, connector, { deliveryId, topic: (req.header(format.topicHeader) ?? 'unknown').slice(0, 100), payload });
      metrics?.webhook(system, result.status);
      res.status(result.status === 'accepted' ? 202 : 200).json(result);
    } catch (error) {
      metrics?.webhook(system, 'error');
      log.error({ err: error }, 'webhook receipt failed');
      res.status(500).json({ error: 'the delivery could not be stored; send it again' });
    }
  });
  return app;
}
