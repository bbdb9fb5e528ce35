const CR = 0x0d;
const LF = 0x0a;

/** Rewrites CRLF and lone CR as LF so that csv-parse counts one line per physical line break. */
export class LineBreakNormaliser {
  private lastWasCr = false;

  write(buf: Buffer): Buffer {
    let start = this.lastWasCr && buf[0] === LF ? 1 : 0;
    if (buf.length > 0) this.lastWasCr = false;
    let cr = buf.indexOf(CR, start);
    if (cr === -1) return buf.subarray(start);
    const out = Buffer.allocUnsafe(buf.length);
    let written = 0;
    while (cr !== -1) {
      written += buf.copy(out, written, start, cr);
      out[written++] = LF;
      start = buf[cr + 1] === LF ? cr + 2 : cr + 1;
      if (cr === buf.length - 1) this.lastWasCr = true;
      cr = buf.indexOf(CR, start);
    }
    written += buf.copy(out, written, start);
    return out.subarray(0, written);
  }
}
