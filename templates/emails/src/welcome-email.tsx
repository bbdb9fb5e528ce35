import { Heading, Link, Section, Text } from '@react-email/components';
import { Layout } from './layout';
import { assertWebUrl, checkBrand, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { colors, quoted, quotedList, styles, type EmailBrand, type EmailIdentity } from './theme';

export type WelcomeList = { name: string; description: string; unsubscribeUrl: string };

/** One welcome for every list a confirmation click confirmed, in the look of the first one's newsletter. */
export type WelcomeProps = {
  identity: EmailIdentity;
  /** the first list's newsletter branding; null: the association's plain identity */
  brand: EmailBrand | null;
  /** in list order, at least one; each with its own one-click unsubscribe link */
  lists: WelcomeList[];
  preferencesUrl: string;
};

/** « Vous êtes inscrit·e à « A » et à « B ». » */
function subscribedSentence(names: readonly string[]): string {
  const all = names.map(quoted);
  const joined = all.length < 2 ? all[0] : `${all.slice(0, -1).join(', à ')} et à ${all.at(-1)}`;
  return `Vous êtes inscrit·e à ${joined}.`;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean);
}

export function WelcomeEmail({ identity, brand, lists, preferencesUrl }: WelcomeProps) {
  const names = lists.map((list) => list.name);
  const welcome = paragraphsOf(brand?.welcomeText ?? '');
  const accent = brand?.accent ?? colors.accent;
  const link = { ...styles.blockLink, color: accent };
  return (
    <Layout
      identity={identity}
      brand={brand}
      preview={`Votre inscription à ${quotedList(names)} est confirmée.`}
      reason={`Vous recevez ce message parce que vous venez de confirmer votre inscription à ${quotedList(names)}.`}
    >
      <Heading as="h1" style={styles.heading}>
        Bienvenue&nbsp;!
      </Heading>
      <Text style={styles.paragraph}>{subscribedSentence(names)}</Text>
      {(welcome.length ? welcome : ['Merci de votre intérêt.']).map((paragraph, index) => (
        <Text key={index} style={styles.paragraph}>
          {paragraph}
        </Text>
      ))}
      <Heading as="h2" style={styles.subheading}>
        Ce que vous recevrez
      </Heading>
      <Section style={{ borderLeft: `4px solid ${accent}`, padding: '4px 0 4px 16px', margin: '0 0 20px' }}>
        {lists.map((list, index) => (
          <Text key={index} style={{ ...styles.paragraph, margin: index === lists.length - 1 ? 0 : '0 0 12px' }}>
            <strong>{quoted(list.name)}</strong>
            {list.description.trim() !== '' && (
              <>
                <br />
                <span style={{ color: colors.muted }}>{list.description}</span>
              </>
            )}
          </Text>
        ))}
      </Section>
      <Heading as="h2" style={styles.subheading}>
        Vos choix
      </Heading>
      <Text style={styles.paragraph}>
        Vous pouvez à tout moment choisir les lettres que vous recevez, ou ne plus en recevoir aucune&nbsp;:
      </Text>
      <Section style={{ margin: '0 0 16px' }}>
        <Text style={{ margin: 0 }}>
          <Link href={preferencesUrl} style={link}>
            Gérer mes préférences d’inscription
          </Link>
        </Text>
        {lists.map((list, index) => (
          <Text key={index} style={{ margin: 0 }}>
            <Link href={list.unsubscribeUrl} style={link}>
              Me désinscrire de {quoted(list.name)}
            </Link>
          </Text>
        ))}
      </Section>
    </Layout>
  );
}

export async function renderWelcome(props: WelcomeProps): Promise<RenderedEmail> {
  if (props.lists.length === 0) throw new TypeError('lists must name at least one list');
  // copy only the known fields, so nothing else can reach the email
  const lists = props.lists.map((list) => ({
    name: list.name,
    description: list.description,
    unsubscribeUrl: assertWebUrl('unsubscribeUrl', list.unsubscribeUrl),
  }));
  const element = (
    <WelcomeEmail
      identity={checkIdentity(props.identity)}
      brand={checkBrand(props.brand)}
      lists={lists}
      preferencesUrl={assertWebUrl('preferencesUrl', props.preferencesUrl)}
    />
  );
  return renderEmail({ subject: `Inscription confirmée à ${quotedList(lists.map((l) => l.name))}`, element });
}
