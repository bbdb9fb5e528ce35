import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '@crieur/api';

/** Brouillon, Programmé (a draft with a date) or Publié. */
export function DossierStatusBadge({ dossier }: { dossier: Pick<DossierSummary, 'status' | 'scheduledAt'> }) {
  const { t } = useTranslation();
  const state = dossier.status === 'published' ? 'published' : dossier.scheduledAt ? 'scheduled' : 'draft';
  const color = state === 'published' ? 'green' : state === 'scheduled' ? 'blue' : 'gray';
  return (
    <Badge color={color} variant="light" size="sm" tt="none" style={{ minWidth: 'max-content' }}>
      {t(`dossierEditor.status.${state}`)}
    </Badge>
  );
}
