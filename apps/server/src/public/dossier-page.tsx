import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';

/** The public page of a dossier: its title, lede and editorial note, then its articles (`children`). */
export function DossierPage(props: {
  title: string;
  lede: string;
  /** the editorial note, from @crieur/content's renderer over a validated document: escaped there */
  noteHtml: string;
  preview?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="dossier" className="card" style={{ marginTop: '1.5rem' }}>
      {props.preview && (
        <p className="preview-banner">
          Aperçu de la version de travail{'\u00a0'}: les lecteur·rices ne la verront qu’une fois publiée.
        </p>
      )}
      <h1 id="dossier">
        Dossier{'\u00a0'}: {ft(props.title)}
      </h1>
      {props.lede && <p className="lede">{ft(props.lede)}</p>}
      {props.noteHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: props.noteHtml }} />}
      <h2>Les articles du dossier</h2>
      {props.children}
    </section>
  );
}
