import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../src/diff/index.js';

describe('enums', () => {
  it('VALUE_ADDED_TO_ENUM: dangerous for an enum a field returns', () => {
    expect(
      diffSchemas(
        'type Query { orders: [Order] } type Order { status: [Status!] } enum Status { OPEN CLOSED }',
        'type Query { orders: [Order] } type Order { status: [Status!] } enum Status { OPEN CLOSED REFUNDED }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "VALUE_ADDED_TO_ENUM",
          "coordinate": "Status.REFUNDED",
          "message": "Enum value \`Status.REFUNDED\` was added: clients may receive a value they do not know.",
          "severity": "dangerous",
        },
      ]
    `);
  });

  it('VALUE_ADDED_TO_ENUM: safe for an enum only used in inputs', () => {
    expect(
      diffSchemas(
        'type Query { orders(sort: Sort): [Int] } enum Sort { ASC DESC }',
        'type Query { orders(sort: Sort): [Int] } enum Sort { ASC DESC RELEVANCE }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "VALUE_ADDED_TO_ENUM",
          "coordinate": "Sort.RELEVANCE",
          "message": "Enum value \`Sort.RELEVANCE\` was added (the enum is only used in inputs).",
          "severity": "safe",
        },
      ]
    `);
  });

  it('VALUE_REMOVED_FROM_ENUM', () => {
    expect(
      diffSchemas(
        'type Query { s: Status } enum Status { OPEN CLOSED PENDING @deprecated(reason: "Use OPEN") }',
        'type Query { s: Status } enum Status { OPEN }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "VALUE_REMOVED_FROM_ENUM",
          "coordinate": "Status.CLOSED",
          "message": "Enum value \`Status.CLOSED\` was removed.",
          "severity": "breaking",
        },
        {
          "code": "VALUE_REMOVED_FROM_ENUM",
          "coordinate": "Status.PENDING",
          "message": "Enum value \`Status.PENDING\` (deprecated) was removed.",
          "meta": {
            "deprecated": true,
          },
          "severity": "breaking",
        },
      ]
    `);
  });

  it('ENUM_VALUE_DESCRIPTION_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { s: Status } enum Status { OPEN CLOSED }',
        'type Query { s: Status } enum Status { "Still open" OPEN CLOSED }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ENUM_VALUE_DESCRIPTION_CHANGE",
          "coordinate": "Status.OPEN",
          "message": "Description of enum value \`Status.OPEN\` was added.",
          "severity": "safe",
        },
      ]
    `);
  });

  it('ENUM_DEPRECATED', () => {
    expect(
      diffSchemas(
        'type Query { s: Status } enum Status { OPEN CLOSED }',
        'type Query { s: Status } enum Status { OPEN CLOSED @deprecated }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ENUM_DEPRECATED",
          "coordinate": "Status.CLOSED",
          "message": "Enum value \`Status.CLOSED\` was deprecated (reason: "No longer supported").",
          "meta": {
            "newValue": "No longer supported",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ENUM_DEPRECATION_REMOVED', () => {
    expect(
      diffSchemas(
        'type Query { s: Status } enum Status { OPEN CLOSED @deprecated(reason: "x") }',
        'type Query { s: Status } enum Status { OPEN CLOSED }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ENUM_DEPRECATION_REMOVED",
          "coordinate": "Status.CLOSED",
          "message": "Enum value \`Status.CLOSED\` is no longer deprecated.",
          "meta": {
            "oldValue": "x",
          },
          "severity": "safe",
        },
      ]
    `);
  });

  it('ENUM_DEPRECATED_REASON_CHANGE', () => {
    expect(
      diffSchemas(
        'type Query { s: Status } enum Status { OPEN CLOSED @deprecated(reason: "x") }',
        'type Query { s: Status } enum Status { OPEN CLOSED @deprecated(reason: "y") }',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ENUM_DEPRECATED_REASON_CHANGE",
          "coordinate": "Status.CLOSED",
          "message": "Deprecation reason of enum value \`Status.CLOSED\` changed from "x" to "y".",
          "meta": {
            "newValue": "y",
            "oldValue": "x",
          },
          "severity": "safe",
        },
      ]
    `);
  });
});
