import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

describe('union members and interface implementations', () => {
  it('TYPE_ADDED_TO_UNION', () => {
    expect(
      diffSchemas(
        'type Query { s: [Result] } union Result = Book | Film type Book { t: String } type Film { t: String } type Song { t: String }',
        'type Query { s: [Result] } union Result = Book | Film | Song type Book { t: String } type Film { t: String } type Song { t: String }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_ADDED_TO_UNION",
          "coordinate": "Result",
          "message": "\`Song\` was added to union \`Result\`: clients may receive a type they do not expect.",
          "meta": {
            "member": "Song",
          },
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('TYPE_REMOVED_FROM_UNION', () => {
    expect(
      diffSchemas(
        'type Query { s: [Result] } union Result = Book | Film type Book { t: String } type Film { t: String }',
        'type Query { s: [Result] } union Result = Book type Book { t: String } type Film { t: String }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_REMOVED_FROM_UNION",
          "coordinate": "Result",
          "message": "\`Film\` was removed from union \`Result\`.",
          "meta": {
            "member": "Film",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('TYPE_ADDED_TO_INTERFACE', () => {
    expect(
      diffSchemas(
        'type Query { c: Channel } interface Channel { id: ID! } type WebChannel { id: ID! }',
        'type Query { c: Channel } interface Channel { id: ID! } type WebChannel implements Channel { id: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_ADDED_TO_INTERFACE",
          "coordinate": "WebChannel",
          "message": "\`WebChannel\` now implements interface \`Channel\`: fields returning \`Channel\` may return it.",
          "meta": {
            "interface": "Channel",
          },
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('TYPE_REMOVED_FROM_INTERFACE', () => {
    expect(
      diffSchemas(
        'type Query { c: Channel } interface Channel { id: ID! } type EmailChannel implements Channel { id: ID! }',
        'type Query { c: Channel } interface Channel { id: ID! } type EmailChannel { id: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_REMOVED_FROM_INTERFACE",
          "coordinate": "EmailChannel",
          "message": "\`EmailChannel\` no longer implements interface \`Channel\`.",
          "meta": {
            "interface": "Channel",
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('an interface leaving an interface, and a new interface bringing no implementation changes', () => {
    expect(
      diffSchemas(
        'type Query { n: Node } interface Node { id: ID! } interface Channel implements Node { id: ID! } type Web implements Node & Channel { id: ID! }',
        'type Query { n: Node } interface Node { id: ID! } interface Channel { id: ID! } interface Named { id: ID! } type Web implements Node & Channel & Named { id: ID! }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "TYPE_REMOVED_FROM_INTERFACE",
          "coordinate": "Channel",
          "message": "\`Channel\` no longer implements interface \`Node\`.",
          "meta": {
            "interface": "Node",
          },
          "severity": "breaking",
        },
        {
          "code": "TYPE_ADDED",
          "coordinate": "Named",
          "message": "Interface \`Named\` was added.",
          "meta": {
            "newType": "INTERFACE",
          },
          "severity": "safe",
        },
      ]
    `);
  });
});
