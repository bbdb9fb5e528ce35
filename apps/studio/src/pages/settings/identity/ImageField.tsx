import { Button, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityImage } from '@crieur/api';
import { MediaLibraryModal } from '../../editorial/MediaLibraryModal';

type Props = {
  label: string;
  description: string;
  /** What the reader gets while no image is chosen. */
  empty: string;
  /** The media library's title when choosing. */
  pickTitle: string;
  value: IdentityImage | null;
  onChange: (value: IdentityImage | null) => void;
  error?: string;
  /** The preview's shape: a logo stays small, a banner spans the width. */
  shape: 'logo' | 'banner';
};

/** A logo or banner: its preview and alt text, or a helpful empty state; chosen from (or uploaded to) the library. */
export function ImageField({ label, description, empty, pickTitle, value, onChange, error, shape }: Props) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <Paper withBorder p="sm" radius="md" mt={6}>
        <Group align="center" gap="md" wrap="wrap">
          {value ? (
            <Image
              src={value.url}
              alt={value.alt}
              h={shape === 'logo' ? 64 : 90}
              w={shape === 'logo' ? 'auto' : 240}
              maw={240}
              fit="contain"
              radius="sm"
              bg="gray.1"
            />
          ) : (
            <Stack align="center" justify="center" gap={2} w={shape === 'logo' ? 96 : 240} h={64} bg="gray.1">
              <IconPhoto size={24} aria-hidden color="var(--mantine-color-gray-6)" />
            </Stack>
          )}
          <Stack gap={6} style={{ flex: 1, minWidth: 200 }}>
            <Text size="sm" id={`${id}-state`}>
              {value ? t('identity.image.alt', { alt: value.alt }) : empty}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setPicking(true)}>
                {value ? t('identity.image.change') : t('identity.image.choose')}
              </Button>
              {value && (
                <Button size="xs" variant="subtle" color="red" onClick={() => onChange(null)}>
                  {t('identity.image.remove')}
                </Button>
              )}
            </Group>
          </Stack>
        </Group>
      </Paper>
      <MediaLibraryModal
        opened={picking}
        onClose={() => setPicking(false)}
        mode="cover"
        title={pickTitle}
        onPick={(media) => {
          onChange({ id: media.id, url: media.url, alt: media.alt });
          setPicking(false);
        }}
      />
    </Input.Wrapper>
  );
}
