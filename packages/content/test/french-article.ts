// One realistic démocratieS article, used by the renderer snapshots.
import { bold, br, doc, h, hr, img, italic, li, link, ol, p, quote, text, ul } from './builders.js';

export const MEDIA_ID = '6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';

export const frenchArticle = doc(
  p(
    text('À Loos-en-Gohelle, la '),
    text('participation citoyenne', bold),
    text(" n'est pas un slogan : depuis vingt ans, la commune associe ses habitant·es à "),
    text('chaque', italic),
    text(' grande décision.'),
  ),
  h(2, 'Une démocratie du quotidien'),
  p(
    text('Le dispositif « Fifty-fifty » repose sur un principe simple, décrit sur '),
    text('le site de la ville', link('https://www.loos-en-gohelle.fr/')),
    text(' : la mairie apporte les moyens, les habitant·es le temps.'),
    br,
    text('Pour en savoir plus, écrivez à '),
    text('redaction@democraties.fr', link('mailto:redaction@democraties.fr')),
    text('.'),
  ),
  h(3, 'Ce qui a changé'),
  ul(
    li(p(text('des jardins partagés dans chaque quartier ;'))),
    li(
      p(text('un budget participatif '), text('voté', bold, italic), text(' chaque année ;')),
      ul(li(p(text('dont 30 % pour la jeunesse')))),
    ),
    li(p(text("l'éclairage public repensé avec les riverain·es."))),
  ),
  h(4, 'Les étapes'),
  ol(
    1,
    li(p(text('Repérer un besoin'))),
    li(p(text('Constituer un binôme élu·e – habitant·e'))),
    li(p(text('Réaliser, puis évaluer'))),
  ),
  quote(p(text('« On ne décide plus pour les gens, on décide avec eux. »')), p(text('— Un adjoint au maire'))),
  img({
    src: '/media/2026/loos-jardin.jpg',
    alt: 'Des habitant·es plantent des arbres fruitiers dans un jardin partagé',
    caption: 'Le jardin partagé de la cité 5, au printemps 2025.',
    mediaId: MEDIA_ID,
  }),
  hr,
  p(
    text('Cet article fait partie du dossier '),
    text('Les communes sauveront-elles la démocratie ?', italic),
    text('.'),
  ),
);
