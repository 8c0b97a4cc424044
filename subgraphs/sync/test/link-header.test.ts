import { nextLink } from '../src/adapters/http';

/** Shopify's and the REST adapter's `Link: <…>; rel="next"` paging. */
describe('Link header', () => {
  it('reads the next page from a Link header', () => {
    expect(nextLink('<https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=abc>; rel="previous", <https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=def>; rel="next"'))
      .toBe('https://s.myshopify.com/admin/api/2024-01/products.json?limit=250&page_info=def');
    expect(nextLink('<https://x/p?page_info=abc>; rel="previous"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});
