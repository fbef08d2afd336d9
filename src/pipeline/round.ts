/** Rounds to four decimals: positions, strengths and statistics written to the output and exports (float noise never shows). */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Rounds to four significant digits: term weights and probabilities that span many orders of magnitude. */
export const sig4 = (x: number) => Number(x.toPrecision(4));
