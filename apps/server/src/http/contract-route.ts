import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
  contract,
  splitKey,
  type RouteKey,
  type ServerBody,
  type ServerParams,
  type ServerQuery,
  type ServerResponse,
} from '@crieur/api';

type Route<K extends RouteKey> = (typeof contract)[K];

export type RouteInput<K extends RouteKey> = {
  params: ServerParams<Route<K>>;
  query: ServerQuery<Route<K>>;
  body: ServerBody<Route<K>>;
};

type Handler<K extends RouteKey> = (
  input: RouteInput<K>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<ServerResponse<Route<K>> | FastifyReply> | ServerResponse<Route<K>> | FastifyReply;

/** Fastify's route schema for a contract entry: zod validates the input and checks the answer. */
export function routeSchema(key: RouteKey) {
  const route = contract[key] as Route<RouteKey> & {
    params?: unknown;
    query?: unknown;
    body?: unknown;
    consumes?: readonly string[];
    produces?: string;
  };
  const status = 'status' in route && route.status ? route.status : 200;
  return {
    summary: route.summary,
    tags: [tagOf(splitKey(key).path)],
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    // a raw upload: its own parser reads the bytes, unvalidated (a zod pass over 10 MB costs ~30 MB of peak memory)
    ...(route.consumes ? { consumes: [...route.consumes] } : {}),
    ...(route.produces ? { produces: [route.produces] } : {}),
    ...(route.response ? { response: { [status]: route.response } } : {}),
  };
}

/** "/api/campaigns/:id/send" → "campaigns": the OpenAPI document groups routes by their first segment. */
const tagOf = (path: string) => path.split('/')[2] ?? 'api';

/**
 * Registers the handler of one contract route: its params, query and body arrive validated and
 * typed (a 400 naming the field in French otherwise), and its answer is checked against the contract.
 */
export function handle<K extends RouteKey>(
  app: FastifyInstance,
  key: K,
  options: Omit<RouteShorthandOptions, 'schema'>,
  handler: Handler<K>,
): void;
export function handle<K extends RouteKey>(app: FastifyInstance, key: K, handler: Handler<K>): void;
export function handle<K extends RouteKey>(
  app: FastifyInstance,
  key: K,
  optionsOrHandler: Omit<RouteShorthandOptions, 'schema'> | Handler<K>,
  maybeHandler?: Handler<K>,
): void {
  const options = typeof optionsOrHandler === 'function' ? {} : optionsOrHandler;
  const handler = typeof optionsOrHandler === 'function' ? optionsOrHandler : maybeHandler!;
  const { method, path } = splitKey(key);
  app.route({
    ...options,
    method,
    url: path,
    schema: routeSchema(key),
    handler: (request, reply) =>
      handler({ params: request.params, query: request.query, body: request.body } as RouteInput<K>, request, reply),
  });
}
