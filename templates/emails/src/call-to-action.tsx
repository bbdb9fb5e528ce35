import { Button, Link, Section, Text } from '@react-email/components';
import { colors, styles } from './theme';

/** A button, then the same link in plain text for clients that hide buttons or block links. */
export function CallToAction({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.accent,
          color: '#ffffff',
          fontSize: '16px',
          // 20px of text and 14px above and below: a 48px tap target
          lineHeight: '20px',
          fontWeight: 700,
          borderRadius: '6px',
          padding: '14px 24px',
          textDecoration: 'none',
        }}
      >
        {label}
      </Button>
      {/* the text version already shows the link beside the button label */}
      <Text style={{ ...styles.small, margin: '20px 0 0' }} data-skip-in-text="true">
        Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur&nbsp;:
        <br />
        <Link href={href} style={styles.url}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
