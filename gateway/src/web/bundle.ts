/**
 * The gateway's browser pages are bundled from npm packages by esbuild inside the gateway
 * process, in memory, the first time a page is asked for (about a second for GraphiQL; a
 * process that never serves a page pays nothing, tests included). Nothing is fetched at run
 * time and nothing is written to disk, so a fresh clone needs only `npm install && npm start`,
 * the Docker image (dependencies only, read-only app folder) works as it is, and the bundle
 * always matches the sources and installed packages of the running process.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { logger } from '@tradegraph/kit';

/** Where the browser entry points live: `<page>.ts`, with their own tsconfig.json (DOM types). */
export const BROWSER_SOURCES = path.join(__dirname, 'browser');

/** One file of a bundle, served at `/web/<file>` (the name carries a content hash). */
export interface Asset {
  file: string;
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

/** A bundled page: its script and, when its code imports CSS, its stylesheet. */
export interface PageBundle {
  script: Asset;
  stylesheet?: Asset;
  /** every file of the bundle, by name */
  assets: Map<string, Asset>;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function bundle(page: string): Promise<PageBundle> {
  const started = Date.now();
  const result = await build({
    entryPoints: [path.join(BROWSER_SOURCES, `${page}.ts`)],
    bundle: true,
    minify: true,
    write: false,
    outdir: '/web',
    entryNames: '[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // React and friends pick their production builds by this.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images that CSS refers to go inline: the page loads nothing but its two files.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const output of result.outputFiles) {
    const file = path.basename(output.path);
    const contentType = CONTENT_TYPES[path.extname(file)];
    if (!contentType) continue;
    const body = Buffer.from(output.contents);
    assets.set(file, { file, contentType, body, gzipped: gzipSync(body) });
  }
  const byType = (type: string) => [...assets.values()].find((a) => a.contentType.startsWith(type));
  const script = byType('text/javascript');
  if (!script) throw new Error(`bundling page ${page} produced no script`);
  logger.info({ page, ms: Date.now() - started, bytes: [...assets.values()].reduce((sum, a) => sum + a.body.length, 0) }, 'bundled browser page');
  return { script, stylesheet: byType('text/css'), assets };
}

const bundles = new Map<string, Promise<PageBundle>>();

/**
 * The bundle of `browser/<page>.ts`, built once per process (concurrent callers share the
 * build; a failed build is tried again on the next call).
 */
export function bundlePage(page: string): Promise<PageBundle> {
  let pending = bundles.get(page);
  if (!pending) {
    pending = bundle(page);
    pending.catch(() => bundles.delete(page));
    bundles.set(page, pending);
  }
  return pending;
}
