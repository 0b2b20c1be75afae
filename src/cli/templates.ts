import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suggestionHint } from '../core/text/didYouMean.js';
import { usageError } from './CliError.js';
import { packagePaths } from './packagePaths.js';

/** A template's sample evidence sits beside it: `dao.yaml` and `dao.evidence.yaml`. */
export const EVIDENCE_SUFFIX = '.evidence.yaml';

export interface TemplateInfo {
  readonly name: string;
  /** The first line of the template's header comment. */
  readonly description: string;
  readonly path: string;
}

/** The charter templates shipped in the package's templates/ folder. */
export async function listTemplates(): Promise<TemplateInfo[]> {
  const files = (await readdir(packagePaths.templates))
    .filter((f) => f.endsWith('.yaml') && !f.endsWith(EVIDENCE_SUFFIX))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const path = join(packagePaths.templates, file);
      const text = await readFile(path, 'utf8');
      const first = /^#\s*(.+)$/m.exec(text)?.[1] ?? '';
      return {
        name: file.slice(0, -'.yaml'.length),
        description: first.replace(/^Devolve charter for /i, ''),
        path,
      };
    }),
  );
}

export async function findTemplate(
  name: string,
): Promise<TemplateInfo & { text: string; evidence?: string }> {
  const templates = await listTemplates();
  const template = templates.find((t) => t.name === name);
  if (template === undefined) {
    throw usageError({
      code: 'unknown-template',
      message: `unknown template '${name}'`,
      hint: suggestionHint({ input: name, candidates: templates.map((t) => t.name), noun: 'template' }),
    });
  }
  const evidencePath = join(packagePaths.templates, `${template.name}${EVIDENCE_SUFFIX}`);
  const evidence = await readFile(evidencePath, 'utf8').catch(() => undefined);
  return {
    ...template,
    text: await readFile(template.path, 'utf8'),
    ...(evidence === undefined ? {} : { evidence }),
  };
}
