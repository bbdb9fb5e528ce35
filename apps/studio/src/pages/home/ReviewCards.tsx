import { Anchor, Badge, Blockquote, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChecklist, IconFileText } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyArticle, ReviewQueueItem } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { QueryView } from '../../components/QueryView';
import { useCurrentUser } from '../../session/session-context';
import { ARTICLE_STATUS_COLORS, formatDate } from '../editorial/format';

const editorPath = (id: string) => `/editorial/articles/${id}`;
const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** The home page's review cards: « À relire » for editors and admins, « Mes articles » for whoever writes. */
export function ReviewCards() {
  const { role } = useCurrentUser();
  const editor = role === 'admin' || role === 'editor';
  if (!editor && role !== 'author') return null;
  return (
    <SimpleGrid cols={{ base: 1, md: editor ? 2 : 1 }} spacing="lg" mb="xl">
      {editor && <ReviewQueueCard />}
      <MyArticlesCard />
    </SimpleGrid>
  );
}

function HomeCard({
  id,
  icon,
  title,
  description,
  children,
}: {
  id: string;
  icon: ReactNode;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Group gap="sm" mb={4} wrap="nowrap">
        <ThemeIcon variant="light" size="lg" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}

function ReviewQueueCard() {
  const { t } = useTranslation();
  const queue = useApiQuery('GET /api/articles/review-queue');
  return (
    <HomeCard
      id="home-review-queue"
      icon={<IconChecklist size={20} />}
      title={t('review.queue.title')}
      description={t('review.queue.description')}
    >
      <QueryView query={queue}>
        {({ articles }) =>
          articles.length === 0 ? (
            <Text size="sm">{t('review.queue.empty')}</Text>
          ) : (
            <Stack component="ol" gap="sm" style={listStyle}>
              {articles.map((item) => (
                <QueueItem key={item.id} item={item} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </HomeCard>
  );
}

function QueueItem({ item }: { item: ReviewQueueItem }) {
  const { t, i18n } = useTranslation();
  const title = item.title || t('review.untitled');
  const by = item.authors.length ? item.authors.join(', ') : item.owner;
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
        <Anchor component={Link} to={editorPath(item.id)} fw={600} aria-label={t('review.queue.open', { title })}>
          {title}
        </Anchor>
        <Badge
          size="sm"
          variant="light"
          color={item.updateInReview ? 'grape' : 'yellow'}
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {item.updateInReview ? t('review.queue.update') : t('review.queue.submission')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('review.queue.sent', { date: formatDate(item.sentAt, i18n.language) })}
        {by && ` ${t('review.queue.by', { name: by })}`}
      </Text>
      {item.note && (
        <Blockquote p={6} mt={4} fz="sm" color="yellow" aria-label={t('review.queue.note')}>
          {item.note}
        </Blockquote>
      )}
    </li>
  );
}

function MyArticlesCard() {
  const { t } = useTranslation();
  const mine = useApiQuery('GET /api/articles/mine');
  return (
    <HomeCard
      id="home-my-articles"
      icon={<IconFileText size={20} />}
      title={t('review.mine.title')}
      description={t('review.mine.description')}
    >
      <QueryView query={mine}>
        {({ articles }) =>
          articles.length === 0 ? (
            <Text size="sm">
              {t('review.mine.empty')}{' '}
              <Anchor component={Link} to="/editorial">
                {t('review.mine.write')}
              </Anchor>
            </Text>
          ) : (
            <Stack gap="sm">
              <Stack component="ul" gap="sm" style={listStyle}>
                {articles.slice(0, 8).map((item) => (
                  <MyArticleItem key={item.id} item={item} />
                ))}
              </Stack>
              {articles.length > 8 && (
                <Anchor component={Link} to="/editorial" size="sm">
                  {t('review.all')}
                </Anchor>
              )}
            </Stack>
          )
        }
      </QueryView>
    </HomeCard>
  );
}

/** "En relecture par l’équipe éditoriale", "Programmé pour le 3 mars 2026"…: the state in words. */
export function stateInWords(item: MyArticle, t: TFunction, language: string): string {
  if (item.status === 'published' && item.updateInReview) return t('review.mine.states.updateInReview');
  if (item.status === 'scheduled')
    return t('review.mine.states.scheduled', { date: formatDate(item.scheduledAt, language) });
  if (item.status === 'published')
    return t('review.mine.states.published', { date: formatDate(item.publishedAt, language) });
  return t(`review.mine.states.${item.status}`);
}

function MyArticleItem({ item }: { item: MyArticle }) {
  const { t, i18n } = useTranslation();
  const title = item.title || t('review.untitled');
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
        <Anchor component={Link} to={editorPath(item.id)} fw={600} aria-label={t('review.mine.open', { title })}>
          {title}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {t('review.mine.updated', { date: formatDate(item.updatedAt, i18n.language) })}
        </Text>
      </Group>
      <Group gap={6} mt={2}>
        <Badge size="xs" variant="dot" color={ARTICLE_STATUS_COLORS[item.status]} tt="none">
          {stateInWords(item, t, i18n.language)}
        </Badge>
      </Group>
      {item.decision && (
        <Blockquote p={6} mt={4} fz="sm" color="orange">
          <Text size="xs" c="dimmed" mb={2}>
            {t('review.mine.decision', {
              name: item.decision.by ?? '—',
              date: formatDate(item.decision.at, i18n.language),
            })}
          </Text>
          {item.decision.body}
        </Blockquote>
      )}
    </li>
  );
}
