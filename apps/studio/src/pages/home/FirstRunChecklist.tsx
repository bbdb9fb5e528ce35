import { Anchor, Button, Card, Group, List, Progress, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OnboardingStep } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../session/session-context';

/** Where each first step is done. */
const STEP_PATHS: Record<OnboardingStep, string> = {
  organisation: '/settings/identity#organisation',
  team: '/users',
  import: '/subscribers/import',
  article: '/editorial',
  testLetter: '/newsletters',
};

const hiddenKey = (userId: string) => `first-run-hidden:${userId}`;

function readHidden(userId: string): boolean {
  try {
    return window.localStorage.getItem(hiddenKey(userId)) === '1';
  } catch {
    return false; // storage refused (private mode): the list simply shows
  }
}

/**
 * A new installation's first steps, on the admins' home page: each ticked by what the data says was done,
 * gone once all are done, or hidden by this admin in this browser.
 */
export function FirstRunChecklist() {
  const user = useCurrentUser();
  if (user.role !== 'admin') return null;
  return <Checklist userId={user.id} />;
}

function Checklist({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(() => readHidden(userId));
  const onboarding = useApiQuery('GET /api/onboarding', undefined, { enabled: !hidden });
  if (hidden || !onboarding.data || onboarding.data.allDone) return null;
  const { steps } = onboarding.data;
  const done = steps.filter((s) => s.done).length;
  const hide = () => {
    try {
      window.localStorage.setItem(hiddenKey(userId), '1');
    } catch {
      // not kept: hidden until the page reloads
    }
    setHidden(true);
  };

  return (
    <Card withBorder radius="md" padding="lg" mb="xl" component="section" aria-labelledby="first-run-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Title order={2} size="h3" id="first-run-title">
          {t('firstRun.title')}
        </Title>
        <Button variant="subtle" size="xs" color="gray" onClick={hide} aria-label={t('firstRun.hideLabel')}>
          {t('firstRun.hide')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('firstRun.intro')}
      </Text>
      <Group gap="sm" mb="md" wrap="nowrap">
        <Progress
          value={(done / steps.length) * 100}
          color="teal"
          style={{ flex: 1 }}
          aria-label={t('firstRun.progress', { done, total: steps.length })}
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('firstRun.progress', { done, total: steps.length })}
        </Text>
      </Group>
      <List spacing="sm" listStyleType="none" center data-testid="first-run-steps">
        {steps.map(({ step, done: isDone }) => (
          <List.Item
            key={step}
            data-step={step}
            data-done={isDone}
            icon={
              <ThemeIcon variant="transparent" color={isDone ? 'teal' : 'gray'} size={24} aria-hidden>
                {isDone ? <IconCircleCheckFilled size={22} /> : <IconCircle size={22} />}
              </ThemeIcon>
            }
          >
            <Group gap="sm" wrap="wrap">
              <Text size="sm" fw={500} td={isDone ? 'line-through' : undefined} c={isDone ? 'dimmed' : undefined}>
                {t(`firstRun.steps.${step}.label`)}
              </Text>
              <Text size="xs" c={isDone ? 'teal.8' : 'dimmed'} ml={-6}>
                ({t(isDone ? 'firstRun.done' : 'firstRun.todo')})
              </Text>
              {!isDone && (
                <Anchor component={Link} to={STEP_PATHS[step]} size="sm" fw={600}>
                  {t(`firstRun.steps.${step}.action`)}
                </Anchor>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
