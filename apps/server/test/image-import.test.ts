// Outside images are copied into the media library when an article is saved, from a real local https server;
// every address that could reach inside our network is refused before any connection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPublicImage, IMAGE_IMPORT_DEFAULTS, isPublicAddress } from '../src/media/fetch-public-image';
import { ImageFetchError } from '../src/media/fetch-public-image';
import { startHarness, type Client, type Harness } from './harness';

/** A PNG whose header claims `width` × `height` over one real pixel: refused from its header, never decoded. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // IHDR's checksum, over its type and data
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('outside images in articles (local https server, PostgreSQL)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crieur-image-import-'));
  const hits = new Map<string, number>();
  let server: Server;
  let origin: string;
  let cert: string;
  let h: Harness;
  let editor: Client;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const blue = { width: 1200, height: 800, channels: 3, background: '#1c4fa0' } as const;
    const photo = await sharp({ create: blue }).png().toBuffer();
    const huge = await pngClaiming(10_000, 10_000);
    server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
      const url = new URL(req.url ?? '/', 'https://x');
      hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
      const send = (type: string, body: Buffer | string) => res.writeHead(200, { 'content-type': type }).end(body);
      const redirect = (location: string) => res.writeHead(302, { location }).end();
      switch (url.pathname) {
        case '/photo.png':
          return send('image/png', photo);
        case '/moved':
          return redirect('/photo.png?moved');
        case '/to-private':
          return redirect('https://10.0.0.1/photo.png');
        case '/to-http':
          return redirect(`http://127.0.0.1:${(server.address() as AddressInfo).port}/photo.png`);
        case '/huge.png':
          return send('image/png', huge);
        case '/page.html':
          return send('text/html; charset=utf-8', '<p>pas une image</p>');
        case '/fake.png':
          return send('image/png', 'not an image');
        case '/big.png': {
          // no content-length: the limit must hold while reading, not only from a header
          res.writeHead(200, { 'content-type': 'image/png' });
          for (let i = 0; i < 40; i++) res.write(Buffer.alloc(10_000, i));
          return res.end();
        }
        case '/slow.png':
          return; // never answers
        default:
          return res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await startHarness({
      env: { DATA_DIR: dir },
      deps: {
        // this server is on loopback: trusted here, and only here, on top of the public-address rule
        imageImport: {
          ca: cert,
          timeoutMs: 1_000,
          maxBytes: 300_000,
          maxPerSave: 2,
          isAllowedAddress: (a) => a === '127.0.0.1' || isPublicAddress(a),
        },
      },
    });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
  });
  afterAll(async () => {
    await h.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const newArticle = async (title: string) =>
    (await editor.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain' })).json().article;
  const image = (src: string, alt = 'Le conseil municipal en séance') => ({ type: 'image', attrs: { src, alt } });
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Compte rendu.' }] };
  const save = (article: { id: string; title: string; slug: string }, version: number, content: unknown[]) =>
    editor.request('PUT', `/api/articles/${article.id}`, {
      version,
      title: article.title,
      slug: article.slug,
      rubrique: 'sur-le-terrain',
      body: { type: 'doc', content },
    });

  it('copies an outside image into the media library once; readers get it from /media, CSP unchanged', async () => {
    const article = await newArticle('Le conseil municipal');
    const first = await save(article, article.version, [paragraph, image(`${origin}/photo.png`)]);
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json().article;
    const attrs = saved.body.content[1].attrs;
    expect(attrs.src).toMatch(/^\/media\/[0-9a-f-]{36}\/w1600\.webp$/);
    expect(attrs.src).toBe(`/media/${attrs.mediaId}/w1600.webp`);
    const thumb = await h.app.inject({ method: 'GET', url: `/media/${attrs.mediaId}/w400.webp` });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(400);
    const library = (await editor.request('GET', '/api/media')).json().media;
    const copied = { id: attrs.mediaId, alt: 'Le conseil municipal en séance', width: 1200 };
    expect(library).toContainEqual(expect.objectContaining(copied));

    // the studio keeps its own copy and sends the outside address again: found, not downloaded again
    const twice = [paragraph, image(`${origin}/photo.png`), image(`${origin}/moved`)];
    const second = await save(article, saved.version, twice);
    expect(second.statusCode, second.body).toBe(200);
    const [, again, moved] = second.json().article.body.content;
    expect(again.attrs.mediaId).toBe(attrs.mediaId);
    expect(moved.attrs.mediaId).not.toBe(attrs.mediaId);
    expect([hits.get('/photo.png'), hits.get('/moved')]).toEqual([2, 1]); // once for itself, once behind the redirect

    // our own site's absolute address becomes a path, without any download
    const ownUrl = `http://localhost:3000/media/${attrs.mediaId}/w800.webp`;
    const own = await save(article, second.json().article.version, [image(ownUrl)]);
    const ownAttrs = { src: `/media/${attrs.mediaId}/w800.webp`, mediaId: attrs.mediaId };
    expect(own.json().article.body.content[0].attrs).toMatchObject(ownAttrs);
    await save(article, own.json().article.version, [paragraph, image(`${origin}/photo.png`)]);
    for (const action of ['submit', 'approve', 'publish']) {
      await editor.request('POST', `/api/articles/${article.id}/transition`, { action });
    }

    const page = await h.app.inject({ method: 'GET', url: `/articles/${article.slug}` });
    expect(page.body).toContain(`<img src="/media/${attrs.mediaId}/w1600.webp"`);
    expect(page.body).not.toContain('127.0.0.1');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data:;");
    expect(csp).not.toMatch(/img-src[^;]*https:/);
  });

  it.each([
    ['http://', () => origin.replace('https:', 'http:') + '/photo.png', /seules les adresses https:\/\/ sont/],
    ['a private address', () => 'https://10.0.0.1/photo.png', /réseau privé ou local/],
    ['a redirect to a private address', () => `${origin}/to-private`, /réseau privé ou local/],
    ['a redirect to http://', () => `${origin}/to-http`, /seules les adresses https:\/\//],
    ['an unknown host', () => 'https://image.invalid/photo.png', /ce site est introuvable/],
    ['a 404', () => `${origin}/missing.png`, /le site a répondu par une erreur \(404\)/],
    ['an HTML page', () => `${origin}/page.html`, /ce n’est pas une image JPEG, PNG, WebP/],
    ['bytes that are no image', () => `${origin}/fake.png`, /ce n’est pas une image lisible/],
    ['too many bytes', () => `${origin}/big.png`, /l’image dépasse 300 ko/],
    ['too many pixels', () => `${origin}/huge.png`, /l’image dépasse 40 mégapixels/],
    ['a server that never answers', () => `${origin}/slow.png`, /le site n’a pas répondu à temps/],
  ])('refuses %s with a French message and keeps the saved article', async (_name, src, reason) => {
    const article = await newArticle(`Refus ${_name}`);
    const res = await save(article, article.version, [paragraph, image(src())]);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe('body.content.1.attrs.src');
    const start = /^Image 1 \(«\u202FLe conseil municipal en séance\u202F»\)\u00A0: impossible de la copier depuis /u;
    expect(error.issues[0].message).toMatch(start);
    expect(error.issues[0].message).toMatch(reason);
    expect(error.issues[0].message).toMatch(/ajoutez-la depuis la médiathèque\.$/);
    expect((await editor.request('GET', `/api/articles/${article.id}`)).json().article.version).toBe(article.version);
  });

  it('downloads at most maxPerSave new images in one save', async () => {
    const article = await newArticle('Trois images');
    const three = [1, 2, 3].map((n) => image(`${origin}/photo.png?n=${n}`, `Photo ${n}`));
    const res = await save(article, article.version, three);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: 'body.content.2.attrs.src' });
    const { message } = res.json().error.issues[0];
    expect(message).toMatch(
      /^Image 3 \(«\u202FPhoto 3\u202F»\)\u00A0: .*2 images extérieures au plus par enregistrement/u,
    );
  });

  it('with the default rule, loopback, private and metadata addresses are refused before any connection', async () => {
    const port = new URL(origin).port;
    const before = hits.get('/photo.png') ?? 0;
    const settings = { ...IMAGE_IMPORT_DEFAULTS, ca: cert, timeoutMs: 2_000 };
    for (const src of [
      `https://localhost:${port}/photo.png`, // resolved first, then refused
      `https://127.0.0.1:${port}/photo.png`,
      `https://[::ffff:127.0.0.1]:${port}/photo.png`,
      `https://2130706433:${port}/photo.png`, // 127.0.0.1 written as one number
      `https://[::1]:${port}/photo.png`,
      'https://169.254.169.254/latest/meta-data/',
      'https://192.168.1.1/photo.png',
      'https://[fd00::1]/photo.png',
    ]) {
      const error = await fetchPublicImage(src, settings).catch((e: unknown) => e);
      expect(error, src).toBeInstanceOf(ImageFetchError);
      expect((error as ImageFetchError).reason, src).toBe('cette adresse mène à un réseau privé ou local');
    }
    expect(hits.get('/photo.png') ?? 0).toBe(before);
    // allowed address, but a certificate nobody vouches for
    const untrusted = { ...IMAGE_IMPORT_DEFAULTS, isAllowedAddress: () => true };
    const refused = { reason: "le certificat HTTPS du site n'est pas valable" };
    await expect(fetchPublicImage(`${origin}/photo.png`, untrusted)).rejects.toMatchObject(refused);
  });
});
