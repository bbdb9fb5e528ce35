// The typed contract (@crieur/api) on the real server: every route of the access table has its schemas,
// wrong input is refused in French naming the field, answers are checked, and admins read the OpenAPI document.
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@crieur/api';
import { ROUTE_ACCESS } from '../src';
import { registerContract } from '../src/http/contract';
import { handle } from '../src/http/contract-route';
import { registerErrorHandler } from '../src/http/error-handler';
import { startHarness, type Client, type Harness } from './harness';

// French typography in every answer: U+202F inside « » and before ; ! ?, U+00A0 before :
const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('the contract between server and studio (PostgreSQL)', () => {
  let h: Harness;
  let admin: Client;
  let editor: Client;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.client();
    expect((await admin.login((await h.createStaff('admin')).email)).statusCode).toBe(200);
    await admin.refreshCsrf();
    editor = h.client();
    expect((await editor.login((await h.createStaff('editor')).email)).statusCode).toBe(200);
    await editor.refreshCsrf();
  });
  afterAll(() => h.close());

  it('has an entry for every route of the access table, and no entry without a route', () => {
    const routes = Object.keys(ROUTE_ACCESS).sort();
    const entries = Object.keys(contract).sort();
    expect(routes.filter((key) => !entries.includes(key))).toEqual([]);
    expect(entries.filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('refuses a wrong field in French, naming it, and keeps the per-field issues', async () => {
    const res = await admin.request('POST', '/api/users/invitations', { email: 'pas-une-adresse', role: 'chef' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      `«${NNBSP}adresse e-mail${NNBSP}»${NBSP}: Adresse e-mail invalide. (et 1 autre champ à vérifier)`,
    );
    expect(error.issues).toEqual([
      { path: 'email', message: 'Adresse e-mail invalide.' },
      { path: 'role', message: `Valeur non reconnue (attendu${NBSP}: admin, editor, author, sender).` },
    ]);
  });

  it('answers a handler’s own French message in French typography too', async () => {
    const res = await admin.request('GET', '/api/campaigns/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(`Lettre introuvable${NBSP}: cet élément a peut-être été supprimé.`);
  });

  it('says a missing field is required, in French', async () => {
    const res = await admin.request('POST', '/api/login', { email: 'a@example.org' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: 'password', message: 'Ce champ est obligatoire.' }]);
  });

  it('answers strangers 401 before looking at their input', async () => {
    const stranger = h.client();
    await stranger.refreshCsrf();
    const res = await stranger.request('POST', '/api/users/invitations', { email: 1 });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('names a control character as such, not as a wrong type', async () => {
    const res = await admin.request('POST', '/api/users/invitations', { email: 'a\u0007@example.org', role: 'editor' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/caractère/);
    expect(res.json().error.message).not.toMatch(/Adresse e-mail invalide/);
  });

  it('serves admins a valid OpenAPI 3.1 document of every route, and no one else', async () => {
    expect((await editor.request('GET', '/api/docs')).statusCode).toBe(403);
    const res = await admin.request('GET', '/api/docs');
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(Object.keys(contract).sort());
    // the public pages are not part of the staff API
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
    const invite = document.paths['/api/users/invitations'].post;
    expect(invite.requestBody.content['application/json'].schema.required).toEqual(['email', 'role']);
    // raw uploads show the media types they take
    expect(Object.keys(document.paths['/api/media'].post.requestBody.content)).toContain('image/jpeg');
    expect(Object.keys(document.paths['/api/imports'].post.requestBody.content)).toContain('text/csv');
  });
});

describe('an answer that breaks the contract', () => {
  it('is a 500 for the caller and an error in the log naming the wrong field, never its value', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
    registerErrorHandler(app);
    await registerContract(app, { title: 'test', url: 'http://localhost' });
    handle(app, 'GET /api/lists', () => ({ lists: [{ id: 'secret-value', slug: 'membres' }] }) as never);
    const res = await app.inject({ method: 'GET', url: '/api/lists' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    const mismatch = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'answer does not match the contract');
    expect(mismatch.issues.map((i: { path: string }) => i.path)).toContain('lists.0.id');
    expect(lines.join('\n')).not.toContain('secret-value');
    await app.close();
  });
});

describe('a staff route outside the contract', () => {
  it('stops the server at start-up, and so does a contract route registered without handle()', async () => {
    const app = Fastify();
    await registerContract(app, { title: 'test', url: 'http://localhost' });
    expect(() => app.get('/api/nouvelle-route', async () => ({}))).toThrow(/no entry in the contract/);
    expect(() => app.get('/api/lists', async () => ({}))).toThrow(/registered without its contract/);
    await app.close();
  });
});
