// The rendering rule for brand colours: whatever an admin stored, text written with them stays readable (WCAG AA).

/** WCAG 2.x AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX = /^#(?:([0-9a-f]{3})|([0-9a-f]{6}))$/i;

function channels(colour: string): [number, number, number] {
  const m = HEX.exec(colour.trim());
  if (!m) throw new RangeError(`not a #rgb or #rrggbb colour: ${colour}`);
  const six = m[2] ?? [...m[1]!].map((c) => c + c).join('');
  return [0, 2, 4].map((i) => parseInt(six.slice(i, i + 2), 16)) as [number, number, number];
}

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

// WCAG relative luminance: sRGB channels linearised, then weighted
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `colour` mixed toward `target` by steps of 5 % until it reaches MIN_TEXT_CONTRAST against every `against`. */
function mixUntilReadable(colour: string, target: number, against: string[]): string {
  const from = channels(colour);
  for (let step = 0; step <= 20; step++) {
    const mixed = hex(from.map((c) => c + ((target - c) * step) / 20));
    if (against.every((other) => contrastRatio(mixed, other) >= MIN_TEXT_CONTRAST)) return mixed;
  }
  return hex([target, target, target]);
}

/**
 * A colour that carries white text and is written on light backgrounds (masthead, buttons, links, headings):
 * kept as given (as #rrggbb) when it reads well on each of `against`, else darkened just enough.
 */
export const readableDark = (colour: string, against: string[] = ['#ffffff']): string =>
  mixUntilReadable(colour, 0, against);

/** A background that carries `text` (a tint behind body text): kept, or lightened just enough. */
export const readableLight = (colour: string, text: string): string => mixUntilReadable(colour, 255, [text]);
