import type { TimelineEntry, TimelineView } from '../../../src/server/timelineView.js';
import { formatInstant } from '../format.js';
import { paths } from '../router.js';

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

/** Slider moves and key decisions, newest first, each with who made it and when. */
export function Timeline(props: { timeline: TimelineView; org: string }) {
  const { timeline, org } = props;
  if (timeline.entries.length === 0) return <p class="empty">Nothing recorded yet.</p>;
  return (
    <ol class="timeline" aria-label="Timeline, newest first">
      {timeline.entries.map((entry, i) => (
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
  );
}
