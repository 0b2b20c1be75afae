import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * `src/core` is pure: no file system, network, environment, clock or randomness, and no imports
 * from the adapters around it. Time is an argument. This test reads every non-test source file of
 * the core and reports each place that breaks the rule, with its file and line.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE = join(ROOT, 'src', 'core');

const BUILTINS = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each impure construct in a source file, as `line: what`. */
function impurities(args: { file: string; text: string; core: string }): string[] {
  const source = ts.createSourceFile(args.file, args.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${what}`);
  };
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!)) {
      report(node, `imports the Node module '${specifier}'`);
    } else if (specifier.startsWith('.')) {
      const target = resolve(dirname(args.file), specifier);
      if (target !== args.core && !target.startsWith(args.core + sep)) {
        report(node, `imports '${specifier}' from outside src/core`);
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) checkSpecifier(node, expression.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = node.arguments[0];
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require')
      ) {
        if (first !== undefined && ts.isStringLiteralLike(first)) checkSpecifier(node, first.text);
        else report(node, 'imports a module chosen at run time');
      } else if (ts.isIdentifier(callee) && callee.text === 'Date') {
        report(node, 'calls Date() for the current time');
      } else if (
        ts.isIdentifier(callee) &&
        ['fetch', 'setTimeout', 'setInterval', 'setImmediate'].includes(callee.text)
      ) {
        report(node, `calls ${callee.text}()`);
      }
    } else if (ts.isNewExpression(node)) {
      if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'Date' &&
        (node.arguments?.length ?? 0) === 0
      ) {
        report(node, 'reads the clock with new Date()');
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      const owner = node.expression.getText(source).replace(/^globalThis\./, '');
      const name = node.name.text;
      if (owner === 'Date' && name === 'now') report(node, 'reads the clock with Date.now()');
      else if (owner === 'Math' && name === 'random') report(node, 'draws randomness with Math.random()');
      else if (owner === 'performance' && name === 'now')
        report(node, 'reads the clock with performance.now()');
      else if (owner === 'crypto' && ['getRandomValues', 'randomUUID'].includes(name)) {
        report(node, `draws randomness with crypto.${name}()`);
      }
    } else if (ts.isIdentifier(node) && node.text === 'process') {
      // Any use of the process object: environment, arguments, exit, standard streams.
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) &&
          parent.name === node);
      if (!isName) report(node, 'uses process');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the core is pure', () => {
  const files = sourceFiles(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith(join('charter', 'loadCharter.ts')))).toBe(true);
  });

  it.each(files.map((file) => [relative(ROOT, file).split(sep).join('/'), file] as const))(
    '%s does no I/O, reads no clock or randomness, and imports only from the core',
    (_name, file) => {
      expect(impurities({ file, text: readFileSync(file, 'utf8'), core: CORE })).toEqual([]);
    },
  );
});

describe('the purity check itself', () => {
  const check = (text: string) => impurities({ file: join(CORE, 'charter', 'example.ts'), text, core: CORE });

  it('catches Node modules, with or without the node: prefix, and imports from outside the core', () => {
    expect(
      check(
        [
          "import { readFileSync } from 'node:fs';",
          "import path from 'path';",
          "import { x } from '../../cli/output.js';",
          "export { y } from '../../store/EventStore.js';",
          "const z = await import('node:crypto');",
        ].join('\n'),
      ),
    ).toEqual([
      "1: imports the Node module 'node:fs'",
      "2: imports the Node module 'path'",
      "3: imports '../../cli/output.js' from outside src/core",
      "4: imports '../../store/EventStore.js' from outside src/core",
      "5: imports the Node module 'node:crypto'",
    ]);
  });

  it('catches the clock, randomness and the process object', () => {
    expect(
      check(
        [
          'const a = Date.now();',
          'const b = new Date();',
          'const c = Math.random();',
          "const d = process.env['HOME'];",
          'const e = globalThis.Date.now();',
          'const f = crypto.randomUUID();',
          'const g = Date();',
        ].join('\n'),
      ),
    ).toEqual([
      '1: reads the clock with Date.now()',
      '2: reads the clock with new Date()',
      '3: draws randomness with Math.random()',
      '4: uses process',
      '5: reads the clock with Date.now()',
      '6: draws randomness with crypto.randomUUID()',
      '7: calls Date() for the current time',
    ]);
  });

  it('allows what is pure: packages, imports within the core, dates from arguments, words in comments', () => {
    expect(
      check(
        [
          "import { parse } from 'yaml';",
          "import { parseRatio } from '../ratio/Ratio.js';",
          "import type { Organization } from '../model/Organization.js';",
          '// Never call Date.now() or process.env here: time is an argument.',
          'const date = new Date(epochMs);',
          'const later = Date.UTC(2027, 5, 30);',
          "const text = 'process. Math.random';",
          'const record = { process: 1 };',
          'record.process;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
