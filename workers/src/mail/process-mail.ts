import { UnrecoverableError, type Job } from 'bullmq';
import { hashToken, newToken } from '@crieur/auth';
import { findWelcomeData, prepareConfirmationEmail, type Db } from '@crieur/db';
import { renderConfirmSubscription, renderWelcome } from '@crieur/emails';
import { listDomain, SmtpSendError, type Mailer } from '@crieur/mailer';
import { MailJob } from '@crieur/queue';

export type MailDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  mailFrom: string;
  now: () => Date;
};

export type MailOutcome = { sent: boolean; reason?: string };

/** Turns a mail job (ids only) into one message: reads the address, makes the token, renders, sends. */
export function mailProcessor(deps: MailDeps) {
  const domain = listDomain(deps.publicUrl);
  return async (job: Job<MailJob>): Promise<MailOutcome> => {
    const parsed = MailJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid mail job');
    const data = parsed.data;
    try {
      if (data.type === 'confirm') {
        // the raw token exists only in this email; the database keeps its hash
        const token = newToken();
        const target = await prepareConfirmationEmail(deps.db, { confirmationId: data.confirmationId, tokenHash: hashToken(token), now: deps.now() });
        if (!target) return { sent: false, reason: 'confirmation used, expired or erased' };
        const email = await renderConfirmSubscription({ confirmUrl: `${deps.publicUrl}/confirm/${token}`, lists: target.lists });
        await deps.mailer.send({ kind: 'transactional', to: target.email, from: deps.mailFrom, ...email });
        return { sent: true };
      }
      const welcome = await findWelcomeData(deps.db, data.subscriptionId);
      if (!welcome) return { sent: false, reason: 'subscription no longer confirmed' };
      const unsubscribeUrl = `${deps.publicUrl}/unsubscribe/${welcome.unsubscribeToken}`;
      const email = await renderWelcome({
        listName: welcome.list.name,
        listDescription: welcome.list.description,
        preferencesUrl: `${deps.publicUrl}/preferences/${welcome.preferencesToken}`,
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
      return { sent: true };
    } catch (error) {
      // a permanent SMTP refusal will not change with retries
      if (error instanceof SmtpSendError && error.permanent) throw new UnrecoverableError(`refused by the mail server (${error.code ?? '5xx'})`);
      throw error;
    }
  };
}
