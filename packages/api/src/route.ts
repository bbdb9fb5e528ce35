import type { z } from 'zod';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One staff route: what it reads and what it answers. `response` is the JSON of a 2xx answer
 * (`null` for 204 or a file download, then `produces` says its media type).
 */
export type RouteContract = {
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** the 2xx status the route answers with (200 unless said) */
  status?: 200 | 201 | 202 | 204;
  response: z.ZodType | null;
  /** a non-JSON answer (CSV, HTML preview): its media type */
  produces?: string;
  /** a body that is not JSON (a raw upload): its media types; `body` is then not set */
  consumes?: readonly string[];
};

/** Keys are "METHOD /api/path/:param", exactly as in the server's access table. */
export type Contract = Record<`${Method} /api/${string}`, RouteContract>;

/** Keeps each route's literal types while checking its shape. */
export const defineRoutes = <const C extends Contract>(routes: C): C => routes;

type Wire<S> = S extends z.ZodType ? z.input<S> : undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the studio sends: the schemas' input types (before defaults and coercion). */
export type ParamsOf<R extends RouteContract> = Wire<R['params']>;
export type QueryOf<R extends RouteContract> = Wire<R['query']>;
export type BodyOf<R extends RouteContract> = Wire<R['body']>;
/** What the studio receives: the JSON of the answer. */
export type ResponseOf<R extends RouteContract> = R['response'] extends z.ZodType ? z.input<R['response']> : void;

/** What the server's handler is handed (after defaults and coercion) and must answer with. */
export type ServerParams<R extends RouteContract> = Parsed<R['params']>;
export type ServerQuery<R extends RouteContract> = Parsed<R['query']>;
export type ServerBody<R extends RouteContract> = Parsed<R['body']>;
export type ServerResponse<R extends RouteContract> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : unknown;

export { splitKey } from './client-path';
