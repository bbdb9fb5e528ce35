// The contract's lists (what the studio offers and the API accepts) are the database's enums, value for value.
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, REVISION_STEPS } from '@crieur/api/enums/articles';
import { CAMPAIGN_STATUSES, NEWSLETTER_KINDS, RECIPIENT_STATUSES } from '@crieur/api/enums/campaigns';
import { COMMENT_KINDS } from '@crieur/api/enums/comments';
import { DOSSIER_STATUSES } from '@crieur/api/enums/dossiers';
import {
  CONSENT_SOURCES,
  IMPORT_STATUSES,
  SUBSCRIBER_EVENT_SOURCES,
  SUBSCRIBER_EVENT_TYPES,
  SUBSCRIBER_LOCALES,
  SUBSCRIPTION_STATUSES,
  SUPPRESSION_REASONS,
} from '@crieur/api/enums/subscribers';
import { ROLES, USER_STATUSES } from '@crieur/api/enums/users';
import { campaignStatusEnum, recipientStatusEnum } from '../src/schema/campaigns';
import { newsletterKindEnum } from '../src/schema/lists';
import { articleStatusEnum, commentKindEnum, dossierStatusEnum, revisionStepEnum } from '../src/schema/editorial';
import {
  consentSourceEnum,
  eventSourceEnum,
  eventTypeEnum,
  importStatusEnum,
  localeEnum,
  subscriptionStatusEnum,
  suppressionReasonEnum,
} from '../src/schema/subscribers';
import { roleEnum, userStatusEnum } from '../src/schema/users';

const pairs: [string, readonly string[], readonly string[]][] = [
  ['article_status', ARTICLE_STATUSES, articleStatusEnum.enumValues],
  ['revision_step', REVISION_STEPS, revisionStepEnum.enumValues],
  ['dossier_status', DOSSIER_STATUSES, dossierStatusEnum.enumValues],
  ['comment_kind', COMMENT_KINDS, commentKindEnum.enumValues],
  ['newsletter_kind', NEWSLETTER_KINDS, newsletterKindEnum.enumValues],
  ['campaign_status', CAMPAIGN_STATUSES, campaignStatusEnum.enumValues],
  ['recipient_status', RECIPIENT_STATUSES, recipientStatusEnum.enumValues],
  ['subscription_status', SUBSCRIPTION_STATUSES, subscriptionStatusEnum.enumValues],
  ['locale', SUBSCRIBER_LOCALES, localeEnum.enumValues],
  ['consent_source', CONSENT_SOURCES, consentSourceEnum.enumValues],
  ['subscription_event_type', SUBSCRIBER_EVENT_TYPES, eventTypeEnum.enumValues],
  ['subscription_event_source', SUBSCRIBER_EVENT_SOURCES, eventSourceEnum.enumValues],
  ['suppression_reason', SUPPRESSION_REASONS, suppressionReasonEnum.enumValues],
  ['import_status', IMPORT_STATUSES, importStatusEnum.enumValues],
  ['role', ROLES, roleEnum.enumValues],
  ['user_status', USER_STATUSES, userStatusEnum.enumValues],
];

describe('the contract’s vocabularies', () => {
  it.each(pairs)('%s has the same values in the contract and the database', (_name, contract, database) => {
    // the order may differ (the studio shows its own); the values may not
    expect([...contract].sort()).toEqual([...database].sort());
  });
});
