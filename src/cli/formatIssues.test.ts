import { describe, expect, it } from 'vitest';
import { loadCharter } from '../core/charter/loadCharter.js';
import { formatIssues } from './formatIssues.js';
import { makeStyle } from './output.js';

const plain = makeStyle(false);

function framed(text: string): string {
  const load = loadCharter({ text, file: 'devolve.yaml' });
  if (load.ok) throw new Error('the charter should not load');
  return formatIssues({ issues: load.errors, text, style: plain });
}

describe('formatIssues', () => {
  it('shows a tab as a tab, and puts the caret under it with the same tab before', () => {
    expect(framed('devolve: 1\norganization:\n\tid: acme\n')).toBe(
      [
        'devolve.yaml:3:1 error Tabs are not allowed as indentation [yaml/tab-as-indent]',
        '    3 | \tid: acme',
        '      | ^',
        '      hint: indent with spaces, not tabs',
      ].join('\n'),
    );
  });

  it('keeps tabs before the column in the caret line, so the caret stays under its character', () => {
    // Column 5 of `a:\tb\tc` is its second tab: the caret line repeats the first one, so the caret
    // lands under it however wide a tab is drawn.
    const issue = {
      file: 'devolve.yaml',
      line: 1,
      column: 5,
      severity: 'error' as const,
      code: 'charter/wrong-type' as const,
      message: 'expected a number',
      path: 'a',
    };
    expect(formatIssues({ issues: [issue], text: 'a:\tb\tc\n', style: plain })).toBe(
      [
        'devolve.yaml:1:5 error expected a number [charter/wrong-type]',
        '    1 | a:\tb\tc',
        '      |   \t ^',
      ].join('\n'),
    );
  });

  it('frames a dedented line once, at its first character', () => {
    const text = 'devolve: 1\norganization:\n    id: acme\n  name: Acme\n    kind: web3\n';
    expect(framed(text)).toBe(
      [
        'devolve.yaml:4:3 error All mapping items must start at the same column [yaml/bad-indent]',
        '    4 |   name: Acme',
        '      |   ^',
        '      hint: indent nested entries consistently with spaces (two is usual)',
      ].join('\n'),
    );
  });
});
