import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';
import { Picture, type CoverImage } from './picture';
import { SubscribeBox } from './reader-pages';

/** The public page of a dossier: its cover, title, lede and editorial note, then its articles (`children`). */
export function DossierPage(props: {
  title: string;
  lede: string;
  /** the editorial note, from @crieur/content's renderer over a validated document: escaped there */
  noteHtml: string;
  cover?: CoverImage | null;
  preview?: boolean;
  children: ReactNode;
}) {
  return (
    <article aria-labelledby="titre" className="dossier">
      {props.preview && (
        <p className="preview-banner">
          Aperçu de la version de travail{'\u00a0'}: les lecteur·rices ne la verront qu’une fois publiée.
        </p>
      )}
      <header className={props.cover ? 'dossier-head with-cover' : 'dossier-head'}>
        <div className="dossier-title">
          <p className="kicker">Dossier</p>
          <h1 id="titre">{ft(props.title)}</h1>
          {props.lede && <p className="lede">{ft(props.lede)}</p>}
        </div>
        {props.cover && (
          <figure className="dossier-cover">
            <Picture image={props.cover} sizes="(min-width: 75rem) 40rem, calc(100vw - 2.5rem)" priority="high" />
          </figure>
        )}
      </header>
      {props.noteHtml && <div className="prose dossier-note" dangerouslySetInnerHTML={{ __html: props.noteHtml }} />}
      <section aria-labelledby="articles-du-dossier" className="section">
        <h2 id="articles-du-dossier" className="section-title">
          Les articles du dossier
        </h2>
        {props.children}
      </section>
      {!props.preview && <SubscribeBox />}
    </article>
  );
}
