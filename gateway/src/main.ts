/**
 * Runs the gateway over any supergraph file:
 *
 *   npm run gateway -- [--supergraph PATH] [--port N]
 *
 * Configuration comes from the environment (see README, "Configuration"); the flags win.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ConfigError, logger, startTracing, stopOnSignals, stopTracing } from '@tradegraph/kit';
import { gatewayConfigFromEnv, type GatewayConfig } from './config';
import { startGateway } from './server';

async function main() {
  const { values } = parseArgs({ options: { supergraph: { type: 'string' }, port: { type: 'string' } } });
  const overrides: Partial<GatewayConfig> = {};
  if (values.supergraph) overrides.supergraphPath = path.resolve(values.supergraph);
  if (values.port) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a port number, got "${values.port}"`);
    overrides.port = port;
  }
  const config = gatewayConfigFromEnv(overrides);
  startTracing(); // on when OTEL_EXPORTER_OTLP_ENDPOINT is set
  const gateway = await startGateway(config);
  stopOnSignals('gateway', () => gateway.stop().then(stopTracing), config.shutdownGraceMs);
}

main().catch((error) => {
  logger.fatal(error instanceof ConfigError ? error.message : { err: error }, 'gateway failed to start');
  process.exit(1);
});
