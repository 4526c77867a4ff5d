import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import {
  type EntityKind,
  type EntityRecord,
  type FieldSpec,
  entityFields,
  isOrderedKind,
} from './entityFields.js';
import type { MarketplaceData } from './marketplaceData.js';
import { FilterError, type SubgraphWhere } from './whereFilter.js';

/** The Graph's bounds on collection arguments. */
export const subgraphLimits = { maxFirst: 1000, maxSkip: 5000, defaultFirst: 100 } as const;

/** Arbitrary-precision integers, as decimal strings on the wire. */
const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  serialize: (value) => {
    if (typeof value === 'bigint' || typeof value === 'number') return BigInt(value).toString();
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    throw new GraphQLError(`BigInt cannot represent ${String(value)}`);
  },
  parseValue: (value) => parseBigInt(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseBigInt(ast.value);
    throw new GraphQLError('BigInt must be a string or an integer literal');
  },
});

/** Byte strings as lower-case `0x` hex (stored lower-case, so filters compare case-insensitively). */
const BytesScalar = new GraphQLScalarType<string, string>({
  name: 'Bytes',
  serialize: (value) => String(value),
  parseValue: (value) => parseBytes(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parseBytes(ast.value);
    throw new GraphQLError('Bytes must be a string literal');
  },
});

function parseBigInt(value: unknown): bigint {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new GraphQLError(`Invalid BigInt: ${JSON.stringify(value)}`);
}

function parseBytes(value: unknown): string {
  if (typeof value === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(value)) return value.toLowerCase();
  throw new GraphQLError(`Invalid Bytes: ${JSON.stringify(value)}`);
}

const typeNames: Record<EntityKind, string> = {
  listings: 'Listing',
  purchases: 'Purchase',
  bids: 'Bid',
  offers: 'Offer',
};
const singular: Record<EntityKind, string> = {
  listings: 'listing',
  purchases: 'purchase',
  bids: 'bid',
  offers: 'offer',
};

/** Arguments of a collection field. */
interface CollectionArgs {
  first: number;
  skip: number;
  orderBy?: string;
  orderDirection?: 'asc' | 'desc';
  where?: SubgraphWhere;
}

/**
 * The marketplace subgraph's schema, resolved against `data`: the entity types, The Graph-style
 * `where` / `orderBy` / `first` / `skip` arguments and `_meta`, with The Graph's error wording.
 */
export function createMarketplaceSchema(data: MarketplaceData): GraphQLSchema {
  const enums = new Map<string, GraphQLEnumType>();
  const enumType = (spec: FieldSpec) => {
    const name = spec.enumName!;
    let type = enums.get(name);
    if (!type) {
      type = new GraphQLEnumType({
        name,
        values: Object.fromEntries(spec.enumValues!.map((value) => [value, { value }])),
      });
      enums.set(name, type);
    }
    return type;
  };
  const scalarOf = (spec: FieldSpec, input: boolean): GraphQLInputType & GraphQLOutputType => {
    switch (spec.kind) {
      case 'id':
        return GraphQLID;
      case 'bigint':
        return BigIntScalar;
      case 'bytes':
        return BytesScalar;
      case 'int':
        return GraphQLInt;
      case 'boolean':
        return GraphQLBoolean;
      case 'enum':
        return enumType(spec);
      case 'ref':
        // Relations filter by the related entity's id; as an output they are the entity itself.
        if (!input) throw new Error('A relation has no scalar output type');
        return GraphQLString;
    }
  };

  const orderDirection = new GraphQLEnumType({
    name: 'OrderDirection',
    values: { asc: { value: 'asc' }, desc: { value: 'desc' } },
  });
  const blockChangedFilter = new GraphQLInputObjectType({
    name: 'BlockChangedFilter',
    fields: { number_gte: { type: new GraphQLNonNull(GraphQLInt) } },
  });

  const filters = {} as Record<EntityKind, GraphQLInputObjectType>;
  const orderBys = {} as Record<EntityKind, GraphQLEnumType>;
  for (const kind of Object.keys(entityFields) as EntityKind[]) {
    const name = typeNames[kind];
    filters[kind] = new GraphQLInputObjectType({
      name: `${name}_filter`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const [field, spec] of Object.entries(entityFields[kind])) {
          const type = scalarOf(spec, true);
          const list = new GraphQLList(new GraphQLNonNull(type));
          fields[field] = { type };
          fields[`${field}_not`] = { type };
          if (isOrderedKind(spec.kind)) {
            for (const op of ['gt', 'gte', 'lt', 'lte']) fields[`${field}_${op}`] = { type };
          }
          fields[`${field}_in`] = { type: list };
          fields[`${field}_not_in`] = { type: list };
          if (spec.kind === 'ref') fields[`${field}_`] = { type: filters.listings };
        }
        fields._change_block = { type: blockChangedFilter };
        fields.and = { type: new GraphQLList(filters[kind]) };
        fields.or = { type: new GraphQLList(filters[kind]) };
        return fields;
      },
    });
    orderBys[kind] = new GraphQLEnumType({
      name: `${name}_orderBy`,
      values: Object.fromEntries(Object.keys(entityFields[kind]).map((field) => [field, { value: field }])),
    });
  }

  const collectionArgs = (kind: EntityKind) => ({
    skip: { type: GraphQLInt, defaultValue: 0 },
    first: { type: GraphQLInt, defaultValue: subgraphLimits.defaultFirst },
    orderBy: { type: orderBys[kind] },
    orderDirection: { type: orderDirection },
    where: { type: filters[kind] },
  });
  const select = (kind: EntityKind, raw: CollectionArgs, extra?: SubgraphWhere) => {
    // An explicit `null` means the default, as on graph-node.
    const args = { ...raw, first: raw.first ?? subgraphLimits.defaultFirst, skip: raw.skip ?? 0 };
    checkLimits(args);
    const where = extra ? (args.where ? { and: [args.where, extra], ...extra } : extra) : args.where;
    try {
      return data.query(kind, {
        ...(where ? { where } : {}),
        ...(args.orderBy ? { orderBy: args.orderBy } : {}),
        ...(args.orderDirection ? { orderDirection: args.orderDirection } : {}),
        first: args.first,
        skip: args.skip,
      });
    } catch (error) {
      if (error instanceof FilterError) throw new GraphQLError(error.message);
      throw error;
    }
  };

  const objects = {} as Record<EntityKind, GraphQLObjectType>;
  const listType = (kind: EntityKind) =>
    new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(objects[kind])));
  for (const kind of Object.keys(entityFields) as EntityKind[]) {
    objects[kind] = new GraphQLObjectType({
      name: typeNames[kind],
      fields: () => {
        const fields: GraphQLFieldConfigMap<EntityRecord, unknown> = {};
        for (const [field, spec] of Object.entries(entityFields[kind])) {
          if (spec.kind === 'ref') {
            fields[field] = {
              type: new GraphQLNonNull(objects.listings),
              resolve: (record) => data.get('listings', (record as unknown as { listing: string }).listing),
            };
          } else {
            fields[field] = { type: new GraphQLNonNull(scalarOf(spec, false)) };
          }
        }
        if (kind === 'listings') {
          for (const child of ['purchases', 'bids', 'offers'] as const) {
            fields[child] = {
              type: listType(child),
              args: collectionArgs(child),
              resolve: (listing, args) => select(child, args as CollectionArgs, { listing: listing.id }),
            };
          }
        }
        return fields;
      },
    });
  }

  const blockType = new GraphQLObjectType({
    name: '_Block_',
    fields: { number: { type: new GraphQLNonNull(GraphQLInt) }, timestamp: { type: GraphQLInt } },
  });
  const metaType = new GraphQLObjectType({
    name: '_Meta_',
    fields: {
      block: { type: new GraphQLNonNull(blockType) },
      deployment: { type: new GraphQLNonNull(GraphQLString) },
      hasIndexingErrors: { type: new GraphQLNonNull(GraphQLBoolean) },
    },
  });

  const queryFields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const kind of Object.keys(entityFields) as EntityKind[]) {
    queryFields[singular[kind]] = {
      type: objects[kind],
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: { id: string }) => data.get(kind, args.id) ?? null,
    };
    queryFields[kind] = {
      type: listType(kind),
      args: collectionArgs(kind),
      resolve: (_root, args) => select(kind, args as CollectionArgs),
    };
  }
  queryFields._meta = {
    type: metaType,
    resolve: () => ({
      block: { number: data.head, timestamp: data.headTimestamp },
      deployment: data.deployment,
      hasIndexingErrors: false,
    }),
  };

  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
    types: [BigIntScalar, BytesScalar],
  });
}

/** The Graph's limits on `first` and `skip`, with its wording. */
function checkLimits({ first, skip }: CollectionArgs): void {
  if (first < 0 || first > subgraphLimits.maxFirst) {
    throw new GraphQLError(
      `The \`first\` argument must be between 0 and ${subgraphLimits.maxFirst}, but is ${first}`,
    );
  }
  if (skip < 0 || skip > subgraphLimits.maxSkip) {
    throw new GraphQLError(
      `The \`skip\` argument must be between 0 and ${subgraphLimits.maxSkip}, but is ${skip}`,
    );
  }
}
