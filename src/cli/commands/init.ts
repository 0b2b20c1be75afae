import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadCharter } from '../../core/charter/loadCharter.js';
import { DevolveError } from '../../core/errors/DevolveError.js';
import { usageError } from '../CliError.js';
import { DEFAULT_CHARTER } from '../findCharter.js';
import { defaultStyle, printJson } from '../output.js';
import { DEFAULT_EVIDENCE } from '../readEvidence.js';
import { schemaComment } from '../schemaComment.js';
import { findTemplate, listTemplates } from '../templates.js';
import { writeFileSafely } from '../writeFileSafely.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a new devolve.yaml from a template')
    .option('-t, --template <name>', 'the template (see `devolve templates`; `blank` to start from scratch)')
    .option('-d, --dir <dir>', 'the directory to write it in', '.')
    .option('--force', 'overwrite an existing charter')
    .option('--json', 'print the result as JSON')
    .action(async (options: { template?: string; dir: string; force?: boolean; json?: boolean }) => {
      if (options.template === undefined) {
        const names = (await listTemplates()).map((t) => t.name);
        throw usageError({
          code: 'missing-template',
          message: 'devolve init needs --template <name>',
          hint: `choose one of ${names.join(', ')} (\`devolve templates\` describes them; blank starts from scratch)`,
        });
      }
      const template = await findTemplate(options.template);
      await mkdir(options.dir, { recursive: true });
      const file = join(options.dir, DEFAULT_CHARTER);
      const text = schemaComment(options.dir) + template.text;
      try {
        await writeFileSafely({ file, content: text, exclusive: !options.force });
      } catch (cause) {
        if (cause instanceof DevolveError && cause.code === 'output/exists') {
          throw usageError({
            code: 'charter-exists',
            message: `${file} already exists`,
            hint: 'keep it, choose another --dir, or pass --force to overwrite it',
          });
        }
        throw cause;
      }
      // The template's sample evidence comes along, so `plan` shows something real at once.
      let evidenceFile: string | undefined;
      if (template.evidence !== undefined) {
        const path = join(options.dir, DEFAULT_EVIDENCE);
        const written = await writeFileSafely({
          file: path,
          content: template.evidence,
          exclusive: !options.force,
        }).then(
          () => true,
          (cause: unknown) => {
            if (cause instanceof DevolveError && cause.code === 'output/exists') return false;
            throw cause;
          },
        );
        if (written) evidenceFile = path;
      }
      const load = loadCharter({ text, file });
      const units = load.ok ? load.organization.units.length : 0;
      if (options.json) {
        printJson({ file, template: template.name, units, evidence: evidenceFile ?? null });
        return;
      }
      const style = defaultStyle();
      console.log(`${style.green('✓')} wrote ${file} from template '${template.name}' (${units} units)`);
      if (evidenceFile !== undefined)
        console.log(`${style.green('✓')} wrote ${evidenceFile} (sample evidence)`);
      const where = options.dir === '.' ? '' : ` ${file}`;
      console.log(
        style.dim(
          `Next: devolve status${where} · devolve plan${where} · devolve explain <unit>${where} · devolve check${where}`,
        ),
      );
    });
}
