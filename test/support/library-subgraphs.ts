/**
 * A second small supergraph for the plan executor's differential tests, unlike the benchmark's:
 * an entity interface (Publication) implemented in one subgraph and extended as an
 * @interfaceObject in another, a value-type union, @requires and @provides on implementations,
 * entities some subgraphs do not know (null from __resolveReference, in lists), non-null fields
 * answered null, resolvers that throw, and enums.
 */
import { GraphQLError } from 'graphql';
import type { DemoSubgraph } from '../../bench/federation/subgraphs';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@interfaceObject"])';

interface Publication {
  id: string;
  kind: 'Book' | 'Magazine';
  title: string;
  authorId?: string;
  issue?: number;
}

const publications: Publication[] = Array.from({ length: 14 }, (_, i) =>
  i % 3 === 2 ? { id: `p${i}`, kind: 'Magazine', title: `Monthly ${i}`, issue: i * 2 } : { id: `p${i}`, kind: 'Book', title: `Book ${i}`, authorId: `a${i % 5}` },
);
const byId = new Map(publications.map((p) => [p.id, p]));
// a4 is unknown to the people subgraph: its books' authors come back null from there
const authors = new Map(['a0', 'a1', 'a2', 'a3'].map((id, i) => [id, { id, name: `Author ${i}`, born: i === 1 ? null : 1950 + i, agentless: i === 2 }]));
const typed = (p: Publication | undefined) => (p ? { ...p, __typename: p.kind } : null);

const books: DemoSubgraph = {
  name: 'books',
  typeDefs: `${FEDERATION}
    type Query { shelf(first: Int = 10): [Publication!]! featured: Publication book(id: ID!): Book gaps: [Publication]! }
    interface Publication @key(fields: "id") { id: ID! title: String! }
    type Book implements Publication @key(fields: "id") { id: ID! title: String! format: Format! author: Author @provides(fields: "name") }
    type Magazine implements Publication @key(fields: "id") { id: ID! title: String! issue: Int! }
    type Author @key(fields: "id") { id: ID! name: String! @external }
    enum Format { HARDCOVER PAPERBACK EBOOK }`,
  resolvers: {
    Query: {
      shelf: (_: unknown, { first }: { first: number }) => publications.slice(0, first).map(typed),
      featured: () => typed(publications[3]),
      book: (_: unknown, { id }: { id: string }) => (byId.get(id)?.kind === 'Book' ? typed(byId.get(id)) : null),
      gaps: () => [typed(publications[0]), null, typed(publications[2])],
    },
    Publication: { __resolveReference: (ref: { id: string }) => typed(byId.get(ref.id)), __resolveType: (p: { __typename: string }) => p.__typename },
    Book: {
      __resolveReference: (ref: { id: string }) => typed(byId.get(ref.id)),
      format: (p: Publication) => ['HARDCOVER', 'PAPERBACK', 'EBOOK'][Number(p.id.slice(1)) % 3],
      author: (p: Publication) => (p.authorId ? { id: p.authorId, name: authors.get(p.authorId)?.name ?? 'Unknown' } : null),
    },
    Magazine: { __resolveReference: (ref: { id: string }) => typed(byId.get(ref.id)) },
  },
};

const people: DemoSubgraph = {
  name: 'people',
  typeDefs: `${FEDERATION}
    type Query { authors: [Author!]! }
    type Author @key(fields: "id") { id: ID! name: String! @shareable born: Int agent: Agent! contacts: [Contact!] }
    type Agent { name: String! phone: String }
    union Contact = Email | Phone
    type Email { address: String! }
    type Phone { number: String! }`,
  resolvers: {
    Query: { authors: () => [...authors.values()] },
    Author: {
      __resolveReference: (ref: { id: string }) => authors.get(ref.id) ?? null,
      // one author has no agent: a null in a non-null position
      agent: (a: { id: string; agentless: boolean }) => (a.agentless ? null : { name: `Agent of ${a.id}`, phone: a.id === 'a3' ? null : '555-0100' }),
      contacts: (a: { id: string }) => (a.id === 'a0' ? null : [{ __typename: 'Email', address: `${a.id}@example.com` }, { __typename: 'Phone', number: '555-0101' }]),
    },
    Contact: { __resolveType: (c: { __typename: string }) => c.__typename },
  },
};

const ratings: DemoSubgraph = {
  name: 'ratings',
  typeDefs: `${FEDERATION}
    type Publication @key(fields: "id") @interfaceObject { id: ID! stars: Int! score: Float reviewers: [String!] }`,
  resolvers: {
    Publication: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      // every 5th publication has no star count: a null in a non-null position
      stars: (p: { id: string }) => (Number(p.id.slice(1)) % 5 === 4 ? null : Number(p.id.slice(1)) % 5),
      score: (p: { id: string }) => {
        if (Number(p.id.slice(1)) % 4 === 3) throw new GraphQLError(`No score for ${p.id}`, { extensions: { code: 'NOT_RATED' } });
        return Number(p.id.slice(1)) / 2;
      },
      reviewers: (p: { id: string }) => {
        if (Number(p.id.slice(1)) % 6 === 5) throw new Error('reviewer index offline');
        return [`r${p.id}`];
      },
    },
  },
};

const shop: DemoSubgraph = {
  name: 'shop',
  typeDefs: `${FEDERATION}
    type Book @key(fields: "id") { id: ID! title: String! @external format: Format! @external price: Int label: String @requires(fields: "title format") inStock: Boolean! }
    enum Format { HARDCOVER PAPERBACK EBOOK }`,
  resolvers: {
    Book: {
      __resolveReference: (ref: { id: string; title?: string; format?: string }) => (ref.id === 'p7' ? null : { ...ref }),
      price: (b: { id: string }) => 10 + Number(b.id.slice(1)),
      label: (b: { title?: string; format?: string }) => `${b.title ?? '?'} (${b.format?.toLowerCase() ?? '?'})`,
      inStock: (b: { id: string }) => (b.id === 'p9' ? null : Number(b.id.slice(1)) % 2 === 0),
    },
  },
};

export const LIBRARY_SUBGRAPHS: DemoSubgraph[] = [books, people, ratings, shop];

/**
 * Entities keyed by, and requiring, fields named after Object.prototype members: the plan
 * executor builds their representations prototype-less, as Apollo does, where others are `{}`.
 */
const parts = Array.from({ length: 6 }, (_, i) => ({ constructor: `k${i}`, name: `Part ${i}`, valueOf: i * 3 }));
const partByKey = new Map(parts.map((p) => [p.constructor, p]));

const catalog: DemoSubgraph = {
  name: 'catalog',
  typeDefs: `${FEDERATION}
    type Query { parts: [Part!]! }
    type Part @key(fields: "constructor") { constructor: ID! name: String! valueOf: Int! }`,
  resolvers: {
    Query: { parts: () => parts },
    Part: { __resolveReference: (ref: { constructor: string }) => partByKey.get(ref.constructor) ?? null },
  },
};

const depot: DemoSubgraph = {
  name: 'depot',
  typeDefs: `${FEDERATION}
    type Part @key(fields: "constructor") { constructor: ID! valueOf: Int! @external toString: String @requires(fields: "valueOf") }`,
  resolvers: {
    Part: {
      __resolveReference: (ref: { constructor: string; valueOf?: number }) => (ref.constructor === 'k4' ? null : { ...ref }),
      toString: (p: { constructor: string; valueOf?: number }) => `${p.constructor}: ${String(p.valueOf)} in stock`,
    },
  },
};

export const PROTOTYPE_KEY_SUBGRAPHS: DemoSubgraph[] = [catalog, depot];
