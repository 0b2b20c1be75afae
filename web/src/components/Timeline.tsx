import { useEffect, useState } from 'preact/hooks';
import type { TimelineEntry, TimelineView } from '../../../src/server/timelineView.js';
import { ApiError, api } from '../api.js';
import { formatInstant } from '../format.js';
import { paths } from '../router.js';
import { ErrorBox } from './Layout.js';

function Headline(props: { entry: TimelineEntry; org: string }) {
  const { entry, org } = props;
  const unit =
    entry.unit === undefined ? null : (
      <a href={paths.unit(org, entry.unit)}>{entry.unitName ?? entry.unit}</a>
    );
  switch (entry.kind) {
    case 'created':
      return <>Organization created</>;
    case 'moved':
      return (
        <>
          {unit} moved from {entry.from?.name} to <strong>{entry.to?.name}</strong>
        </>
      );
    case 'retargeted':
      return (
        <>
          {unit} target set to <strong>{entry.to?.name}</strong>
        </>
      );
    case 'added':
      return <>{unit} added</>;
    case 'removed':
      return <>Unit {entry.unit} removed</>;
    case 'decided':
      return (
        <>
          {unit}: decided <strong>{entry.title}</strong>
        </>
      );
    case 'amended':
      return (
        <>
          Charter amended
          {entry.changes !== undefined && entry.changes.length > 0 ? (
            <span class="muted"> ({entry.changes.join(', ')})</span>
          ) : null}
        </>
      );
  }
}

/** Entries asked for per older page. */
const PAGE = 25;

/**
 * Slider moves and key decisions, newest first, each with who made it and when: the newest page
 * as given, and older pages on request (`before` the oldest shown), each entry exactly once.
 */
export function Timeline(props: { timeline: TimelineView; org: string }) {
  const { timeline, org } = props;
  const [older, setOlder] = useState<
    { entries: readonly TimelineEntry[]; next: number | null } | undefined
  >();
  const [loading, setLoading] = useState<'idle' | 'busy' | ApiError>('idle');
  // A new newest page (the log moved) starts the list again.
  useEffect(() => {
    setOlder(undefined);
    setLoading('idle');
  }, [timeline]);
  if (timeline.entries.length === 0) return <p class="empty">Nothing recorded yet.</p>;
  const entries = older === undefined ? timeline.entries : [...timeline.entries, ...older.entries];
  const next = older === undefined ? timeline.next : older.next;
  const showOlder = () => {
    if (next === null || loading === 'busy') return;
    setLoading('busy');
    api.timeline(org, PAGE, next).then(
      (page) => {
        setOlder((old) => ({ entries: [...(old?.entries ?? []), ...page.entries], next: page.next }));
        setLoading('idle');
      },
      (error: unknown) =>
        setLoading(
          error instanceof ApiError
            ? error
            : new ApiError({ code: 'client', status: 0, message: (error as Error).message }),
        ),
    );
  };
  return (
    <>
      <ol class="timeline" aria-label="Timeline, newest first">
        {entries.map((entry, i) => (
          <li key={`${entry.seq}-${i}`} class={`timeline__item timeline__item--${entry.kind}`}>
            <div class="timeline__what">
              <Headline entry={entry} org={org} />
            </div>
            <div class="timeline__meta">
              <time dateTime={entry.recordedAt}>{formatInstant(entry.recordedAt)}</time> · by {entry.actor} ·
              event #{entry.seq}
            </div>
          </li>
        ))}
      </ol>
      {loading instanceof ApiError && <ErrorBox error={loading} what="older entries" />}
      {next !== null && (
        <button type="button" class="timeline__more" onClick={showOlder} disabled={loading === 'busy'}>
          {loading === 'busy' ? 'Loading older entries…' : 'Show older entries'}
        </button>
      )}
    </>
  );
}
