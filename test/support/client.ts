import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

/** A GraphQL response as a client sees it, plus the HTTP status and headers. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/**
 * POSTs a GraphQL request as JSON, the way a browser client does: a current client accepts
 * application/graphql-response+json, in which a request error is HTTP 400 (in application/json
 * it would be 200).
 */
export async function postGraphQL<T>(url: string, query: string, variables?: unknown, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLFormattedError[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** Sends a typed document (from codegen) as a frontend would. */
export function execute<T, V>(url: string, document: TypedDocumentNode<T, V>, variables?: V, options?: RequestOptions): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, print(document), variables, options);
}

/** Like {@link execute}, but fails the test with the server's errors when there are any. */
export async function executeOk<T, V>(url: string, document: TypedDocumentNode<T, V>, variables?: V, options?: RequestOptions): Promise<T> {
  const result = await execute(url, document, variables, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}
