/**
 * Admin routes: API keys, webhooks per variant and the audit log. The service checks the role;
 * these only parse. `whoami` is the exception: any valid key may ask who it is.
 *
 * @module
 */
import type {
  CreateKeyRequest,
  CreateWebhookRequest,
  KeyRole,
  KeyScope,
  WhoAmI,
} from '@orrery/registry-client';
import {
  defined,
  optionalObject,
  optionalString,
  optionalStringArray,
  queryInteger,
  requiredString,
  type JsonObject,
} from '../body.js';
import { HttpError } from '../errors.js';
import type { AddRoute, RouteDeps } from '../types.js';
import { checkName } from './names.js';
import { API, VARIANT } from './paths.js';

const ROLES: readonly KeyRole[] = ['admin', 'publisher', 'gateway'];

export function adminRoutes(add: AddRoute, { service }: RouteDeps): void {
  // The actor is the key this request was authenticated with: a missing, unknown or revoked key
  // was already answered 401 before any handler ran, so every role gets its own answer here and
  // the service is not asked (its role checks would refuse gateway keys). Never the secret.
  add('GET', `${API}/whoami`, async ({ actor }) => {
    const me: WhoAmI = {
      keyId: actor.keyId,
      name: actor.name,
      role: actor.role,
      scope: actor.scope,
    };
    return { status: 200, json: me };
  });

  add('POST', `${API}/keys`, async (ctx) => ({
    status: 201,
    json: await service.createKey(ctx.actor, readCreateKey(await ctx.json())),
  }));

  add('GET', `${API}/keys`, async (ctx) => ({
    status: 200,
    json: { keys: await service.listKeys(ctx.actor) },
  }));

  add('DELETE', `${API}/keys/:id`, async (ctx) => {
    await service.revokeKey(ctx.actor, ctx.params.id ?? '');
    return { status: 204 };
  });

  add('POST', `${VARIANT}/webhooks`, async (ctx) => {
    const ref = ctx.ref();
    const body = await ctx.json();
    const request = defined<CreateWebhookRequest>({
      url: readUrl(body),
      secret: optionalString(body, 'secret'),
    });
    return { status: 201, json: await service.createWebhook(ctx.actor, ref, request) };
  });

  add('GET', `${VARIANT}/webhooks`, async (ctx) => ({
    status: 200,
    json: { webhooks: await service.listWebhooks(ctx.actor, ctx.ref()) },
  }));

  add('DELETE', `${VARIANT}/webhooks/:id`, async (ctx) => {
    await service.deleteWebhook(ctx.actor, ctx.ref(), ctx.params.id ?? '');
    return { status: 204 };
  });

  add('GET', `${VARIANT}/webhooks/:id/deliveries`, async (ctx) => ({
    status: 200,
    json: {
      deliveries: await service.listWebhookDeliveries(ctx.actor, ctx.ref(), ctx.params.id ?? ''),
    },
  }));

  add('GET', `${API}/audit`, async (ctx) => {
    const graph = ctx.query.get('graph');
    const limit = queryInteger(ctx.query, 'limit', { min: 1, max: 1000 });
    const options: { graph?: string; limit?: number } = {};
    if (graph !== null && graph !== '') options.graph = checkName({ graph }, 'graph');
    if (limit !== undefined) options.limit = limit;
    return { status: 200, json: { entries: await service.listAudit(ctx.actor, options) } };
  });
}

function readCreateKey(body: JsonObject): CreateKeyRequest {
  const role = requiredString(body, 'role');
  if (!ROLES.includes(role as KeyRole)) {
    throw new HttpError('BAD_REQUEST', `"role" must be one of ${ROLES.join(', ')}.`);
  }
  const scope = optionalObject(body, 'scope');
  return defined<CreateKeyRequest>({
    name: requiredString(body, 'name'),
    role: role as KeyRole,
    scope: scope === undefined ? undefined : readScope(scope),
  });
}

function readScope(body: JsonObject): KeyScope {
  return defined<KeyScope>({
    graphs: optionalStringArray(body, 'graphs'),
    variants: optionalStringArray(body, 'variants'),
    subgraphs: optionalStringArray(body, 'subgraphs'),
  });
}

/** Webhook targets must be absolute http(s) URLs; anything else is refused up front. */
function readUrl(body: JsonObject): string {
  const raw = requiredString(body, 'url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpError('BAD_REQUEST', `"url" is not an absolute URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError('BAD_REQUEST', '"url" must be an http or https URL.');
  }
  return raw;
}
