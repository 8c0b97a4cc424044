import 'reflect-metadata';
import { ConfigError, logger, startSubgraph, subgraphOptionsFromEnv } from '@tradegraph/kit';
import { startWebhookServer } from './services/webhooks';
import { syncSettingsFromEnv } from './settings';
import { SYNC_PORT, syncSubgraph } from './subgraph';

/**
 * Starts the sync subgraph and, next to it, its webhook server (SYNC_WEBHOOK_PORT, default
 * 4106): kit's startSubgraph has no hook for extra routes yet.
 */
async function main(): Promise<void> {
  try {
    const settings = syncSettingsFromEnv();
    const options = subgraphOptionsFromEnv(SYNC_PORT, syncSubgraph.name);
    const running = await startSubgraph(syncSubgraph, { ...options, settings: settings as unknown as Record<string, unknown> });
    const webhooks = await startWebhookServer(running.runtime, settings.webhookPort, options.host);
    logger.info({ url: webhooks.url }, 'sync webhooks ready');
    const shutdown = () => void Promise.all([webhooks.stop(), running.stop()]).then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    if (error instanceof ConfigError) logger.fatal(error.message);
    else logger.fatal({ err: error }, 'sync failed to start');
    process.exit(1);
  }
}

void main();
