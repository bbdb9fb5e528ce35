import { UnrecoverableError, type Job } from 'bullmq';
import { hashToken, linkTokens, newToken } from '@crieur/auth';
import { findWelcomeData, markConfirmationSent, markWelcomeSent, prepareConfirmationEmail, type Db } from '@crieur/db';
import { renderConfirmSubscription, renderWelcome } from '@crieur/emails';
import { listDomain, SmtpSendError, type Mailer } from '@crieur/mailer';
import { confirmJobId, contributionMailJobId, MailJob, staffMailJobId, welcomeJobId } from '@crieur/queue';
import { readBranding } from '@crieur/sending';
import { readSender } from './mail-identity';
import { scrubError } from '../redact';
import { sendContributionMail } from './contribution-mail';
import { sendStaffMail } from './staff-mail';

export type MailDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  /** derived from APP_SECRET: the welcome's unsubscribe and preferences links are signed */
  linkKey: Buffer;
  mailFrom: string;
  now: () => Date;
};

export type MailOutcome = { sent: boolean; reason?: string };

/** Turns a mail job (ids only) into one message: reads the address, makes the token, renders, sends. */
export function mailProcessor(deps: MailDeps) {
  const domain = listDomain(deps.publicUrl);
  const links = linkTokens(deps.linkKey);
  return async (job: Job<MailJob>): Promise<MailOutcome> => {
    const parsed = MailJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid mail job');
    const data = parsed.data;
    try {
      if (data.type === 'confirm') {
        // only the job under the confirmation's own id sends it, so two jobs never race to send one email
        if (job.id !== confirmJobId(data.confirmationId)) return { sent: false, reason: 'not the confirmation job' };
        // the raw token exists only in this email; the database keeps its hash
        const token = newToken();
        const target = await prepareConfirmationEmail(deps.db, {
          confirmationId: data.confirmationId,
          tokenHash: hashToken(token),
          now: deps.now(),
        });
        if (!target) return { sent: false, reason: 'confirmation used, expired or erased' };
        const { identity, sender } = await readSender(deps);
        const email = await renderConfirmSubscription({
          identity,
          confirmUrl: `${deps.publicUrl}/confirm/${token}`,
          lists: target.lists,
        });
        await deps.mailer.send({ kind: 'transactional', to: target.email, ...sender, ...email });
        // stamped once the mail server took it: the 24 h rule and the rebuild count from here
        await markConfirmationSent(deps.db, { confirmationId: data.confirmationId, now: deps.now() });
        return { sent: true };
      }
      if (data.type === 'staff') {
        // as for confirmations: only the job under the row's own id sends it
        if (job.id !== staffMailJobId(data.staffMailId)) return { sent: false, reason: 'not the staff mail job' };
        return await sendStaffMail(deps, data.staffMailId);
      }
      if (data.type === 'contribution') {
        // as for staff mail: only the job under the row's own id sends it
        if (job.id !== contributionMailJobId(data.contributionMailId))
          return { sent: false, reason: 'not the contribution mail job' };
        return await sendContributionMail(deps, data.contributionMailId);
      }
      // one welcome per confirmation click, whatever number of jobs point at it
      if (job.id !== welcomeJobId(data.subscriberId, data.dueAt)) return { sent: false, reason: 'not the welcome job' };
      const welcome = await findWelcomeData(deps.db, { subscriberId: data.subscriberId, dueAt: new Date(data.dueAt) });
      if (!welcome) return { sent: false, reason: 'no list left to welcome' };
      const [first] = welcome.lists as [(typeof welcome.lists)[number]];
      const branding = first.newsletterKind ? await readBranding(deps.db, first.newsletterKind, deps) : null;
      const { identity, sender } = await readSender(deps);
      const unsubscribeUrl = (subscriptionId: string) =>
        `${deps.publicUrl}/unsubscribe/${links.unsubscribe(subscriptionId)}`;
      const email = await renderWelcome({
        identity,
        // the first list's newsletter look; a list without a newsletter wears the association's plain identity
        brand: branding && {
          title: branding.title,
          accent: branding.accent,
          titleFont: branding.titleFont === 'serif' ? 'serif' : 'sans',
          banner: branding.banner,
          welcomeText: branding.welcomeText,
        },
        lists: welcome.lists.map((list) => ({ ...list, unsubscribeUrl: unsubscribeUrl(list.subscriptionId) })),
        preferencesUrl: `${deps.publicUrl}/preferences/${links.preferences(welcome.subscriberId)}`,
      });
      // RFC 2919 gives a message one List-Id: the first list's, whose one-click link the header carries;
      // the body has one unsubscribe link per list and the preferences page
      await deps.mailer.send({
        kind: 'list',
        to: welcome.email,
        ...sender,
        list: { id: `${first.slug}.${domain}`, name: first.name },
        unsubscribe: { url: unsubscribeUrl(first.subscriptionId) },
        messageId: `welcome-${data.subscriberId}-${new Date(data.dueAt).getTime()}@${domain}`,
        ...email,
      });
      const subscriptionIds = welcome.lists.map((list) => list.subscriptionId);
      await markWelcomeSent(deps.db, { subscriptionIds, now: deps.now() });
      return { sent: true };
    } catch (error) {
      // a permanent SMTP refusal will not change with retries
      if (error instanceof SmtpSendError && error.permanent)
        throw new UnrecoverableError(`refused by the mail server (${error.code ?? '5xx'})`);
      throw scrubError(error);
    }
  };
}
