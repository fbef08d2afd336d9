/**
 * Association strength of two keywords (van Eck & Waltman 2009), as VOSviewer normalises a
 * co-occurrence network: observed co-occurrence over the count expected if they were independent,
 * s(i,j) = c(i,j)·N / (c(i)·c(j)), with N papers. The pipeline's network and the dashboard's
 * recount for a selection both use it.
 */
export const associationStrength = (pair: number, papers: number, countA: number, countB: number) => (pair * papers) / (countA * countB);
