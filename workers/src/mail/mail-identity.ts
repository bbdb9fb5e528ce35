// Every email the mail worker sends shows the association's identity and comes from its default sender.
import type { Db } from '@crieur/db';
import type { EmailIdentity } from '@crieur/emails';
import { senderOf, type Sender } from '@crieur/mailer';
import { readIdentity } from '@crieur/sending';

/** Read at each email: a change in the studio's settings shows in the next one, no restart. */
export async function readSender(deps: {
  db: Db;
  publicUrl: string;
  mailFrom: string;
}): Promise<{ identity: EmailIdentity; sender: Sender }> {
  const { organisation, identity } = await readIdentity(deps.db, deps);
  return { identity, sender: senderOf({ mailFrom: deps.mailFrom, organisation }) };
}
