import { Migration } from '@mikro-orm/migrations';

/**
 * The index a relevance-ordered search walks (services/product-search.ts): products in id order
 * with the columns the search filters and its name tier read, so a walk never reads the table.
 */
export class Migration20261201103000_search_walk extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_search_walk_index" on "products"."product" ("id") include ("status", "sku", "category_id", "brand", "currency", "base_price_minor", "name_vector");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "products"."product_search_walk_index";`);
  }

}
