/**
 * The schema migrations of the managed federation guides (/work/shared/seeds 001 and 004), run
 * the way the registry runs them: compose the subgraphs of each launch, take the API schema,
 * and diff it against the previous launch's.
 */
import { describe, expect, it } from 'vitest';
import {
  composeSubgraphs,
  diffSchemas,
  toApiSchema,
  type CompositionSuccess,
  type SchemaChange,
} from '../../src/index.js';

const link = (imports: readonly string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports
    .map((i) => `"${i}"`)
    .join(', ')}])\n`;

/** Composes one launch's subgraphs; composition must succeed. */
function compose(subgraphs: Record<string, string>): CompositionSuccess {
  const result = composeSubgraphs(
    Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: `http://${name}`, sdl })),
    // The guide's Channel layout (implementations only in other subgraphs) is about what the
    // API schema shows; whether every path is plannable is not what is under test.
    { runSatisfiability: false },
  );
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return result;
}

const launch = (subgraphs: Record<string, string>) => compose(subgraphs).supergraphSdl;

/** The changes between two launches' API schemas, as the registry computes them. */
function changesBetween(
  before: Record<string, string>,
  after: Record<string, string>,
): SchemaChange[] {
  return diffSchemas(compose(before).apiSchema, compose(after).apiSchema);
}

const brief = (changes: readonly SchemaChange[]) =>
  changes.map((c) => `${c.severity} ${c.code} ${c.coordinate}`);

describe('seed 001: the Channel / EmailChannel migration', () => {
  const channel = `${link(['@key'])}
    type Query { channel(id: ID!): Channel channels: [Channel!]! }
    interface Channel { id: ID! }`;
  const web = `${link(['@key'])}
    interface Channel { id: ID! }
    type WebChannel implements Channel @key(fields: "id") { id: ID! webHook: String! }`;
  const email = `${link(['@key'])}
    interface Channel { id: ID! }
    type EmailChannel implements Channel @key(fields: "id") { id: ID! emailAddress: String! }`;

  it('each launch composes', () => {
    expect(launch({ channel, web, email })).toContain('type EmailChannel implements Channel');
  });

  it('removing only `implements Channel` from EmailChannel: the interface loses an implementation', () => {
    const changes = changesBetween(
      { channel, web, email },
      { channel, web, email: email.replace('implements Channel ', '') },
    );
    expect(changes).toEqual([
      {
        code: 'TYPE_REMOVED_FROM_INTERFACE',
        severity: 'breaking',
        coordinate: 'EmailChannel',
        message: '`EmailChannel` no longer implements interface `Channel`.',
        meta: { interface: 'Channel' },
      },
    ]);
  });

  it('removing EmailChannel altogether: the type goes, and Channel loses an implementation', () => {
    const emailWithout = `${link(['@key'])}
      type Query { emailStatus: String }`;
    expect(
      brief(changesBetween({ channel, web, email }, { channel, web, email: emailWithout })),
    ).toEqual([
      'breaking TYPE_REMOVED EmailChannel',
      'breaking TYPE_REMOVED_FROM_INTERFACE EmailChannel',
      'safe FIELD_ADDED Query.emailStatus',
    ]);
  });

  it('a new channel type joining the interface is dangerous: clients may get a new __typename', () => {
    const sms = `${link(['@key'])}
      interface Channel { id: ID! }
      type SmsChannel implements Channel @key(fields: "id") { id: ID! phone: String! }`;
    expect(brief(changesBetween({ channel, web, email }, { channel, web, email, sms }))).toEqual([
      'safe TYPE_ADDED SmsChannel',
      'dangerous TYPE_ADDED_TO_INTERFACE SmsChannel',
    ]);
  });
});

describe('seed 001: deprecating Product.nameLowercase for Product.name', () => {
  const products = (fields: string) => `${link(['@key'])}
    type Query { topProducts: [Product!]! }
    type Product @key(fields: "upc") { upc: ID! ${fields} }`;
  const reviews = (
    requires: string,
    external: string,
  ) => `${link(['@key', '@external', '@requires'])}
    type Product @key(fields: "upc") {
      upc: ID!
      ${external}
      reviews: [Review]! @requires(fields: "${requires}")
    }
    type Review { body: String! }`;

  const step0 = {
    products: products('nameLowercase: String!'),
    reviews: reviews('nameLowercase', 'nameLowercase: String! @external'),
  };
  const step1 = {
    products: products('nameLowercase: String! @deprecated(reason: "Use name") name: String!'),
    reviews: step0.reviews,
  };
  const step3 = {
    products: step1.products,
    // The guide keeps nameLowercase @external here; Federation 2 refuses an unused @external
    // (EXTERNAL_UNUSED), so the reviews schema drops it in the same step.
    reviews: reviews('name', 'name: String! @external'),
  };
  const step5 = {
    products: products('name: String!'),
    reviews: reviews('name', 'name: String! @external'),
  };

  it('step 1, products adds name and deprecates nameLowercase: safe changes only', () => {
    expect(changesBetween(step0, step1)).toEqual([
      {
        code: 'FIELD_ADDED',
        severity: 'safe',
        coordinate: 'Product.name',
        message: 'Field `Product.name` was added.',
      },
      {
        code: 'FIELD_DEPRECATED',
        severity: 'safe',
        coordinate: 'Product.nameLowercase',
        message: 'Field `Product.nameLowercase` was deprecated (reason: "Use name").',
        meta: { newValue: 'Use name' },
      },
    ]);
  });

  it('step 3, reviews switches its @requires to name: invisible to clients', () => {
    expect(changesBetween(step1, step3)).toEqual([]);
  });

  it('finally removing the deprecated field: breaking, flagged deprecated', () => {
    expect(changesBetween(step3, step5)).toEqual([
      {
        code: 'FIELD_REMOVED',
        severity: 'breaking',
        coordinate: 'Product.nameLowercase',
        message: 'Field `Product.nameLowercase` (deprecated) was removed.',
        meta: { deprecated: true },
      },
    ]);
  });
});

describe('seed 004: backward compatible and incompatible changes', () => {
  const before = {
    products: `${link(['@key'])}
      type Query { products(first: Int): [Product] }
      type Product @key(fields: "upc") { upc: ID! name: String price: Int legacySku: String }`,
  };

  it("the guide's backward compatible examples are all safe", () => {
    const after = {
      products: `${link(['@key'])}
        type Query { products(first: Int, inStock: Boolean = true): [Product] }
        type Product @key(fields: "upc") {
          upc: ID! name: String! price: Int legacySku: String dimensions: Dimensions
        }
        type Dimensions { width: Float height: Float }`,
    };
    expect(brief(changesBetween(before, after))).toEqual([
      'safe TYPE_ADDED Dimensions',
      'safe FIELD_ADDED Product.dimensions',
      'safe FIELD_CHANGED_TYPE Product.name',
      'safe OPTIONAL_ARG_ADDED Query.products(inStock:)',
    ]);
  });

  it('removing or altering a schema element is breaking', () => {
    const after = {
      products: `${link(['@key'])}
        type Query { products(first: Int!): [Product] }
        type Product @key(fields: "upc") { upc: ID! name: String price: Float }`,
    };
    expect(brief(changesBetween(before, after))).toEqual([
      'breaking FIELD_REMOVED Product.legacySku',
      'breaking FIELD_CHANGED_TYPE Product.price',
      'breaking ARG_CHANGED_TYPE_OPTIONAL_TO_REQUIRED Query.products(first:)',
    ]);
  });

  it('diffing the printed API schemas (what the registry stores) gives the same changes', () => {
    const after = {
      products: before.products.replace('legacySku: String', 'legacySku: String @deprecated'),
    };
    const sdl = (subgraphs: Record<string, string>) => {
      const api = toApiSchema(launch(subgraphs));
      if (!api.ok) throw new Error(api.errors.map((e) => e.message).join('\n'));
      return api.sdl;
    };
    const fromSdl = diffSchemas(sdl(before), sdl(after));
    expect(brief(fromSdl)).toEqual(['safe FIELD_DEPRECATED Product.legacySku']);
    expect(fromSdl).toEqual(changesBetween(before, after));
  });
});
