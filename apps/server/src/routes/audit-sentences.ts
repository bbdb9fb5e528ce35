import type { AuditNames, AuditRefs } from '@crieur/db';
import { ROLE_WORDS } from './staff-words';

/** One audit log entry as stored (the `at` and `id` do not change its words). */
export type AuditLine = {
  action: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
};

// a login refused because of the account's state
const FAILED_STATUS_WORDS: Record<string, string> = {
  invited: 'invité·e, sans mot de passe',
  deactivated: 'désactivé',
};

const KIND_WORDS: Record<string, string> = {
  membres: 'lettre des membres',
  adherents: 'lettre des adhérent·es',
  democraties: 'lettre de démocratieS',
};

const RESEND_WORDS: Record<string, string> = {
  failed: 'en échec',
  uncertain: 'incertains',
};

// the fields an identity or branding save changed, as the Identité page names them
const IDENTITY_FIELD_WORDS: Record<string, string> = {
  name: 'nom',
  postalAddress: 'adresse postale',
  senderName: 'nom d’expéditeur',
  senderEmail: 'adresse d’expédition',
  replyTo: 'adresse de réponse',
  logoMediaId: 'logo',
  title: 'titre',
  kicker: 'surtitre',
  tagline: 'sous-titre',
  accent: 'couleur principale',
  tint: 'couleur de fond',
  titleFont: 'police du titre',
  bannerMediaId: 'bannière',
  identity: 'ligne d’identité',
  notice: 'avertissement',
  welcomeText: 'texte de bienvenue',
};

// the legal pages and the parts of them a save changed, as the « Pages légales » page names them
const LEGAL_PAGE_WORDS: Record<string, string> = {
  'mentions-legales': 'Mentions légales',
  confidentialite: 'Politique de confidentialité',
  contact: 'Contact',
};
const LEGAL_FIELD_WORDS: Record<string, string> = {
  title: 'titre',
  body: 'texte libre',
  publisher: 'éditeur',
  legalStatus: 'statut juridique',
  address: 'adresse',
  registration: 'numéro RNA ou SIREN',
  director: 'direction de la publication',
  email: 'adresse e-mail',
  phone: 'téléphone',
  hostName: 'hébergeur',
  hostAddress: 'adresse de l’hébergeur',
  hostPhone: 'téléphone de l’hébergeur',
  controller: 'responsable du traitement',
  privacyEmail: 'adresse pour les données personnelles',
  dpo: 'délégué·e à la protection des données',
  intro: 'texte d’accueil',
};

// a contribution by its kind, as the « Contributions » page names them
const PROPOSAL_WORDS: Record<string, string> = {
  event: 'une proposition d’événement',
  job: 'une offre d’emploi proposée',
  news: 'une actualité d’adhérent·e proposée',
};
const proposal = (kind: unknown) => PROPOSAL_WORDS[typeof kind === 'string' ? kind : ''] ?? 'une proposition';

const fieldWords = (fields: unknown, words: Record<string, string>) =>
  (Array.isArray(fields) ? fields : []).map((f) => words[String(f)] ?? String(f)).join(', ') || 'sans changement';

const parisDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

const quoted = (text: string) => `« ${text} »`;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

function dateWords(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : parisDate.format(date);
}

/** Every id a page of entries names, by kind, for `auditNames` to resolve in one query per kind. */
export function auditRefs(entries: readonly AuditLine[]): AuditRefs {
  const refs = { users: [], articles: [], dossiers: [], campaigns: [], lists: [], imports: [] } as {
    [K in keyof AuditRefs]: string[];
  };
  const byType: Record<string, keyof AuditRefs> = {
    user: 'users',
    article: 'articles',
    dossier: 'dossiers',
    campaign: 'campaigns',
    list: 'lists',
    import: 'imports',
  };
  for (const e of entries) {
    if (e.actorId) refs.users.push(e.actorId);
    const kind = e.targetType ? byType[e.targetType] : undefined;
    if (kind && e.targetId) refs[kind].push(e.targetId);
    const from = str(e.data.from);
    if (e.action === 'campaign_duplicated' && from) refs.campaigns.push(from);
    const list = str(e.data.list);
    if (list) refs.lists.push(list);
  }
  return refs;
}

/** The entry in one French sentence, names resolved; an unknown action still reads as words, never an id alone. */
export function auditSentence(e: AuditLine, names: AuditNames): string {
  const person = (id: string | null | undefined) => {
    if (!id) return 'une personne inconnue';
    const user = names.users.get(id);
    if (!user) return 'un compte supprimé';
    return user.name.trim() || user.email;
  };
  // the actor opens the sentence: its stand-ins take a capital
  const actor = !e.actorId ? 'Le système' : names.users.has(e.actorId) ? person(e.actorId) : 'Un compte supprimé';
  const target = e.targetType === 'user' ? person(e.targetId) : undefined;
  const role = (value: unknown) => ROLE_WORDS[str(value) ?? ''] ?? 'rôle inconnu';
  const letter = (id: string | null | undefined) => {
    const campaign = id ? names.campaigns.get(id) : undefined;
    if (!campaign) return 'une lettre supprimée';
    const kind = KIND_WORDS[campaign.kind] ?? 'lettre';
    return campaign.subject.trim() ? `la ${kind} ${quoted(campaign.subject.trim())}` : `une ${kind} encore sans objet`;
  };
  const list = (slug: unknown) => {
    const s = str(slug);
    if (!s) return 'une liste';
    return `la liste ${quoted(names.lists.get(s)?.name ?? s)}`;
  };
  const title = (kind: 'articles' | 'dossiers', id: string | null) => {
    const found = id ? names[kind].get(id) : undefined;
    if (found) return quoted(found.title.trim() || 'sans titre');
    return kind === 'articles' ? 'un article supprimé' : 'un dossier supprimé';
  };
  const article = () => title('articles', e.targetId);
  const dossier = () => title('dossiers', e.targetId);
  const d = e.data;

  switch (e.action) {
    case 'login':
      return `${actor} s’est connecté·e`;
    case 'logout':
      return `${actor} s’est déconnecté·e`;
    case 'login_failed':
      return loginFailed(str(d.reason), target);
    case 'login_locked':
      return `Connexions au compte de ${target ?? 'une personne inconnue'} freinées après ${plural(
        num(d.failures) ?? 0,
        'échec',
        'échecs',
      )}${dateWords(d.lockedUntil) ? ` (jusqu’au ${dateWords(d.lockedUntil)})` : ''}`;
    case 'login_ip_throttled':
      return `Adresse IP ${e.ip ?? 'inconnue'} freinée après ${plural(num(d.failures) ?? 0, 'échec', 'échecs')} de connexion`;
    case 'user_created':
      return d.via === 'cli'
        ? `Compte de ${target} (${role(d.role)}) créé en ligne de commande`
        : `${actor} a créé le compte de ${target} (${role(d.role)})`;
    case 'user_invited':
      return `${actor} a invité ${target} (${role(d.role)})`;
    case 'invitation_resent':
      return `${actor} a renvoyé l’invitation de ${target}`;
    case 'invitation_accepted':
      return `${target} a rejoint l’équipe (invitation acceptée)`;
    case 'user_role_changed':
      return `${actor} a changé le rôle de ${target} : ${role(d.from)} → ${role(d.to)}`;
    case 'user_deactivated':
      return `${actor} a désactivé le compte de ${target}`;
    case 'user_reactivated':
      return `${actor} a réactivé le compte de ${target}`;
    case 'password_reset_requested':
      return `Lien de réinitialisation du mot de passe demandé pour ${target ?? 'un compte'}`;
    case 'password_reset':
    case 'password_reset_completed':
    case 'password_changed':
      return `${target ?? actor} a choisi un nouveau mot de passe`;
    case 'organisation_renamed':
      return `${actor} a nommé l’organisation ${quoted(str(d.to) ?? '')}`;
    case 'organisation_updated':
      return `${actor} a modifié l’identité de l’association (${fieldWords(d.fields, IDENTITY_FIELD_WORDS)})`;
    case 'embed_origins_updated':
      return `${actor} a modifié les sites autorisés à intégrer le formulaire d’abonnement`;
    case 'newsletter_branding_updated':
      return `${actor} a modifié l’habillage de la ${KIND_WORDS[e.targetId ?? ''] ?? 'lettre'} (${fieldWords(
        d.fields,
        IDENTITY_FIELD_WORDS,
      )})`;
    case 'legal_page_updated':
      return `${actor} a modifié la page ${quoted(LEGAL_PAGE_WORDS[e.targetId ?? ''] ?? 'légale')} (${fieldWords(
        d.fields,
        LEGAL_FIELD_WORDS,
      )})`;
    case 'subscriber_erased':
      return `${actor} a effacé les données d’un·e abonné·e (droit à l’effacement)`;
    case 'list_exported':
      return `${actor} a exporté ${list(e.targetId)}`;
    case 'import_started':
      return `${actor} a lancé ${d.dryRun === true ? 'un essai d’import' : 'un import'} dans ${list(d.list)}`;
    case 'campaign_created':
      return `${actor} a créé ${letter(e.targetId)}`;
    case 'campaign_edited':
      return `${actor} a modifié ${letter(e.targetId)}`;
    case 'campaign_duplicated':
      return `${actor} a dupliqué ${letter(str(d.from))}`;
    case 'campaign_deleted':
      return `${actor} a supprimé le brouillon ${str(d.subject)?.trim() ? quoted(str(d.subject)!.trim()) : 'sans objet'}`;
    case 'campaign_test_sent':
      return `${actor} a envoyé un test de ${letter(e.targetId)} (${plural(num(d.count) ?? 0, 'message', 'messages')})`;
    case 'campaign_started':
      return `${actor} a lancé l’envoi de ${letter(e.targetId)}${
        num(d.recipients) !== undefined ? ` à ${plural(num(d.recipients)!, 'destinataire', 'destinataires')}` : ''
      }${typeof d.despite === 'string' ? `, malgré\u00a0: ${d.despite}` : ''}`;
    case 'campaign_scheduled':
      return `${actor} a programmé ${letter(e.targetId)}${dateWords(d.at) ? ` pour le ${dateWords(d.at)}` : ''}`;
    case 'campaign_unscheduled':
      return `${actor} a déprogrammé ${letter(e.targetId)}`;
    case 'campaign_paused':
      return `${actor} a mis en pause l’envoi de ${letter(e.targetId)}`;
    case 'campaign_resumed':
      return `${actor} a repris l’envoi de ${letter(e.targetId)}`;
    case 'campaign_auto_paused':
      return `${actor} a suspendu l’envoi de ${letter(e.targetId)} : ${plural(num(d.hardBounces) ?? 0, 'adresse refusée', 'adresses refusées')} sur les ${num(d.processed) ?? 0} premières`;
    case 'campaign_held':
      return `${actor} a retenu l’envoi programmé de ${letter(e.targetId)}${str(d.reason) ? ` : ${str(d.reason)}` : ''}`;
    case 'campaign_cancelled':
      return `${actor} a annulé l’envoi de ${letter(e.targetId)}`;
    case 'campaign_resent':
      return `${actor} a relancé ${plural(num(d.rows) ?? 0, 'envoi', 'envois')} ${
        RESEND_WORDS[str(d.which) ?? ''] ?? ''
      } de ${letter(e.targetId)}`.replace(/ {2,}/g, ' ');
    case 'article_created':
      return `${actor} a créé l’article ${article()}`;
    case 'article_submitted':
      return `${actor} a envoyé ${article()} en relecture`;
    case 'article_withdrawn':
      return `${actor} a retiré ${article()} de la relecture`;
    case 'article_update_submitted':
      return `${actor} a proposé des modifications de ${article()}`;
    case 'article_unscheduled':
      return `${actor} a déprogrammé ${article()}`;
    case 'article_changes_requested':
      return `${actor} a demandé des modifications sur ${article()}`;
    case 'article_approved':
      return `${actor} a approuvé ${article()}`;
    case 'article_scheduled':
      return `${actor} a programmé ${article()}${dateWords(d.at) ? ` pour le ${dateWords(d.at)}` : ''}`;
    case 'article_published':
      return `${actor} a publié ${article()}`;
    case 'article_updated':
      return `${actor} a mis à jour la version en ligne de ${article()}`;
    case 'article_unpublished':
      return `${actor} a retiré ${article()} du site`;
    case 'dossier_created':
      return `${actor} a créé le dossier ${dossier()}`;
    case 'dossier_published':
      return `${actor} a publié le dossier ${dossier()}`;
    case 'dossier_scheduled':
      return `${actor} a programmé le dossier ${dossier()}${dateWords(d.at) ? ` pour le ${dateWords(d.at)}` : ''}`;
    case 'dossier_unscheduled':
      return `${actor} a déprogrammé le dossier ${dossier()}`;
    case 'dossier_updated':
      return `${actor} a mis à jour la version en ligne du dossier ${dossier()}`;
    case 'dossier_unpublished':
      return `${actor} a retiré le dossier ${dossier()} du site`;
    // no title: the proposal is the proposer's text, erased 90 days after a refusal; the log outlives it
    case 'contribution_edited':
      return `${actor} a modifié ${proposal(d.kind)}`;
    case 'contribution_accepted':
      return `${actor} a accepté ${proposal(d.kind)}${dateWords(d.at) ? `, en ligne le ${dateWords(d.at)}` : ''}`;
    case 'contribution_changes_requested':
      return `${actor} a demandé des modifications sur ${proposal(d.kind)}`;
    case 'contribution_refused':
      return `${actor} a ${d.from === 'accepted' ? 'retiré du site' : 'refusé'} ${proposal(d.kind)}`;
    default:
      return genericSentence(e, actor, target, names);
  }
}

function loginFailed(reason: string | undefined, target: string | undefined): string {
  if (reason === 'unknown_email' || !target) return 'Échec de connexion avec une adresse inconnue';
  if (reason === 'wrong_password') return `Échec de connexion au compte de ${target} : mot de passe erroné`;
  if (reason === 'locked') return `Connexion refusée au compte de ${target} : trop d’échecs récents depuis ailleurs`;
  if (reason === 'lock_started') return `Échec de connexion au compte de ${target}, qui est freiné un moment`;
  const status = FAILED_STATUS_WORDS[reason ?? ''];
  return status
    ? `Tentative de connexion au compte de ${target} (${status})`
    : `Échec de connexion au compte de ${target}`;
}

const TARGET_WORDS: Record<string, string> = {
  user: 'le compte de',
  article: 'l’article',
  dossier: 'le dossier',
  campaign: '',
  list: 'la liste',
  import: 'un import',
  subscriber: 'un·e abonné·e',
};

// an action this table does not know yet: its name in words, and what it touched by name
function genericSentence(e: AuditLine, actor: string, target: string | undefined, names: AuditNames): string {
  const what = e.action.replace(/_/g, ' ');
  let on = '';
  if (target) on = `${TARGET_WORDS.user} ${target}`;
  else if (e.targetType === 'article' || e.targetType === 'dossier') {
    const found = e.targetId ? names[e.targetType === 'article' ? 'articles' : 'dossiers'].get(e.targetId) : undefined;
    on = `${TARGET_WORDS[e.targetType]} ${found ? quoted(found.title) : 'supprimé'}`;
  } else if (e.targetType === 'campaign') {
    const c = e.targetId ? names.campaigns.get(e.targetId) : undefined;
    on = c?.subject.trim() ? `la lettre ${quoted(c.subject.trim())}` : 'une lettre';
  } else if (e.targetType === 'list' && e.targetId) {
    on = `la liste ${quoted(names.lists.get(e.targetId)?.name ?? e.targetId)}`;
  } else if (e.targetType) on = TARGET_WORDS[e.targetType] ?? `un élément (${e.targetType})`;
  return `${actor} : action ${quoted(what)}${on ? ` sur ${on}` : ''}`;
}
