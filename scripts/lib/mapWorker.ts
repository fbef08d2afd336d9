/** Worker-thread entry of mapThread.ts: the nearest papers and the map, sent back to the main thread. */
import { parentPort } from 'node:worker_threads';
import { createNNDescent } from '../../src/pipeline/layout/wasm';
import { neighboursAndMap } from '../../src/pipeline/layout/neighboursAndMap';
import type { MapJob } from './mapThread';

// The job arrives after the terms and the LSA; meanwhile a call on three points makes the WebAssembly
// module compile and instantiate (the module has no separate initialiser).
const port = parentPort!;
const job = new Promise<MapJob>((resolve) => port.once('message', resolve));
(await createNNDescent(3, 1, new Float32Array([0, 1, 2]), { nNeighbors: 2, seed: 0 })).destroy();
const { rows, cols, data, k, seed, layout } = await job;
port.postMessage(await neighboursAndMap({ rows, cols, data }, k, seed, layout));
