/** The bytes fed to the parser since the record in progress started, so a broken record can be re-read from its next line. */
export class ReplayBuffer {
  private chunks: Buffer[] = [];
  // offset of the first kept byte since the segment started
  private base = 0;

  append(buf: Buffer): void {
    if (buf.length > 0) this.chunks.push(buf);
  }

  dropBefore(offset: number): void {
    let first = this.chunks[0];
    while (first !== undefined && this.base + first.length <= offset) {
      this.base += first.length;
      this.chunks.shift();
      first = this.chunks[0];
    }
    if (first !== undefined && offset > this.base) {
      this.chunks[0] = first.subarray(offset - this.base);
      this.base = offset;
    }
  }

  from(offset: number): Buffer {
    this.dropBefore(offset);
    return Buffer.concat(this.chunks);
  }
}
