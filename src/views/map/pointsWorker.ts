/**
 * Draws the map's points off the main thread while the user pans and zooms, so the page keeps its
 * frame rate while a new drawing is made. Holds the positions and colour order sent once; each job
 * is a view, and the answer the drawn pixels (transferred, not copied), with a selection the muted
 * layer under it too; between gestures, it draws the muted layer of the view, so the first selection
 * there draws only the selected papers.
 */
import { renderMutedLayer, renderPoints, type PixelJob } from './drawPoints';

export type PointsRequest =
  | { type: 'points'; xs: Float64Array | Float32Array; ys: Float64Array | Float32Array; order: Uint32Array; starts: number[] }
  | { type: 'draw'; id: number; width: number; height: number; job: Omit<PixelJob, 'xs' | 'ys' | 'order' | 'starts'>; mutedLayer?: boolean };

export interface PointsAnswer {
  id: number;
  width: number;
  height: number;
  pixels: ArrayBuffer;
  /** With a selection, the muted layer the selection was drawn over (kept, so the next selection in this view draws only its papers). */
  muted?: ArrayBuffer;
}

let points: Pick<PixelJob, 'xs' | 'ys' | 'order' | 'starts'> | null = null;

self.onmessage = (e: MessageEvent<PointsRequest>) => {
  const m = e.data;
  if (m.type === 'points') points = { xs: m.xs, ys: m.ys, order: m.order, starts: m.starts };
  else if (points) {
    const px = new Uint32Array(m.width * m.height);
    const job = { ...points, ...m.job };
    // The muted layer alone: what a selection in this view is drawn over.
    if (m.mutedLayer) renderMutedLayer(px, m.width, m.height, job);
    else if (job.mask) {
      const muted = new Uint32Array(m.width * m.height);
      renderMutedLayer(muted, m.width, m.height, job);
      renderPoints(px, m.width, m.height, job, muted);
      const answer: PointsAnswer = { id: m.id, width: m.width, height: m.height, pixels: px.buffer, muted: muted.buffer };
      return (self as unknown as Worker).postMessage(answer, [px.buffer, muted.buffer]);
    } else renderPoints(px, m.width, m.height, job);
    const answer: PointsAnswer = { id: m.id, width: m.width, height: m.height, pixels: px.buffer };
    (self as unknown as Worker).postMessage(answer, [px.buffer]);
  }
};
