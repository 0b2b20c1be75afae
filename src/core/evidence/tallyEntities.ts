import { csvTally } from './CsvTable.js';
import type { LineTally } from './LineTally.js';
import { normalizeHolder } from './normalizeHolder.js';

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
  const entities: EntityMap = new Map();
  const firstLine = new Map<string, number>();
  return csvTally({
    file: args.file,
    wanted: ENTITIES_COLUMNS,
    result: () => entities,
    row({ fields, columns, line, report }) {
      const entity = fields[columns['entity']!.index]!.trim();
      if (entity === '')
        return report({ column: 'entity', code: 'import/missing-field', message: 'the row names no entity' });
      const key = normalizeHolder(fields[columns['key']!.index]!);
      if (!key.ok) return report({ column: 'key', code: 'import/invalid-holder', message: key.message });
      const known = entities.get(key.key);
      if (known !== undefined && known !== entity)
        return report({
          column: 'entity',
          code: 'import/conflicting-entity',
          message: `'${key.key}' is already mapped to '${known}' on line ${firstLine.get(key.key)}`,
        });
      entities.set(key.key, entity);
      if (!firstLine.has(key.key)) firstLine.set(key.key, line);
    },
  });
}
