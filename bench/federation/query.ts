/** The benchmark's one deep query: nested fragments over all four subgraphs, ~80 KB of JSON. */
export const DEEP_QUERY = `query Deep($first: Int!) {
  topProducts(first: $first) {
    ...ProductCard
    bundleOf { __typename id title ... on Book { pages } ... on Movie { minutes } }
    reviews { ...ReviewWithAuthor }
  }
}
fragment ProductCard on Product { upc name price weight shippingEstimate inStock quantity deliveryNote reviewCount }
fragment ReviewWithAuthor on Review { id body rating author { ...Author } }
fragment Author on User {
  id username name
  account { __typename ... on PersonalAccount { email } ... on BusinessAccount { company seats } }
  reviews { id rating product { ...ProductLine } }
}
fragment ProductLine on Product { upc name shippingEstimate inStock }`;

/** How many top products the deep query asks for (sized for ~80 KB). */
export const DEEP_FIRST = 28;
