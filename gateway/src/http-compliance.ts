import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { RequestHandler } from 'express';

/**
 * The GraphQL-over-HTTP spec's two response media types. The status code of a request error
 * depends on which one the answer is in: `application/json` (the legacy type, which clients read
 * whatever the status) SHOULD be 200, `application/graphql-response+json` SHOULD be 4xx.
 */
export const MEDIA_TYPES = { json: 'application/json; charset=utf-8', graphqlResponse: 'application/graphql-response+json; charset=utf-8' } as const;
export type ResponseMediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/**
 * What a GraphQL answer depends on besides its URL: the media type (and so the status code)
 * and the caller. Shared caches key on these, so one caller's answer never reaches another.
 */
export const VARY = 'Accept, Authorization, X-Api-Key';

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function acceptRanges(accept: string): AcceptRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [mime = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = mime.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/**
 * The media type of the answer, chosen the way Apollo Server chooses it (negotiator's order:
 * quality, then the most specific range, then the client's order, then `application/json`
 * first, so `*\/*` and no Accept at all mean `application/json`); null when the client
 * accepts neither (Apollo answers 406).
 */
export function responseMediaType(accept: string | undefined): ResponseMediaType | null {
  if (!accept) return MEDIA_TYPES.json;
  const ranges = acceptRanges(accept);
  const candidates = [MEDIA_TYPES.json, MEDIA_TYPES.graphqlResponse].flatMap((mediaType, index) => {
    const [type, subtype] = mediaType.split(';')[0].split('/');
    let best: { q: number; s: number; o: number } | undefined;
    for (const range of ranges) {
      const s = (range.type === type ? 2 : range.type === '*' ? 0 : -1) + (range.subtype === subtype ? 1 : range.subtype === '*' ? 0 : -10);
      if (s < 0) continue;
      if (!best || s > best.s || (s === best.s && (range.q > best.q || (range.q === best.q && range.order < best.o)))) best = { q: range.q, s, o: range.order };
    }
    return best && best.q > 0 ? [{ mediaType, index, ...best }] : [];
  });
  candidates.sort((a, b) => b.q - a.q || b.s - a.s || a.o - b.o || a.index - b.index);
  return candidates[0]?.mediaType ?? null;
}

/**
 * The errors of a well-formed request that the document or its variables cannot run (parse,
 * validation, variable coercion, operation choice), which the spec answers 200 in
 * `application/json`. A malformed request (no `query` string: `BAD_REQUEST`) stays 400.
 */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

function isRequestError(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): boolean {
  return Boolean(errors?.length) && errors!.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code as string));
}

/** The request carries credentials: its answer belongs to that caller alone. */
function hasCredentials(header: (name: string) => string | undefined): boolean {
  return Boolean(header('authorization') || header('x-api-key'));
}

/**
 * The Cache-Control of an answer. Only a successful GET query is cacheable, for as long as
 * every subgraph and schema hint allows (Apollo's cache-control policy: `computed`); an answer
 * to a caller with credentials is `private` whatever the hints say, because shared caches may
 * store an Authorization request's answer once it is `public` and many ignore Vary. Anything
 * else (POST, errors, non-200) is `no-store`.
 */
export function cacheControlFor(answer: { method: string; status: number; hasErrors: boolean; withCredentials: boolean; computed: string | undefined }): string {
  if (answer.method !== 'GET' || answer.status !== 200 || answer.hasErrors) return 'no-store';
  const policy = /^max-age=(\d+), (public|private)$/.exec(answer.computed ?? '');
  if (!policy || Number(policy[1]) === 0) return 'no-store';
  return `max-age=${policy[1]}, ${answer.withCredentials ? 'private' : policy[2]}`;
}

/**
 * Apollo's cache-control plugin (installed here so that it runs before ours) and the plugin
 * that sets the media type, status code and cache headers of every answer of the pipeline:
 * a GraphQL request error (parse, validation, variable coercion, operation choice: Apollo's
 * 400) is 200 in `application/json` and stays 400 in `application/graphql-response+json`.
 * Malformed requests (400) and refusals for other reasons (401, 403, 405, 429) keep their
 * status in both.
 */
export function httpCompliancePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: 0 }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ request, response }) {
            const http = request.http;
            if (!http || response.body.kind !== 'single') return;
            const header = (name: string) => http.headers.get(name);
            const mediaType = responseMediaType(header('accept'));
            if (mediaType === null) return; // Apollo answers 406
            const { headers } = response.http;
            headers.set('content-type', mediaType);
            const { errors } = response.body.singleResult;
            if (mediaType === MEDIA_TYPES.json && response.http.status === 400 && isRequestError(errors)) response.http.status = 200;
            headers.set('vary', VARY);
            headers.set(
              'cache-control',
              cacheControlFor({ method: http.method, status: response.http.status ?? 200, hasErrors: Boolean(errors?.length), withCredentials: hasCredentials(header), computed: headers.get('cache-control') }),
            );
          },
        };
      },
    },
  ];
}

function isJsonContentType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Every answer on /graphql defaults to `no-store` and varies by caller: the pipeline's answers
 * set their own, refusals before it keep these.
 */
export function setAnswerDefaults(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', VARY);
}

/**
 * In front of Apollo on /graphql: {@link setAnswerDefaults}, and a POST must be
 * `application/json`: a browser sends the other bodies (text/plain, forms, multipart, none)
 * cross-site without a CORS preflight, so refusing them (415) is what stops a forged
 * cross-site POST, mutations included. GET needs no such guard (see docs/architecture.md,
 * "GraphQL over HTTP and CSRF"): queries only, and no credential a browser attaches by itself.
 */
export function httpCompliance(): RequestHandler {
  return (req, res, next) => {
    setAnswerDefaults(res);
    if (req.method !== 'POST' || isJsonContentType(req.header('content-type'))) return next();
    const mediaType = responseMediaType(req.header('accept')) ?? MEDIA_TYPES.json;
    res
      .status(415)
      .setHeader('Accept-Post', 'application/json')
      .type(mediaType)
      .send(JSON.stringify({ errors: [{ message: 'A POST request must have the content type application/json', extensions: { code: 'BAD_REQUEST' } }] }));
  };
}
