const DAY = 86_400_000;

/** `2027-06-30` from epoch milliseconds or an ISO instant. */
export function formatDate(value: number | string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
}

/** `2027-06-30 14:05 UTC`. */
export function formatInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Whole days from `now` to `until`, in words: `in 12 days`, `today`, `3 days ago`. */
export function countdown(until: number, now: number): string {
  const days = Math.round((until - now) / DAY);
  if (days === 0) return 'today';
  if (days > 0) return `in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} ago`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first 12 characters of a hash, for display beside the whole one in a title. */
export const shortHash = (hash: string) => hash.slice(0, 12);
