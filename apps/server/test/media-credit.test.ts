// The credit of an image (photographer, agency, source): saved trimmed at upload and on edit, one line, 200 characters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';

describe('media credit', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-credit-'));
  let h: Harness;
  let editor: Client;
  const upload = async (query: Record<string, string>) => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
    return editor.upload(`/api/media?${new URLSearchParams(query)}`, png, 'image/png');
  };

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is empty unless given, saved trimmed at upload and on edit, and listed with the library', async () => {
    const none = await upload({ alt: 'Une place de village' });
    expect(none.json().media.credit).toBe('');
    const res = await upload({ alt: 'Un marché', credit: '  Photo : Agence Rivière ' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json().media;
    expect(res.json().media.credit).toBe('Photo : Agence Rivière');

    const edited = await editor.request('PATCH', `/api/media/${id}`, { credit: '  Jeanne Martin / CC BY 4.0 ' });
    expect(edited.statusCode).toBe(200);
    // the other fields keep their value
    expect(edited.json().media).toMatchObject({ alt: 'Un marché', caption: '', credit: 'Jeanne Martin / CC BY 4.0' });
    const library = (await editor.request('GET', '/api/media')).json().media as { id: string; credit: string }[];
    expect(library.find((m) => m.id === id)?.credit).toBe('Jeanne Martin / CC BY 4.0');
    // emptied on purpose
    expect((await editor.request('PATCH', `/api/media/${id}`, { credit: '   ' })).json().media.credit).toBe('');
  });

  it('refuses a credit longer than 200 characters or on several lines, in French, and keeps the old one', async () => {
    const { id } = (await upload({ alt: 'Une affiche', credit: 'Mairie de Lyon' })).json().media;
    const long = await editor.request('PATCH', `/api/media/${id}`, { credit: 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues).toEqual([
      { path: 'credit', message: 'Le crédit tient en 200 caractères au plus.' },
    ]);
    const lines = await editor.request('PATCH', `/api/media/${id}`, { credit: 'Photo\nAgence' });
    expect(lines.json().error.issues).toEqual([{ path: 'credit', message: 'Le crédit tient sur une ligne.' }]);
    expect((await upload({ alt: 'Trop long', credit: 'y'.repeat(201) })).statusCode).toBe(400);
    // exactly 200 is fine
    const max = await editor.request('PATCH', `/api/media/${id}`, { credit: 'z'.repeat(200) });
    expect(max.json().media.credit).toHaveLength(200);
    const library = (await editor.request('GET', '/api/media')).json().media as { alt: string }[];
    expect(library.map((m) => m.alt)).not.toContain('Trop long');
  });
});
