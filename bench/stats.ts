/** The p-th percentile of an ascending list (the nearest rank below), NaN for an empty one. */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
