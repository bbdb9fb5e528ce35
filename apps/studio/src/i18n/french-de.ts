/**
 * "de" before a name, as French says it: « de Démocratie ouverte », « d’Institut… » before a vowel or a mute h,
 * « du Collectif » for « Le Collectif », « des Ateliers » for « Les Ateliers ».
 */
export function withDe(name: string): string {
  const text = name.trim();
  const le = /^le\s+(.+)$/i.exec(text);
  if (le) return `du ${le[1]}`;
  const les = /^les\s+(.+)$/i.exec(text);
  if (les) return `des ${les[1]}`;
  if (/^[aeiouyhàâäéèêëîïôöûüœæ]/i.test(text)) return `d’${text}`;
  return `de ${text}`;
}
