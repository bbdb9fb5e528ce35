import { frenchTypography as ft } from '@crieur/content';
import { MessagePage } from './layout';

export type PreferencesView = {
  token: string;
  email: string;
  lists: { id: number; name: string; description: string; visibility: 'public' | 'private'; subscribed: boolean }[];
  saved?: boolean;
};

export function PreferencesPage(props: PreferencesView) {
  const action = `/preferences/${encodeURIComponent(props.token)}`;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="titre">
        <h1 id="titre">Gérer mes abonnements</h1>
        <p>Pour l’adresse {props.email}.</p>
        {props.saved && (
          // in the text's own colour and bold: the muted notice style read as a footnote, not as the answer
          <p role="status">
            <strong>Vos choix sont enregistrés.</strong>
          </p>
        )}
        <form method="post" action={action}>
          <input type="hidden" name="action" value="save" />
          <fieldset>
            <legend>Les lettres que je reçois</legend>
            {props.lists.map((l) => (
              <div className="choice" key={l.id}>
                <input
                  type="checkbox"
                  id={`liste-${l.id}`}
                  name="lists"
                  value={String(l.id)}
                  defaultChecked={l.subscribed}
                />
                <label htmlFor={`liste-${l.id}`}>
                  {ft(l.name)}
                  <span className="desc">
                    {l.visibility === 'private'
                      ? `${ft(l.description)} (réservée aux adhérent·es\u00a0: décochez pour ne plus la recevoir)`
                      : ft(l.description)}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit">Enregistrer mes choix</button>
        </form>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="unsubscribe_all" />
          <button type="submit" className="secondary">
            Me désinscrire de tout
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="donnees">
        <h2 id="donnees">Mes données</h2>
        <p>
          Téléchargez tout ce que nous savons de vous, ou effacez-le. L’effacement est définitif{'\u00a0'}: nous ne
          gardons qu’une empreinte irréversible de l’adresse pour ne plus jamais vous écrire.
        </p>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="export" />
          <button type="submit" className="secondary">
            Télécharger mes données (JSON)
          </button>
        </form>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="erase" />
          <div className="choice">
            <input type="checkbox" id="confirmer-effacement" name="confirm" value="yes" required />
            <label htmlFor="confirmer-effacement">Je comprends que l’effacement est définitif</label>
          </div>
          <button type="submit" className="danger">
            Effacer mes données
          </button>
        </form>
      </section>
    </div>
  );
}

export function ErasedPage() {
  return (
    <MessagePage heading="Vos données sont effacées">
      <p>
        Nous ne vous écrirons plus. Seule une empreinte irréversible de votre adresse reste, pour que personne ne puisse
        vous réinscrire.
      </p>
    </MessagePage>
  );
}
