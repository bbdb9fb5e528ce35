// Each role is described in one sentence where it is chosen (the studio's catalog, team.roleHelp): what the
// sentence claims must be what the access table and the editorial workflow really allow.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canCreate, canTransition } from '@crieur/editorial';
import { isAllowed, ROUTE_ACCESS } from '../src/auth/permissions';

const catalog = (lang: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../../studio/src/i18n/${lang}.json`), 'utf8')) as {
    team: { roleHelp: Record<string, string> };
  };
const fr = catalog('fr').team.roleHelp;
const may = (role: 'admin' | 'editor' | 'author' | 'sender', key: keyof typeof ROUTE_ACCESS) =>
  isAllowed(ROUTE_ACCESS[key], role);

describe('the roles described where they are chosen', () => {
  it('gives every role one sentence, in French and English', () => {
    for (const roles of [fr, catalog('en').team.roleHelp]) {
      expect(Object.keys(roles).sort()).toEqual(['admin', 'author', 'editor', 'sender']);
      for (const sentence of Object.values(roles)) expect(sentence).toMatch(/^[A-ZÉ][^.]*\.$/);
    }
  });

  it('admin: manages the team, the settings and the organisation, and does everything else', () => {
    expect(fr.admin).toMatch(/Gère l’équipe, les réglages et l’organisation/);
    for (const key of Object.keys(ROUTE_ACCESS) as (keyof typeof ROUTE_ACCESS)[])
      expect(may('admin', key), key).toBe(true);
    for (const role of ['editor', 'author', 'sender'] as const) {
      expect(may(role, 'POST /api/users/invitations')).toBe(false);
      expect(may(role, 'PUT /api/organisation')).toBe(false);
    }
  });

  it('editor: reviews, schedules and publishes articles and dossiers; no subscribers, no letters', () => {
    expect(fr.editor).toMatch(
      /Relit, programme et publie les articles et les dossiers\s;\sne voit ni les abonné·es ni les lettres/,
    );
    for (const action of ['approve', 'schedule', 'publish'] as const)
      expect(
        canTransition({
          role: 'editor',
          isOwner: false,
          status: action === 'approve' ? 'in_review' : 'approved',
          action,
        }),
      ).toBe(true);
    expect(may('editor', 'POST /api/dossiers')).toBe(true);
    expect(may('editor', 'GET /api/subscribers')).toBe(false);
    expect(may('editor', 'GET /api/campaigns')).toBe(false);
  });

  it('author: writes their own articles and submits them; does not publish', () => {
    expect(fr.author).toMatch(/Écrit ses articles et les envoie en relecture/);
    expect(may('author', 'POST /api/articles')).toBe(true);
    expect(canTransition({ role: 'author', isOwner: true, status: 'draft', action: 'submit' })).toBe(true);
    expect(canTransition({ role: 'author', isOwner: true, status: 'approved', action: 'publish' })).toBe(false);
    expect(may('author', 'POST /api/dossiers')).toBe(false);
  });

  it('sender: composes and sends letters, manages subscribers and imports; writes no article', () => {
    expect(fr.sender).toMatch(
      /Compose et envoie les lettres, gère les abonné·es et les imports\s;\sn’écrit pas d’articles/,
    );
    for (const key of [
      'POST /api/campaigns',
      'POST /api/campaigns/:id/send',
      'POST /api/subscribers',
      'POST /api/imports',
    ] as const)
      expect(may('sender', key), key).toBe(true);
    expect(canCreate('sender')).toBe(false);
  });
});
