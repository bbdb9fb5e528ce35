import { Alert, Button, Group, List, Loader, Progress, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceDesktop, IconDeviceMobile, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CampaignPreview } from '@crieur/api';
import { formatKilobytes, newsletterError } from './format';
import classes from './newsletters.module.css';
import type { LivePreview } from './use-live-preview';

/** The right column: how the newsletter looks (desktop, mobile, text), how heavy it is, what MJML refused. */
export function PreviewPanel({ live, onShowErrors }: { live: LivePreview; onShowErrors?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { preview } = live;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text fw={600} component="h2" size="lg" m={0}>
          {t('newsletters.preview.title')}
        </Text>
        <div aria-live="polite">
          {live.loading && <Loader size="xs" aria-label={t('newsletters.preview.updating')} />}
        </div>
      </Group>
      {live.error !== null && (
        <Alert color="red" role="alert" title={t('newsletters.preview.failed')}>
          {newsletterError(t, live.error)}
        </Alert>
      )}
      {preview && <SizeGauge preview={preview} />}
      {preview && preview.mjmlErrors.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('newsletters.preview.mjmlErrors', { count: preview.mjmlErrors.length })}
          role="alert"
        >
          <List size="sm">
            {preview.mjmlErrors.map((error, index) => (
              <List.Item key={index}>
                {t('newsletters.preview.mjmlError', { line: error.line, tag: error.tagName, message: error.message })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview && preview.blockErrors.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} data-testid="block-errors-summary">
          {t('newsletters.preview.blocksLeftOut', {
            count: new Set(preview.blockErrors.map((error) => error.index)).size,
          })}
          {onShowErrors && (
            <Button size="compact-sm" variant="light" color="orange" ml="xs" onClick={onShowErrors}>
              {t('composerInsert.showErrors')}
            </Button>
          )}
        </Alert>
      )}
      <Tabs defaultValue="desktop" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="desktop" leftSection={<IconDeviceDesktop size={16} aria-hidden />}>
            {t('newsletters.preview.desktop')}
          </Tabs.Tab>
          <Tabs.Tab value="mobile" leftSection={<IconDeviceMobile size={16} aria-hidden />}>
            {t('newsletters.preview.mobile')}
          </Tabs.Tab>
          <Tabs.Tab value="text" leftSection={<IconFileText size={16} aria-hidden />}>
            {t('newsletters.preview.text')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="desktop" pt="sm">
          <Frame html={preview?.html} width="100%" minWidth={600} title={t('newsletters.preview.desktopFrame')} />
        </Tabs.Panel>
        <Tabs.Panel value="mobile" pt="sm">
          <Frame html={preview?.html} width={375} minWidth={375} title={t('newsletters.preview.mobileFrame')} />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <pre className={classes.text} aria-label={t('newsletters.preview.textLabel')} tabIndex={0}>
            {preview?.text ?? ''}
          </pre>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

// no script runs in the preview (no allow-scripts); links open in a new tab, outside the sandbox
const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

function Frame({
  html,
  width,
  minWidth,
  title,
}: {
  html: string | undefined;
  width: number | string;
  minWidth: number;
  title: string;
}) {
  return (
    <div className={classes.frameBox}>
      <iframe
        className={classes.frame}
        title={title}
        sandbox={SANDBOX}
        srcDoc={html ?? ''}
        style={{ width, minWidth }}
        data-testid="preview-frame"
      />
    </div>
  );
}

/** Bytes of HTML against Gmail's clipping limit: past it, Gmail hides the end (and the unsubscribe link). */
function SizeGauge({ preview }: { preview: CampaignPreview }) {
  const { t, i18n } = useTranslation();
  const ratio = preview.clipBytes > 0 ? preview.bytes / preview.clipBytes : 0;
  const over = preview.clipped || ratio > 1;
  const color = over ? 'red' : ratio > 0.85 ? 'orange' : 'teal';
  const size = formatKilobytes(preview.bytes, i18n.language);
  const limit = formatKilobytes(preview.clipBytes, i18n.language);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" id="size-gauge-label">
          {t('newsletters.preview.size', { size, limit })}
        </Text>
        <Text size="sm" c="dimmed">
          {Math.round(ratio * 100)} %
        </Text>
      </Group>
      <Progress value={Math.min(100, ratio * 100)} color={color} aria-labelledby="size-gauge-label" size="md" />
      {over && (
        <Text size="sm" c="red.8" role="alert">
          {t('newsletters.preview.clipped', { limit })}
        </Text>
      )}
    </Stack>
  );
}
