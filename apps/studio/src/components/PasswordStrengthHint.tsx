import { List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StrengthState } from '../hooks/use-password-strength';

/** What makes a new password weak and how to improve it, read out as it changes. */
export function PasswordStrengthHint({ state, minLength }: { state: StrengthState; minLength: number }) {
  const { t } = useTranslation();
  if (state.status === 'empty' || state.status === 'unavailable') return null;
  if (state.status === 'checking') {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('invitation.strengthChecking')}
      </Text>
    );
  }
  const { strength, password, advice } = state;
  const tooShort = password.length < minLength;
  const color = strength.acceptable ? 'teal' : strength.score <= 1 ? 'red' : 'orange';
  const advices = [...strength.suggestions, advice];
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="password-strength">
      <Progress value={(strength.score + 1) * 20} color={color} size="sm" aria-hidden />
      <Text size="sm" fw={600} c={strength.acceptable ? 'teal.8' : 'red.8'}>
        {strength.acceptable ? t('invitation.strengthStrong') : t('invitation.strengthWeak')}
      </Text>
      {!strength.acceptable && (
        <>
          {tooShort && <Text size="sm">{t('validation.passwordLength', { min: minLength })}</Text>}
          {strength.warning && <Text size="sm">{strength.warning}</Text>}
          <List size="sm" spacing={2}>
            {advices.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
