/**
 * Fetches one file and hands its bytes back to the page without a copy. A response body arrives in
 * chunks that the thread reading it copies together: for the text file of a million papers (70 MB)
 * that held the page's main thread for half a second, right as the first map shows.
 */
export type FetchAnswer = { bytes: ArrayBuffer } | { status: number; statusText: string } | { error: string };

self.onmessage = async (e: MessageEvent<string>) => {
  const post = (m: FetchAnswer, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
  try {
    const r = await fetch(e.data);
    if (!r.ok) return post({ status: r.status, statusText: r.statusText });
    const bytes = await r.arrayBuffer();
    post({ bytes }, [bytes]);
  } catch (err) {
    post({ error: (err as Error).message });
  }
};
