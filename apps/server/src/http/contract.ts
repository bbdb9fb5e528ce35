import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import {
  createJsonSchemaTransform,
  hasZodFastifySchemaValidationErrors,
  ResponseSerializationError,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { configureFrenchValidation, contract, validationSummary } from '@crieur/api';
import { ApiError } from './api-error';

/**
 * The contract (@crieur/api) as Fastify's schemas: fastify-type-provider-zod validates each
 * request and checks each answer with the route's zod schemas, and @fastify/swagger turns the same
 * schemas into the OpenAPI document (GET /api/docs).
 */
export async function registerContract(app: FastifyInstance, info: { title: string; url: string }): Promise<void> {
  configureFrenchValidation();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(checkAnswer);
  const toJsonSchema = createJsonSchemaTransform({ skipList: [] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${info.title} — API du studio`,
        description:
          'Les routes du studio, pour les autres outils de l’association. Session par cookie ; ' +
          'toute écriture envoie l’en-tête x-csrf-token lu dans GET /api/session.',
        version: '1',
      },
      servers: [{ url: info.url }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'crieur_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [] }],
    },
    // the public pages and the studio's files are not part of the staff API
    transform: (document) => {
      if (!document.url.startsWith('/api/')) return { schema: { ...document.schema, hide: true }, url: document.url };
      // a raw upload: the document shows the media types it takes (the route itself does not validate the bytes)
      const upload = document.schema && 'consumes' in document.schema && !document.schema.body;
      return toJsonSchema(upload ? { ...document, schema: { ...document.schema, body: RAW_FILE } } : document);
    },
  });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD') continue;
      const key = `${method} ${route.url}`;
      if (!(key in contract))
        throw new Error(`Route ${key} has no entry in the contract (packages/api/src/contract.ts)`);
      if (!route.schema)
        throw new Error(
          `Route ${key} is registered without its contract: use handle() (apps/server/src/http/contract-route.ts)`,
        );
    }
  });
}

/**
 * The answer checked against the route's response schema, then written. zod's parse direction: the
 * library's own serializer uses encode, five times slower on a year of growth figures (5.6 ms against
 * 1.1 ms for 220 kB), and the contract has no codecs that would need it. Unknown keys are dropped.
 */
const checkAnswer: FastifySerializerCompiler<z.ZodType> =
  ({ schema, method, url }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };

const RAW_FILE = z.any().meta({ description: 'Le fichier lui-même (octets bruts)', format: 'binary' });

/** A request the contract refuses: a 400 naming each field, in French. */
export function contractValidationError(error: unknown): ApiError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const where = (error as { validationContext?: string }).validationContext;
  const issues = error.validation.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    // a wrong path or query parameter is named as such, a body field by its name
    return { path: path.length ? path : where ? [where] : [], message: issue.message ?? 'Valeur invalide.' };
  });
  return new ApiError(400, 'VALIDATION', validationSummary(issues), {
    issues: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}
