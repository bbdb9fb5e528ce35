import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { EmailImage } from '@crieur/content';
import { colors, fontFamily, titleFonts, type EmailBrand, type EmailIdentity } from './theme';

export type LayoutProps = {
  /** the association sending it: name in the masthead and footer, logo, postal address */
  identity: EmailIdentity;
  /** a newsletter's colours, title and banner (its welcome email); absent: the association's plain look */
  brand?: EmailBrand | null;
  /** the line mail clients show after the subject */
  preview: string;
  /** why the reader gets this email, shown in the footer */
  reason: ReactNode;
  children: ReactNode;
};

const footerText = { color: colors.muted, fontSize: '13px', lineHeight: '20px', margin: 0 };
// muted on canvas keeps 7:1; 12px above and below make a 44px tap target
const footerLink = { color: colors.muted, textDecoration: 'underline', display: 'inline-block', padding: '12px 0' };

function Picture({ image, style }: { image: EmailImage; style?: CSSProperties }) {
  // width and height set: the layout does not jump while images load, and Outlook keeps the size
  return (
    <Img
      src={image.url}
      width={image.width}
      height={image.height}
      alt={image.alt}
      style={{ display: 'block', border: 0, maxWidth: '100%', height: 'auto', ...style }}
    />
  );
}

/** Lines typed in a textarea, one <br/> between each. */
export function Lines({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** Masthead, 600px card and footer shared by every transactional email, in the association's identity. */
export function Layout({ identity, brand, preview, reason, children }: LayoutProps) {
  const accent = brand?.accent ?? colors.accent;
  return (
    <Html lang="fr" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.canvas, fontFamily, margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: '600px', width: '100%', margin: '0 auto' }}>
          {identity.logo && (
            <Section style={{ backgroundColor: colors.paper, padding: '16px 28px', borderRadius: '8px 8px 0 0' }}>
              <Picture image={identity.logo} />
            </Section>
          )}
          <Section
            style={{
              backgroundColor: accent,
              padding: '20px 28px',
              borderRadius: identity.logo ? 0 : '8px 8px 0 0',
            }}
          >
            <Text
              style={{
                color: '#ffffff',
                fontSize: '26px',
                lineHeight: '32px',
                fontWeight: 700,
                margin: 0,
                fontFamily: brand ? titleFonts[brand.titleFont] : fontFamily,
              }}
            >
              {brand ? brand.title : identity.name}
            </Text>
            {brand && brand.title.trim() !== identity.name.trim() && (
              <Text style={{ color: '#ffffff', fontSize: '14px', lineHeight: '20px', margin: '4px 0 0' }}>
                {identity.name}
              </Text>
            )}
          </Section>
          {brand?.banner && (
            <Section style={{ backgroundColor: colors.paper }}>
              <Picture image={brand.banner} style={{ width: '100%' }} />
            </Section>
          )}
          <Section style={{ backgroundColor: colors.paper, padding: '32px 28px 16px', borderRadius: '0 0 8px 8px' }}>
            {children}
          </Section>
          <Section style={{ padding: '20px 28px 0' }}>
            <Text style={{ ...footerText, margin: '0 0 12px' }}>{reason}</Text>
            <Hr style={{ borderColor: colors.rule, margin: '0 0 12px' }} />
            <Text style={footerText}>
              <strong>{identity.name}</strong>
              {identity.postalAddress.trim() !== '' && (
                <>
                  <br />
                  <Lines text={identity.postalAddress} />
                </>
              )}
            </Text>
            <Text style={{ ...footerText, margin: 0 }}>
              <Link href={identity.legalLinks.mentions} style={footerLink}>
                Mentions légales
              </Link>
              {' · '}
              <Link href={identity.legalLinks.privacy} style={footerLink}>
                Confidentialité
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
