import { ActionIcon, Button, Group, Input, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moveRow } from './fill-merge';
import { errorsUnder, type FieldErrors } from './form-props';

// an error on the list or the row itself ("at least one event"), not on one of its fields
const exactError = (errors: FieldErrors, path: string) => errors.find((error) => error.path === path)?.message;

type Props<T> = {
  /** The block's array field ("events", "offers", "items"): its errors carry this prefix. */
  name: string;
  rows: T[];
  errors: FieldErrors;
  readOnly: boolean;
  max: number;
  rowLabel: (index: number) => string;
  addLabel: string;
  removeLabel: (index: number) => string;
  empty: () => T;
  onChange: (rows: T[]) => void;
  renderRow: (row: T, setRow: (patch: Partial<T>) => void, errors: FieldErrors) => ReactNode;
};

/** Rows of an agenda, job offers or members' news: each in a frame, added and removed in place. */
export function RowList<T>({
  name,
  rows,
  errors,
  readOnly,
  max,
  rowLabel,
  addLabel,
  removeLabel,
  empty,
  onChange,
  renderRow,
}: Props<T>) {
  const { t } = useTranslation();
  const setRow = (index: number) => (patch: Partial<T>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const ownError = exactError(errors, name);
  return (
    <Stack gap="sm">
      {rows.map((row, index) => (
        <Paper
          key={index}
          withBorder
          p="sm"
          radius="sm"
          component="fieldset"
          style={{ margin: 0 }}
          aria-label={rowLabel(index)}
          data-field-prefix={`${name}.${index}`}
        >
          <Stack gap="xs">
            <Text
              size="sm"
              fw={600}
              component="legend"
              style={{
                float: 'left',
                width: '100%',
                display: 'flex',
                justifyContent: 'space-between',
                alignItems: 'center',
              }}
            >
              {rowLabel(index)}
              {!readOnly && (
                <Group gap={4} wrap="nowrap">
                  {/* rows keep their order in the letter: filled ones come in date order, staff may change it */}
                  {rows.length > 1 && (
                    <>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('contributionFill.moveUp', { row: rowLabel(index) })}
                        title={t('contributionFill.moveUp', { row: rowLabel(index) })}
                        disabled={index === 0}
                        onClick={() => onChange(moveRow(rows, index, -1))}
                      >
                        <IconArrowUp size={14} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('contributionFill.moveDown', { row: rowLabel(index) })}
                        title={t('contributionFill.moveDown', { row: rowLabel(index) })}
                        disabled={index === rows.length - 1}
                        onClick={() => onChange(moveRow(rows, index, 1))}
                      >
                        <IconArrowDown size={14} aria-hidden />
                      </ActionIcon>
                    </>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={removeLabel(index)}
                    title={removeLabel(index)}
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              )}
            </Text>
            {renderRow(row, setRow(index), errorsUnder(errors, `${name}.${index}`))}
            {exactError(errors, `${name}.${index}`) && (
              <Input.Error>{exactError(errors, `${name}.${index}`)}</Input.Error>
            )}
          </Stack>
        </Paper>
      ))}
      {ownError && <Input.Error>{ownError}</Input.Error>}
      {!readOnly && rows.length < max && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, empty()])}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
