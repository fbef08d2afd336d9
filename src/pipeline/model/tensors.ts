/**
 * The safetensors layout (Hugging Face): an 8-byte little-endian header length, a JSON header naming
 * each array's dtype, shape and byte range (and string metadata under `__metadata__`), then the
 * arrays' raw little-endian bytes, a byte copy each way. Python reads it with `safetensors` or numpy.
 * Written here because the layout is forty lines and the npm packages for it carry a tensor library.
 */
export type DType = 'I32' | 'F32' | 'F64' | 'U8';
export type TypedArray = Int32Array | Float32Array | Float64Array | Uint8Array;

export interface Tensor {
  name: string;
  dtype: DType;
  shape: number[];
  data: TypedArray;
}

/** The arrays and metadata as the bytes of one file (the same input gives the same bytes). */
export function encodeTensors(metadata: Record<string, string>, arrays: readonly Tensor[]): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const { name, dtype, shape, data } of arrays) {
    header[name] = { dtype, shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  let json = JSON.stringify(header);
  // The arrays start on an 8-byte boundary, padded with spaces as safetensors does.
  json += ' '.repeat((8 - ((8 + new TextEncoder().encode(json).length) % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const { data } of arrays) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

/** A file's metadata and arrays, read back; `fail` makes the error for bytes that are not such a file. */
export interface Decoded {
  metadata: Record<string, string> | undefined;
  /** The named array of the given dtype, in a buffer of its own; a `fail` error when it is missing or cut short. */
  array(name: string, dtype: DType): TypedArray;
}

const BYTES: Record<DType, number> = { I32: 4, F32: 4, F64: 8, U8: 1 };

export function decodeTensors(bytes: Uint8Array, fail: (reason: string) => Error): Decoded {
  if (bytes.length < 8) throw fail('too short to be a safetensors file');
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true));
  if (length > bytes.length - 8) throw fail('cut short (its header runs past the end)');
  let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> & { __metadata__?: Record<string, string> };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length)));
  } catch {
    throw fail('not a safetensors file (its header is not JSON)');
  }
  const data = 8 + length;
  return {
    metadata: header.__metadata__,
    array(name, dtype) {
      const entry = header[name];
      if (!entry || entry.dtype !== dtype) throw fail(`its array "${name}" is missing`);
      const [from, to] = entry.data_offsets;
      if (data + to > bytes.length) throw fail('cut short (its arrays run past the end)');
      if ((to - from) % BYTES[dtype]) throw fail(`its array "${name}" has a partial element`);
      // A copy into a buffer of its own (typed arrays need one aligned; a Node Buffer's slice is a view of a shared pool).
      const raw = new Uint8Array(to - from);
      raw.set(bytes.subarray(data + from, data + to));
      return dtype === 'I32' ? new Int32Array(raw.buffer) : dtype === 'F32' ? new Float32Array(raw.buffer) : dtype === 'F64' ? new Float64Array(raw.buffer) : raw;
    },
  };
}
