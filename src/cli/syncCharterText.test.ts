import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syncCharterText } from './syncCharterText.js';

const TEXT = `# The charter's own comment.
devolve: 1
units:
  # the first unit
  - id: a
    level: founder
  - id: b
    level: founder
`;

describe('syncCharterText', () => {
  it('rewrites only the units that differ, keeping the comments elsewhere', () => {
    const recorded = {
      devolve: 1,
      units: [
        { id: 'a', level: 'founder' },
        { id: 'b', level: 'founder', commitments: [{ id: 'c', level: 'transparent', by: '2027-01-01' }] },
      ],
    };
    const text = syncCharterText({ text: TEXT, recorded });
    expect(parse(text)).toEqual(recorded);
    expect(text).toContain("# The charter's own comment.");
    expect(text).toContain('# the first unit');
  });

  it('leaves a charter that already says what the log says as it is', () => {
    expect(syncCharterText({ text: TEXT, recorded: parse(TEXT) })).toBe(TEXT);
  });
});
