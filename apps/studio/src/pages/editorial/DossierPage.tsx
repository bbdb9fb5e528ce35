import { Anchor, Button, EmptyState, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconFolderQuestion } from '@tabler/icons-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DossierDetail } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { queryKeyOf, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../hooks/use-page-title';
import { useSession } from '../../session/session-context';
import { DossierArticles } from './dossier/DossierArticles';
import { DossierDetailsForm } from './dossier/DossierDetailsForm';
import { DossierPublishBar } from './dossier/DossierPublishBar';
import { useDossierAutosave } from './dossier/use-dossier-autosave';
import { ConflictModal } from './editor/ConflictModal';
import { docToPlainText } from './editor/plain-text';
import { SaveStatus } from './editor/SaveStatus';

/** /studio/editorial/dossiers/:id: loads the dossier (its working version), then the editor. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // read once per visit, never cached: the autosave saves over the version it starts from
  const query = useApiQuery('GET /api/dossiers/:id', { params: { id } }, { gcTime: 0, staleTime: Infinity });
  const notFound = (
    <EmptyState
      icon={<IconFolderQuestion aria-hidden />}
      title={t('editorial.dossier.notFoundTitle')}
      description={t('editorial.dossier.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/editorial/dossiers" variant="light">
          {t('editorial.dossier.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
  return (
    <QueryView query={query} notFound={notFound}>
      {({ dossier }) => <DossierEditor key={id} initial={dossier} />}
    </QueryView>
  );
}

function DossierEditor({ initial }: { initial: DossierDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const readOnly = user?.role !== 'admin' && user?.role !== 'editor';
  const client = useQueryClient();
  const [dossier, setDossier] = useState(initial);
  // bumps when the fields come from the server again (conflict reload): the note's editor remounts
  const [generation, setGeneration] = useState(0);
  const noteText = useRef<(() => string) | null>(null);
  const listChanged = useCallback(
    () => void client.invalidateQueries({ queryKey: queryKeyOf('GET /api/dossiers') }),
    [client],
  );
  // the server's status, live version and articles; the fields stay the local ones
  const onSaved = useCallback(
    (saved: DossierDetail) => {
      setDossier(saved);
      listChanged();
    },
    [listChanged],
  );
  const save = useDossierAutosave(initial, onSaved);
  const { fields } = save;
  usePageTitle(fields?.title || initial.title);
  if (!fields) return <Loader aria-label={t('app.loading')} />;

  const editable = !readOnly && save.state.kind !== 'conflict';
  const conflict = save.state.kind === 'conflict' ? save.state.conflict : null;
  const slugError =
    save.state.kind === 'error' && save.state.error instanceof ApiError && save.state.error.code === 'SLUG_TAKEN'
      ? t('errors.SLUG_TAKEN')
      : undefined;
  // an article added, removed or moved changes the dossier, not its fields: the version stays the autosave's
  const articlesChanged = (fresh: DossierDetail) => {
    setDossier(fresh);
    listChanged();
  };
  const stepDone = (fresh: DossierDetail) => {
    save.setVersion(fresh.version);
    setDossier(fresh);
    listChanged();
  };
  const reloadTheirs = async () => {
    const { dossier: fresh } = await call('GET /api/dossiers/:id', { params: { id: dossier.id } });
    setDossier(fresh);
    save.reset(fresh);
    setGeneration((n) => n + 1);
  };
  const myText = () =>
    [fields.title, fields.lede, noteText.current ? noteText.current() : docToPlainText(fields.editorialNote)]
      .filter(Boolean)
      .join('\n\n');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Anchor component={Link} to="/editorial/dossiers" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t('editorial.dossier.back')}
          </Group>
        </Anchor>
        <SaveStatus state={save.state} onRetry={() => void save.flush()} />
      </Group>
      <Title order={1}>{fields.title || initial.title}</Title>
      {conflict === null && (
        <DossierPublishBar
          dossier={dossier}
          readOnly={readOnly}
          beforeStep={async () => ((await save.flush()) ? save.version() : null)}
          onDone={stepDone}
        />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DossierDetailsForm
            fields={fields}
            update={save.update}
            editable={editable}
            slugLocked={dossier.status === 'published'}
            slugError={slugError}
            generation={generation}
            noteText={noteText}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DossierArticles dossier={dossier} readOnly={readOnly} onChanged={articlesChanged} />
        </Grid.Col>
      </Grid>
      <ConflictModal conflict={conflict} myText={myText} onReload={reloadTheirs} />
    </Stack>
  );
}
