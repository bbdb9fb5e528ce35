import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PreflightChecklist } from './PreflightChecklist';
import type { PreflightState } from './use-preflight';

type Props = {
  state: PreflightState;
  campaignId: string;
  blocked: boolean;
  warningCount: number;
  /** what the confirm button does past the warnings (« Envoyer quand même », « Programmer quand même ») */
  warningsHint: string;
};

/** The send and schedule dialogs' checklist: blocks are fixed in the composer, warnings are passed knowingly. */
export function PreflightGate({ state, campaignId, blocked, warningCount, warningsHint }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PreflightChecklist
        state={state}
        order={3}
        fixLink={
          <Anchor component={Link} to={`/newsletters/${encodeURIComponent(campaignId)}`} size="sm" fw={600}>
            {t('preflight.fixInComposer')}
          </Anchor>
        }
      />
      {blocked && (
        <Text size="sm" c="red.9" fw={600}>
          {t('preflight.blockedHint')}
        </Text>
      )}
      {!blocked && warningCount > 0 && (
        <Text size="sm" c="dimmed">
          {warningsHint}
        </Text>
      )}
    </>
  );
}
