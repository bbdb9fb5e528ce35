/** The campaign is not in a state that allows this action (e.g. pausing a draft). */
export class CampaignStateError extends Error {
  readonly code = 'CAMPAIGN_STATE';
  constructor(
    readonly action: string,
    readonly status: string,
  ) {
    super(`Cannot ${action} a campaign that is ${status}`);
    this.name = 'CampaignStateError';
  }
}
