// A French 24-hour time as people type it: « 21 h 02 », « 21h02 », « 21:02 », « 21.02 », « 2102 », « 21h », « 9 ».

export type TimeProblem = 'empty' | 'unreadable' | 'hours' | 'minutes' | 'minutesIncomplete';

export type ParsedTime =
  | { ok: true; hours: number; minutes: number; /** "21:02", what paris-time reads */ hhmm: string }
  | { ok: false; problem: TimeProblem; hours?: number; minutes?: number };

const pad = (n: number) => String(n).padStart(2, '0');

function checked(hours: number, minutes: number): ParsedTime {
  if (hours > 23) return { ok: false, problem: 'hours', hours };
  if (minutes > 59) return { ok: false, problem: 'minutes', hours, minutes };
  return { ok: true, hours, minutes, hhmm: `${pad(hours)}:${pad(minutes)}` };
}

/** Reads what was typed; never guesses beyond these forms (the field shows what it understood). */
export function parseFrenchTime(typed: string): ParsedTime {
  // any space (no-break ones included) counts as one; « H » as « h »
  const text = typed.replace(/\s+/gu, ' ').trim().toLowerCase();
  if (!text) return { ok: false, problem: 'empty' };
  if (text === 'midi') return checked(12, 0);
  if (text === 'minuit') return checked(0, 0);
  const digits = /^(\d{1,4})$/.exec(text);
  if (digits) {
    const n = digits[1]!;
    // 1–2 digits are hours; 3–4 are hours then two minutes (« 930 », « 2102 »)
    if (n.length <= 2) return checked(Number(n), 0);
    return checked(Number(n.slice(0, -2)), Number(n.slice(-2)));
  }
  const separated = /^(\d{1,2}) ?(?:h|:|\.| ) ?(\d*)(?: ?min)?$/.exec(text);
  if (!separated) return { ok: false, problem: 'unreadable' };
  const hours = Number(separated[1]);
  const minutes = separated[2]!;
  if (minutes.length === 0) return checked(hours, 0);
  if (minutes.length === 1) return { ok: false, problem: 'minutesIncomplete', hours };
  if (minutes.length > 2) return { ok: false, problem: 'unreadable' };
  return checked(hours, Number(minutes));
}

/** « 21 h 02 », « 8 h 00 »: the French way to write a time. */
export function frenchTime(hours: number, minutes: number): string {
  return `${hours} h ${pad(minutes)}`;
}
