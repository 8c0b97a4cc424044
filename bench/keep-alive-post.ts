/**
 * The benchmarks' client side of a GraphQL POST: kit's keep-alive `node:http` fetch, so that a
 * load generator sharing the cores with the servers it measures costs them as little as it can
 * (fetch reads every answer through web streams). Imported from its file, not kit's index, so a
 * load worker does not load the whole kit.
 */
import { keepAliveFetch } from '../kit/src/keep-alive-fetch';

export interface KeepAlivePoster {
  /** POSTs a JSON body with the bearer token; resolves with the status and the whole answer as text */
  post(body: string): Promise<{ status: number; text: string }>;
  close(): void;
}

export function keepAlivePoster(url: string, token: string, maxSockets: number): KeepAlivePoster {
  const client = keepAliveFetch({ maxSockets });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const post = async (body: string) => {
    const response = await client.fetch(url, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  };
  return { post, close: client.close };
}
