import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Campaign, NewsletterKind, SaveCampaignBody } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { queryKeyOf } from '../../api/queries';
import { useVersionedAutosave, type AutosaveState } from '../../hooks/use-versioned-autosave';
import { fromStored, toPayload, type KeyedBlock } from './blocks';

export type DraftFields = {
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  fromName: string;
  replyTo: string;
  lists: string[];
  blocks: KeyedBlock[];
};

export type DraftSaveState = AutosaveState<true>;

export const CAMPAIGN_AUTOSAVE_MS = 1500;

export function draftOf(campaign: Campaign): DraftFields {
  return {
    kind: campaign.kind,
    subject: campaign.subject,
    preheader: campaign.preheader,
    fromName: campaign.fromName,
    replyTo: campaign.replyTo,
    lists: campaign.lists.map((list) => list.slug),
    blocks: fromStored(campaign.blocks),
  };
}

/** The body of PUT and of the preview: blocks without their local keys. */
export function payloadOf(fields: DraftFields): Omit<SaveCampaignBody, 'version'> {
  return { ...fields, blocks: fields.blocks.map((item) => toPayload(item.block)) };
}

/**
 * The composer's local copy of a draft, saved whole (PUT with its version) 1.5 s after the last
 * change, through the studio's versioned autosave: a 409 EDIT_CONFLICT stops saving until the user
 * reloads the other version or chooses to overwrite it. A campaign that left draft is read-only.
 */
export function useCampaignDraft(initial: Campaign, editable: boolean, onSaved: (campaign: Campaign) => void) {
  const queryClient = useQueryClient();
  const saver = useVersionedAutosave<DraftFields, Campaign, true>({
    save: async (fields, version) => {
      const params = { id: initial.id };
      const { campaign } = await call('PUT /api/campaigns/:id', { params, body: { ...payloadOf(fields), version } });
      // the sending page and a later visit read the saved copy from the cache
      queryClient.setQueryData(queryKeyOf('GET /api/campaigns/:id', { params }), { campaign });
      return { saved: campaign, version: campaign.version };
    },
    conflictOf: (error) => (error instanceof ApiError && error.code === 'EDIT_CONFLICT' ? true : null),
    delayMs: CAMPAIGN_AUTOSAVE_MS,
    onSaved,
    initial: { fields: draftOf(initial), version: initial.version, blocked: !editable },
  });
  const { update, reset } = saver;
  return {
    ...saver,
    // the initial copy is known at mount, so fields are never null here
    fields: saver.fields ?? draftOf(initial),
    update: useCallback(
      (change: Parameters<typeof update>[0]) => (editable ? update(change) : undefined),
      [editable, update],
    ),
    /** Takes the server's copy as the new base (their version after a conflict). */
    reset: useCallback(
      (campaign: Campaign) => reset(draftOf(campaign), campaign.version, campaign.status !== 'draft'),
      [reset],
    ),
  };
}
