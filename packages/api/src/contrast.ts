// No zod here: the studio imports this at run time to show the ratio as staff pick a colour (the WCAG formula is
// the renderers' own, from @crieur/content/colour, a file with no imports).

import { contrastRatio, MIN_TEXT_CONTRAST } from '@crieur/content/colour';

export { contrastRatio };
/** WCAG 2.x AA for body text: the least contrast accepted for the newsletters' colours. */
export const MIN_CONTRAST = MIN_TEXT_CONTRAST;
/** The newsletters' body text colour, written on the tint. */
export const BODY_TEXT = '#1f2430';
export const WHITE = '#ffffff';

const HEX = /^#([0-9a-f]{6})$/i;

/** "#1B4D89" → true; shorthand (#fff), names and rgb() are not accepted: the templates need six digits. */
export const isHexColour = (value: string): boolean => HEX.test(value);

/** "8,2:1": one decimal, rounded down so that a ratio just under 4.5 never reads as 4,5. */
export function formatRatio(ratio: number): string {
  const floored = Math.floor(ratio * 10 + 1e-9) / 10;
  return `${floored.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}:1`;
}

export type ContrastCheck = { ratio: number; ok: boolean; label: string };

/** The ratio of `text` on `background` and whether it reaches MIN_CONTRAST. */
export function checkContrast(text: string, background: string): ContrastCheck {
  const ratio = contrastRatio(text, background);
  return { ratio, ok: ratio >= MIN_CONTRAST, label: formatRatio(ratio) };
}

/** The accent carries white text (masthead, buttons): the French refusal, or null when it reads well. */
export function accentProblem(accent: string): string | null {
  const { ok, label } = checkContrast(WHITE, accent);
  return ok
    ? null
    : `Le contraste du blanc sur ${accent.toLowerCase()} est de ${label}\u00a0; il faut au moins 4,5:1\u00a0: ` +
        'choisissez une couleur plus foncée.';
}

/** The tint carries the body text (#1f2430): the French refusal, or null when it reads well. */
export function tintProblem(tint: string): string | null {
  const { ok, label } = checkContrast(BODY_TEXT, tint);
  return ok
    ? null
    : `Le contraste du texte (${BODY_TEXT}) sur ${tint.toLowerCase()} est de ${label}\u00a0; il faut au moins ` +
        '4,5:1\u00a0: choisissez une couleur plus claire.';
}
