import { Button, Group, Popover, TextInput } from '@mantine/core';
import { RichTextEditor, useRichTextEditorContext } from '@mantine/tiptap';
import { IconLink } from '@tabler/icons-react';
import { useEditorState } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ALLOWED = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** "Lien": a small form with "Adresse du lien" and "Appliquer" (an empty address removes the link). */
export function LinkControl() {
  const { t } = useTranslation();
  const { editor } = useRichTextEditorContext();
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = useEditorState({
    editor,
    selector: (state) => (state.editor && !state.editor.isDestroyed ? state.editor.isActive('link') : false),
  });

  const open = () => {
    const href = editor?.getAttributes('link').href;
    setUrl(typeof href === 'string' ? href : '');
    setError(null);
    setOpened(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!editor) return;
    let href = url.trim();
    // "www.example.org" is what people paste: make it an address
    if (/^www\./i.test(href)) href = `https://${href}`;
    if (href && !ALLOWED.test(href)) {
      setError(t('editorial.editor.linkForm.invalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (!href) chain.unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive('link')) {
      // nothing selected: insert the address itself as the link text
      chain
        .insertContent({
          type: 'text',
          text: href.replace(/^mailto:/i, ''),
          marks: [{ type: 'link', attrs: { href } }],
        })
        .run();
    } else chain.setLink({ href }).run();
    setOpened(false);
    // the popover gives the focus back to its button: the writer goes on typing in the text
    requestAnimationFrame(() => editor.commands.focus());
  };

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus shadow="md" withinPortal position="bottom" zIndex={10000}>
      <Popover.Target>
        <RichTextEditor.Control
          aria-label={t('editorial.editor.toolbar.link')}
          title={t('editorial.editor.toolbar.link')}
          active={active ?? false}
          onClick={() => (opened ? setOpened(false) : open())}
        >
          <IconLink size={16} stroke={1.5} aria-hidden />
        </RichTextEditor.Control>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={apply} noValidate>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label={t('editorial.editor.linkForm.url')}
              placeholder={t('editorial.editor.linkForm.placeholder')}
              type="url"
              size="xs"
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setOpened(false);
              }}
              error={error}
              w={260}
              data-autofocus
            />
            <Button type="submit" size="xs" mt={22}>
              {t('editorial.editor.linkForm.apply')}
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
