import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@crieur/api';
import { ROLES } from '@crieur/api/enums/users';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'renderOption'> & {
  value: Role;
  onChange: (role: Role) => void;
  /** under the field, the chosen role in one sentence (the invite dialog); the options always carry theirs */
  describeChoice?: boolean;
};

/** A role picker where every role says in one sentence what it may do. */
export function RoleSelect({ value, onChange, describeChoice = false, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      {...rest}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      allowDeselect={false}
      onChange={(next) => next && next !== value && onChange(next as Role)}
      description={describeChoice ? t(`team.roleHelp.${value}`) : rest.description}
      inputWrapperOrder={describeChoice ? ['label', 'input', 'description', 'error'] : undefined}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`team.roleHelp.${option.value as Role}`)}
          </Text>
        </Stack>
      )}
      comboboxProps={{ withinPortal: true, ...rest.comboboxProps }}
      maxDropdownHeight={360}
    />
  );
}
