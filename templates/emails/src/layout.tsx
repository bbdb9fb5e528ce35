import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { colors, fontFamily } from './theme';

export type LayoutProps = {
  /** the line mail clients show after the subject */
  preview: string;
  /** why the reader gets this email, shown in the footer */
  reason: ReactNode;
  children: ReactNode;
};

export const ASSOCIATION = 'démocratieS · Institut de la concertation et de la participation citoyenne';

/** Identity, 600px card and footer shared by every transactional email. */
export function Layout({ preview, reason, children }: LayoutProps) {
  return (
    <Html lang="fr" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.canvas, fontFamily, margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: '600px', width: '100%', margin: '0 auto' }}>
          <Section style={{ backgroundColor: colors.accent, padding: '20px 28px', borderRadius: '8px 8px 0 0' }}>
            <Text style={{ color: '#ffffff', fontSize: '26px', lineHeight: '32px', fontWeight: 700, margin: 0 }}>
              démocratieS
            </Text>
            <Text style={{ color: '#ffffff', fontSize: '14px', lineHeight: '20px', margin: '4px 0 0' }}>
              Institut de la concertation et de la participation citoyenne
            </Text>
          </Section>
          <Section style={{ backgroundColor: colors.paper, padding: '32px 28px 16px', borderRadius: '0 0 8px 8px' }}>
            {children}
          </Section>
          <Section style={{ padding: '20px 28px 0' }}>
            <Text style={{ color: colors.muted, fontSize: '13px', lineHeight: '20px', margin: '0 0 12px' }}>
              {reason}
            </Text>
            <Hr style={{ borderColor: colors.rule, margin: '0 0 12px' }} />
            <Text style={{ color: colors.muted, fontSize: '13px', lineHeight: '20px', margin: 0 }}>{ASSOCIATION}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
