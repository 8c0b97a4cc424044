/**
 * Serves the gateway's browser pages: an HTML shell on the page's path and the bundle's
 * files under `/web/` (content-hashed names, cached for good). Only a request that prefers
 * HTML over JSON gets the page, so a GraphQL GET on the same path still reaches GraphQL.
 */
import type { Express, Request, Response, NextFunction } from 'express';
import { logger } from '@tradegraph/kit';
import { bundlePage, type Asset, type PageBundle } from './bundle';

export interface PageOptions {
  /** `browser/<page>.ts`, the entry point */
  page: string;
  /** the document's title */
  title: string;
  /** what the page's code reads with `pageConfig()`-style code from `#page-config` (JSON) */
  config?: (req: Request) => unknown;
}

/**
 * What the page may do: its own scripts and styles (inline style attributes, which the editors
 * set), data: fonts and images, and requests and WebSockets to its own origin only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser navigation: it ranks HTML above both GraphQL media types (`*\/*` alone does not). */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function shell(bundle: PageBundle, title: string, config: unknown): string {
  // `<` escaped so that no value can close the script element.
  const json = JSON.stringify(config ?? {}).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    bundle.stylesheet ? `<link rel="stylesheet" href="/web/${bundle.stylesheet.file}">` : '',
    '<style>html, body, #root { height: 100%; margin: 0; }</style>',
    `<script type="application/json" id="page-config">${json}</script>`,
    `<script type="module" src="/web/${bundle.script.file}"></script>`,
    '</head>',
    '<body><div id="root"></div></body>',
    '</html>',
  ].join('\n');
}

const served = new WeakMap<Express, Map<string, Asset>>();

/** `/web/<file>`: every mounted page's bundle files, once per app. */
function serveAssets(app: Express): Map<string, Asset> {
  let assets = served.get(app);
  if (assets) return assets;
  const known = new Map<string, Asset>();
  assets = known;
  served.set(app, known);
  app.get('/web/:file', (req: Request, res: Response, next: NextFunction) => {
    const asset = known.get(req.params.file as string);
    if (!asset) return next();
    const gzip = Boolean(req.acceptsEncodings('gzip'));
    res
      .status(200)
      .setHeader('Content-Type', asset.contentType)
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .setHeader('Vary', 'Accept-Encoding')
      .setHeader('X-Content-Type-Options', 'nosniff');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.end(gzip ? asset.gzipped : asset.body);
  });
  return known;
}

/**
 * Serves `browser/<page>.ts` as a page at `path` to browsers (GET preferring HTML); any other
 * request on `path` goes on to the next handler. Mount it before the path's other handlers.
 */
export function mountPage(app: Express, path: string, options: PageOptions): void {
  const assets = serveAssets(app);
  app.get(path, async (req: Request, res: Response, next: NextFunction) => {
    if (!prefersHtml(req)) return next();
    let bundle: PageBundle;
    try {
      bundle = await bundlePage(options.page);
    } catch (error) {
      logger.error({ err: error, page: options.page }, 'bundling a browser page failed');
      return void res.status(500).type('text/plain').send(`The ${options.title} page could not be built; see the gateway log.`);
    }
    for (const asset of bundle.assets.values()) assets.set(asset.file, asset);
    res
      .status(200)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Vary', 'Accept')
      .setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(shell(bundle, options.title, options.config?.(req)));
  });
}
