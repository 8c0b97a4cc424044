import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, logger, type SubgraphRuntime } from '@tradegraph/kit';
import { Connector, ExternalSystem, SyncDirection, SyncMode, SyncRun, SyncRunStatus, SyncTrigger } from '../entities';
import { syncSettingsOf } from '../settings';
import { CredentialBox } from './crypto';
import { enqueueRun, ensureQueue } from './queue';

const log = logger.child({ subgraph: 'sync', component: 'webhooks' });

/** Shopify's signature: base64 HMAC-SHA256 of the raw body with the webhook secret, compared in constant time. */
export function verifyShopifySignature(rawBody: Buffer, secret: string, header: string | undefined): boolean {
  if (!header || !secret) return false;
  return sameBytes(createHmac('sha256', secret).update(rawBody).digest(), Buffer.from(header, 'base64'));
}

/** The shared-secret signature of the other systems: `X-Tradegraph-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifySharedSecretSignature(rawBody: Buffer, secret: string, header: string | undefined): boolean {
  const match = header ? /^sha256=([0-9a-f]{64})$/i.exec(header.trim()) : null;
  if (!match || !secret) return false;
  return sameBytes(createHmac('sha256', secret).update(rawBody).digest(), Buffer.from(match[1], 'hex'));
}

function sameBytes(expected: Buffer, given: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where a system's deliveries carry their signature, id and topic. */
interface WebhookFormat {
  verify(rawBody: Buffer, secret: string, header: (name: string) => string | undefined): boolean;
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
  verify: (raw, secret, header) => verifySharedSecretSignature(raw, secret, header('x-tradegraph-signature')),
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
    await enqueueRun(tx as EntityManager, run);
    return { status: 'accepted' as const, runId: run.id };
  });
}

/**
 * The webhook endpoint, `POST /webhooks/:connectorId`: verifies the signature over the raw
 * body (401 when it is wrong) — Shopify's `X-Shopify-Hmac-Sha256`, or for other systems
 * `X-Tradegraph-Signature: sha256=<hex>` — deduplicates by the delivery id
 * (`X-Shopify-Webhook-Id` / `X-Tradegraph-Delivery`), stores the receipt with its job and
 * answers 202 at once (200 for a duplicate); the work happens in the worker.
 *
 * The subgraph definition mounts it on the subgraph's own server (kit's `routes` hook).
 */
export function webhookApp(runtime: SubgraphRuntime): express.Express {
  const box = new CredentialBox(syncSettingsOf(runtime.settings).encryptionKey);
  const app = express();
  app.disable('x-powered-by');
  app.post('/webhooks/:connectorId', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    try {
      const connectorId = String(req.params.connectorId);
      const em = runtime.database.orm.em.fork() as EntityManager;
      const connector = isUuid(connectorId) ? await em.findOne(Connector, connectorId) : null;
      if (!connector) return void res.status(404).json({ error: 'unknown connector' });
      if (connector.mode === SyncMode.POLLING) return void res.status(409).json({ error: 'the connector takes no webhooks (its mode is POLLING)' });
      if (connector.direction === SyncDirection.OUTBOUND) return void res.status(409).json({ error: 'the connector takes nothing in (its direction is OUTBOUND)' });
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const secret = String(box.open(connector.credentialsCiphertext).webhookSecret ?? '');
      const format = webhookFormatOf(connector.system);
      if (!format.verify(raw, secret, (name) => req.header(name))) return void res.status(401).json({ error: 'invalid signature' });
      const deliveryId = req.header(format.deliveryHeader);
      if (!deliveryId) return void res.status(400).json({ error: `${format.deliveryHeader} is missing` });
      if (deliveryId.length > 200) return void res.status(400).json({ error: `${format.deliveryHeader} is longer than 200 characters` });
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        return void res.status(400).json({ error: 'the body is not JSON' });
      }
      const result = await receiveDelivery(em, runtime, connector, { deliveryId, topic: (req.header(format.topicHeader) ?? 'unknown').slice(0, 100), payload });
      res.status(result.status === 'accepted' ? 202 : 200).json(result);
    } catch (error) {
      log.error({ err: error }, 'webhook receipt failed');
      res.status(500).json({ error: 'the delivery could not be stored; send it again' });
    }
  });
  return app;
}
