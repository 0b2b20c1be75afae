import { type CsvColumns, columnOf, findColumns } from './CsvTable.js';
import type { ImportIssue } from './ImportIssue.js';
import type { LineTally } from './LineTally.js';
import { normalizeHolder } from './normalizeHolder.js';
import { splitCsvLine } from './splitCsvLine.js';

/** Accepted header names of an entities CSV, case-insensitive. */
export const ENTITIES_COLUMNS = {
  key: ['address', 'member', 'holder', 'account', 'email', 'author'],
  entity: ['entity'],
} as const;

/** Which entity each holder (address, member id or git author e-mail) belongs to. */
export type EntityMap = Map<string, string>;

/**
 * The pure part of the entities importer: a CSV naming a key column (an address, a member id, or
 * a git author e-mail) and an `entity` column. A key listed twice with the same entity is fine;
 * with a different entity it is an issue on the second line (the first mapping stays), because
 * counting one address for two entities would make concentration look lower than it is.
 *
 * @example
 * 'address,entity\n0x…01,Acme\n0x…02,Acme' → Map { '0x…01' => 'Acme', '0x…02' => 'Acme' }
 */
export function tallyEntities(args: { file: string }): LineTally<EntityMap> {
  const { file } = args;
  const entities: EntityMap = new Map();
  const firstLine = new Map<string, number>();
  const issues: ImportIssue[] = [];
  let columns: CsvColumns | undefined;
  let headerSeen = false;
  let rows = 0;
  return {
    line(text, line) {
      if (text.trim() === '') return;
      if (!headerSeen) {
        headerSeen = true;
        const found = findColumns({ header: text, wanted: ENTITIES_COLUMNS, file, line });
        if (found.ok) columns = found.columns;
        else issues.push(...found.issues);
        return;
      }
      rows++;
      if (columns === undefined) return;
      const split = splitCsvLine(text);
      if (!split.ok) {
        issues.push({
          file,
          line,
          column: split.column,
          code: 'import/bad-csv',
          message: split.message,
          path: 'row',
        });
        return;
      }
      const keyColumn = columns['key']!;
      const entityColumn = columns['entity']!;
      const keyText = split.fields[keyColumn.index];
      const entity = split.fields[entityColumn.index]?.trim();
      if (keyText === undefined || entity === undefined || entity === '') {
        issues.push({
          file,
          line,
          column:
            entity === undefined || keyText === undefined
              ? text.length + 1
              : columnOf(text, entityColumn.index),
          code: 'import/missing-field',
          message: keyText === undefined ? 'the row has no key' : 'the row names no entity',
          path: keyText === undefined ? keyColumn.header : entityColumn.header,
        });
        return;
      }
      const key = normalizeHolder(keyText);
      if (!key.ok) {
        issues.push({
          file,
          line,
          column: columnOf(text, keyColumn.index),
          code: 'import/invalid-holder',
          message: key.message,
          path: keyColumn.header,
        });
        return;
      }
      const known = entities.get(key.key);
      if (known !== undefined && known !== entity) {
        issues.push({
          file,
          line,
          column: columnOf(text, entityColumn.index),
          code: 'import/conflicting-entity',
          message: `'${key.key}' is already mapped to '${known}' on line ${firstLine.get(key.key)}`,
          path: entityColumn.header,
        });
        return;
      }
      entities.set(key.key, entity);
      if (!firstLine.has(key.key)) firstLine.set(key.key, line);
    },
    finish() {
      if (!headerSeen)
        issues.push({
          file,
          line: 1,
          column: 1,
          code: 'import/empty',
          message: 'the file has no header line',
          path: 'header',
        });
      return { result: entities, rows, issues };
    },
  };
}
