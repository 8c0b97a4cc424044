import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findPage, ForwardPageArgs, PUBLIC, type ConnectionPage, type SubgraphContext, auditSource } from '@tradegraph/kit';
import { Category, PriceList, PriceListItem, Product } from '../entities';
import { CreateCategoryInput, CreatePriceListInput, SetPricesInput, UpdateCategoryInput } from '../inputs/catalog-inputs';
import { assignmentsByPriceList, categoryById, categoryChildren, priceListById, productById } from '../loaders';
import { visibleReference } from '../services/visibility';
import { CategoryService, PriceListService } from '../services/catalog';
import { PriceListItemConnection } from './types';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'The root categories, by name; walk `children` for the rest.' })
  @Directive(PUBLIC)
  rootCategories(@Ctx() ctx: SubgraphContext): Promise<Category[]> {
    return ctx.em.find(Category, { parentId: null }, { orderBy: { name: 'asc' } });
  }

  @Query(() => Category, { nullable: true })
  @Directive(PUBLIC)
  category(@Directive(PUBLIC) @Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Category | null> {
    return ctx.loaders.get(categoryById).load(id);
  }

  @FieldResolver(() => Category, { nullable: true })
  @Directive(PUBLIC)
  parent(@Root() category: Category, @Ctx() ctx: SubgraphContext): Promise<Category | null> | null {
    return category.parentId ? ctx.loaders.get(categoryById).load(category.parentId) : null;
  }

  @FieldResolver(() => [Category])
  @Directive(PUBLIC)
  children(@Root() category: Category, @Ctx() ctx: SubgraphContext): Promise<Category[]> {
    return ctx.loaders.get(categoryChildren).load(category.id);
  }

  @Mutation(() => Category)
  createCategory(@Arg('input', () => CreateCategoryInput) input: CreateCategoryInput, @Ctx() ctx: SubgraphContext): Promise<Category> {
    return new CategoryService(ctx.em, auditSource(ctx)).create(input);
  }

  @Mutation(() => Category)
  updateCategory(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Category> {
    return new CategoryService(ctx.em, auditSource(ctx)).update(id, input);
  }
}

@Resolver(() => PriceList)
export class PriceListResolver {
  @Query(() => [PriceList], { description: 'Every price list, by name.' })
  priceLists(@Ctx() ctx: SubgraphContext): Promise<PriceList[]> {
    return ctx.em.find(PriceList, {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => PriceList, { nullable: true })
  priceList(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PriceList | null> {
    return ctx.loaders.get(priceListById).load(id);
  }

  @FieldResolver(() => PriceListItemConnection, { description: 'The list\'s prices, in product-id order.' })
  prices(
    @Root() list: PriceList,
    @Ctx() ctx: SubgraphContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<PriceListItem>> {
    return pricePage(ctx, list.id, page);
  }

  @FieldResolver(() => [ID], { description: 'The customers buying from the list (their ids), in no particular order; sync reads it to follow a source\'s assignments.' })
  async customerIds(@Root() list: PriceList, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return (await ctx.loaders.get(assignmentsByPriceList).load(list.id)).map((a) => a.customerId);
  }

  @Mutation(() => PriceList)
  createPriceList(@Arg('input', () => CreatePriceListInput) input: CreatePriceListInput, @Ctx() ctx: SubgraphContext): Promise<PriceList> {
    return new PriceListService(ctx.em, auditSource(ctx)).create(input);
  }

  @Mutation(() => PriceList, { description: 'Creates or replaces prices on a list (at most 1,000 per call); idempotent.' })
  setPriceListPrices(@Arg('input', () => SetPricesInput) input: SetPricesInput, @Ctx() ctx: SubgraphContext): Promise<PriceList> {
    return new PriceListService(ctx.em, auditSource(ctx)).setPrices(input.priceListId, input.prices);
  }

  @Mutation(() => PriceList, { description: 'Removes products from a list; they fall back to their base price.' })
  removePriceListPrices(
    @Arg('priceListId', () => ID) priceListId: string,
    @Arg('productIds', () => [ID]) productIds: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<PriceList> {
    return new PriceListService(ctx.em, auditSource(ctx)).removePrices(priceListId, productIds);
  }

  @Mutation(() => PriceList, { description: 'Makes the list the customer\'s price list, replacing any other.' })
  assignPriceList(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('priceListId', () => ID) priceListId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PriceList> {
    return new PriceListService(ctx.em, auditSource(ctx)).assign(customerId, priceListId);
  }

  @Mutation(() => Boolean, { description: 'The customer buys at base prices again; false when no list was assigned.' })
  unassignPriceList(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return new PriceListService(ctx.em, auditSource(ctx)).unassign(customerId);
  }
}

@Resolver(() => PriceListItem)
export class PriceListItemResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'Null, with FORBIDDEN, for a product the caller may not see.' })
  async product(@Root() item: PriceListItem, @Ctx() ctx: SubgraphContext): Promise<Product | null> {
    return visibleReference(ctx.caller, await ctx.loaders.get(productById).load(item.productId));
  }
}

function pricePage(ctx: SubgraphContext, priceListId: string, page: ForwardPageArgs): Promise<ConnectionPage<PriceListItem>> {
  return findPage(ctx.em, PriceListItem, { priceListId }, { field: 'productId', descending: false }, page);
}
