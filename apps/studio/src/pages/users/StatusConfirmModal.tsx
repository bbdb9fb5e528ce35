import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { StaffUser } from '@crieur/api';
import { errorMessage } from '../../i18n/error-message';

type Props = { user: StaffUser | null; opened: boolean; onClose: () => void; onDone: () => void };

/** Asks before deactivating (or reactivating) an account. */
export function StatusConfirmModal({ user, opened, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const reactivate = user?.status === 'deactivated';
  const name = user?.name ?? '';

  const confirm = async () => {
    if (!user) return;
    setSaving(true);
    try {
      await call('PATCH /api/users/:id', {
        params: { id: user.id },
        body: { status: reactivate ? 'active' : 'deactivated' },
      });
      notifications.show({
        color: 'teal',
        message: t(reactivate ? 'users.reactivated' : 'users.deactivated', { name }),
      });
      onDone();
      onClose();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={opened && user !== null}
      onClose={onClose}
      title={t(reactivate ? 'users.confirmReactivateTitle' : 'users.confirmDeactivateTitle', { name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      <Text size="sm">{t(reactivate ? 'users.confirmReactivateBody' : 'users.confirmDeactivateBody', { name })}</Text>
      <Group justify="flex-end" mt="lg">
        {/* focus starts on Annuler: Enter alone must not deactivate an account */}
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color={reactivate ? 'teal' : 'red'} loading={saving} onClick={() => void confirm()}>
          {reactivate ? t('users.reactivate') : t('users.deactivate')}
        </Button>
      </Group>
    </Modal>
  );
}
