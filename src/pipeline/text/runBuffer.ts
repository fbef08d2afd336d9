/**
 * One growable scratch buffer for the word ids of a text, reused from text to text, whose texts are
 * copied out into shared blocks: fewer allocations than a JavaScript array per text grown a word at a
 * time, and fewer than a typed array per text (each with memory of its own outside the heap).
 */
export class RunBuffer {
  private data = new Int32Array(1 << 12);
  private length = 0;
  private block = new Int32Array(0);
  private used = 0;

  push(id: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = id;
  }

  /** The ids pushed since the last take, as a view of a block no other text's ids overlap; the buffer is then empty. */
  take(): Int32Array {
    const n = this.length;
    this.length = 0;
    if (n > BLOCK / 8) return this.data.slice(0, n);
    if (this.used + n > this.block.length) {
      this.block = new Int32Array(BLOCK);
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + n);
    out.set(this.data.subarray(0, n));
    this.used += n;
    return out;
  }
}

/** Ids in a block of texts' copies (256 kB). */
const BLOCK = 1 << 16;
