import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../api/queries';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import type { EditorialOptions } from './data';

const NONE = 'none';

/** Title, rubrique and optional dossier; on success the editor opens on the new draft. */
export function NewArticleModal({
  opened,
  onClose,
  options,
}: {
  opened: boolean;
  onClose: () => void;
  options: EditorialOptions;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [rubrique, setRubrique] = useState<string | null>(null);
  const [dossier, setDossier] = useState<string>(NONE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const creation = useApiMutation('POST /api/articles', {
    invalidates: ['GET /api/articles', 'GET /api/dossiers'],
    onSuccess: ({ article }) => navigate(`/editorial/articles/${encodeURIComponent(article.id)}`),
  });
  const failure = creation.error ?? null;

  const close = () => {
    setErrors({});
    creation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('validation.required');
    if (!rubrique) found.rubrique = t('editorial.newArticle.rubriqueRequired');
    setErrors(found);
    creation.reset();
    if (Object.keys(found).length > 0 || !rubrique) return;
    const body = { title: title.trim(), rubrique, dossierId: dossier === NONE ? null : dossier };
    creation.mutate({ body }, { onError: (caught) => setErrors(fieldErrors(caught)) });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('editorial.newArticle.title')}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure !== null && (
            <Alert color="red" role="alert" title={t('editorial.newArticle.failed')}>
              {errorMessage(t, failure)}
            </Alert>
          )}
          <TextInput
            label={t('editorial.newArticle.articleTitle')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Select
            label={t('editorial.newArticle.rubrique')}
            placeholder={t('editorial.newArticle.rubriquePlaceholder')}
            data={options.rubriques.map((item) => ({ value: item.slug, label: item.name }))}
            value={rubrique}
            onChange={setRubrique}
            error={errors.rubrique}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('editorial.newArticle.dossier')}
            data={[
              { value: NONE, label: t('editorial.newArticle.noDossier') },
              ...options.dossiers.map((item) => ({ value: item.id, label: item.title })),
            ]}
            value={dossier}
            allowDeselect={false}
            onChange={(value) => setDossier(value ?? NONE)}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={creation.isPending || creation.isSuccess}>
              {t('editorial.newArticle.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
