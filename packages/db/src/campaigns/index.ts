export {
  CampaignNotEditableError,
  UnknownListError,
  type CampaignRow,
  type CampaignStatus,
  type CampaignKind,
  type CampaignListRef,
  type CampaignWithLists,
} from './campaign-row';
export { createCampaign } from './create-campaign';
export { findCampaign, listCampaigns } from './find-campaign';
export { updateCampaignDraft, type CampaignDraftFields } from './update-campaign-draft';
export { duplicateCampaign } from './duplicate-campaign';
export { deleteDraft } from './delete-draft';
export { listArchive, findArchived, type ArchivedCampaign } from './archive';
export { searchPublishedArticles, searchPublishedDossiers, type PublishedCard } from './search-published';
