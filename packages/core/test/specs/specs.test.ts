import type { DirectiveDefinitionNode, TypeDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  FEDERATION_VERSIONS,
  JOIN_SPEC,
  KNOWN_SPECS,
  SUPERGRAPH_FEATURE_LINKS,
  compareVersions,
  findSpec,
  findSpecVersion,
  joinVersionForFederation,
  parseFeatureUrl,
  specUrl,
} from '../../src/index.js';

describe('spec data', () => {
  for (const spec of KNOWN_SPECS) {
    describe(spec.name, () => {
      it('lists versions oldest first', () => {
        const versions = spec.versions.map((v) => v.version);
        expect([...versions].sort(compareVersions)).toEqual(versions);
      });

      for (const version of spec.versions) {
        it(`v${version.version}: definitions parse and follow the naming rule`, () => {
          for (const directive of version.directives) {
            const [node] = parse(directive.sdl).definitions as DirectiveDefinitionNode[];
            expect(node?.kind).toBe(Kind.DIRECTIVE_DEFINITION);
            const expected =
              directive.name === spec.name ? spec.name : `${spec.name}__${directive.name}`;
            expect(node?.name.value).toBe(expected);
          }
          for (const type of version.types) {
            const [node] = parse(type.sdl).definitions as TypeDefinitionNode[];
            expect(node?.name.value).toBe(`${spec.name}__${type.name}`);
          }
        });
      }
    });
  }

  it('join v0.3 to v0.5 add their elements (reference table)', () => {
    const names = (version: string) => {
      const v = findSpecVersion(JOIN_SPEC, version)!;
      return [...v.directives.map((d) => `@${d.name}`), ...v.types.map((t) => t.name)].sort();
    };
    expect(names('0.3')).toEqual(
      [
        '@enumValue',
        '@field',
        '@graph',
        '@implements',
        '@type',
        '@unionMember',
        'FieldSet',
        'Graph',
      ].sort(),
    );
    expect(names('0.4')).toEqual([...names('0.3'), '@directive', 'DirectiveArguments'].sort());
    expect(names('0.5')).toEqual([...names('0.4'), 'ContextArgument', 'FieldValue'].sort());
    const field = (version: string) =>
      findSpecVersion(JOIN_SPEC, version)!.directives.find((d) => d.name === 'field')!.sdl;
    expect(field('0.3')).not.toContain('overrideLabel');
    expect(field('0.4')).toContain('overrideLabel: String)');
    expect(field('0.5')).toContain('contextArguments: [join__ContextArgument!]');
  });
});

describe('federation version table', () => {
  it('picks join v0.3 up to 2.6, v0.4 for 2.7, v0.5 from 2.8', () => {
    const table = Object.fromEntries(
      FEDERATION_VERSIONS.map((v) => [v, joinVersionForFederation(v)]),
    );
    expect(table).toEqual({
      '2.0': '0.3',
      '2.1': '0.3',
      '2.2': '0.3',
      '2.3': '0.3',
      '2.4': '0.3',
      '2.5': '0.3',
      '2.6': '0.3',
      '2.7': '0.4',
      '2.8': '0.5',
      '2.9': '0.5',
      '2.10': '0.5',
      '2.11': '0.5',
      '2.12': '0.5',
    });
  });

  it('links each optional feature at a version its spec defines', () => {
    for (const link of SUPERGRAPH_FEATURE_LINKS) {
      expect(findSpecVersion(link.spec, link.version)).toBeDefined();
      expect(FEDERATION_VERSIONS).toContain(link.since);
    }
    expect(SUPERGRAPH_FEATURE_LINKS.map((l) => l.feature)).toEqual([
      'tag',
      'inaccessible',
      'authenticated',
      'requiresScopes',
      'policy',
      'context',
      'cost',
      'cacheTag',
    ]);
  });
});

describe('spec URLs', () => {
  it('parses and builds link URLs', () => {
    expect(parseFeatureUrl('https://specs.apollo.dev/join/v0.5')).toEqual({
      identity: 'https://specs.apollo.dev/join',
      name: 'join',
      major: 0,
      minor: 5,
      version: '0.5',
    });
    expect(parseFeatureUrl('https://specs.apollo.dev/join')).toBeUndefined();
    expect(parseFeatureUrl('https://specs.apollo.dev/join/v0.5?x')).toBeUndefined();
    expect(specUrl(JOIN_SPEC, '0.4')).toBe('https://specs.apollo.dev/join/v0.4');
    expect(findSpec('https://specs.apollo.dev/join')).toBe(JOIN_SPEC);
    expect(findSpec('https://example.com/join')).toBeUndefined();
  });

  it('compares versions numerically', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('0.3', '0.3')).toBe(0);
    expect(compareVersions('1.0', '0.12')).toBeGreaterThan(0);
  });
});
