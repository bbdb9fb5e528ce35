import { Heading, Link, Section, Text } from '@react-email/components';
import { Fragment } from 'react';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import {
  noteLabel,
  openLabel,
  reviewSentence,
  reviewSubject,
  type ReviewEventName,
  type ReviewPiece,
} from './review-wording';
import { colors, quoted, styles, type EmailIdentity } from './theme';

export type ReviewNotificationProps = {
  identity: EmailIdentity;
  event: ReviewEventName;
  piece: ReviewPiece;
  /** who did it: a name, else an address; null if unknown */
  actor: string | null;
  /** the note or comment that came with it, and the passage it is anchored to ('' for a general one) */
  comment: { body: string; quote: string } | null;
  /** the piece in the studio */
  openUrl: string;
  /** the studio's settings page, where review emails are turned off */
  settingsUrl: string;
};

export function ReviewNotificationEmail({
  identity,
  event,
  piece,
  actor,
  comment,
  openUrl,
  settingsUrl,
}: ReviewNotificationProps) {
  const sentence = reviewSentence(event, piece, actor);
  return (
    <Layout
      identity={identity}
      preview={sentence}
      reason={
        <>
          Vous recevez ce message parce que les notifications de relecture sont activées dans vos préférences.{' '}
          <Link href={settingsUrl} style={styles.link}>
            Modifier mes préférences de notification
          </Link>
        </>
      }
    >
      <Heading as="h1" style={styles.heading}>
        {reviewSubject(event, piece)}
      </Heading>
      <Text style={styles.paragraph}>{sentence}</Text>
      {comment && comment.body.trim() !== '' && (
        <Section style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 16px', margin: '0 0 20px' }}>
          <Text style={{ ...styles.small, margin: '0 0 8px' }}>
            <strong>{noteLabel(event)}</strong>
            {comment.quote.trim() !== '' && <> sur le passage {quoted(comment.quote.trim())}</>}
            &nbsp;:
          </Text>
          <Text style={{ ...styles.paragraph, margin: 0 }}>
            {comment.body
              .trim()
              .split(/\r?\n/)
              .map((line, index) => (
                <Fragment key={index}>
                  {index > 0 && <br />}
                  {line}
                </Fragment>
              ))}
          </Text>
        </Section>
      )}
      <CallToAction href={openUrl} label={openLabel(event, piece)} />
    </Layout>
  );
}

export async function renderReviewNotification(props: ReviewNotificationProps): Promise<RenderedEmail> {
  const openUrl = assertWebUrl('openUrl', props.openUrl);
  const settingsUrl = assertWebUrl('settingsUrl', props.settingsUrl);
  // copy only the known fields, so nothing else can reach the email
  const piece: ReviewPiece = { kind: props.piece.kind, title: props.piece.title, scheduledAt: props.piece.scheduledAt };
  const comment = props.comment ? { body: props.comment.body, quote: props.comment.quote } : null;
  return renderEmail({
    subject: reviewSubject(props.event, piece),
    element: (
      <ReviewNotificationEmail
        identity={checkIdentity(props.identity)}
        event={props.event}
        piece={piece}
        actor={props.actor}
        comment={comment}
        openUrl={openUrl}
        settingsUrl={settingsUrl}
      />
    ),
  });
}
