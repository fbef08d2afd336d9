/** A word for `n` of something: `plural(1, 'dump')` is `dump`, `plural(5, 'dump')` is `dumps`. */
export const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);
