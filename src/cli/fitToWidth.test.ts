import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth, fitLine, fitToWidth, terminalWidth } from './fitToWidth.js';
import { makeStyle } from './output.js';

describe('fitLine', () => {
  it('leaves a line that fits alone', () => {
    expect(fitLine('  ✓ short', 20)).toEqual(['  ✓ short']);
  });

  it('breaks between words and hangs continuation lines under the text after the marker', () => {
    // "  ✓ " is 4 columns, so continuation lines start at column 5.
    expect(fitLine('  ✓ alpha beta gamma delta epsilon', 16)).toEqual([
      '  ✓ alpha beta',
      '    gamma delta',
      '    epsilon',
    ]);
    expect(fitLine('  12. one two three four', 14)).toEqual(['  12. one two', '      three', '      four']);
  });

  it('never cuts a number: a long word is split outside its digit runs', () => {
    // 12 columns, hang 2: "ipfs://abc" fits 10 after "x ", then the digits move whole.
    const [first, ...rest] = fitLine('x ipfs://abcdef123456789xyz', 12, 2);
    expect(first).toBe('x');
    const pieces = rest.map((line) => line.trim());
    expect(pieces.join('')).toBe('ipfs://abcdef123456789xyz');
    expect(pieces.some((p) => p.includes('123456789'))).toBe(true);
    for (const line of rest) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });

  it('measures colours as no width and keeps them', () => {
    const style = makeStyle(true);
    const line = `  ${style.green('✓')} ${style.dim('one two three four five')}`;
    const lines = fitLine(line, 14);
    expect(lines.map(displayWidth).every((w) => w <= 14)).toBe(true);
    expect(
      lines
        .join(' ')
        .replace(/\u001b\[[0-9;]*m/g, '')
        .replace(/\s+/g, ' '),
    ).toBe(' ✓ one two three four five');
  });

  it('counts the emoji terminals draw two columns wide', () => {
    expect(displayWidth('⛔ x')).toBe(4);
    expect(displayWidth('✓ x')).toBe(3);
  });

  it('fits every line of a text', () => {
    expect(fitToWidth('aa bb cc\nshort', 5)).toBe('aa bb\ncc\nshort');
  });
});

describe('terminalWidth', () => {
  const saved = process.env['COLUMNS'];
  afterEach(() => {
    if (saved === undefined) delete process.env['COLUMNS'];
    else process.env['COLUMNS'] = saved;
  });

  it('is the terminal’s width on a terminal, else COLUMNS, else 80', () => {
    process.env['COLUMNS'] = '120';
    expect(terminalWidth({ isTTY: true, columns: 60 })).toBe(60);
    expect(terminalWidth({ isTTY: false })).toBe(120);
    process.env['COLUMNS'] = 'wide';
    expect(terminalWidth({ isTTY: false })).toBe(80);
    delete process.env['COLUMNS'];
    expect(terminalWidth({})).toBe(80);
  });
});
