import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom } from '../../api/api-error';
import type { CampaignProgress, CampaignStatus, RecipientCounts } from '@crieur/api';
import i18n from '../../i18n';
import { answer } from '../../test/fake-api';
import {
  LIVE_STATUSES,
  SEGMENTS,
  STATUS_COLORS,
  codeOf,
  formatCount,
  formatDuration,
  formatParisDateTime,
  formatParisShort,
  formatParisTime,
  formatRate,
  formatTimeLeft,
  notReadyProblems,
  paceFrom,
  problemText,
  processedOf,
  progressTotal,
  reasonText,
  segmentValues,
  sendingError,
} from './format';
import { frenchTypography as fr } from '@crieur/content/typography';

const NBSP = '\u00a0';

const t = i18n.getFixedT('fr');
const tEn = i18n.getFixedT('en');
const NNBSP = '\u202f'; // French thousands separator: narrow no-break space

const counts = (partial: Partial<RecipientCounts> = {}): RecipientCounts => ({
  queued: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  uncertain: 0,
  ...partial,
});

const progress = (partial: Partial<CampaignProgress> = {}): CampaignProgress => ({
  status: 'sending',
  recipientCount: 0,
  counts: counts(),
  ratePerSecond: 0,
  secondsLeft: null,
  slowedProviders: [],
  startedAt: null,
  finishedAt: null,
  lastSentAt: null,
  pauseReason: null,
  serverWait: null,
  errors: [],
  ...partial,
});

/** An error as the client builds it from the server's answer. */
const serverError = (status: number, error: Record<string, unknown>) => apiErrorFrom(answer(status, { error }));

describe('statuses', () => {
  it('gives every status a colour', () => {
    const all: CampaignStatus[] = ['draft', 'scheduled', 'held', 'sending', 'paused', 'sent', 'cancelled'];
    for (const status of all) expect(STATUS_COLORS[status], status).toMatch(/^[a-z]+$/);
    expect(STATUS_COLORS.sent).toBe('green');
    expect(STATUS_COLORS.cancelled).toBe('red');
  });

  it('polls only the statuses whose figures move on their own', () => {
    expect([...LIVE_STATUSES].sort()).toEqual(['paused', 'scheduled', 'sending']);
  });
});

describe('segments of the progress bar', () => {
  it('lists sent, failed, skipped, uncertain, then what remains', () => {
    expect(SEGMENTS.map((s) => s.key)).toEqual(['sent', 'failed', 'skipped', 'uncertain', 'remaining']);
  });

  it('counts queued and in-flight rows as remaining', () => {
    expect(segmentValues(counts({ queued: 40, sending: 2, sent: 7, failed: 3, skipped: 1, uncertain: 4 }))).toEqual({
      sent: 7,
      failed: 3,
      skipped: 1,
      uncertain: 4,
      remaining: 42,
    });
  });

  it('takes the frozen recipient count as the whole, or the ledger rows when there are more', () => {
    expect(progressTotal(progress({ recipientCount: 100, counts: counts({ sent: 10, queued: 20 }) }))).toBe(100);
    expect(progressTotal(progress({ recipientCount: 5, counts: counts({ sent: 4, failed: 2, queued: 1 }) }))).toBe(7);
  });

  it('counts as processed the rows that have an outcome, not the queued or in-flight ones', () => {
    expect(processedOf(counts({ queued: 9, sending: 9, sent: 1, failed: 2, skipped: 3, uncertain: 4 }))).toBe(10);
  });
});

describe('numbers', () => {
  it('groups thousands with a narrow no-break space in French, a comma in English', () => {
    expect(formatCount(3355, 'fr')).toBe(`3${NNBSP}355`);
    expect(formatCount(1234567, 'fr')).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatCount(999, 'fr')).toBe('999');
    expect(formatCount(3355, 'en')).toBe('3,355');
  });

  it('shows a rate with one decimal at most, French comma', () => {
    expect(formatRate(12.46, 'fr')).toBe('12,5');
    expect(formatRate(12.46, 'en')).toBe('12.5');
    expect(formatRate(8, 'fr')).toBe('8');
    expect(formatRate(1250.04, 'fr')).toBe(`1${NNBSP}250`);
  });
});

describe('dates in Paris time', () => {
  // 08:41 UTC is 09:41 in Paris in winter (UTC+1), 10:41 in summer (UTC+2)
  it('formats a long date and time in French and English', () => {
    expect(formatParisDateTime('2026-03-12T08:41:00Z', 'fr')).toBe('12 mars 2026 à 09:41');
    expect(formatParisDateTime('2026-07-12T08:41:00Z', 'fr')).toBe('12 juillet 2026 à 10:41');
    expect(formatParisDateTime('2026-03-12T08:41:00Z', 'en')).toBe('12 March 2026 at 09:41');
  });

  it('formats the time with seconds, and a short date for table cells', () => {
    expect(formatParisTime('2026-03-12T09:42:13Z', 'fr')).toBe('10:42:13');
    expect(formatParisShort('2026-03-12T08:41:00Z', 'fr')).toBe('12 mars 2026, 09:41');
  });

  it('reads the Paris day across midnight UTC', () => {
    expect(formatParisShort('2026-12-31T23:30:00Z', 'fr')).toBe('1 janv. 2027, 00:30');
  });

  it('returns null for a missing or unreadable instant', () => {
    for (const format of [formatParisDateTime, formatParisTime, formatParisShort]) {
      expect(format(null, 'fr')).toBeNull();
      expect(format('', 'fr')).toBeNull();
      expect(format('not a date', 'fr')).toBeNull();
    }
  });
});

describe('durations', () => {
  it('says how long is left, rounded to the minute', () => {
    expect(formatTimeLeft(t, 0)).toBe('moins d’une minute');
    expect(formatTimeLeft(t, 59)).toBe('moins d’une minute');
    expect(formatTimeLeft(t, 240)).toBe(fr('environ 4 min'));
    expect(formatTimeLeft(t, 3569)).toBe(fr('environ 59 min'));
    expect(formatTimeLeft(t, 3570)).toBe(`environ 1${NBSP}h${NBSP}0${NBSP}min`);
    expect(formatTimeLeft(t, 4800)).toBe(`environ 1${NBSP}h${NBSP}20${NBSP}min`);
  });

  it('knows nothing of an unknown or infinite time left', () => {
    expect(formatTimeLeft(t, null)).toBeNull();
    expect(formatTimeLeft(t, Number.POSITIVE_INFINITY)).toBeNull();
    expect(formatTimeLeft(t, Number.NaN)).toBeNull();
  });

  it('says how long a finished sending took', () => {
    expect(formatDuration(t, 42.4)).toBe(fr('42 s'));
    expect(formatDuration(t, -3)).toBe(fr('0 s'));
    expect(formatDuration(t, 360)).toBe(fr('6 min'));
    expect(formatDuration(t, 4800)).toBe(`1${NBSP}h${NBSP}20${NBSP}min`);
    expect(formatDuration(t, 7200)).toBe(`2${NBSP}h${NBSP}0${NBSP}min`);
  });
});

describe('errors of the sending actions', () => {
  it('reads the code the server sent: the sending codes are in the shared catalog', async () => {
    for (const code of [
      'CAMPAIGN_STATE',
      'CAMPAIGN_NOT_READY',
      'CAMPAIGN_NOT_EDITABLE',
      'NEWSLETTER_INVALID',
      'SMTP_FAILED',
    ])
      expect(codeOf(await serverError(409, { code, message: 'x' }))).toBe(code);
    expect(codeOf(await serverError(409, { code: 'SOMETHING_NEWER', message: 'New' }))).toBe('INTERNAL');
    expect(codeOf(new ApiError(403, 'FORBIDDEN', 'no'))).toBe('FORBIDDEN');
    expect(codeOf(new Error('boom'))).toBeNull();
  });

  it('reads the problems of a campaign that is not ready, and only of that error', async () => {
    const problems = [{ path: 'subject', message: 'L’objet est vide.' }];
    const notReady = await serverError(422, { code: 'CAMPAIGN_NOT_READY', message: 'Not ready', problems });
    expect(notReadyProblems(notReady)).toEqual(problems);
    expect(notReadyProblems(await serverError(422, { code: 'CAMPAIGN_NOT_READY', message: 'Not ready' }))).toEqual([]);
    expect(notReadyProblems(await serverError(409, { code: 'CAMPAIGN_STATE', message: 'x' }))).toBeNull();
    expect(notReadyProblems(new Error('boom'))).toBeNull();
  });

  it('tells the user what went wrong, in French', async () => {
    expect(sendingError(t, await serverError(409, { code: 'CAMPAIGN_STATE', message: 'x' }))).toMatch(
      /^La campagne a changé d’état entre-temps/,
    );
    expect(sendingError(t, await serverError(422, { code: 'CAMPAIGN_NOT_READY', message: 'x' }))).toMatch(
      /^La newsletter n’est pas prête à partir/,
    );
    const invalid = await serverError(400, {
      code: 'VALIDATION',
      message: 'Invalid',
      issues: [
        { path: 'at', message: 'The date is in the past.' },
        { path: 'at', message: 'Pick a time.' },
      ],
    });
    expect(sendingError(t, invalid)).toBe(
      'Certains champs sont incorrects. Vérifiez le formulaire. The date is in the past. Pick a time.',
    );
    expect(sendingError(t, new ApiError(0, 'NETWORK', 'offline'))).toBe(
      'Impossible de joindre le serveur. Vérifiez votre connexion.',
    );
    expect(sendingError(t, new Error('boom'))).toBe('Une erreur inattendue est survenue. Réessayez dans un instant.');
  });

  it('names where a launch problem is before saying what it is', () => {
    expect(problemText(t, { path: 'blocks.2.title', message: 'le titre est obligatoire' })).toBe(
      fr('Bloc 3 : le titre est obligatoire'),
    );
    expect(problemText(t, { path: 'blocks.0', message: 'bloc inconnu' })).toBe(fr('Bloc 1 : bloc inconnu'));
    expect(problemText(t, { path: 'subject', message: 'vide' })).toBe(fr('Objet : vide'));
    expect(problemText(t, { path: 'preheader', message: 'trop long' })).toBe(fr('Texte d’aperçu : trop long'));
    expect(problemText(t, { path: 'lists', message: 'aucune' })).toBe(fr('Listes : aucune'));
    expect(problemText(t, { path: 'replyTo', message: 'Adresse de réponse invalide' })).toBe(
      'Adresse de réponse invalide',
    );
  });

  it('translates the ledger reasons it knows and keeps a mail server reply as it came', () => {
    expect(reasonText(t, 'no connection')).toBe('pas de connexion au serveur d’envoi');
    expect(reasonText(t, 'worker stopped while sending')).toBe('envoi interrompu par un arrêt du système');
    expect(reasonText(t, 'suppressed')).toBe('adresse sur la liste de suppression');
    expect(reasonText(tEn, 'suppressed')).not.toBe(reasonText(t, 'suppressed'));
    const reply = '550 5.1.1 <camille@example.org>: Recipient address rejected';
    expect(reasonText(t, reply)).toBe(reply);
  });
});

describe('pace of a sending', () => {
  it('is unknown until the polls span a few seconds', () => {
    expect(paceFrom([], 100)).toBeNull();
    expect(paceFrom([{ at: 0, processed: 0 }], 100)).toBeNull();
    expect(
      paceFrom(
        [
          { at: 0, processed: 0 },
          { at: 2_000, processed: 40 },
        ],
        100,
      ),
    ).toBeNull();
  });

  it('measures messages per second and the time left at that pace', () => {
    const pace = paceFrom(
      [
        { at: 0, processed: 0 },
        { at: 1_500, processed: 30 },
        { at: 3_000, processed: 60 },
      ],
      1_000,
    );
    expect(pace).toEqual({ ratePerSecond: 20, secondsLeft: 50 });
  });

  it('rounds the time left up', () => {
    const pace = paceFrom(
      [
        { at: 0, processed: 0 },
        { at: 3_000, processed: 30 },
      ],
      25,
    );
    expect(pace).toEqual({ ratePerSecond: 10, secondsLeft: 3 });
  });

  it('looks only at the last 15 seconds, so a slowdown shows', () => {
    const samples = [
      { at: 0, processed: 0 },
      { at: 10_000, processed: 1_000 }, // fast at first
      { at: 20_000, processed: 1_050 },
      { at: 25_000, processed: 1_100 },
    ];
    // the window starts at 10 s: 100 messages in 15 s
    expect(paceFrom(samples, 200)?.ratePerSecond).toBeCloseTo(100 / 15);
  });

  it('has no time left to announce while nothing moves', () => {
    expect(
      paceFrom(
        [
          { at: 0, processed: 5 },
          { at: 5_000, processed: 5 },
        ],
        10,
      ),
    ).toEqual({ ratePerSecond: 0, secondsLeft: null });
  });
});
