import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, StaffUser } from '@crieur/api';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/error-message';
import { displayName } from '../../session/display-name';

/** Changes a person's role and says so; `saving` while the server answers. */
export function useChangeRole(user: StaffUser, onChanged: () => void) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const changeRole = async (role: Role) => {
    setSaving(true);
    try {
      await call('PATCH /api/users/:id', { params: { id: user.id }, body: { role } });
      notifications.show({
        color: 'teal',
        message: t('users.roleChanged', { name: displayName(user), role: t(`roles.${role}`) }),
      });
      onChanged();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };
  return { saving, changeRole };
}
