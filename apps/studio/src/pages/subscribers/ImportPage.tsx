import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconDownload, IconFileTypeCsv, IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ImportView, MailingList } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { queryKeyOf, useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { formatBytes, formatNumber, percent } from './format';
import { ImportsTable } from './ImportsTable';
import { downloadUrl, needsConsentSource } from './lists';
import { startImport } from './start-import';

const POLL_MS = 500;

/** The upload, then the import followed by its id until it is done or failed. */
type Phase =
  { kind: 'idle' } | { kind: 'uploading'; loaded: number; total: number } | { kind: 'following'; id: string };

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const lists = useApiQuery('GET /api/lists');
  const imports = useApiQuery('GET /api/imports');

  if (lists.isError) return <LoadError error={lists.error} onRetry={() => void lists.refetch()} />;

  return (
    <Stack gap="xl">
      <div>
        <Breadcrumbs mb="xs">
          <Anchor component={Link} to="/subscribers" size="sm">
            {t('sections.subscribers.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('imports.title')}
          </Text>
        </Breadcrumbs>
        <Title order={1}>{t('imports.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('imports.intro')}
        </Text>
      </div>
      <ImportHelp />
      <QueryView query={lists}>{(data) => <ImportForm lists={data.lists} />}</QueryView>
      <section aria-labelledby="imports-recent">
        <Title order={2} size="h3" id="imports-recent" mb="sm">
          {t('imports.recentTitle')}
        </Title>
        <QueryView query={imports}>
          {(data) => <ImportsTable imports={data.imports} lists={lists.data?.lists ?? []} />}
        </QueryView>
      </section>
    </Stack>
  );
}

function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('imports.helpTitle')}>
      <List size="sm" spacing={4}>
        <List.Item>{t('imports.helpColumns')}</List.Item>
        <List.Item>{t('imports.helpFormat')}</List.Item>
        <List.Item>{t('imports.helpNever')}</List.Item>
        <List.Item>{t('imports.helpDryRun')}</List.Item>
      </List>
    </Alert>
  );
}

function ImportForm({ lists }: { lists: MailingList[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const preselected = params.get('list');
  const [slug, setSlug] = useState<string | null>(lists.some((list) => list.slug === preselected) ? preselected : null);
  const [consentSource, setConsentSource] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<{ list?: boolean; consent?: boolean; file?: 'missing' | 'empty' }>({});
  const [error, setError] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const list = lists.find((item) => item.slug === slug);
  const consentNeeded = needsConsentSource(list);

  // follow the import every 500 ms until it is done or failed; a failed poll waits for "Réessayer"
  const followed = phase.kind === 'following' ? phase.id : null;
  const poll = useApiQuery(
    'GET /api/imports/:id',
    { params: { id: followed ?? '' } },
    {
      enabled: followed !== null,
      staleTime: POLL_MS,
      refetchInterval: (query) =>
        query.state.status !== 'error' && query.state.data?.import.status === 'running' ? POLL_MS : false,
    },
  );
  const view = followed !== null ? poll.data?.import : undefined;
  const processing = view?.status === 'running';
  const finished = view !== undefined && !processing;
  const working = phase.kind === 'uploading' || processing;

  // leaving the page stops an upload still in flight (the server keeps imports already accepted)
  useEffect(() => () => abort.current?.abort(), []);

  // the table of recent imports shows the one that just ended
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: queryKeyOf('GET /api/imports') });
  }, [finished]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (working) return;
    const problems = {
      list: !list,
      consent: consentNeeded && consentSource.trim() === '',
      file: !file ? ('missing' as const) : file.size === 0 ? ('empty' as const) : undefined,
    };
    setMissing(problems);
    if (!list || !file || problems.consent || problems.file) return;
    setError(null);
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const answer = await startImport(
        file,
        {
          list: list.slug,
          consentSource: consentNeeded ? consentSource.trim() : '',
          dryRun: dryRun ? 'true' : 'false',
        },
        ({ loaded, total }) => setPhase({ kind: 'uploading', loaded, total }),
        controller.signal,
      );
      // the upload's answer is the first reading of the import: polling goes on from there
      client.setQueryData(queryKeyOf('GET /api/imports/:id', { params: { id: answer.import.id } }), answer);
      setPhase({ kind: 'following', id: answer.import.id });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(caught);
      setPhase({ kind: 'idle' });
    } finally {
      abort.current = null;
    }
  };

  const startOver = () => {
    setFile(null);
    setError(null);
    setPhase({ kind: 'idle' });
  };

  const code = error instanceof ApiError ? error.code : null;
  const fields = fieldErrors(error);
  const fileError =
    missing.file === 'missing'
      ? t('imports.fileRequired')
      : missing.file === 'empty'
        ? t('imports.fileEmpty')
        : code === 'IMPORT_FILE_INVALID'
          ? t('errors.IMPORT_FILE_INVALID')
          : undefined;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="import-form-title">
      <Title order={2} size="h3" id="import-form-title" mb="sm">
        {t('imports.formTitle')}
      </Title>
      {finished ? (
        <ImportSummary view={view} list={lists.find((item) => item.slug === view.list)} onAgain={startOver} />
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} aria-labelledby="import-form-title" noValidate>
          <fieldset disabled={working} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="sm">
              {error !== null && code !== 'CONSENT_SOURCE_REQUIRED' && code !== 'IMPORT_FILE_INVALID' && (
                <Alert color="red" role="alert" title={t('imports.failed')}>
                  {errorMessage(t, error)}
                </Alert>
              )}
              <Select
                label={t('imports.list')}
                placeholder={t('imports.listPlaceholder')}
                data={lists.map((item) => ({ value: item.slug, label: item.name }))}
                value={slug}
                onChange={(value) => {
                  setSlug(value);
                  setMissing((current) => ({ ...current, list: false }));
                }}
                error={missing.list ? t('imports.listRequired') : fields.list}
                comboboxProps={{ withinPortal: true }}
                maw={360}
              />
              {list && !consentNeeded && (
                <Alert
                  color="gray"
                  variant="light"
                  icon={<IconShieldCheck aria-hidden />}
                  title={t('imports.legitimateInterestTitle')}
                >
                  {t('imports.legitimateInterestBody', { list: list.name })}
                </Alert>
              )}
              {consentNeeded && (
                <TextInput
                  label={t('consent.source')}
                  description={t('imports.consentHint')}
                  placeholder={t('consent.sourcePlaceholder')}
                  required
                  autoComplete="off"
                  value={consentSource}
                  onChange={(event) => {
                    setConsentSource(event.currentTarget.value);
                    setMissing((current) => ({ ...current, consent: false }));
                  }}
                  error={
                    missing.consent || code === 'CONSENT_SOURCE_REQUIRED'
                      ? t('errors.CONSENT_SOURCE_REQUIRED')
                      : fields.consentSource
                  }
                />
              )}
              <FileInput
                label={t('imports.file')}
                description={
                  file
                    ? t('imports.fileChosen', { size: formatBytes(file.size, i18n.language) })
                    : t('imports.fileHint')
                }
                placeholder={t('imports.filePlaceholder')}
                accept=".csv,.txt,text/csv,text/plain"
                clearable
                clearButtonProps={{ 'aria-label': t('imports.fileClear') }}
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                value={file}
                onChange={(value) => {
                  setFile(value);
                  setMissing((current) => ({ ...current, file: undefined }));
                  if (code === 'IMPORT_FILE_INVALID') setError(null);
                }}
                error={
                  fileError && (
                    <>
                      {fileError}
                      {code === 'IMPORT_FILE_INVALID' && error instanceof ApiError && error.message && (
                        <Text component="span" size="xs" display="block">
                          {t('imports.serverSaid', { message: error.message })}
                        </Text>
                      )}
                    </>
                  )
                }
                maw={520}
              />
              <Checkbox
                label={t('imports.dryRun')}
                description={t('imports.dryRunHint')}
                checked={dryRun}
                onChange={(event) => setDryRun(event.currentTarget.checked)}
              />
              <Group mt="xs">
                <Button type="submit" loading={working} leftSection={<IconFileTypeCsv size={18} aria-hidden />}>
                  {dryRun ? t('imports.submitDryRun') : t('imports.submit')}
                </Button>
              </Group>
            </Stack>
          </fieldset>
        </form>
      )}
      {phase.kind === 'uploading' && (
        <Stack gap={6} mt="lg" data-testid="import-upload">
          <Text size="sm" fw={500} id="import-upload-label">
            {t('imports.uploading', {
              done: formatBytes(phase.loaded, i18n.language),
              total: formatBytes(phase.total, i18n.language),
            })}
          </Text>
          <Progress.Root size="lg">
            <Progress.Section
              value={percent(phase.loaded, phase.total)}
              aria-label={t('imports.uploadProgress')}
              animated
            />
          </Progress.Root>
        </Stack>
      )}
      {processing && (
        <Stack gap={6} mt="lg" data-testid="import-processing">
          <Text size="sm" fw={500}>
            {t('imports.processing', {
              percent: formatNumber(percent(view.processedBytes, view.totalBytes), i18n.language),
            })}
          </Text>
          <Progress.Root size="lg">
            <Progress.Section
              value={percent(view.processedBytes, view.totalBytes)}
              aria-label={t('imports.processingProgress')}
              color="teal"
              animated
            />
          </Progress.Root>
          <ImportCounts view={view} />
          {poll.isError && (
            <Alert color="orange" role="alert" title={t('imports.pollFailed')}>
              {errorMessage(t, poll.error)}
              <Group mt="xs">
                <Button size="xs" variant="light" color="orange" onClick={() => void poll.refetch()}>
                  {t('common.retry')}
                </Button>
              </Group>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}

function ImportCounts({ view }: { view: ImportView }) {
  const { t, i18n } = useTranslation();
  const items = [
    ['rows', view.rows],
    ['imported', view.imported],
    ['alreadySubscribed', view.alreadySubscribed],
    ['skipped', view.skipped],
    ['problems', view.problems],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" mt="xs" aria-live="polite">
      {items.map(([key, value]) => (
        <Card key={key} withBorder radius="md" padding="sm" data-testid={`import-count-${key}`}>
          <Text size="xs" c="dimmed">
            {t(`imports.counts.${key}`)}
          </Text>
          <Text fz={24} fw={700} lh={1.2}>
            {formatNumber(value, i18n.language)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ImportSummary({
  view,
  list,
  onAgain,
}: {
  view: ImportView;
  list: MailingList | undefined;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const failed = view.status === 'failed';
  const listName = list?.name ?? view.list;
  return (
    <Stack gap="md" data-testid="import-summary">
      <Alert
        color={failed ? 'red' : 'teal'}
        role={failed ? 'alert' : 'status'}
        icon={failed ? undefined : <IconCheck aria-hidden />}
        title={failed ? t('imports.doneFailed') : view.dryRun ? t('imports.doneDryRun') : t('imports.done')}
      >
        {failed
          ? t('imports.doneFailedBody', { error: view.error ?? t('errors.INTERNAL') })
          : view.dryRun
            ? t('imports.doneDryRunBody', { file: view.fileName, list: listName })
            : t('imports.doneBody', { file: view.fileName, list: listName })}
      </Alert>
      <ImportCounts view={view} />
      <Group gap="sm">
        {!failed && (
          <Button
            component="a"
            href={downloadUrl('GET /api/imports/:id/report.csv', { id: view.id })}
            download
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t('imports.downloadReport')}
          </Button>
        )}
        <Button variant="default" onClick={onAgain}>
          {t('imports.again')}
        </Button>
      </Group>
    </Stack>
  );
}
