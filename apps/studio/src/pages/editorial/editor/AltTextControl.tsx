import { Button, Group, Text, TextInput } from '@mantine/core';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './image-node.module.css';

const MAX_ALT_CHARS = 300;

type Props = { alt: string; onSave: (alt: string) => void };

/** « Texte alternatif » under an image: shows it, opens a field to change it, refuses an empty one. */
export function AltTextControl({ alt, onSave }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(alt);
  const [error, setError] = useState<string | null>(null);
  const valueId = useId();

  const open = () => {
    setValue(alt);
    setError(null);
    setEditing(true);
  };
  const save = () => {
    if (!value.trim()) {
      setError(t('images.altRequiredInPlace'));
      return;
    }
    onSave(value.trim());
    setEditing(false);
  };
  // Enter and Escape act here: the field sits inside the editor, which must not receive them
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(false);
    }
  };

  return (
    <div className={classes.alt} contentEditable={false} data-image-controls>
      {editing ? (
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            size="xs"
            label={t('images.alt')}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              if (error && event.currentTarget.value.trim()) setError(null);
            }}
            onKeyDown={onKeyDown}
            error={error}
            maxLength={MAX_ALT_CHARS}
            required
            autoFocus
            style={{ flex: '1 1 18rem' }}
          />
          <Group gap={6} mt={22}>
            <Button size="compact-sm" onClick={save}>
              {t('images.altSave')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Group>
      ) : (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="light"
            color={alt ? 'gray' : 'red'}
            onClick={open}
            aria-describedby={valueId}
          >
            {t('images.alt')}
          </Button>
          <Text id={valueId} size="xs" c={alt ? 'dimmed' : 'red'} truncate="end">
            {alt || t('images.altMissing')}
          </Text>
        </Group>
      )}
    </div>
  );
}
