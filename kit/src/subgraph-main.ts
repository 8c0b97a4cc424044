import { ConfigError } from './env';
import { stopOnSignals } from './graceful-stop';
import { logger } from './logger';
import type { SubgraphDefinition } from './subgraph-definition';
import { subgraphOptionsFromEnv } from './subgraph-options';
import { startSubgraph } from './subgraph-server';
import { startTracing, stopTracing } from './tracing';

/**
 * The body of every subgraph's `src/index.ts`: start from the environment (plus the subgraph's
 * own settings, read by `settingsFromEnv`), stop gracefully on SIGINT/SIGTERM (within
 * SHUTDOWN_GRACE_MS), and exit with a readable message when configuration is wrong.
 */
export async function runSubgraphMain(definition: SubgraphDefinition, defaultPort: number, settingsFromEnv?: () => object): Promise<void> {
  try {
    const settings = settingsFromEnv?.() as Record<string, unknown> | undefined;
    const options = { ...subgraphOptionsFromEnv(defaultPort, definition.name, definition.serviceScopes), settings };
    startTracing(); // on when OTEL_EXPORTER_OTLP_ENDPOINT is set
    const running = await startSubgraph(definition, options);
    stopOnSignals(definition.name, () => running.stop().then(stopTracing), options.shutdownGraceMs ?? 10_000);
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal(error.message);
    } else {
      logger.fatal({ err: error }, `${definition.name} failed to start`);
    }
    process.exit(1);
  }
}
