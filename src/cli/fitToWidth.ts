/**
 * Fitting terminal output to its width: lines break between words, continuation lines hang
 * under the text they continue, and a word wider than the line (a long link) is split only where
 * it has no digit run to cut — numbers are never cut.
 */

const ANSI = /\u001b\[[0-9;]*m/g;

/** Glyphs that terminals draw two columns wide. */
const WIDE = new Set(['⛔', '⏱', '✅', '❌', '❔']);

/** Columns a string takes on a terminal: escapes take none, a few emoji two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += WIDE.has(char) ? 2 : 1;
  return width;
}

/**
 * The width to fit: the terminal's when standard output is one, else `COLUMNS` when set to a
 * number, else 80.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const columns = Number.parseInt(process.env['COLUMNS'] ?? '', 10);
  return Number.isFinite(columns) && columns > 0 ? columns : 80;
}

/** Visible characters and the escapes between them, so a word can be split by columns. */
function pieces(word: string): string[] {
  return word.split(/(\u001b\[[0-9;]*m)/).flatMap((part) => (part.startsWith('\u001b') ? [part] : [...part]));
}

/**
 * Splits a word too wide for its line: `first` columns on the line it starts, `rest` on each
 * line after, at places that are not inside a run of digits.
 */
function splitWord(word: string, first: number, rest: number): string[] {
  const parts: string[] = [];
  let current = '';
  let width = 0;
  const chars = pieces(word);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const w = char.startsWith('\u001b') ? 0 : displayWidth(char);
    const room = parts.length === 0 ? first : rest;
    if (width + w > room && width > 0) {
      // Step back out of a digit run, so the run moves whole to the next line.
      let back = current;
      let moved = '';
      while (/\d$/.test(back.replace(ANSI, '')) && /^\d/.test(char + moved)) {
        const last = [...back].pop()!;
        back = back.slice(0, -last.length);
        moved = last + moved;
      }
      if (back.replace(ANSI, '').length > 0) {
        parts.push(back);
        current = moved;
        width = displayWidth(moved);
      } else {
        parts.push(current);
        current = '';
        width = 0;
      }
    }
    current += char;
    width += w;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * One line fitted to `width` columns: breaks between words, continuation lines indented by
 * `hang` columns (by default where the line's text starts, after its indent and a short marker
 * such as `✓`, `12.` or `—`).
 *
 * @example
 * fitLine('  ✓ a long reason …', 40) // ['  ✓ a long …', '    reason …']
 */
export function fitLine(line: string, width: number, hang?: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  // A marker is a symbol or two (`✓`, `·`, `—`) or a list number (`12.`), then a space.
  const lead = /^( *)((?:[^\p{L}\p{N}\s]{1,2}|\d{1,3}\.) )?/u.exec(plain)!;
  const indent = Math.min(hang ?? lead[0].length, Math.floor(width / 2));
  const pad = ' '.repeat(indent);
  const leadingSpaces = /^ */.exec(line)![0].length;
  const words = line.slice(leadingSpaces).split(/( +)/);
  const out: string[] = [];
  let current = ' '.repeat(leadingSpaces);
  let currentWidth = leadingSpaces;
  let fresh = true;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    const gap = i === 0 ? '' : words[i - 1]!;
    const w = displayWidth(word);
    if (!fresh && currentWidth + displayWidth(gap) + w > width) {
      out.push(current);
      current = pad;
      currentWidth = indent;
      fresh = true;
    }
    const room = width - currentWidth - (fresh ? 0 : displayWidth(gap));
    if (w > room) {
      const [first, ...rest] = splitWord(word, room, width - indent);
      if (!fresh) current += gap;
      current += first ?? '';
      for (const part of rest) {
        out.push(current);
        current = pad + part;
      }
      currentWidth = displayWidth(current);
    } else {
      current += (fresh ? '' : gap) + word;
      currentWidth += (fresh ? 0 : displayWidth(gap)) + w;
    }
    fresh = false;
  }
  out.push(current);
  return out.map((l) => l.replace(/ +$/, ''));
}

/** Every line of `text` fitted to `width`. */
export function fitToWidth(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => fitLine(line, width))
    .join('\n');
}
