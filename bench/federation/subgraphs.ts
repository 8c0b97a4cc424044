/**
 * Four small in-memory subgraphs in the shape of Apollo's demo graphs (users, products,
 * inventory, reviews), built with @apollo/subgraph and served by @apollo/server on loopback.
 * They exercise what a federated executor has to get right: @requires in both directions
 * (products needs inventory's weight, inventory needs products' price), @provides (reviews
 * gives the author's username), an interface entity with an @interfaceObject (Media), unions,
 * and fields that throw, are forbidden, or answer null where the schema says non-null.
 * Served lean by default (lean-subgraph.ts), or by @apollo/server (SUBGRAPH_SERVER=apollo).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { serveLean } from './lean-subgraph';
import { groupBy, indexBy, media, ordinal, products, reviews, stock, users, type MediaRow, type ProductRow, type UserRow } from './data';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@interfaceObject"])';

const usersById = indexBy(users, (u) => u.id);
const productsByUpc = indexBy(products, (p) => p.upc);
const stockByUpc = indexBy(stock, (s) => s.upc);
const mediaById = indexBy(media, (m) => m.id);
const reviewsById = indexBy(reviews, (r) => r.id);
const reviewsByProduct = groupBy(reviews, (r) => r.productUpc);
const reviewsByAuthor = groupBy(reviews, (r) => r.authorId);
const reviewsByMedia = groupBy(reviews, (r) => r.mediaId);

const page = <T>(rows: T[], first: number) => rows.slice(0, Math.max(0, first));

const typed = (m: MediaRow | undefined) => (m ? { ...m, __typename: m.kind } : null);

/** One subgraph: its name, SDL and resolvers. */
export interface DemoSubgraph {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
}

const usersSubgraph: DemoSubgraph = {
  name: 'users',
  typeDefs: `${FEDERATION}
    type Query { me: User, user(id: ID!): User, users(first: Int = 10): [User!]! }
    type User @key(fields: "id") { id: ID! name: String! username: String! @shareable birthDate: String! account: Account! }
    union Account = PersonalAccount | BusinessAccount
    type PersonalAccount { email: String! }
    type BusinessAccount { company: String! seats: Int! }`,
  resolvers: {
    Query: {
      me: () => users[0],
      user: (_: unknown, { id }: { id: string }) => usersById.get(id) ?? null,
      users: (_: unknown, { first }: { first: number }) => page(users, first),
    },
    User: {
      __resolveReference: (ref: { id: string }) => usersById.get(ref.id) ?? null,
      account: (user: UserRow) => user.account,
    },
    Account: { __resolveType: (account: UserRow['account']) => account.kind },
  },
};

const productsSubgraph: DemoSubgraph = {
  name: 'products',
  typeDefs: `${FEDERATION}
    type Query { topProducts(first: Int = 5): [Product!]! product(upc: String!): Product media(first: Int = 10): [Media!]! search(term: String!): [SearchResult!]! }
    type Product @key(fields: "upc") {
      upc: String! name: String! price: Int!
      weight: Int @external
      shippingEstimate: Int @requires(fields: "weight")
      bundleOf: Media
    }
    interface Media @key(fields: "id") { id: ID! title: String! }
    type Book implements Media @key(fields: "id") { id: ID! title: String! pages: Int! }
    type Movie implements Media @key(fields: "id") { id: ID! title: String! minutes: Int! }
    union SearchResult = Product | Book | Movie`,
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => page(products, first),
      product: (_: unknown, { upc }: { upc: string }) => productsByUpc.get(upc) ?? null,
      media: (_: unknown, { first }: { first: number }) => page(media, first).map(typed),
      search: (_: unknown, { term }: { term: string }) => [
        ...products.filter((p) => p.name.includes(term)).slice(0, 5).map((p) => ({ ...p, __typename: 'Product' })),
        ...media.filter((m) => m.title.includes(term)).slice(0, 5).map(typed),
      ],
    },
    Product: {
      __resolveReference: (ref: { upc: string; weight?: number | null }) => {
        const row = productsByUpc.get(ref.upc);
        return row ? { ...row, weight: ref.weight } : null;
      },
      // free above 800, else half a unit per weight unit: needs inventory's weight (@requires)
      shippingEstimate: (p: ProductRow & { weight?: number | null }) => (p.weight == null ? null : p.price > 800 ? 0 : Math.round(p.weight / 2)),
      bundleOf: (p: ProductRow) => (p.mediaId ? typed(mediaById.get(p.mediaId)) : null),
    },
    Media: {
      __resolveReference: (ref: { id: string }) => typed(mediaById.get(ref.id)),
      __resolveType: (m: { __typename: string }) => m.__typename,
    },
    Book: { __resolveReference: (ref: { id: string }) => typed(mediaById.get(ref.id)) },
    Movie: { __resolveReference: (ref: { id: string }) => typed(mediaById.get(ref.id)) },
    SearchResult: { __resolveType: (x: { __typename: string }) => x.__typename },
  },
};

const inventorySubgraph: DemoSubgraph = {
  name: 'inventory',
  typeDefs: `${FEDERATION}
    type Product @key(fields: "upc") {
      upc: String! weight: Int inStock: Boolean! quantity: Int!
      price: Int! @external
      deliveryNote: String @requires(fields: "price")
      restockDate: String
      supplier: String
      audited: Int!
    }`,
  resolvers: {
    Product: {
      __resolveReference: (ref: { upc: string; price?: number }) => {
        const row = stockByUpc.get(ref.upc);
        return row ? { ...row, price: ref.price } : null;
      },
      // needs products' price (@requires)
      deliveryNote: (p: { inStock: boolean; price?: number }) => (p.inStock ? (p.price !== undefined && p.price > 500 ? 'insured delivery in 2 days' : 'delivery in 2 days') : 'back-ordered'),
      // every 7th throws an unexpected error, every 11th a coded one, every 13th breaks non-null
      restockDate: (p: { upc: string }) => {
        if (ordinal(p.upc) % 7 === 0) throw new Error(`restock feed timed out for ${p.upc}`);
        return `2030-01-${String(1 + (ordinal(p.upc) % 28)).padStart(2, '0')}`;
      },
      supplier: (p: { upc: string }) => {
        if (ordinal(p.upc) % 11 === 0) throw new GraphQLError(`The supplier of ${p.upc} is confidential`, { extensions: { code: 'FORBIDDEN' } });
        return `Supplier ${ordinal(p.upc) % 9}`;
      },
      audited: (p: { upc: string; quantity: number }) => (ordinal(p.upc) % 13 === 0 ? null : p.quantity),
    },
  },
};

const reviewsSubgraph: DemoSubgraph = {
  name: 'reviews',
  typeDefs: `${FEDERATION}
    type Query { latestReviews(first: Int = 10): [Review!]! review(id: ID!): Review }
    type Review @key(fields: "id") { id: ID! body: String! rating: Int! author: User @provides(fields: "username") product: Product! }
    type User @key(fields: "id") { id: ID! username: String! @external reviews: [Review!]! }
    type Product @key(fields: "upc") { upc: String! reviews: [Review!]! reviewCount: Int! }
    type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [Review!]! }`,
  resolvers: {
    Query: {
      latestReviews: (_: unknown, { first }: { first: number }) => page([...reviews].reverse(), first),
      review: (_: unknown, { id }: { id: string }) => reviewsById.get(id) ?? null,
    },
    Review: {
      __resolveReference: (ref: { id: string }) => reviewsById.get(ref.id) ?? null,
      // the username is provided here, so the gateway need not ask users for it
      author: (r: { authorId: string }) => {
        const user = usersById.get(r.authorId);
        return user ? { id: user.id, username: user.username } : null;
      },
      product: (r: { productUpc: string }) => ({ upc: r.productUpc }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: (u: { id: string }) => reviewsByAuthor.get(u.id) ?? [],
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
      reviews: (p: { upc: string }) => reviewsByProduct.get(p.upc) ?? [],
      reviewCount: (p: { upc: string }) => reviewsByProduct.get(p.upc)?.length ?? 0,
    },
    Media: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: (m: { id: string }) => reviewsByMedia.get(m.id) ?? [],
    },
  },
};

export const DEMO_SUBGRAPHS: DemoSubgraph[] = [usersSubgraph, productsSubgraph, inventorySubgraph, reviewsSubgraph];

/** A running demo subgraph. */
export interface ServedSubgraph {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Serves every demo subgraph (or only the one named `only`) on a loopback port of its own; stop them with the returned function.
 * `lean` (the default) serves them with graphql-js on node:http (lean-subgraph.ts), `apollo`
 * with @apollo/server on express, as they were served before (SUBGRAPH_SERVER=apollo): the
 * same schemas and resolvers, the same answers, about a fifth of the CPU per request.
 */
export async function serveDemoSubgraphs(
  server: 'lean' | 'apollo' = process.env.SUBGRAPH_SERVER === 'apollo' ? 'apollo' : 'lean',
  only?: string,
): Promise<{ subgraphs: ServedSubgraph[]; stop(): Promise<void> }> {
  const closers: (() => Promise<void>)[] = [];
  const subgraphs: ServedSubgraph[] = [];
  for (const subgraph of DEMO_SUBGRAPHS.filter((s) => only === undefined || s.name === only)) {
    const schema = buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers });
    const served = server === 'lean' ? await serveLean(schema) : await serveApollo(schema);
    closers.push(served.close);
    subgraphs.push({ name: subgraph.name, url: served.url, sdl: subgraph.typeDefs });
  }
  return { subgraphs, stop: async () => void (await Promise.all(closers.map((close) => close()))) };
}

async function serveApollo(schema: GraphQLSchema): Promise<{ url: string; close(): Promise<void> }> {
  // No stack traces (both gateways pass subgraph errors on) and no federated tracing, which
  // neither gateway asks for here: the subgraphs do the same work for A and B.
  const server = new ApolloServer({ schema, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const app = express().use(express.json({ limit: '10mb' }), expressMiddleware(server));
  const httpServer = http.createServer(app);
  // Idle connections outlive both gateways' client pools (stock's agent, our 4 s): with Node's
  // 5 s default a gateway reuses a socket the subgraph is closing, and the reset costs a request.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      });
      await server.stop();
    },
  };
}
