// Mentions légales, politique de confidentialité, contact: the admins' facts and free text, and on the privacy
// page the sections the code generates from what the system really does. An empty field never shows its label.
import { LEGAL_FIELDS, type LegalFieldSpec, type LegalSlug } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';
import type { PrivacyLine, PrivacySection } from './privacy-facts';

export type LegalPageData = {
  slug: LegalSlug;
  title: string;
  /** the free text, already rendered to HTML by @crieur/content (escaped, typeset) */
  bodyHtml: string;
  fields: Record<string, string>;
  updatedAt: Date;
};

export type LegalOrganisation = { name: string; postalAddress: string; replyTo: string };

const parisDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** A field's value as readers see it: what admins typed, else the organisation's value or the default text. */
export function shownValue(spec: LegalFieldSpec, fields: Record<string, string>, org: LegalOrganisation): string {
  const typed = (fields[spec.name] ?? '').trim();
  if (typed) return typed;
  if (spec.fallback) return org[spec.fallback].trim();
  return spec.defaultText ?? '';
}

const spec = (slug: LegalSlug, name: string) => LEGAL_FIELDS[slug].find((s) => s.name === name)!;

function Lines({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {ft(line)}
        </span>
      ))}
    </>
  );
}

function Value({ kind, value }: { kind: LegalFieldSpec['kind']; value: string }) {
  if (kind === 'email') return <a href={`mailto:${value}`}>{value}</a>;
  if (kind === 'phone') return <a href={`tel:${value.replace(/[^+\d]/g, '')}`}>{value}</a>;
  return <Lines text={value} />;
}

/** A definition list of the fields that have a value; nothing at all when none has. */
function Facts({
  slug,
  names,
  fields,
  org,
}: {
  slug: LegalSlug;
  names: string[];
  fields: Record<string, string>;
  org: LegalOrganisation;
}) {
  const shown = names.map((n) => spec(slug, n)).map((s) => ({ s, value: shownValue(s, fields, org) }));
  const filled = shown.filter((x) => x.value !== '');
  if (filled.length === 0) return null;
  return (
    <dl className="legal-facts">
      {filled.map(({ s, value }) => (
        <div key={s.name}>
          <dt>{ft(s.label)}</dt>
          <dd>
            <Value kind={s.kind} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="legal-section">
      <h2 id={id}>{ft(heading)}</h2>
      {children}
    </section>
  );
}

/** A section only when one of its fields has a value: a page never shows an empty heading either. */
function FactsSection(props: {
  id: string;
  heading: string;
  slug: LegalSlug;
  names: string[];
  fields: Record<string, string>;
  org: LegalOrganisation;
}) {
  const { id, heading, ...facts } = props;
  if (!facts.names.some((n) => shownValue(spec(facts.slug, n), facts.fields, facts.org) !== '')) return null;
  return (
    <Section id={id} heading={heading}>
      <Facts {...facts} />
    </Section>
  );
}

function Line({ line }: { line: PrivacyLine }) {
  if (typeof line === 'string') return <>{ft(line)}</>;
  return (
    <>
      {ft(line.text)}
      <a href={line.link.href}>{ft(line.link.label)}</a>
      {line.after ? ft(line.after) : null}
    </>
  );
}

function Generated({ sections }: { sections: PrivacySection[] }) {
  return (
    <>
      {sections.map((s) => (
        <Section key={s.id} id={s.id} heading={s.heading}>
          {s.paragraphs.map((p, i) => (
            <p key={i}>
              <Line line={p} />
            </p>
          ))}
          {s.items && s.items.length > 0 && (
            <ul>
              {s.items.map((item, i) => (
                <li key={i}>
                  <Line line={item} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      ))}
    </>
  );
}

// the seeded body is one empty paragraph: no text, nothing to show
const hasText = (html: string) => html.replace(/<[^>]*>/g, '').trim() !== '';

function FreeText({ html, heading }: { html: string; heading?: string }) {
  if (!hasText(html)) return null;
  const prose = <div className="prose legal-prose" dangerouslySetInnerHTML={{ __html: html }} />;
  return heading ? (
    <Section id="complements" heading={heading}>
      {prose}
    </Section>
  ) : (
    prose
  );
}

/** One legal page: an H1, the page's facts in H2 sections, the admins' text, and the privacy page's generated part. */
export function LegalPageView(props: { page: LegalPageData; org: LegalOrganisation; privacy?: PrivacySection[] }) {
  const { page, org } = props;
  const common = { slug: page.slug, fields: page.fields, org };
  return (
    <article className="legal" aria-labelledby="titre">
      <header className="legal-head">
        <h1 id="titre">{ft(page.title)}</h1>
        <p className="legal-updated">Mise à jour le {parisDay.format(page.updatedAt)}</p>
      </header>
      {page.slug === 'mentions-legales' && (
        <>
          <FactsSection
            id="editeur"
            heading="Éditeur du site"
            names={['publisher', 'legalStatus', 'address', 'registration', 'email', 'phone']}
            {...common}
          />
          <FactsSection id="publication" heading="Publication" names={['director']} {...common} />
          <FactsSection
            id="hebergement"
            heading="Hébergement"
            names={['hostName', 'hostAddress', 'hostPhone']}
            {...common}
          />
          <FreeText html={page.bodyHtml} heading="Informations complémentaires" />
        </>
      )}
      {page.slug === 'confidentialite' && (
        <>
          <FreeText html={page.bodyHtml} />
          <Generated sections={props.privacy ?? []} />
        </>
      )}
      {page.slug === 'contact' && (
        <>
          {(page.fields.intro ?? '').trim() && (
            <p className="lede">
              <Lines text={page.fields.intro!} />
            </p>
          )}
          <FactsSection id="nous-ecrire" heading="Nous joindre" names={['email', 'address', 'phone']} {...common} />
          <FreeText html={page.bodyHtml} heading="Informations complémentaires" />
          <Section id="vos-donnees" heading="Vos données">
            <p>
              {ft('Pour vos abonnements et vos données personnelles, voir notre ')}
              <a href="/confidentialite">politique de confidentialité</a>
              {ft(' : le lien « Gérer mes préférences » en bas de chaque lettre permet de tout changer vous-même.')}
            </p>
          </Section>
        </>
      )}
    </article>
  );
}
