/**
 * The deterministic data behind the four demo subgraphs: the same ids and values on every run,
 * so that two gateways can be compared byte for byte. Every value is a pure function of an index.
 */

export const USER_COUNT = 200;
export const PRODUCT_COUNT = 100;
export const REVIEW_COUNT = 500;
export const MEDIA_COUNT = 40;

export interface UserRow {
  id: string;
  name: string;
  username: string;
  birthDate: string;
  account: { kind: 'PersonalAccount'; email: string } | { kind: 'BusinessAccount'; company: string; seats: number };
}

export interface ProductRow {
  upc: string;
  name: string;
  price: number;
  /** which media this product is a bundle of, if any (an interface reference) */
  mediaId: string | null;
}

export interface StockRow {
  upc: string;
  weight: number;
  inStock: boolean;
  quantity: number;
}

export interface ReviewRow {
  id: string;
  body: string;
  rating: number;
  productUpc: string;
  authorId: string;
  /** reviews of media (served through the @interfaceObject) */
  mediaId: string | null;
}

export interface MediaRow {
  id: string;
  kind: 'Book' | 'Movie';
  title: string;
  pages?: number;
  minutes?: number;
}

const WORDS = ['solid', 'arrived', 'quickly', 'sturdy', 'would', 'buy', 'again', 'the', 'colour', 'is', 'slightly', 'off', 'but', 'works', 'fine', 'packaging', 'was', 'damaged', 'great', 'value'];

const sentence = (seed: number, words: number) => Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

export const users: UserRow[] = Array.from({ length: USER_COUNT }, (_, i) => ({
  id: `u${i + 1}`,
  name: `User ${i + 1} ${WORDS[i % WORDS.length]}`,
  username: `@user${i + 1}`,
  birthDate: `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  account: i % 3 === 0 ? { kind: 'BusinessAccount', company: `Company ${i % 17}`, seats: 1 + (i % 40) } : { kind: 'PersonalAccount', email: `user${i + 1}@example.com` },
}));

export const media: MediaRow[] = Array.from({ length: MEDIA_COUNT }, (_, i) =>
  i % 2 === 0 ? { id: `m${i + 1}`, kind: 'Book', title: `Book ${i + 1}`, pages: 100 + i * 7 } : { id: `m${i + 1}`, kind: 'Movie', title: `Movie ${i + 1}`, minutes: 80 + i },
);

export const products: ProductRow[] = Array.from({ length: PRODUCT_COUNT }, (_, i) => ({
  upc: `p${i + 1}`,
  name: `Product ${i + 1} ${sentence(i, 2)}`,
  price: 100 + ((i * 37) % 900),
  mediaId: i % 4 === 0 ? media[i % MEDIA_COUNT].id : null,
}));

export const stock: StockRow[] = products.map((p, i) => ({ upc: p.upc, weight: 1 + ((i * 13) % 50), inStock: i % 5 !== 0, quantity: (i * 29) % 300 }));

export const reviews: ReviewRow[] = Array.from({ length: REVIEW_COUNT }, (_, i) => ({
  id: `r${i + 1}`,
  body: sentence(i, 6 + (i % 9)),
  rating: 1 + (i % 5),
  productUpc: products[(i * 7) % PRODUCT_COUNT].upc,
  authorId: users[(i * 11) % USER_COUNT].id,
  mediaId: i % 5 === 0 ? media[i % MEDIA_COUNT].id : null,
}));

/** Index a list by a key once, so resolvers look rows up in O(1). */
export function indexBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

/** Group a list by a key once. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Every n-th item of a numbered id (`p14` → 14) is where the test fields misbehave. */
export const ordinal = (id: string) => Number(id.slice(1));
