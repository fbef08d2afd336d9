/** Worker-thread entry of mapThread.ts: the nearest papers and the map, sent back to the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { neighboursAndMap } from '../../src/pipeline/layout/neighboursAndMap';
import type { MapJob } from './mapThread';

const job = workerData as MapJob;
parentPort!.postMessage(await neighboursAndMap({ rows: job.rows, cols: job.cols, data: job.data }, job.k, job.seed, job.layout));
