/**
 * Worker-thread entry: the nearest neighbours and the map of a corpus, computed beside the main
 * thread (see offThread.ts). Receives the LSA rows, sends back the neighbour lists and positions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { neighbors } from '../neighbors';
import { layout } from './umap';
import type { MapJob } from './offThread';

const job = workerData as MapJob;
const docs = { rows: job.rows, cols: job.cols, data: job.data };
const knn = await neighbors(docs, job.k, { seed: job.seed });
const map = await layout(docs, knn, { ...job.layout, seed: job.seed });
parentPort!.postMessage({ knn, ...map });
