import { MODEL_VERSION, type FittedModel } from './model';
import { decodeTensors, encodeTensors, type TypedArray } from './tensors';

/**
 * The model file, in the safetensors layout (./tensors): the float arrays (the LSA basis, the papers'
 * vectors, the centres) are most of a model and are written as 32-bit floats; the rest (text tables,
 * vocabulary, the themes' queries) is JSON in the header's `__metadata__`. Python reads it with
 * `safetensors` or numpy, which is what a cluster's workers have.
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
  const shape = (name: ArrayName, a: TypedArray) => (name === 'basis' ? [m.terms.length, m.dims] : name === 'centres' ? [m.fine.length, m.dims] : name === 'vectors' ? [a.length / m.dims, m.dims] : [a.length]);
  return encodeTensors(
    { format: FORMAT, version: String(MODEL_VERSION), model: JSON.stringify(rest) },
    ARRAYS.map(({ name, dtype }) => ({ name, dtype, shape: shape(name, arrays[name]), data: arrays[name] })),
  );
}

/** The model a file holds; a ModelFileError when it is not one, of another version, or cut short. */
export function decodeModel(bytes: Uint8Array): FittedModel {
  const file = decodeTensors(bytes, (reason) => new ModelFileError(reason));
  const meta = file.metadata;
  if (meta?.format !== FORMAT) throw new ModelFileError('not a Topic Atlas model file');
  if (meta.version !== String(MODEL_VERSION)) throw new ModelFileError(`a model of version ${meta.version}, and this version reads version ${MODEL_VERSION}`);
  const arrays = Object.fromEntries(ARRAYS.map(({ name, dtype }) => [name, file.array(name, dtype)])) as unknown as Pick<FittedModel, ArrayName>;
  const rest = JSON.parse(meta.model) as Omit<FittedModel, ArrayName>;
  const missing = REQUIRED.filter((k) => rest[k] === undefined);
  if (missing.length) throw new ModelFileError(`an incomplete model (no ${missing.join(', ')})`);
  return { ...rest, ...arrays };
}
