/** Where the useful cells sit in each record; -1 when the column is absent. */
export type ColumnMap = { email: number; firstName: number; lastName: number; fullName: number };

const EMAIL = new Set([
  'email',
  'mail',
  'courriel',
  'mel',
  'adressemail',
  'adresseemail',
  'adressemel',
  'adressecourriel',
  'adresseelectronique',
  'emailaddress',
  'mailaddress',
  'courrielelectronique',
]);
const FIRST_NAME = new Set(['prenom', 'prenoms', 'firstname', 'givenname']);
const LAST_NAME = new Set(['nom', 'lastname', 'nomdefamille', 'surname', 'familyname']);
const FULL_NAME = new Set([
  'name',
  'nomcomplet',
  'fullname',
  'displayname',
  'nomprenom',
  'prenomnom',
  'nometprenom',
  'prenometnom',
  'contact',
]);

/** "Adresse électronique" → "adresseelectronique": case, accents, spaces and punctuation do not matter. */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function findColumn(keys: string[], names: Set<string>): number {
  return keys.findIndex((key) => names.has(key));
}

/** Finds the email and name columns by their header, in any order, ignoring extra columns. */
export function mapHeader(cells: string[]): ColumnMap {
  const keys = cells.map(headerKey);
  let email = findColumn(keys, EMAIL);
  // "Email principal", "Courriel pro": accept a header that merely contains the word
  if (email === -1) email = keys.findIndex((key) => key.includes('email') || key.includes('courriel'));
  return {
    email,
    firstName: findColumn(keys, FIRST_NAME),
    lastName: findColumn(keys, LAST_NAME),
    fullName: findColumn(keys, FULL_NAME),
  };
}
