import { parseDocument } from 'yaml';
import { canonicalJson } from '../core/log/canonicalJson.js';

/**
 * The charter file's text brought in line with the charter a log records, changing only the units
 * (and other top-level sections) that differ, so the file's comments and layout elsewhere survive.
 *
 * @example
 * syncCharterText({ text: await readFile(charterFile, 'utf8'), recorded: state.charter })
 */
export function syncCharterText(args: { text: string; recorded: unknown }): string {
  const document = parseDocument(args.text);
  const written = document.toJS() as Record<string, unknown>;
  const recorded = args.recorded as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  for (const [key, value] of Object.entries(recorded)) {
    if (same(written[key], value)) continue;
    const units = written[key];
    if (key === 'units' && Array.isArray(units) && Array.isArray(value) && units.length === value.length) {
      value.forEach((unit, i) => {
        if (!same(units[i], unit)) document.setIn(['units', i], document.createNode(unit));
      });
    } else document.set(key, document.createNode(value));
  }
  return document.toString();
}
