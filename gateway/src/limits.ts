import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { perDocument } from './per-document';

/** The most a query may ask for. */
export interface QueryLimits {
  /** deepest field nesting (introspection fields not counted) */
  maxDepth: number;
  /** the most a query may cost: fields, counting list fields by their `first`/`last`, and the database work of {@link COST_WEIGHTS} */
  maxCost: number;
}

/** Caps on the size of one document, checked at parse and validation, before any cost is computed. */
export interface DocumentCaps {
  /** aliases in one operation (fragments counted where spread) */
  maxAliases: number;
  /** distinct root fields of one operation (introspection not counted) */
  maxRootFields: number;
  /** directives in one operation */
  maxDirectives: number;
  /** lexical tokens in one document: the parser stops at the first one over */
  maxTokens: number;
}

/**
 * The depth of an operation's selection: `{ a { b } }` is 2. Fragments count where they are
 * spread; introspection (`__schema`, `__type`) is not counted, so tools can still introspect.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!selectionSet) return 0;
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + visit(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, visit(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue; // validation reports unknown and cyclic fragments
        deepest = Math.max(deepest, visit(fragment.selectionSet, new Set(seen).add(name)));
      }
    }
    return deepest;
  };
  return visit(operation.selectionSet, new Set());
}

/**
 * What the database pays beyond reading the rows asked for, in cost points (a field read is 1).
 * A count scans every match however small the page; a text search (`filter: { text }`) scans
 * the table with pattern matching and can use no ordinary index.
 */
export const COST_WEIGHTS = {
  /** a `totalCount` field: one COUNT over everything the filter matches */
  totalCount: 100,
  /** a list field searched by text (`filter.text` given) */
  textSearch: 200,
} as const;

/** Fragments by name, so estimators can look into spreads. */
type Fragments = Record<string, FragmentDefinitionNode>;

/** The fields of a selection set (through inline fragments and spreads), each once. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Fragments, seen = new Set<string>()): { name: string; selectionSet?: SelectionSetNode }[] {
  const fields: { name: string; selectionSet?: SelectionSetNode }[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push({ name: selection.name.value, selectionSet: selection.selectionSet });
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(fragments[selection.name.value]?.selectionSet, fragments, seen));
    }
  }
  return fields;
}

/** What a page costs once, not per item: its `totalCount` and its `pageInfo`. */
function perPageCost(selectionSet: SelectionSetNode | undefined, fragments: Fragments): number {
  const count = (set: SelectionSetNode | undefined): number => fieldsOf(set, fragments).reduce((sum, f) => sum + 1 + count(f.selectionSet), 0);
  let cost = 0;
  for (const field of fieldsOf(selectionSet, fragments)) {
    if (field.name === 'totalCount') cost += COST_WEIGHTS.totalCount;
    else if (field.name === 'pageInfo') cost += 1 + count(field.selectionSet);
  }
  return cost;
}

/**
 * Every field costs 1; a field with a page size (`first`/`last`) multiplies its items by that
 * size, so `products(first: 100) { edges { node { name } } }` costs about 300. A page's
 * `totalCount` and `pageInfo` are paid once, and the database work of {@link COST_WEIGHTS} is
 * added: `products(first: 1, filter: { text: "x" }) { totalCount }` costs 301.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, node, childComplexity, context }) => {
  if (node.name.value === 'totalCount') return COST_WEIGHTS.totalCount;
  const text = (args.filter as { text?: unknown } | undefined)?.text;
  const search = typeof text === 'string' && text.trim() !== '' ? COST_WEIGHTS.textSearch : 0;
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (size === undefined) return 1 + search + childComplexity;
  // what the estimator does not see in childComplexity (a skipped field) it must not take out
  const once = Math.min(perPageCost(node.selectionSet, (context?.fragments ?? {}) as Fragments), childComplexity);
  return 1 + search + once + (childComplexity - once) * Math.max(size, 1);
};

/** The cost of an operation under {@link pageSizeEstimator}. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  const known = costsOf(schema, document);
  // A variable left out (its default applies) and one sent as null (it stays null) cost differently.
  const key = `${operationName ?? ''}\u0000${JSON.stringify(known.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])))}`;
  let cost = known.costs.get(key);
  if (cost === undefined) {
    const fragments: Fragments = {};
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    cost = getComplexity({ schema, query: document, operationName, variables, estimators: [pageSizeEstimator], context: { fragments } });
    if (key.length <= MAX_COST_KEY) {
      if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, cost);
    }
  }
  return cost;
}

/**
 * Costs already computed, per schema and parsed document (Apollo Server hands every request with
 * the same text the same document), by the values of the variables a cost can depend on.
 */
const costsOf = perDocument((_schema, document) => ({ variables: costVariables(document), costs: new Map<string, number>() }));
/** A document asked with ever new page sizes or search texts keeps no more than this many costs. */
const COSTS_PER_DOCUMENT = 64;
/** Longer keys (a long search text, a large filter) are not kept: a body may be megabytes. */
const MAX_COST_KEY = 512;
/** The arguments {@link pageSizeEstimator} reads; a variable anywhere else cannot change a cost. */
const COST_ARGUMENTS = new Set(['first', 'last', 'filter']);

/**
 * The variables of a document that a cost can depend on: those inside a `first`, `last` or
 * `filter` argument ({@link pageSizeEstimator}) or inside a directive's arguments (`@skip` and
 * `@include` leave fields out of the count). Any other variable (an id, a sku) does not.
 */
function costVariables(document: DocumentNode): readonly string[] {
  const names = new Set<string>();
  let depth = 0;
  visit(document, {
    Argument: {
      enter(node) {
        if (COST_ARGUMENTS.has(node.name.value)) depth++;
      },
      leave(node) {
        if (COST_ARGUMENTS.has(node.name.value)) depth--;
      },
    },
    Directive: {
      enter() {
        depth++;
      },
      leave() {
        depth--;
      },
    },
    Variable(node) {
      if (depth > 0) names.add(node.name.value);
    },
  });
  return [...names].sort();
}

/** A cap's refusal as a validation error naming the limit (graphql-armor prefixes "Syntax Error: ", which it is not). */
function reportCap(limit: string, maximum: number) {
  return (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes, extensions: { limit, maximum } }));
}

/** At most `maximum` distinct root fields per operation: each one is a fetch of its own. */
export function maxRootFieldsRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const fragments: Fragments = {};
      for (const fragment of context.getDocument().definitions) if (fragment.kind === Kind.FRAGMENT_DEFINITION) fragments[fragment.name.value] = fragment;
      const keys = new Set<string>();
      const collect = (set: SelectionSetNode, seen: Set<string>) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            if (!selection.name.value.startsWith('__')) keys.add(selection.alias?.value ?? selection.name.value);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
          else if (!seen.has(selection.name.value) && fragments[selection.name.value]) collect(fragments[selection.name.value].selectionSet, new Set(seen).add(selection.name.value));
        }
      };
      collect(operation.selectionSet, new Set());
      if (keys.size > maximum) {
        context.reportError(new GraphQLError(`Root fields limit of ${maximum} exceeded, found ${keys.size}.`, { nodes: [operation], extensions: { limit: 'rootFields', maximum } }));
      }
    },
  });
}

/** The caps out of a larger configuration. */
export function capsOf({ maxAliases, maxRootFields, maxDirectives, maxTokens }: DocumentCaps): DocumentCaps {
  return { maxAliases, maxRootFields, maxDirectives, maxTokens };
}

/** The validation rules of {@link DocumentCaps}: aliases and directives (graphql-armor) and root fields. */
export function capRules(caps: DocumentCaps): ValidationRule[] {
  const armor = (limit: string, n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [reportCap(limit, n)] });
  return [maxAliasesRule(armor('aliases', caps.maxAliases)), maxDirectivesRule(armor('directives', caps.maxDirectives)), maxRootFieldsRule(caps.maxRootFields)];
}

/** graphql-js's own token limit: the parser gives up at the first token over the cap. */
export function capParseOptions(caps: DocumentCaps): ParseOptions {
  return { maxTokens: caps.maxTokens };
}

/** The caps' refusals of a parsed document (the realtime transports, which validate themselves). */
export function capErrors(schema: GraphQLSchema, document: DocumentNode, caps: DocumentCaps): GraphQLError[] {
  return validate(schema, document, capRules(caps)).map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
}

function tooMuch(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...extensions } });
}

/**
 * Refuses operations deeper or costlier than the limits before any subgraph is called; an
 * accepted operation's cost goes to `charge` (the cost budget), which may refuse it in turn.
 */
export function queryLimitsPlugin<TContext extends object>(limits: QueryLimits, charge?: (cost: number, context: TContext) => Promise<unknown>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema, contextValue }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const depth = operationDepth(operation, fragments);
          if (depth > limits.maxDepth) {
            throw tooMuch(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { limit: 'depth', maximum: limits.maxDepth, actual: depth });
          }
          const cost = operationCost(schema, document, operationName ?? undefined, request.variables ?? {});
          if (cost > limits.maxCost) {
            throw tooMuch(`Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages`, { limit: 'cost', maximum: limits.maxCost, actual: cost });
          }
          await charge?.(cost, contextValue);
        },
      };
    },
  };
}
