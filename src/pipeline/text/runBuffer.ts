/**
 * One growable scratch buffer for the word ids of a text, reused from text to text and copied out
 * whole: fewer allocations than a JavaScript array per text grown a word at a time.
 */
export class RunBuffer {
  private data = new Int32Array(1 << 12);
  private length = 0;

  push(id: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = id;
  }

  /** A copy of the ids pushed since the last take; the buffer is then empty. */
  take(): Int32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
