import { describe, expect, it } from 'vitest';
import type { AuditNames } from '@crieur/db';
import { auditRefs, auditSentence, type AuditLine } from './audit-sentences';

const CAMILLE = '11111111-1111-4111-8111-111111111111';
const LEA = '22222222-2222-4222-8222-222222222222';
const NAMELESS = '33333333-3333-4333-8333-333333333333';
const GONE = '44444444-4444-4444-8444-444444444444';
const ARTICLE = '55555555-5555-4555-8555-555555555555';
const LETTER = '66666666-6666-4666-8666-666666666666';
const DRAFT = '77777777-7777-4777-8777-777777777777';

const names: AuditNames = {
  users: new Map([
    [CAMILLE, { name: 'Camille Martin', email: 'camille@icpc.example' }],
    [LEA, { name: 'Léa Dubois', email: 'lea@icpc.example' }],
    [NAMELESS, { name: '', email: 'admin@localhost' }],
  ]),
  articles: new Map([[ARTICLE, { title: 'Le tirage au sort, une idée neuve ?' }]]),
  dossiers: new Map(),
  campaigns: new Map([
    [LETTER, { subject: 'Lettre de mars', kind: 'membres' }],
    [DRAFT, { subject: '', kind: 'democraties' }],
  ]),
  lists: new Map([['adherents', { name: 'Adhérent·es' }]]),
  imports: new Map(),
};

const line = (entry: Partial<AuditLine> & { action: string }): AuditLine => ({
  actorId: null,
  targetType: null,
  targetId: null,
  data: {},
  ip: null,
  ...entry,
});
const say = (entry: Partial<AuditLine> & { action: string }) => auditSentence(line(entry), names);

describe('auditSentence', () => {
  it('lists what an identity or branding save changed, by the Identité page’s words', () => {
    const org = { actorId: CAMILLE, targetType: 'organisation' };
    expect(say({ ...org, action: 'organisation_updated', data: { fields: ['postalAddress', 'logoMediaId'] } })).toBe(
      'Camille Martin a modifié l’identité de l’association (adresse postale, logo)',
    );
    const branding = { actorId: CAMILLE, action: 'newsletter_branding_updated', targetType: 'newsletter' };
    expect(say({ ...branding, targetId: 'democraties', data: { fields: ['accent', 'welcomeText'] } })).toBe(
      'Camille Martin a modifié l’habillage de la lettre de démocratieS (couleur principale, texte de bienvenue)',
    );
  });

  it('names the people of team changes, with the role in words', () => {
    const invite = { action: 'user_invited', actorId: CAMILLE, targetType: 'user', targetId: LEA };
    expect(say({ ...invite, data: { role: 'author' } })).toBe('Camille Martin a invité Léa Dubois (auteur·rice)');
    expect(say({ ...invite, action: 'user_role_changed', data: { from: 'author', to: 'editor' } })).toBe(
      'Camille Martin a changé le rôle de Léa Dubois : auteur·rice → éditeur·rice',
    );
    expect(say({ action: 'invitation_accepted', actorId: LEA, targetType: 'user', targetId: LEA })).toBe(
      'Léa Dubois a rejoint l’équipe (invitation acceptée)',
    );
  });

  it('shows the address of someone without a name, and says when an account is gone', () => {
    expect(say({ action: 'login', actorId: NAMELESS, targetType: 'user', targetId: NAMELESS })).toBe(
      'admin@localhost s’est connecté·e',
    );
    expect(say({ action: 'user_deactivated', actorId: GONE, targetType: 'user', targetId: LEA })).toBe(
      'Un compte supprimé a désactivé le compte de Léa Dubois',
    );
  });

  it('tells failed logins apart without naming unknown addresses', () => {
    expect(say({ action: 'login_failed', data: { reason: 'unknown_email' } })).toBe(
      'Échec de connexion avec une adresse inconnue',
    );
    expect(say({ action: 'login_failed', targetType: 'user', targetId: LEA, data: { reason: 'wrong_password' } })).toBe(
      'Échec de connexion au compte de Léa Dubois : mot de passe erroné',
    );
    expect(say({ action: 'login_ip_throttled', ip: '203.0.113.9', data: { failures: 10 } })).toBe(
      'Adresse IP 203.0.113.9 freinée après 10 échecs de connexion',
    );
  });

  it('names letters by subject, or by kind while they have none, and dates in Paris time', () => {
    const base = { actorId: CAMILLE, targetType: 'campaign' };
    expect(say({ ...base, action: 'campaign_test_sent', targetId: LETTER, data: { count: 1 } })).toBe(
      'Camille Martin a envoyé un test de la lettre des membres « Lettre de mars » (1 message)',
    );
    expect(say({ ...base, action: 'campaign_created', targetId: DRAFT })).toBe(
      'Camille Martin a créé une lettre de démocratieS encore sans objet',
    );
    expect(
      say({ ...base, action: 'campaign_scheduled', targetId: LETTER, data: { at: '2026-03-12T08:41:00.000Z' } }),
    ).toBe('Camille Martin a programmé la lettre des membres « Lettre de mars » pour le 12 mars 2026 à 09:41');
    expect(say({ ...base, action: 'campaign_started', targetId: LETTER, data: { recipients: 3355 } })).toBe(
      `Camille Martin a lancé l’envoi de la lettre des membres « Lettre de mars » à 3\u202f355 destinataires`,
    );
    expect(say({ ...base, action: 'campaign_deleted', targetId: GONE, data: { subject: 'Vieux brouillon' } })).toBe(
      'Camille Martin a supprimé le brouillon « Vieux brouillon »',
    );
  });

  it('names lists and articles', () => {
    expect(say({ action: 'import_started', actorId: LEA, targetType: 'import', data: { list: 'adherents' } })).toBe(
      'Léa Dubois a lancé un import dans la liste « Adhérent·es »',
    );
    expect(say({ action: 'article_published', actorId: LEA, targetType: 'article', targetId: ARTICLE })).toBe(
      'Léa Dubois a publié « Le tirage au sort, une idée neuve ? »',
    );
  });

  it('words an action it does not know, with what it touched, never an id alone', () => {
    const sentence = say({ action: 'article_archived', actorId: CAMILLE, targetType: 'article', targetId: ARTICLE });
    expect(sentence).toBe(
      'Camille Martin : action « article archived » sur l’article « Le tirage au sort, une idée neuve ? »',
    );
    const unknown = say({ action: 'media_purged', targetType: 'media', targetId: GONE });
    expect(unknown).not.toContain(GONE);
    expect(unknown).toBe('Le système : action « media purged » sur un élément (media)');
  });
});

describe('auditRefs', () => {
  it('collects each kind of id once per page, lists by slug and duplicated letters by source', () => {
    const refs = auditRefs([
      line({ action: 'login', actorId: CAMILLE, targetType: 'user', targetId: CAMILLE }),
      line({
        action: 'campaign_duplicated',
        actorId: LEA,
        targetType: 'campaign',
        targetId: DRAFT,
        data: { from: LETTER },
      }),
      line({
        action: 'import_started',
        actorId: LEA,
        targetType: 'import',
        targetId: GONE,
        data: { list: 'adherents' },
      }),
    ]);
    expect(new Set(refs.users)).toEqual(new Set([CAMILLE, LEA]));
    expect(refs.campaigns).toEqual([DRAFT, LETTER]);
    expect(refs.lists).toEqual(['adherents']);
    expect(refs.imports).toEqual([GONE]);
  });
});
