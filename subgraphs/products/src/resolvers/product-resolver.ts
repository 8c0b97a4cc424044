import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCustomerInScope, assertUuid, badInput, MAX_BULK_ITEMS, Money, PageArgs, PUBLIC, type ConnectionPage, type SubgraphContext, type UpsertSummary, auditSource } from '@tradegraph/kit';
import { Category, Product, ProductStatus, ProductStatusChange } from '../entities';
import {
  CreateProductInput,
  ProductFilter,
  ProductSort,
  UpdateProductInput,
  UpsertProductInput,
} from '../inputs/product-inputs';
import { categoryById, customerListPrice, productById, productBySku, statusHistoryByProduct } from '../loaders';
import { effectivePrice } from '../services/pricing';
import { ProductService } from '../services/products';
import { maySee, seesEveryStatus } from '../services/visibility';
import { ProductConnection, UpsertProductsResult } from './types';

const isStaff = (ctx: SubgraphContext) => seesEveryStatus(ctx.caller);
const service = (ctx: SubgraphContext) => new ProductService(ctx.em, auditSource(ctx));

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'One product by id or by sku (give exactly one).' })
  @Directive(PUBLIC)
  async product(
    @Ctx() ctx: SubgraphContext,
    @Directive(PUBLIC) @Arg('id', () => ID, { nullable: true }) id?: string,
    @Directive(PUBLIC) @Arg('sku', () => String, { nullable: true }) sku?: string,
  ): Promise<Product | null> {
    if ((id == null) === (sku == null)) throw badInput('id', 'give exactly one of id and sku');
    const product = id != null ? await ctx.loaders.get(productById).load(id) : await ctx.loaders.get(productBySku).load(sku!);
    return product && maySee(ctx.caller, product) ? product : null;
  }

  @Query(() => ProductConnection, { description: 'Products matching the filter, as a keyset-paginated connection.' })
  @Directive(PUBLIC)
  products(
    @Ctx() ctx: SubgraphContext,
    @Directive(PUBLIC) @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Directive(PUBLIC) @Arg('sort', () => ProductSort, { nullable: true, description: 'Default: RELEVANCE when `filter.text` is given, else NAME_ASC.' }) sort: ProductSort | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionPage<Product>> {
    return service(ctx).search(filter, sort, page, isStaff(ctx));
  }

  @FieldResolver(() => Category, { nullable: true })
  @Directive(PUBLIC)
  category(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<Category | null> | null {
    return product.categoryId ? ctx.loaders.get(categoryById).load(product.categoryId) : null;
  }

  @FieldResolver(() => [ProductStatusChange], { description: 'Every status move, oldest first.' })
  statusHistory(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<ProductStatusChange[]> {
    return ctx.loaders.get(statusHistoryByProduct).load(product.id);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'What this customer pays: their price list\'s price, else the base price. Null, with FORBIDDEN, for a customer outside a field agent\'s territory.' })
  async priceFor(@Root() product: Product, @Arg('customerId', () => ID) customerId: string, @Ctx() ctx: SubgraphContext): Promise<Money> {
    assertUuid(customerId, 'customerId');
    await assertCustomerInScope(ctx, customerId);
    // PostgreSQL answers uuids in lower case, whatever case the client sent
    const price = await ctx.loaders.get(customerListPrice).load(`${customerId.toLowerCase()}:${product.id}`);
    return effectivePrice(product, price?.item ?? null);
  }

  @Mutation(() => Product, { description: 'Creates a DRAFT product.' })
  createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput, @Ctx() ctx: SubgraphContext): Promise<Product> {
    return service(ctx).create(input);
  }

  @Mutation(() => Product)
  updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Product> {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Product, { description: 'DRAFT → PUBLISHED.' })
  publishProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Product> {
    return service(ctx).transition(id, ProductStatus.PUBLISHED);
  }

  @Mutation(() => Product, { description: 'PUBLISHED → DRAFT.' })
  unpublishProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Product> {
    return service(ctx).transition(id, ProductStatus.DRAFT);
  }

  @Mutation(() => Product, { description: 'DRAFT or PUBLISHED → ARCHIVED.' })
  archiveProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Product> {
    return service(ctx).transition(id, ProductStatus.ARCHIVED);
  }

  @Mutation(() => Product, { description: 'ARCHIVED → DRAFT.' })
  restoreProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Product> {
    return service(ctx).transition(id, ProductStatus.DRAFT);
  }

  @Mutation(() => UpsertProductsResult, { description: `Creates or updates up to ${MAX_BULK_ITEMS} products by sku; idempotent.` })
  upsertProducts(@Arg('items', () => [UpsertProductInput]) items: UpsertProductInput[], @Ctx() ctx: SubgraphContext): Promise<UpsertSummary<Product>> {
    return service(ctx).upsertMany(items);
  }
}
