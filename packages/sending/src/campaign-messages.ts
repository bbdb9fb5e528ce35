// A campaign's message is built once per process (per list, for its List-Id); per recipient only
// the personal values are spliced in.
import { frenchTypography } from '@crieur/content';
import { findSendingCampaign, getOrganisation, type Db, type SendingCampaign } from '@crieur/db';
import {
  createDkimSigner,
  listDomain,
  prepareCampaignMessage,
  unsubscribeSubject,
  senderOf,
  type DkimSettings,
  type DkimSigner,
  type SenderDefaults,
} from '@crieur/mailer';
import { PERSONAL_TOKENS, personalTokenValues } from '@crieur/newsletter';

export type RecipientInput = {
  email: string;
  name: string;
  messageId: string;
  listId: number;
  unsubscribeToken: string;
  preferencesToken: string;
  date: Date;
};

// render gives the message as buffers: the campaign's prebuilt parts are shared, not copied per recipient
export type RecipientMessage = { envelopeFrom: string; render(input: RecipientInput): Buffer[] };

export type CampaignMessages = { get(campaignId: string): Promise<RecipientMessage | null> };

// sendRaw sends bytes as given: the signature is made here, with the body hash from parts prepared once
export type CampaignMessageSettings = { db: Db; publicUrl: string; mailFrom: string; dkim?: DkimSettings | undefined };

// a sent campaign's Message-IDs are "<campaign uuid>.<subscriber uuid>@domain"
const RECIPIENT_MESSAGE_ID = /^([0-9a-f-]{36})\.([0-9a-f-]{36})@/;

/** "Marie Curie" → "Marie": the greeting uses the first name only. */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** What a campaign's message is built from: the frozen rendering (or a test send's compile) and its lists. */
export type CampaignForMessage = Pick<
  SendingCampaign,
  'slug' | 'subject' | 'fromName' | 'replyTo' | 'html' | 'text' | 'webToken'
> & {
  lists: { id: number; slug: string; name: string }[];
  /** the sent campaign's id, named in the mailto unsubscribe target (a test send has none) */
  id?: string;
};

/** The prebuilt message of a campaign (pure): the same bytes for subscribers and for a test send, only the values differ. */
export function buildRecipientMessage(
  campaign: CampaignForMessage,
  settings: {
    publicUrl: string;
    mailFrom: string;
    dkim?: DkimSigner | undefined;
    /** the organisation's sender defaults: From and Reply-To when the campaign leaves them empty */
    organisation?: SenderDefaults | null | undefined;
  },
): RecipientMessage {
  const domain = listDomain(settings.publicUrl);
  const sender = senderOf({
    mailFrom: settings.mailFrom,
    organisation: settings.organisation ?? null,
    fromName: campaign.fromName,
    replyTo: campaign.replyTo,
  });
  const { envelopeFrom } = sender;
  const perList = new Map(
    campaign.lists.map((list) => [
      list.id,
      prepareCampaignMessage({
        from: sender.from,
        ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
        // the inbox shows it: French spacing as in the letter (set when rendering, never stored)
        subject: frenchTypography(campaign.subject),
        html: campaign.html,
        text: campaign.text,
        list: { id: `${list.slug}.${domain}`, name: list.name },
        // a test send keeps this one (its campaign, no reader): the intake finds no email of the reader's in it
        unsubscribeMailto: `mailto:${envelopeFrom}?subject=${encodeURIComponent(
          campaign.id ? unsubscribeSubject(campaign.id, list.slug) : 'unsubscribe',
        )}`,
        tokens: [...PERSONAL_TOKENS],
      }),
    ]),
  );
  const webUrl = `${settings.publicUrl}/archive/${campaign.slug}${campaign.webToken ? `?k=${campaign.webToken}` : ''}`;
  const { dkim } = settings;
  return {
    envelopeFrom,
    render(input) {
      const prepared = perList.get(input.listId) ?? perList.values().next().value;
      if (!prepared) throw new Error(`campaign ${campaign.slug} has no list`);
      const unsubscribeUrl = `${settings.publicUrl}/unsubscribe/${input.unsubscribeToken}`;
      const values = personalTokenValues({
        firstName: firstNameOf(input.name),
        unsubscribeUrl,
        preferencesUrl: `${settings.publicUrl}/preferences/${input.preferencesToken}`,
        webUrl,
      });
      // the inbound intake reads the request: the sender's address, and the email it answers (campaign and
      // recipient, as in the Message-ID) and its list, so nobody can unsubscribe someone else by writing in their name
      const recipientId = RECIPIENT_MESSAGE_ID.exec(input.messageId);
      const list = campaign.lists.find((l) => l.id === input.listId) ?? campaign.lists[0];
      const unsubscribeMailto =
        campaign.id && recipientId?.[1] === campaign.id && list
          ? `mailto:${envelopeFrom}?subject=${encodeURIComponent(unsubscribeSubject(campaign.id, list.slug, recipientId[2]))}`
          : undefined;
      const recipient = {
        ...(unsubscribeMailto ? { unsubscribeMailto } : {}),
        to: input.email,
        messageId: input.messageId,
        unsubscribeUrl,
        date: input.date,
        htmlValues: values.html,
        textValues: values.text,
      };
      return dkim ? prepared.renderChunks(recipient, { dkim }) : prepared.renderChunks(recipient);
    },
  };
}

export function createCampaignMessages(settings: CampaignMessageSettings): CampaignMessages {
  const cache = new Map<string, RecipientMessage>();
  // the key is parsed once per process
  const dkim = settings.dkim ? createDkimSigner(settings.dkim) : undefined;
  return {
    async get(campaignId) {
      const hit = cache.get(campaignId);
      if (hit) return hit;
      const campaign = await findSendingCampaign(settings.db, campaignId);
      if (!campaign) return null;
      const message = buildRecipientMessage(campaign, {
        publicUrl: settings.publicUrl,
        mailFrom: settings.mailFrom,
        dkim,
        organisation: await getOrganisation(settings.db),
      });
      // a few campaigns at most are sending at once
      if (cache.size >= 8) cache.delete(cache.keys().next().value!);
      cache.set(campaignId, message);
      return message;
    },
  };
}
