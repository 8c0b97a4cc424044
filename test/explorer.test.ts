/**
 * The explorer on GET /graphql: GraphiQL in a real browser (the OS's Chromium), bundled by the
 * gateway with no request leaving loopback; a query and a subscription run with the token typed
 * into its headers editor. Off in production unless EXPLORER_ENABLED, and GraphQL GETs on the
 * same URL stay GraphQL.
 */
import type { Page } from 'playwright-core';
import { gatewayConfigFromEnv } from '../gateway/src/config';
import type { RunningGateway } from '../gateway/src/server';
import { describeWithBrowser, isLoopback, useBrowser } from './support/browser';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startExtraGateway, startStack, type TestStack } from './support/stack';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let stack: TestStack;
let admin: string;
let partner: string;
let sku: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: { explorer: true, introspection: true } });
  admin = await stack.token('ADMIN');
  partner = await stack.token('PARTNER', [], 'partner-acme');
  const productId = await createProduct(stack, admin);
  const answer = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query: `{ product(id: "${productId}") { sku } }` }) });
  sku = ((await answer.json()) as { data: { product: { sku: string } } }).data.product.sku;
});
afterAll(async () => {
  await stack?.stop();
});

/** The text of one of GraphiQL's CodeMirror editors. */
const editorText = (page: Page, selector: string) =>
  page.$eval(`${selector} .CodeMirror`, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
/** Replaces an editor's text, as pasting would (typing would meet the editor's auto-closed brackets). */
const setEditorText = (page: Page, selector: string, text: string) =>
  page.$eval(`${selector} .CodeMirror`, (element, value) => (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value), text);

const QUERY_EDITOR = '.graphiql-query-editor';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';
const RESPONSE = '.graphiql-response';

async function waitForResponse(page: Page, contains: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await editorText(page, RESPONSE);
    if (text.includes(contains)) return text;
    if (Date.now() > deadline) throw new Error(`the response pane never showed ${contains}; it shows: ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithBrowser('the explorer in a browser', () => {
  const browser = useBrowser();

  it('runs a query and a subscription with the token from its headers editor, offline', async () => {
    const page = await browser.openPage(stack.gatewayUrl);
    await page.waitForSelector(`${QUERY_EDITOR} .CodeMirror`);
    expect(await editorText(page, HEADERS_EDITOR)).toContain('"Authorization": "Bearer "');
    // The schema arrived by introspection, as the anonymous caller: the docs list the root types.
    if (await page.$('[aria-label="Show Documentation Explorer"]')) await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-root-type:has-text("Subscription")');

    // A partner's token in the headers: GraphiQL introspects again and shows the public schema (no subscriptions).
    await setEditorText(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${partner}` }));
    await page.waitForSelector('.graphiql-doc-explorer-root-type:has-text("Subscription")', { state: 'detached' });
    expect(await page.$$eval('.graphiql-doc-explorer-root-type', (types) => types.map((t) => t.textContent))).toEqual(['query']);

    await setEditorText(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${admin}` }));
    await page.waitForSelector('.graphiql-doc-explorer-root-type:has-text("Subscription")');
    await setEditorText(page, QUERY_EDITOR, '{ products(first: 2) { edges { node { sku } } } }');
    await page.click('.graphiql-execute-button');
    expect(JSON.parse(await waitForResponse(page, '"sku"'))).toEqual({ data: { products: { edges: expect.arrayContaining([{ node: { sku } }]) } } });

    const productId = await createProduct(stack, admin);
    const warehouseId = await createWarehouse(stack, admin);
    await setEditorText(page, QUERY_EDITOR, `subscription { stockChanged(productIds: ["${productId}"]) { onHand } }`);
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.graphiql-execute-button[aria-label^="Stop query"]');
    // The page cannot tell when the gateway has subscribed upstream: receive until an event shows.
    let received = 0;
    let shown = '';
    while (!shown.includes('"onHand"') && received < 10) {
      await receive(stack, admin, productId, warehouseId, 1);
      received += 1;
      shown = await waitForResponse(page, '"onHand"', 1000).catch(() => '');
    }
    const onHand = (JSON.parse(shown) as { data: { stockChanged: { onHand: number } } }).data.stockChanged.onHand;
    expect(onHand).toBeGreaterThanOrEqual(1);
    expect(onHand).toBeLessThanOrEqual(received);
    await browser.screenshot(page, 'explorer-subscription');
  });
});

describeWithBrowser('the browser tests themselves', () => {
  const browser = useBrowser();

  it('fail a page that sends a request off loopback, which never leaves the browser', async () => {
    expect(['http://127.0.0.1:4000/', 'http://localhost/', 'http://[::1]:80/', 'data:text/plain,x'].every(isLoopback)).toBe(true);
    expect(['http://10.0.0.1/', 'https://example.com/', 'http://127.example/'].some(isLoopback)).toBe(false);
    // /health has no Content-Security-Policy (the explorer's would block the fetch itself, also a problem).
    const page = await browser.openPage(new URL('/health', stack.gatewayUrl).toString());
    // .invalid never resolves, and the route aborts the request before any lookup.
    await page.evaluate(() => fetch('http://explorer-test.invalid/font.woff2').catch(() => undefined));
    expect(browser.acknowledgeProblems()).toEqual(expect.arrayContaining([expect.stringContaining('request off loopback: GET http://explorer-test.invalid/font.woff2')]));
  });
});

describe('who gets the explorer', () => {
  const html = (url: string) => fetch(url, { headers: { accept: BROWSER_ACCEPT } });

  it('GET /graphql from a browser is the explorer page, its script served from the gateway itself', async () => {
    const page = await html(stack.gatewayUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const body = await page.text();
    const script = /<script type="module" src="(\/web\/explorer-\w+\.js)">/.exec(body)?.[1];
    expect(script).toBeDefined();
    expect(body).not.toMatch(/https?:\/\//);
    const asset = await fetch(new URL(script!, stack.gatewayUrl));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('a GraphQL GET on the same URL is still GraphQL (Accept JSON, */* or none)', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*', undefined]) {
      const answer = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: accept ? { accept } : {} });
      expect(answer.headers.get('content-type')).toMatch(/^application\/(json|graphql-response\+json)/);
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('production turns the explorer and introspection off unless EXPLORER_ENABLED=true', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), CALLER_SIGNING_SECRET: 'y'.repeat(40) });
      delete process.env.EXPLORER_ENABLED;
      delete process.env.INTROSPECTION;
      expect(gatewayConfigFromEnv()).toMatchObject({ explorer: false, introspection: false });
      process.env.EXPLORER_ENABLED = 'true';
      expect(gatewayConfigFromEnv()).toMatchObject({ explorer: true, introspection: true });
    } finally {
      process.env = saved;
    }
  });

  it('with the explorer off, a browser GET /graphql gets no page (a GraphQL error, not HTML)', async () => {
    let production: RunningGateway | undefined;
    try {
      production = await startExtraGateway(stack, { explorer: false, introspection: false });
      const answer = await html(production.url);
      expect(answer.headers.get('content-type')).not.toMatch(/html/);
      expect(await answer.text()).not.toMatch(/<html|<script/i);
    } finally {
      await production?.stop();
    }
  });
});
