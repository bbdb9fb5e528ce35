import { Alert, Button, Checkbox, CopyButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMBED_ORIGINS_MAX, embedSnippet, parseEmbedOrigin, type EmbedForm } from '@crieur/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { errorMessage, fieldErrors } from '../../i18n/error-message';
import { SectionHeader } from '../SectionPage';

/** « Formulaire à intégrer » (admins): the sites allowed to post it, and the HTML to paste there. */
export function EmbedFormPage() {
  const query = useApiQuery('GET /api/embed-form');
  return (
    <Stack gap="xl">
      <SectionHeader section="embedForm" />
      <QueryView query={query}>
        {({ embedForm }) => (
          <>
            <OriginsForm embedForm={embedForm} />
            <Snippet embedForm={embedForm} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The same checks as the server's, before sending: each wrong line says what is wrong with it. */
function localProblems(text: string, max: string): string[] {
  const lines = linesOf(text);
  const problems = lines.flatMap((line) => {
    const parsed = parseEmbedOrigin(line);
    return 'error' in parsed ? [parsed.error] : [];
  });
  if (new Set(lines).size > EMBED_ORIGINS_MAX) problems.push(max);
  return problems;
}

function OriginsForm({ embedForm }: { embedForm: EmbedForm }) {
  const { t } = useTranslation();
  const [text, setText] = useState(embedForm.origins.join('\n'));
  const [problems, setProblems] = useState<string[]>([]);
  const save = useApiMutation('PUT /api/embed-form', {
    invalidates: ['GET /api/embed-form', 'GET /api/audit'],
    onSuccess: (data) => {
      setText(data.embedForm.origins.join('\n'));
      notifications.show({ color: 'teal', message: t('embedForm.saved') });
    },
  });
  const serverProblems = Object.values(fieldErrors(save.error));
  const unplaced = save.error && serverProblems.length === 0 ? errorMessage(t, save.error) : undefined;
  const shown = problems.length ? problems : serverProblems;
  const max = t('embedForm.max', { max: EMBED_ORIGINS_MAX });

  return (
    <section aria-labelledby="embed-origins">
      <Title order={2} size="h3" id="embed-origins" mb={4}>
        {t('embedForm.originsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('embedForm.originsIntro')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = localProblems(text, max);
          setProblems(found);
          if (found.length === 0) save.mutate({ body: { origins: linesOf(text) } });
        }}
      >
        <Stack gap="sm" maw={640}>
          {unplaced && (
            <Alert color="red" role="alert" title={t('embedForm.failed')}>
              {unplaced}
            </Alert>
          )}
          <Textarea
            label={t('embedForm.originsLabel')}
            description={t('embedForm.originsHint', { max: EMBED_ORIGINS_MAX })}
            placeholder="https://www.i-cpc.org"
            autosize
            minRows={3}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setProblems([]);
            }}
            onBlur={() => setProblems(localProblems(text, max))}
            error={
              shown.length ? (
                <span role="alert">
                  {shown.map((p) => (
                    <span key={p} style={{ display: 'block' }}>
                      {p}
                    </span>
                  ))}
                </span>
              ) : undefined
            }
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('embedForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

function Snippet({ embedForm }: { embedForm: EmbedForm }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(embedForm.lists.map((l) => l.slug));
  const lists = embedForm.lists.filter((l) => chosen.includes(l.slug));
  const html = embedSnippet(embedForm, lists);
  return (
    <section aria-labelledby="embed-snippet">
      <Title order={2} size="h3" id="embed-snippet" mb={4}>
        {t('embedForm.snippetTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('embedForm.snippetIntro')}
      </Text>
      <Stack gap="md" maw={760}>
        {embedForm.origins.length === 0 && (
          <Alert color="yellow" title={t('embedForm.noOriginTitle')}>
            {t('embedForm.noOrigin')}
          </Alert>
        )}
        <Checkbox.Group label={t('embedForm.listsLabel')} value={chosen} onChange={setChosen}>
          <Stack gap={6} mt={6}>
            {embedForm.lists.map((list) => (
              <Checkbox key={list.slug} value={list.slug} label={list.name} description={list.description} />
            ))}
          </Stack>
        </Checkbox.Group>
        {lists.length === 0 && (
          <Alert color="red" role="alert">
            {t('embedForm.noList')}
          </Alert>
        )}
        <Textarea
          label={t('embedForm.codeLabel')}
          value={html}
          readOnly
          autosize
          minRows={8}
          maxRows={24}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Group>
          <CopyButton value={html}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal' : undefined} disabled={lists.length === 0}>
                {copied ? t('embedForm.copied') : t('embedForm.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </section>
  );
}
