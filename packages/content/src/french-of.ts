// French "de" before an organisation's name: the emails and the studio say « l’équipe de l’Institut… », never « d’Institut ».

// the first word of a name that calls for an article, with its gender: « de l’Institut », « du Réseau », « de la Maison »
const ARTICLE_BY_NOUN = new Map<string, 'le' | 'la'>([
  ...words('institut observatoire office atelier espace centre reseau collectif conseil comite syndicat', 'le'),
  ...words('mouvement groupe cercle club forum laboratoire pole fonds', 'le'),
  ...words('association agence union ecole alliance academie assemblee federation maison fondation', 'la'),
  ...words('coordination ligue societe mutuelle cooperative plateforme fabrique commission', 'la'),
]);

function words(list: string, article: 'le' | 'la'): [string, 'le' | 'la'][] {
  return list.split(' ').map((w) => [w, article]);
}

const bare = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const VOWEL = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;
// an acronym read letter by letter whose first letter sounds like a vowel takes « l’ »: l’ICPC, l’ONU, l’EHESS
const VOWEL_SOUND_LETTER = /^[AEFHILMNORSUXY]/;

/** « de démocratieS », « de l’Institut de la concertation… », « du Réseau… », « de l’ICPC », « du Collectif » (Le …). */
export function frenchOf(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  const le = /^le\s+(.+)$/i.exec(text);
  if (le) return `du ${le[1]}`;
  const les = /^les\s+(.+)$/i.exec(text);
  if (les) return `des ${les[1]}`;
  if (/^(la\s|l['’])/i.test(text)) return `de ${text}`;
  const first = text.split(/[\s’'-]/)[0] ?? '';
  const article = ARTICLE_BY_NOUN.get(bare(first));
  if (article) return VOWEL.test(text) ? `de l’${text}` : article === 'le' ? `du ${text}` : `de la ${text}`;
  if (/^[A-Z]{2,}$/.test(first)) return VOWEL_SOUND_LETTER.test(first) ? `de l’${text}` : `de ${text}`;
  return VOWEL.test(text) ? `d’${text}` : `de ${text}`;
}
