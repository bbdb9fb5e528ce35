import { UnrecoverableError, type Job } from 'bullmq';
import { hashToken, linkTokens, newToken } from '@crieur/auth';
import { findWelcomeData, markConfirmationSent, markWelcomeSent, prepareConfirmationEmail, type Db } from '@crieur/db';
import { renderConfirmSubscription, renderWelcome } from '@crieur/emails';
import { listDomain, SmtpSendError, type Mailer } from '@crieur/mailer';
import { confirmJobId, MailJob, staffMailJobId } from '@crieur/queue';
import { scrubError } from '../redact';
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
        const email = await renderConfirmSubscription({
          confirmUrl: `${deps.publicUrl}/confirm/${token}`,
          lists: target.lists,
        });
        await deps.mailer.send({ kind: 'transactional', to: target.email, from: deps.mailFrom, ...email });
        // stamped once the mail server took it: the 24 h rule and the rebuild count from here
        await markConfirmationSent(deps.db, { confirmationId: data.confirmationId, now: deps.now() });
        return { sent: true };
      }
      if (data.type === 'staff') {
        // as for confirmations: only the job under the row's own id sends it
        if (job.id !== staffMailJobId(data.staffMailId)) return { sent: false, reason: 'not the staff mail job' };
        return await sendStaffMail(deps, data.staffMailId);
      }
      const welcome = await findWelcomeData(deps.db, data.subscriptionId);
      if (!welcome) return { sent: false, reason: 'subscription no longer confirmed' };
      const unsubscribeUrl = `${deps.publicUrl}/unsubscribe/${links.unsubscribe(welcome.subscriptionId)}`;
      const email = await renderWelcome({
        listName: welcome.list.name,
        listDescription: welcome.list.description,
        preferencesUrl: `${deps.publicUrl}/preferences/${links.preferences(welcome.subscriberId)}`,
        unsubscribeUrl,
      });
      await deps.mailer.send({
        kind: 'list',
        to: welcome.email,
        from: deps.mailFrom,
        list: { id: `${welcome.list.slug}.${domain}`, name: welcome.list.name },
        unsubscribe: { url: unsubscribeUrl },
        messageId: `welcome-${data.subscriptionId}@${domain}`,
        ...email,
      });
      await markWelcomeSent(deps.db, { subscriptionId: data.subscriptionId, now: deps.now() });
      return { sent: true };
    } catch (error) {
      // a permanent SMTP refusal will not change with retries
      if (error instanceof SmtpSendError && error.permanent)
        throw new UnrecoverableError(`refused by the mail server (${error.code ?? '5xx'})`);
      throw scrubError(error);
    }
  };
}
