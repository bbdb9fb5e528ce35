// Whether a message can go after DATA as it is: CRLF line ends only and no line starting with ".".
// Our prebuilt campaign messages always are; checking costs a few native scans, not a byte loop.

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

export function isSmtpSafe(raw: Buffer): boolean {
  if (raw.length === 0 || raw[0] === DOT) return false;
  for (let at = raw.indexOf(LF); at !== -1; at = raw.indexOf(LF, at + 1)) {
    if (at === 0 || raw[at - 1] !== CR || raw[at + 1] === DOT) return false;
  }
  for (let at = raw.indexOf(CR); at !== -1; at = raw.indexOf(CR, at + 1)) {
    if (raw[at + 1] !== LF) return false;
  }
  return true;
}
