// A test send is the campaign's own prebuilt message, as the workers send it: only the reviewer's values differ.
import { randomUUID } from 'node:crypto';
import { mailFromAddress, type DkimSigner, type RawMessage, type SenderDefaults } from '@crieur/mailer';
import { buildRecipientMessage, type CampaignForMessage } from '@crieur/sending';
import { TEST_LINK_TOKEN } from '../public/test-link-page';
import { SAMPLE_FIRST_NAME } from './campaign-render';

export type TestSettings = {
  publicUrl: string;
  mailFrom: string;
  dkim?: DkimSigner | undefined;
  /** the organisation's sender defaults, as the real send reads them */
  organisation?: SenderDefaults | null;
};

/** One message per reviewer (the first list's List-Id), marked as a test in the subject. */
export function testMessages(input: {
  campaign: CampaignForMessage & { id: string };
  addresses: readonly string[];
  settings: TestSettings;
  now: Date;
}): RawMessage[] {
  const { campaign, settings } = input;
  const message = buildRecipientMessage({ ...campaign, subject: `[Test] ${campaign.subject}` }, settings);
  const domain = (mailFromAddress(settings.mailFrom).split('@')[1] ?? 'crieur.invalid').toLowerCase();
  const listId = campaign.lists[0]?.id ?? 0;
  return input.addresses.map((to) => {
    // not "<campaign>.<subscriber>@": a bounce of a test must not be counted against the campaign
    const messageId = `test.${campaign.id}.${randomUUID()}@${domain}`;
    const raw = message.render({
      email: to,
      name: SAMPLE_FIRST_NAME,
      messageId,
      listId,
      // a reviewer has no token: these links lead to a page that says it is a test
      unsubscribeToken: TEST_LINK_TOKEN,
      preferencesToken: TEST_LINK_TOKEN,
      date: input.now,
    });
    return { envelope: { from: message.envelopeFrom, to }, raw, messageId };
  });
}
