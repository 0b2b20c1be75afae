import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A command file registers one command; what two commands share lives in a helper in `src/cli/`
 * named after what it exports (`renderStatus.ts`, `statusLabel.ts`), so no command imports
 * another command's file. This reads every command's imports, static and dynamic.
 */
const COMMANDS = fileURLToPath(new URL('.', import.meta.url));

function commandImports(file: string): string[] {
  const text = readFileSync(`${COMMANDS}${file}`, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.\/[^']+)'/g)].map((m) => m[1] ?? '');
}

describe('command files', () => {
  const files = readdirSync(COMMANDS).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

  it('are found', () => {
    expect(files).toContain('demo.ts');
    expect(files).toContain('status.ts');
  });

  it('import nothing from a sibling command', () => {
    const crossings = files.flatMap((file) => commandImports(file).map((target) => `${file} → ${target}`));
    expect(crossings).toEqual([]);
  });
});
