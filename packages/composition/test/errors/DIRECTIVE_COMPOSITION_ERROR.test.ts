import { describe, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

const IMPORTS = ['@key', '@composeDirective', '@shareable'];
const subgraph = (name: string, schema: string, body: string) => ({
  name,
  sdl: fed2(`${schema}\n${body}`, IMPORTS, '2.1'),
});
const link = (url: string, imports = '"@foo"') =>
  `extend schema @link(url: "${url}", import: [${imports}]) @composeDirective(name: "@foo")`;
const body = 'directive @foo on FIELD_DEFINITION\ntype Query { a: Int @foo @shareable }';

describe('DIRECTIVE_COMPOSITION_ERROR', () => {
  it('is reported for a name without "@"', () => {
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph(
        'a',
        'extend schema @link(url: "https://x.dev/audit/v1.0", import: ["@foo"]) @composeDirective(name: "foo")',
        body,
      ),
    ]);
  });

  it('is reported for an undefined, federation or unlinked directive', () => {
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph(
        'a',
        'extend schema @link(url: "https://x.dev/audit/v1.0", import: ["@foo"]) @composeDirective(name: "@bar")',
        body,
      ),
    ]);
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph('a', 'extend schema @composeDirective(name: "@key")', 'type Query { a: Int }'),
    ]);
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph('a', 'extend schema @composeDirective(name: "@foo")', body),
    ]);
  });

  it('is reported across subgraphs: major versions, different specs', () => {
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph('a', link('https://x.dev/audit/v1.0'), body),
      subgraph('b', link('https://x.dev/audit/v2.0'), body),
    ]);
    expectCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph('a', link('https://x.dev/audit/v1.0'), body),
      subgraph('b', link('https://y.dev/other/v1.0'), body),
    ]);
  });

  it('is not reported for one spec at several minor versions', () => {
    expectNoCode('DIRECTIVE_COMPOSITION_ERROR', [
      subgraph('a', link('https://x.dev/audit/v1.0'), body),
      subgraph('b', link('https://x.dev/audit/v1.4'), body),
    ]);
  });
});
