import type { Path } from '../schema/Schema.js';

/** `['units', 2, 'level']` → `units[2].level`. */
export function formatPath(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
