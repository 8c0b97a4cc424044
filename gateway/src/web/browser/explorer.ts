/**
 * The explorer served on GET /graphql to browsers: GraphiQL, bundled with everything it needs
 * (no CDN). Queries and introspection go over HTTP with the headers the user edits, so the
 * schema shown is the one that caller may see; subscriptions go over graphql-ws with the
 * Authorization header carried in connection_init, where the gateway reads it.
 */
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { createElement, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const httpUrl = `${location.origin}/graphql`;
const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
const DEFAULT_HEADERS = '{\n  "Authorization": "Bearer "\n}';
const DEFAULT_QUERY = '# Put a token after "Bearer " in Headers below (npm run token -- ADMIN), then run.\n{\n  products(first: 5) {\n    edges { node { sku name } }\n  }\n}\n';

/**
 * The headers to send: an Authorization left as the prefilled "Bearer " (no token yet) is
 * dropped, so the explorer works as the anonymous caller until a token is typed.
 */
function effectiveHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
    if (name.toLowerCase() === 'authorization' && /^(bearer|apikey)?$/i.test(text)) continue;
    result[name] = text;
  }
  return result;
}

function authorizationOf(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
}

/** One graphql-ws client per Authorization value; a new value closes the old connection. */
function subscriptionClients(): (authorization: string | undefined) => Fetcher {
  let current: { authorization: string | undefined; client: Client; fetcher: Fetcher } | undefined;
  return (authorization) => {
    if (!current || current.authorization !== authorization) {
      void current?.client.dispose();
      const client = createClient({ url: wsUrl, connectionParams: authorization ? { authorization } : {}, lazy: true });
      current = { authorization, client, fetcher: createGraphiQLFetcher({ url: httpUrl, wsClient: client }) };
    }
    return current.fetcher;
  };
}

/**
 * The document as sent, parsed here: GraphiQL's own parse lags the editor by a moment, and it
 * is what tells a subscription (graphql-ws) from a query (HTTP).
 */
function documentOf(query: string): ReturnType<typeof parse> | undefined {
  try {
    return parse(query);
  } catch {
    return undefined;
  }
}

function makeFetcher(): Fetcher {
  const forAuthorization = subscriptionClients();
  return (params, options) => {
    const headers = effectiveHeaders(options?.headers);
    const documentAST = documentOf(params.query) ?? options?.documentAST;
    return forAuthorization(authorizationOf(headers))(params, { ...options, headers, documentAST });
  };
}

function Explorer() {
  // A new fetcher makes GraphiQL introspect again: after the headers change, the schema shown
  // is the new caller's (a partner sees the public schema).
  const [generation, setGeneration] = useState(0);
  const fetcher = useMemo(() => makeFetcher(), [generation]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const onEditHeaders = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setGeneration((g) => g + 1), 600);
  };
  return createElement(GraphiQL, {
    fetcher,
    defaultHeaders: DEFAULT_HEADERS,
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
    onEditHeaders,
  });
}

createRoot(document.getElementById('root')!).render(createElement(Explorer));
