import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { logger } from '@tradegraph/kit';
import type { ClientIdentity } from './client-identity';

/** The hex sha256 of a document's text: its id in the manifest, and its APQ hash. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The parameters of a GraphQL request that can name a document instead of sending it. */
export interface DocumentParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/**
 * The id a request names its document by when it sends no `query`: `documentId` (the GraphQL
 * over HTTP persisted-documents form, with or without a `sha256:` prefix) or APQ's
 * `extensions.persistedQuery.sha256Hash`.
 */
export function documentIdOf(params: DocumentParams): string | undefined {
  if (typeof params.query === 'string' && params.query !== '') return undefined;
  if (typeof params.documentId === 'string') return params.documentId.replace(/^sha256:/, '');
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

export function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
}

/** `http` sets Apollo's response status; realtime transports answer the bare error. */
export function persistedQueryRequired(http?: { status: number }): GraphQLError {
  return new GraphQLError('This client may only send trusted documents: send the documentId (sha256) of an operation from the published manifest', {
    extensions: { code: 'PERSISTED_QUERY_REQUIRED', ...(http ? { http } : {}) },
  });
}

/**
 * The trusted documents: the operations in operations/, as codegen persisted them
 * (`persisted-documents.json`, sha256 of the text → text). A request may name one by id on
 * every transport, and a partner configured for it (or every partner, with
 * TRUSTED_DOCUMENTS_ONLY_FOR_PARTNERS) may send nothing else.
 */
export class TrustedDocuments {
  private constructor(
    private readonly byHash: ReadonlyMap<string, string>,
    private readonly requiredForAllPartners: boolean,
  ) {}

  /** Checks each entry's hash, so a hand-edited manifest cannot vouch for a different text. */
  static of(documents: Record<string, string>, options: { requiredForAllPartners?: boolean } = {}): TrustedDocuments {
    for (const [hash, text] of Object.entries(documents)) {
      if (documentHash(text) !== hash) throw new Error(`Trusted document ${hash} does not hash to its id; run npm run codegen`);
    }
    return new TrustedDocuments(new Map(Object.entries(documents)), options.requiredForAllPartners ?? false);
  }

  /** The manifest at `file`; a gateway without one serves no trusted documents (partners that need them get none). */
  static fromFile(file: string, options: { requiredForAllPartners?: boolean } = {}): TrustedDocuments {
    if (!fs.existsSync(file)) {
      logger.warn({ file }, 'no trusted-documents manifest: document ids will not resolve');
      return TrustedDocuments.of({}, options);
    }
    return TrustedDocuments.of(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>, options);
  }

  get size(): number {
    return this.byHash.size;
  }

  get(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /** Every document's text. */
  texts(): IterableIterator<string> {
    return this.byHash.values();
  }

  /** Whether this client may send only trusted documents. */
  requiredFor(client: ClientIdentity | undefined): boolean {
    const partner = client?.partner;
    return partner !== undefined && (partner.trustedDocumentsOnly || this.requiredForAllPartners);
  }

  /**
   * The text a realtime request runs: its `query`, or the trusted document it names by id;
   * an id the manifest lacks is PERSISTED_QUERY_NOT_FOUND (realtime has no APQ store).
   */
  documentFor(params: DocumentParams): string | GraphQLError {
    const id = documentIdOf(params);
    if (id === undefined) return typeof params.query === 'string' ? params.query : '';
    return this.get(id) ?? persistedQueryNotFound();
  }

  /** Why this client may not run `query` (a document outside the manifest for a trusted-only client), if it may not. */
  refusal(client: ClientIdentity | undefined, query: string): GraphQLError | undefined {
    return this.requiredFor(client) && !this.has(documentHash(query)) ? persistedQueryRequired() : undefined;
  }
}

/**
 * Refuses, for a client restricted to trusted documents, an operation whose text is not in the
 * manifest (sent inline, or registered through APQ). It runs once the operation is resolved,
 * the first hook whose error Apollo answers like any other (after parse and validation).
 */
export function trustedDocumentsPlugin<TContext extends { client?: ClientIdentity }>(documents: TrustedDocuments): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!documents.requiredFor(contextValue.client)) return;
      return {
        async didResolveOperation({ queryHash }) {
          if (!documents.has(queryHash)) throw persistedQueryRequired({ status: 403 });
        },
      };
    },
  };
}

/** A GraphQL error body, answered before Apollo sees the request. */
function refuse(res: Parameters<RequestHandler>[1], status: number, error: GraphQLError): void {
  res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
}

/**
 * Before Apollo on `/graphql`: a `documentId` becomes APQ's `extensions.persistedQuery`, so one
 * lookup (the manifest, then the APQ store) serves both forms over POST and GET; a hash sent
 * with a text it does not match is refused as the client's mistake.
 */
export function documentIdRequests(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://gateway');
      const documentId = url.searchParams.get('documentId');
      if (documentId !== null && !url.searchParams.has('query') && !url.searchParams.has('extensions')) {
        url.searchParams.delete('documentId');
        url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: documentId.replace(/^sha256:/, '') } }));
        req.url = `${url.pathname}${url.search}`;
      }
      return next();
    }
    const refusal = documentIdInBody(req.body);
    if (refusal) return refuse(res, 400, refusal);
    next();
  };
}

/**
 * A POST body's `documentId` becomes APQ's `extensions.persistedQuery` (in place); a hash sent
 * with a text it does not match is the error returned.
 */
export function documentIdInBody(parsed: unknown): GraphQLError | undefined {
  const body = parsed as (DocumentParams & Record<string, unknown>) | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const id = documentIdOf(body);
  if (id !== undefined && body.documentId !== undefined) {
    const extensions = typeof body.extensions === 'object' && body.extensions !== null ? body.extensions : {};
    body.extensions = { ...extensions, persistedQuery: { version: 1, sha256Hash: id } };
    delete body.documentId;
  }
  const persisted = (body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (typeof body.query === 'string' && typeof persisted?.sha256Hash === 'string' && documentHash(body.query) !== persisted.sha256Hash) {
    return new GraphQLError('The persisted query hash does not match the query', { extensions: { code: 'BAD_REQUEST' } });
  }
  return undefined;
}

/**
 * Before graphql-sse on `/graphql/stream`, which requires a `query`: a named trusted document
 * is put in its place; an unknown id is answered PERSISTED_QUERY_NOT_FOUND (HTTP 400).
 */
export function documentIdStreams(documents: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const body = req.body as DocumentParams | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || documentIdOf(body) === undefined) return next();
    const query = documents.documentFor(body);
    if (query instanceof GraphQLError) return refuse(res, 400, query);
    body.query = query;
    next();
  };
}
