export {
  runPreflight,
  PREFLIGHT_LABELS,
  type PreflightCampaign,
  type PreflightDeps,
  type PreflightReport,
} from './run-preflight';
export { PREFLIGHT_CODES, type PreflightCode, type PreflightItem, type PreflightLevel } from './preflight-item';
export { createDnsResolve, DNS_TIMEOUT_MS, type DnsResolve } from './dns-resolver';
export {
  createLinkProbe,
  networkRequester,
  PROBE_DEFAULTS,
  type HttpRequester,
  type LinkProbe,
  type ProbeAnswer,
} from './http-probe';
export type { DkimSetting } from './dkim-check';
export type { SendingHost } from './spf-check';
export { PRIVATE_ADDRESS } from './link-check';
export { assertLaunchable, launchBlockedReason, PreflightBlockedError, type LaunchCheckSettings } from './launch-check';
