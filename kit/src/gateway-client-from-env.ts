import { DEVELOPMENT_JWT_SECRET } from './development-secrets';
import { envInt, envOptional, envSecret, envString } from './env';
import { GatewayClient, serviceTokenProvider } from './gateway-client';

/**
 * A client for calls through the gateway as `service:<name>`: GATEWAY_URL, and SERVICE_TOKEN
 * (a token from your identity provider) or else a token minted with JWT_SECRET.
 */
export function gatewayClientFromEnv(name: string, scopes: string[] = []): GatewayClient {
  const staticToken = envOptional('SERVICE_TOKEN');
  return new GatewayClient({
    url: envString('GATEWAY_URL', 'http://127.0.0.1:4000/graphql'),
    timeoutMs: envInt('GATEWAY_TIMEOUT_MS', 10_000, 100, 600_000),
    token: staticToken ? async () => staticToken : serviceTokenProvider({
      secret: envSecret('JWT_SECRET', DEVELOPMENT_JWT_SECRET),
      issuer: envString('JWT_ISSUER', 'tradegraph'),
      audience: envString('JWT_AUDIENCE', 'tradegraph-api'),
      subject: `service:${name}`,
      scopes,
    }),
  });
}
