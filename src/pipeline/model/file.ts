import { MODEL_VERSION, type FittedModel } from './model';

/**
 * The model file: the safetensors layout (Hugging Face): an 8-byte little-endian header length, a
 * JSON header naming each array's dtype, shape and byte range, then the arrays' raw little-endian
 * bytes. The float arrays (the LSA basis, the papers' vectors, the centres) are most of a model and
 * are written as 32-bit floats, a byte copy each way; the rest (text tables, vocabulary, the themes'
 * queries) is JSON in the header's `__metadata__`. Python reads it with `safetensors` or numpy, which
 * is what a cluster's workers have. Written here because the layout is forty lines and the npm
 * packages for it carry a tensor library.
 */
const FORMAT = 'topic-atlas-model';

type ArrayName = 'df' | 'basis' | 'centres' | 'fine' | 'classIdf' | 'classPw' | 'vectors';
const ARRAYS: { name: ArrayName; dtype: 'I32' | 'F32' | 'U8' }[] = [
  { name: 'df', dtype: 'I32' },
  { name: 'basis', dtype: 'F32' },
  { name: 'centres', dtype: 'F32' },
  { name: 'fine', dtype: 'U8' },
  { name: 'classIdf', dtype: 'F32' },
  { name: 'classPw', dtype: 'F32' },
  { name: 'vectors', dtype: 'F32' },
];

/** What a model's metadata must hold besides its arrays. */
const REQUIRED = ['seed', 'text', 'terms', 'papers', 'dims', 'space', 'spaceDims', 'themes', 'far', 'held', 'outside'] as const;

/** The file cannot be read as a model; the message says why. */
export class ModelFileError extends Error {}

/** The model as the bytes of its file (the same model gives the same bytes). */
export function encodeModel(m: FittedModel): Uint8Array {
  const { df, basis, centres, fine, classIdf, classPw, vectors, ...rest } = m;
  const arrays = { df, basis, centres, fine, classIdf, classPw, vectors };
  const header: Record<string, unknown> = { __metadata__: { format: FORMAT, version: String(MODEL_VERSION), model: JSON.stringify(rest) } };
  let offset = 0;
  for (const { name, dtype } of ARRAYS) {
    const a = arrays[name];
    const shape = name === 'basis' ? [m.terms.length, m.dims] : name === 'centres' ? [m.fine.length, m.dims] : name === 'vectors' ? [a.length / m.dims, m.dims] : [a.length];
    header[name] = { dtype, shape, data_offsets: [offset, offset + a.byteLength] };
    offset += a.byteLength;
  }
  let json = JSON.stringify(header);
  // The arrays start on an 8-byte boundary, padded with spaces as safetensors does.
  json += ' '.repeat((8 - ((8 + new TextEncoder().encode(json).length) % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const { name } of ARRAYS) {
    const a = arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  return out;
}

/** The model a file holds; a ModelFileError when it is not one, of another version, or cut short. */
export function decodeModel(bytes: Uint8Array): FittedModel {
  if (bytes.length < 8) throw new ModelFileError('too short to be a model file');
  const length = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true));
  if (length > bytes.length - 8) throw new ModelFileError('cut short (its header runs past the end)');
  let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> & { __metadata__?: Record<string, string> };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length)));
  } catch {
    throw new ModelFileError('not a model file (its header is not JSON)');
  }
  const meta = header.__metadata__;
  if (meta?.format !== FORMAT) throw new ModelFileError('not a Topic Atlas model file');
  if (meta.version !== String(MODEL_VERSION)) throw new ModelFileError(`a model of version ${meta.version}, and this version reads version ${MODEL_VERSION}`);
  const data = 8 + length;
  const arrays = {} as Record<ArrayName, Int32Array | Float32Array | Uint8Array>;
  for (const { name, dtype } of ARRAYS) {
    const entry = header[name];
    if (!entry || entry.dtype !== dtype) throw new ModelFileError(`its array "${name}" is missing`);
    const [from, to] = entry.data_offsets;
    if (data + to > bytes.length) throw new ModelFileError('cut short (its arrays run past the end)');
    // A copy into a buffer of its own (typed arrays need one aligned; a Node Buffer's slice is a view of a shared pool).
    const raw = new Uint8Array(to - from);
    raw.set(bytes.subarray(data + from, data + to));
    arrays[name] = dtype === 'I32' ? new Int32Array(raw.buffer) : dtype === 'F32' ? new Float32Array(raw.buffer) : raw;
  }
  const rest = JSON.parse(meta.model) as Omit<FittedModel, ArrayName>;
  const missing = REQUIRED.filter((k) => rest[k] === undefined);
  if (missing.length) throw new ModelFileError(`an incomplete model (no ${missing.join(', ')})`);
  return { ...rest, ...(arrays as unknown as Pick<FittedModel, ArrayName>) };
}
