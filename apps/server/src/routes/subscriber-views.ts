import type { ImportView, SubscriberDetail } from '@crieur/api';
import type { getSubscriberDetail, ImportRecord } from '@crieur/db';

type Detail = NonNullable<Awaited<ReturnType<typeof getSubscriberDetail>>>;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The studio's view of one subscriber: subscriptions with consent proof, and the event history. */
export function subscriberDetailView(d: Detail): SubscriberDetail {
  return {
    subscriber: {
      id: d.subscriber.id,
      email: d.subscriber.email,
      name: d.subscriber.name,
      locale: d.subscriber.locale,
      createdAt: d.subscriber.createdAt.toISOString(),
      updatedAt: d.subscriber.updatedAt.toISOString(),
      suppression: d.suppression ? { reason: d.suppression.reason, at: d.suppression.createdAt.toISOString() } : null,
    },
    subscriptions: d.subscriptions.map(({ list, sub }) => ({
      list,
      status: sub.status,
      legalBasis: sub.legalBasis,
      consent: sub.consentAt
        ? {
            at: sub.consentAt.toISOString(),
            source: sub.consentSource,
            formId: sub.consentFormId,
            textVersion: sub.consentTextVersion,
            ip: sub.consentIp,
            note: sub.consentNote,
          }
        : null,
      confirmedAt: iso(sub.confirmedAt),
      unsubscribedAt: iso(sub.unsubscribedAt),
    })),
    events: d.events.map(({ e, list, actor }) => ({
      id: e.id,
      at: e.at.toISOString(),
      type: e.type,
      list,
      source: e.source,
      actor,
      data: e.data,
    })),
  };
}

export function importView(i: ImportRecord): ImportView {
  return {
    id: i.id,
    list: i.list,
    status: i.status,
    dryRun: i.dryRun,
    fileName: i.fileName,
    totalBytes: i.totalBytes,
    processedBytes: i.processedBytes,
    rows: i.rows,
    imported: i.imported,
    alreadySubscribed: i.alreadySubscribed,
    skipped: i.skipped,
    problems: i.problems,
    error: i.error,
    startedAt: i.startedAt.toISOString(),
    finishedAt: iso(i.finishedAt),
  };
}
