// What the system really keeps about readers, for how long and why: the privacy page's generated part.
// Every figure comes from the constant or setting the code applies, so changing the code changes the page.
import { frenchOf } from '@crieur/content';
import { SESSION_MAX_DAYS, SUBSCRIBE_WINDOWS } from '@crieur/db';
import { CONTRIBUTION_ERASE_DAYS, UNCONFIRMED_ERASE_DAYS } from '@crieur/api/enums/contributions';
import { DEPARTED_SUBSCRIBER_ERASE_YEARS, UNCONFIRMED_SUBSCRIBER_ERASE_DAYS } from '@crieur/api/enums/subscribers';
import { PROPOSER_LINK_VALID_DAYS } from '@crieur/db';
import { PROPOSE_TEXT_VERSION } from './propose-page';
import { SUBSCRIBE_TEXT_VERSION } from './subscribe-page';

export type PrivacyList = {
  name: string;
  visibility: 'public' | 'private';
  legalBasis: 'consent' | 'legitimate_interest';
};

export type PrivacyFactsInput = {
  /** the association (controller unless the page names another) */
  organisationName: string;
  /** every list, as the database holds them: the purposes and legal bases come from them */
  lists: readonly PrivacyList[];
  /** the host of SMTP_URL; null when no mail server is set (messages stay on the server, in the outbox) */
  smtpHost: string | null;
  /** how long an idle staff session lives (the server's setting) */
  staffSessionIdleMs: number;
  /** the page's fields: controller, privacyEmail, dpo; and the host named in the mentions légales */
  controller?: string;
  privacyEmail?: string;
  dpo?: string;
  hostName?: string;
};

/** A paragraph, or a list item, made of text and at most one link. */
export type PrivacyLine = string | { text: string; link: { href: string; label: string }; after?: string };
export type PrivacySection = { id: string; heading: string; paragraphs: PrivacyLine[]; items?: PrivacyLine[] };

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** « 7 jours », « 24 heures », « 30 minutes »: a duration as readers say it (the largest whole unit from 2 days). */
export function durationWords(ms: number): string {
  const unit = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
  // « 24 heures » reads better than « 1 jour » for a one-day window
  if (ms >= 2 * DAY && ms % DAY === 0) return unit(ms / DAY, 'jour', 'jours');
  if (ms >= HOUR && ms % HOUR === 0) return unit(ms / HOUR, 'heure', 'heures');
  return unit(Math.max(1, Math.round(ms / 60_000)), 'minute', 'minutes');
}

/** « 3 ans », « 1 an ». */
export function yearsWords(years: number): string {
  return `${years.toLocaleString('fr-FR')} ${years > 1 ? 'ans' : 'an'}`;
}

/** The figures the page shows, each from the value the code applies (the tests compare them). */
export function privacyFigures(input: Pick<PrivacyFactsInput, 'staffSessionIdleMs'>) {
  return {
    confirmationLink: durationWords(SUBSCRIBE_WINDOWS.confirmationTtlMs),
    confirmationResend: durationWords(SUBSCRIBE_WINDOWS.resendAfterMs),
    staffSessionIdle: durationWords(input.staffSessionIdleMs),
    staffSessionMax: durationWords(SESSION_MAX_DAYS * DAY),
    unconfirmedErase: durationWords(UNCONFIRMED_SUBSCRIBER_ERASE_DAYS * DAY),
    departedErase: yearsWords(DEPARTED_SUBSCRIBER_ERASE_YEARS),
  };
}

/** The « Proposer » page's figures, each from the constant its code applies (issue 17). */
export function proposalFigures() {
  return {
    unconfirmed: durationWords(UNCONFIRMED_ERASE_DAYS * DAY),
    closed: durationWords(CONTRIBUTION_ERASE_DAYS * DAY),
    link: durationWords(PROPOSER_LINK_VALID_DAYS * DAY),
  };
}

const quoted = (text: string) => `« ${text} »`;

function purpose(list: PrivacyList): string {
  if (list.legalBasis === 'consent')
    return (
      `${quoted(list.name)} : vous envoyer cette lettre. Base légale : votre consentement (RGPD, art. 6.1.a), ` +
      `que vous pouvez retirer à tout moment.`
    );
  return (
    `${quoted(list.name)} : informer les adhérent·es de la vie de l’association ; l’équipe y inscrit ` +
    `elle-même ses adhérent·es. Base légale : l’intérêt légitime de l’association envers ses membres (RGPD, ` +
    `art. 6.1.f) ; vous pouvez vous y opposer à tout moment.`
  );
}

/** The generated sections of the privacy page, in reading order. */
export function privacyFacts(input: PrivacyFactsInput): PrivacySection[] {
  const f = privacyFigures(input);
  const proposals = proposalFigures();
  const controller = input.controller?.trim() || input.organisationName;
  const write = input.privacyEmail?.trim();
  const mailto = write ? { href: `mailto:${write}`, label: write } : null;
  return [
    {
      id: 'responsable',
      heading: 'Qui est responsable de vos données',
      paragraphs: [
        `${controller} est responsable du traitement des données de ses lettres et de ce site.`,
        ...(input.dpo?.trim() ? [`Délégué·e à la protection des données : ${input.dpo.trim()}.`] : []),
        ...(mailto ? [{ text: 'Pour toute question sur vos données, écrivez à ', link: mailto, after: '.' }] : []),
      ],
    },
    {
      id: 'donnees',
      heading: 'Ce que nous enregistrons',
      paragraphs: ['Seulement quand vous vous abonnez à une lettre :'],
      items: [
        'votre adresse e-mail et, si vous l’indiquez, votre nom ;',
        'les lettres que vous avez choisies et, pour chacune, son état (en attente, confirmée, désinscrite) ;',
        `la preuve de votre consentement : la date, le formulaire, la version du texte que vous avez ` +
          `accepté (${SUBSCRIBE_TEXT_VERSION}) et l’adresse IP depuis laquelle vous avez demandé puis ` +
          `confirmé l’inscription ;`,
        'l’historique de vos inscriptions et désinscriptions (date, lettre, origine de la demande) ;',
        'pour chaque lettre envoyée, un relevé d’envoi (quelle lettre, quand, la réponse du serveur de ' +
          'messagerie), pour ne jamais vous l’envoyer deux fois ;',
        'si votre adresse refuse définitivement nos messages ou si vous signalez une lettre comme ' +
          'indésirable : une empreinte (hachage) de l’adresse, pour ne plus jamais vous écrire.',
      ],
    },
    {
      id: 'pas-de-suivi',
      heading: 'Ce que nous n’enregistrons pas',
      paragraphs: [],
      items: [
        'aucun suivi d’ouverture ni de clic : nos lettres ne contiennent ni pixel espion ni lien de redirection ;',
        'aucun cookie sur les pages publiques de ce site, aucun outil de mesure d’audience, aucun service ' +
          'd’un autre site : polices, images et styles viennent de notre propre serveur ;',
        'nos journaux techniques n’enregistrent ni votre adresse IP ni votre adresse e-mail ; pour freiner ' +
          'les abus, le serveur compte brièvement les demandes par adresse IP, en mémoire, sans les écrire ' +
          'dans notre base ;',
        'nous ne vendons, ne louons ni ne prêtons votre adresse.',
      ],
    },
    {
      id: 'finalites',
      heading: 'Pourquoi, et sur quelle base légale',
      paragraphs: [],
      items: [
        ...input.lists.map(purpose),
        'La preuve de votre consentement : pouvoir démontrer que vous l’avez donné (RGPD, art. 7.1).',
        'L’empreinte des adresses refusées ou qui se sont plaintes : ne plus jamais leur écrire (intérêt légitime).',
      ],
    },
    {
      id: 'durees',
      heading: 'Combien de temps',
      paragraphs: [],
      items: [
        `Demande d’inscription : le lien de confirmation reste valable ${f.confirmationLink} ; nous ` +
          `envoyons au plus un e-mail de confirmation par période de ${f.confirmationResend}. Une demande ` +
          `jamais confirmée n’entraîne l’envoi d’aucune lettre ; elle est effacée automatiquement ` +
          `${f.unconfirmedErase} après la dernière : si vous n’avez confirmé aucune lettre, votre adresse et tout ce qui s’y rattache ` +
          `sont alors supprimés, sans même garder d’empreinte.`,
        'Abonnement : vos données sont conservées tant que vous êtes inscrit·e.',
        `Après une désinscription : votre adresse et la preuve de votre consentement restent enregistrées, ` +
          `pour respecter votre choix et pouvoir le prouver. Si vous n’êtes plus inscrit·e à aucune lettre, ` +
          `elles sont effacées ${f.departedErase} après votre dernière action (désinscription, confirmation ou ` +
          `changement de vos lettres) ; seule une empreinte de l’adresse est gardée, pour que l’équipe ne ` +
          `puisse pas vous réinscrire par erreur. Vous pouvez demander l’effacement plus tôt.`,
        'Effacement : immédiat. Votre adresse, votre nom, vos abonnements et leurs preuves sont supprimés ; ' +
          'seule une empreinte de l’adresse est gardée pour ne plus vous écrire, et elle disparaît si vous ' +
          'vous réabonnez. L’historique ne garde alors qu’un identifiant tiré au hasard, sans lien avec vous, ' +
          'pour compter les abonnements.',
        'Adresses refusées ou qui se sont plaintes : leur empreinte est conservée sans limite de durée.',
        'Relevés d’envoi et historique des inscriptions : conservés sans limite de durée, sans votre ' +
          'adresse une fois vos données effacées.',
      ],
    },
    {
      id: 'propositions',
      heading: 'Si vous nous proposez une annonce',
      paragraphs: [
        'Quand vous proposez un événement, une offre d’emploi ou de stage ou une actualité depuis la page ' +
          '« Proposer », nous enregistrons :',
      ],
      items: [
        'ce que vous avez écrit dans le formulaire et, si vous en envoyez une, l’image (sans ses métadonnées) ;',
        'votre nom et votre adresse e-mail, qui ne sont jamais publiés : l’équipe s’en sert seulement pour vous ' +
          'écrire au sujet de votre proposition ;',
        `la preuve de votre accord pour être contacté·e à ce sujet : la date, la version du texte accepté ` +
          `(${PROPOSE_TEXT_VERSION}) et l’adresse IP depuis laquelle vous l’avez envoyée (RGPD, art. 6.1.a et 7.1) ;`,
        'l’historique de la proposition (confirmation, décisions de l’équipe, modifications, retrait) ;',
        'pour une actualité d’adhérent·e : nous vérifions que l’adresse est inscrite à la lettre des adhérent·es.',
        `Une proposition jamais confirmée est effacée au bout de ${proposals.unconfirmed} ; une proposition ` +
          `refusée ou retirée, ${proposals.closed} après. Une annonce publiée reste en ligne jusqu’à ce que vous ` +
          `la retiriez. Le lien de nos e-mails, qui permet de voir, modifier ou retirer vos propositions, reste ` +
          `valable ${proposals.link} ; nous envoyons au plus un e-mail de confirmation par adresse et par jour.`,
      ],
    },
    {
      id: 'destinataires',
      heading: 'Qui y a accès',
      paragraphs: [
        `Seule l’équipe ${frenchOf(input.organisationName)} y a accès ; nous ne transmettons vos données à personne.`,
        input.smtpHost
          ? `Nos lettres partent par le serveur d’envoi ${input.smtpHost}, qui reçoit votre adresse pour vous ` +
            `les remettre.`
          : 'Aucun prestataire d’envoi n’est configuré : les messages sont préparés et gardés sur notre ' +
            'propre serveur.',
        ...(input.hostName?.trim() ? [`Le site et ses données sont hébergés par ${input.hostName.trim()}.`] : []),
      ],
    },
    {
      id: 'droits',
      heading: 'Vos droits, et comment les exercer',
      paragraphs: [
        'Vous avez le droit d’accéder à vos données, de les faire rectifier ou effacer, de vous opposer à ' +
          'leur traitement, d’en limiter l’usage, d’en recevoir une copie dans un format lisible par une ' +
          'machine (portabilité) et de retirer votre consentement à tout moment.',
      ],
      items: [
        'En bas de chaque lettre, le lien « Se désinscrire » vous retire de cette lettre en un clic.',
        'Le lien « Gérer mes préférences », en bas de chaque lettre, permet de choisir vos lettres, de ' +
          'télécharger toutes vos données (« Télécharger mes données ») et de les effacer (« Effacer mes ' +
          'données »), sans rien nous demander.',
        mailto
          ? {
              text: 'Pour tout le reste, ou si vous n’avez plus de lettre sous la main, écrivez à ',
              link: mailto,
              after: ' : nous répondons dans un délai d’un mois.',
            }
          : 'Pour tout le reste, écrivez-nous (voir la page Contact) : nous répondons dans un délai d’un mois.',
        {
          text:
            'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la ' +
            'CNIL : ',
          link: { href: 'https://www.cnil.fr/fr/plaintes', label: 'www.cnil.fr' },
          after: '.',
        },
      ],
    },
    {
      id: 'equipe',
      heading: 'Pour les membres de l’équipe',
      paragraphs: [
        `L’espace de l’équipe utilise un cookie de session : il expire après ${f.staffSessionIdle} sans ` +
          `activité, et au plus tard ${f.staffSessionMax} après la connexion. Les actions de l’équipe ` +
          `(connexions, envois, modifications) sont inscrites dans un journal, avec l’adresse IP, conservé ` +
          `sans limite de durée pour la sécurité du service.`,
      ],
    },
  ];
}
