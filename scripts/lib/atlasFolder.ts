import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ABSTRACT_CHUNK_SIZE, abstractChunkName, SCHEMA_VERSION, type Atlas, type AtlasJson, type PaperText } from '../../src/contract';
import { withPapers } from '../../src/paperColumns';
import { decodeModel, ModelFileError } from '../../src/pipeline/model/file';
import type { FittedModel } from '../../src/pipeline/model/model';
import { fsReason } from './fsReason';

/** The atlas folder cannot be updated; the message names the file and says what to do. */
export class AtlasFolderError extends Error {}

const FULL_RUN = 'run without --update to make a new atlas and model (the atlas in the folder is left as it is)';

/** The bytes of a papers file `name` of the atlas folder; an AtlasFolderError names it when it is missing or unreadable. */
async function columnFile(outDir: string, shown: string, name: string): Promise<Buffer> {
  try {
    return await readFile(join(outDir, name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AtlasFolderError(`${join(shown, name)}: ${code === 'ENOENT' ? 'the papers file is missing' : fsReason(e)}; ${FULL_RUN}`);
  }
}

/** The atlas with its papers, read from the column files atlas.json names (inline in older files). */
async function withPaperColumns(json: AtlasJson, outDir: string, shown: string): Promise<Atlas> {
  if (!json?.papersFile) return json as Atlas;
  const columns = await columnFile(outDir, shown, json.papersFile);
  const text = json.textFile ? await columnFile(outDir, shown, json.textFile) : undefined;
  try {
    return withPapers(json, columns, text);
  } catch {
    const files = json.textFile ? `${join(shown, json.papersFile)} and ${json.textFile}` : join(shown, json.papersFile);
    throw new AtlasFolderError(`${files}: not a pair of papers files this version wrote; ${FULL_RUN}`);
  }
}

/**
 * The atlas in `outDir` with its fitted model and a reader of its papers' texts (abstract chunks read
 * when first asked for: an update reads only those it needs), for an update; an AtlasFolderError
 * names what is missing or unreadable.
 */
export async function readAtlasFolder(outDir: string, shown: string): Promise<{ atlas: Atlas; texts: (from: number, to: number) => Promise<PaperText[]>; model: FittedModel }> {
  const atlasPath = join(outDir, 'atlas.json');
  let json: AtlasJson;
  try {
    json = JSON.parse(await readFile(atlasPath, 'utf8')) as AtlasJson;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AtlasFolderError(missing ? `--update needs an atlas to add to, and ${join(shown, 'atlas.json')} does not exist; run without --update first` : `${join(shown, 'atlas.json')}: ${e instanceof SyntaxError ? 'not valid JSON' : fsReason(e)}; ${FULL_RUN}`);
  }
  const atlas = await withPaperColumns(json, outDir, shown);
  if (atlas?.schemaVersion !== SCHEMA_VERSION || !Array.isArray(atlas.papers)) throw new AtlasFolderError(`${join(shown, 'atlas.json')} is not an atlas this version wrote; ${FULL_RUN}`);
  if (!atlas.model) throw new AtlasFolderError(`${join(shown, 'atlas.json')} names no model file (it was written before models were kept); ${FULL_RUN}`);
  const modelPath = join(outDir, atlas.model);
  let model: FittedModel;
  try {
    model = decodeModel(await readFile(modelPath));
  } catch (e) {
    const why = e instanceof ModelFileError ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the model file is missing' : fsReason(e);
    throw new AtlasFolderError(`${join(shown, atlas.model)}: ${why}; ${FULL_RUN}`);
  }
  if (model.vectors.length !== atlas.papers.length * model.spaceDims) throw new AtlasFolderError(`the model ${join(shown, atlas.model)} holds ${model.vectors.length / model.spaceDims} papers and the atlas ${atlas.papers.length}: not a pair; ${FULL_RUN}`);
  const folder = atlas.abstracts ?? 'abstracts';
  const chunks = new Map<number, Record<string, PaperText>>();
  /** The texts of papers from index `from` to `to` (exclusive), read from their chunks when first asked for. */
  const texts = async (from: number, to: number): Promise<PaperText[]> => {
    const out: PaperText[] = [];
    for (let i = from; i < to; i++) {
      const c = Math.floor(i / ABSTRACT_CHUNK_SIZE);
      if (!chunks.has(c)) {
        const name = abstractChunkName(i, folder);
        try {
          chunks.set(c, JSON.parse(await readFile(join(outDir, name), 'utf8')));
        } catch (e) {
          throw new AtlasFolderError(`${join(shown, name)}: ${e instanceof SyntaxError ? 'not valid JSON' : fsReason(e)}; ${FULL_RUN}`);
        }
      }
      out.push(chunks.get(c)![atlas.papers[i].id] ?? '');
    }
    return out;
  };
  return { atlas, texts, model };
}
