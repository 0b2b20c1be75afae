/** The fields of one CSV line, or where its quoting is broken. */
export type CsvSplit =
  | { readonly ok: true; readonly fields: readonly string[] }
  | { readonly ok: false; readonly column: number; readonly message: string };

/**
 * Splits one line of RFC 4180 CSV (comma-separated, fields optionally in double quotes, `""` for
 * a quote inside a quoted field). Records spanning lines are not supported: importers read one
 * record per line so every problem has a line number. Unquoted lines take a fast path.
 *
 * @example
 * splitCsvLine('0xabc,"1,5"') // { ok: true, fields: ['0xabc', '1,5'] }
 */
export function splitCsvLine(line: string): CsvSplit {
  if (!line.includes('"')) return { ok: true, fields: line.split(',') };
  const fields: string[] = [];
  let i = 0;
  while (true) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      while (true) {
        const quote = line.indexOf('"', j);
        if (quote === -1) return { ok: false, column: i + 1, message: 'a quoted field is not closed' };
        value += line.slice(j, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
          continue;
        }
        j = quote + 1;
        break;
      }
      fields.push(value);
      if (j === line.length) return { ok: true, fields };
      if (line[j] !== ',') return { ok: false, column: j + 1, message: 'text after a closing quote' };
      i = j + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"'))
        return { ok: false, column: i + value.indexOf('"') + 1, message: 'a quote inside an unquoted field' };
      fields.push(value);
      if (comma === -1) return { ok: true, fields };
      i = comma + 1;
    }
  }
}
