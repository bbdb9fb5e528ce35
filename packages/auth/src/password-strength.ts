import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary } from '@zxcvbn-ts/language-fr';
import { feedbackFr } from './password-feedback-fr';

// Pure and browser-safe: the studio loads this module lazily (its dictionaries weigh about 1 MB).

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 3: about 10^8 guesses, out of reach online and slow offline against argon2id. */
export const MIN_PASSWORD_SCORE = 3;
/** Built on the person's name or email, it must reach 4: whoever targets them tries those first. */
export const MIN_PERSONAL_PASSWORD_SCORE = 4;

/** Words every staff password is checked against, beside the person's own name and email. */
const SITE_WORDS = ['icpc', 'crieur', 'democraties', 'démocraties', 'concertation', 'participation'];

export type PasswordStrength = {
  /** zxcvbn's score, 0 (guessed at once) to 4. */
  score: number;
  acceptable: boolean;
  /** What makes it weak, in French; null when zxcvbn has nothing specific to say. */
  warning: string | null;
  /** How to improve it, in French. */
  suggestions: string[];
};

/** The person's name, email and the like; empty values are skipped. */
type UserInputs = readonly (string | null | undefined)[];

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // building the ranked dictionaries takes a moment: once per process (or page)
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frenchDictionary },
    graphs: adjacencyGraphs,
    translations: feedbackFr,
    // off: it multiplies a check's time by 5 to 40 (over 100 ms), too slow for live feedback while typing
    useLevenshteinDistance: false,
  });
  return factory;
}

/** The person's name and email cut into words: zxcvbn matches user inputs as whole dictionary words. */
export function personalWords(inputs: UserInputs): string[] {
  const words = new Set<string>(SITE_WORDS);
  for (const input of inputs) {
    if (!input) continue;
    const lower = input.trim().toLowerCase();
    if (lower.length >= 3) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Estimates a password's strength; `userInputs` are the person's name, email and the like. */
export function passwordStrength(password: string, userInputs: UserInputs = []): PasswordStrength {
  const result = zxcvbn().check(password, personalWords(userInputs));
  const long = password.length >= MIN_PASSWORD_LENGTH;
  const personal = result.sequence.some((m) => 'dictionaryName' in m && m.dictionaryName === 'userInputs');
  const acceptable = long && result.score >= (personal ? MIN_PERSONAL_PASSWORD_SCORE : MIN_PASSWORD_SCORE);
  // zxcvbn says nothing above score 2: name what we refuse anyway
  const warning = result.feedback.warning ?? (personal && !acceptable ? feedbackFr.warnings.userInputs : null);
  return { score: result.score, acceptable, warning, suggestions: result.feedback.suggestions };
}

export const PASSPHRASE_ADVICE =
  'Conseil : une phrase de passe, quatre mots ou plus sans lien entre eux, séparés par des tirets ou des espaces.';

/** Why a new password is refused, in one French message; undefined when it is accepted. */
export function passwordProblem(password: string, userInputs: UserInputs = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères. ${PASSPHRASE_ADVICE}`;
  }
  const strength = passwordStrength(password, userInputs);
  if (strength.acceptable) return undefined;
  const why = strength.warning ?? 'Trop courant : il ressemble aux mots de passe essayés en premier.';
  return ['Mot de passe trop facile à deviner.', why, ...strength.suggestions, PASSPHRASE_ADVICE].join(' ');
}
