import { useEffect, useState } from 'preact/hooks';

/** `2 d 4 h`, `3 h 5 min`, `4 min 10 s`, `12 s`: the two largest units of a duration in seconds. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), 'd'],
    [Math.floor((s % 86_400) / 3_600), 'h'],
    [Math.floor((s % 3_600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0 s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

/**
 * Seconds left of a countdown the server gave as `inSeconds` at `loadedAt` (`performance.now()`
 * when the answer arrived), counted
 * down on this page's own clock (the server's clock may differ from the browser's; only the
 * elapsed time is read here). Calls `onDue` once when it reaches zero, so the page can reload
 * the proposal: its phase has moved on with time alone.
 */
export function useSecondsLeft(
  inSeconds: number | undefined,
  loadedAt: number,
  onDue?: () => void,
): number | undefined {
  const start = loadedAt;
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (inSeconds === undefined) return;
    const timer = setInterval(() => setNow(performance.now()), 1_000);
    return () => clearInterval(timer);
  }, [inSeconds]);
  const left = inSeconds === undefined ? undefined : Math.max(0, inSeconds - (now - start) / 1000);
  const due = left === 0;
  useEffect(() => {
    if (due) onDue?.();
  }, [due]);
  return left;
}
