/**
 * Decides what a contract hides, following GraphOS contract semantics (see README.md): tag
 * matching with type tags inherited by fields, then masking of emptied types and of interface
 * fields whose type went, then (optionally) unreachable types.
 *
 * The result is a set of schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`,
 * `Enum.VALUE`, `Input.field`) to mark `@inaccessible`.
 *
 * @module
 */
import {
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type ConstDirectiveNode,
  type GraphQLNamedType,
} from 'graphql';
import type {
  InaccessibleContext,
  InaccessibleElement,
} from '../api-schema/inaccessible-context.js';
import { userDirectives } from '../api-schema/rules/visible-elements.js';

/** The filter of a contract, normalised. */
export interface TagFilter {
  readonly include: ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
  readonly hideUnreachableTypes: boolean;
}

/** Computes the coordinates a contract hides (beyond what is `@inaccessible` already). */
export function computeHiddenCoordinates(
  context: InaccessibleContext,
  filter: TagFilter,
): Set<string> {
  const { features } = context.supergraph;
  const tagFeature = features.byName('tag');
  const tagName = tagFeature && features.directiveName(tagFeature);
  const hidden = new Set<string>();
  const includeMode = filter.include.size > 0;

  const tagsOf = (element: InaccessibleElement): string[] => {
    if (tagName === undefined) return [];
    const nodes = [element.astNode, ...(element.extensionASTNodes ?? [])];
    return nodes.flatMap((node) =>
      (node?.directives ?? []).filter((d) => d.name.value === tagName).flatMap(tagValue),
    );
  };
  const excluded = (tags: readonly string[]) => tags.some((t) => filter.exclude.has(t));
  const included = (tags: readonly string[]) => tags.some((t) => filter.include.has(t));
  const isHidden = (coordinate: string, element: InaccessibleElement) =>
    hidden.has(coordinate) || context.isInaccessible(element);
  const typeHidden = (type: GraphQLNamedType) => isHidden(type.name, type);

  // 1. Tag matching. Fields inherit their type's tags; arguments, enum values and input fields
  //    are only hidden when excluded themselves (inclusion selects types and fields).
  for (const type of context.userTypes()) {
    const typeTags = tagsOf(type);
    if (excluded(typeTags)) {
      hidden.add(type.name);
      continue;
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const fieldTags = [...typeTags, ...tagsOf(field)];
        if (excluded(fieldTags) || (includeMode && !included(fieldTags))) {
          hidden.add(coordinate);
        }
        for (const arg of field.args) {
          if (excluded(tagsOf(arg))) hidden.add(`${coordinate}(${arg.name}:)`);
        }
      }
    } else if (isUnionType(type)) {
      if (includeMode && !included(typeTags)) hidden.add(type.name);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (excluded(tagsOf(value))) hidden.add(`${type.name}.${value.name}`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (excluded(tagsOf(field))) hidden.add(`${type.name}.${field.name}`);
      }
    }
  }

  // 2. Masking, to a fixed point: a type whose fields (or union members) are all hidden goes,
  //    and so does an interface field whose type went (an implementation may keep its field).
  for (let changed = true; changed;) {
    changed = false;
    const hide = (coordinate: string) => {
      if (!hidden.has(coordinate)) {
        hidden.add(coordinate);
        changed = true;
      }
    };
    for (const type of context.userTypes()) {
      if (typeHidden(type)) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        const fields = Object.values(type.getFields());
        if (fields.every((f) => isHidden(`${type.name}.${f.name}`, f))) {
          hide(type.name);
          continue;
        }
        if (isInterfaceType(type)) {
          for (const field of fields) {
            if (typeHidden(getNamedType(field.type))) hide(`${type.name}.${field.name}`);
          }
        }
      } else if (isUnionType(type) && type.getTypes().every(typeHidden)) {
        hide(type.name);
      }
    }
  }

  // 3. Unreachable types, kept when tagged with an included tag (those also count as roots).
  if (filter.hideUnreachableTypes) {
    const { schema } = context.supergraph;
    const reachable = new Set<string>();
    const queue: GraphQLNamedType[] = [];
    const reach = (type: GraphQLNamedType) => {
      if (reachable.has(type.name) || typeHidden(type)) return;
      reachable.add(type.name);
      queue.push(type);
    };
    for (const root of [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]) {
      if (root) reach(root);
    }
    for (const type of context.userTypes()) {
      if (included(tagsOf(type))) reach(type);
    }
    for (const directive of userDirectives(context)) {
      for (const arg of directive.args) reach(getNamedType(arg.type));
    }
    for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          const coordinate = `${type.name}.${field.name}`;
          if (isHidden(coordinate, field)) continue;
          reach(getNamedType(field.type));
          for (const arg of field.args) {
            if (!isHidden(`${coordinate}(${arg.name}:)`, arg)) reach(getNamedType(arg.type));
          }
        }
        type.getInterfaces().forEach(reach);
        if (isInterfaceType(type)) schema.getPossibleTypes(type).forEach(reach);
      } else if (isUnionType(type)) {
        type.getTypes().forEach(reach);
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!isHidden(`${type.name}.${field.name}`, field)) reach(getNamedType(field.type));
        }
      }
    }
    for (const type of context.userTypes()) {
      if (!reachable.has(type.name) && !typeHidden(type)) hidden.add(type.name);
    }
  }
  return hidden;
}

function tagValue(directive: ConstDirectiveNode): string[] {
  const value = directive.arguments?.find((a) => a.name.value === 'name')?.value;
  return value?.kind === Kind.STRING ? [value.value] : [];
}
