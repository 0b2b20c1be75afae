import type { Command } from 'commander';
import { suggestionHint } from '../../core/text/didYouMean.js';
import type { EventStore } from '../../store/EventStore.js';
import { usageError } from '../CliError.js';
import { DATA_OPTION, openStore } from '../openStore.js';
import { defaultStyle, printJson } from '../output.js';
import { writeFileSafely } from '../writeFileSafely.js';

/** The organization to export: the one named, or the only one in the store. */
async function chooseOrganization(store: EventStore, org: string | undefined): Promise<string> {
  const ids = (await store.listOrganizations()).map((o) => o.id);
  if (org !== undefined) {
    if (!ids.includes(org)) {
      throw usageError({
        code: 'unknown-organization',
        message: `there is no organization '${org}' in this store`,
        hint: suggestionHint({ input: org, candidates: ids, noun: 'organization' }),
      });
    }
    return org;
  }
  if (ids.length === 1) return ids[0]!;
  throw usageError({
    code: ids.length === 0 ? 'no-organization' : 'which-organization',
    message:
      ids.length === 0
        ? 'this store holds no organization yet'
        : `this store holds ${ids.length} organizations`,
    hint: ids.length === 0 ? 'create one with `devolve apply`' : `name one with --org: ${ids.join(', ')}`,
  });
}

/** The log's lines, each with its newline, counted as they pass. */
async function* counted(lines: AsyncIterable<string>, count: { events: number }): AsyncGenerator<string> {
  for await (const line of lines) {
    count.events += 1;
    yield `${line}\n`;
  }
}

/**
 * `devolve export --out log.jsonl`: writes an organization's log as JSON Lines, one canonical
 * event per line in order — byte for byte what was hashed, so `devolve verify` can check it
 * anywhere. Without `--out` (or with `-`) the log goes to standard output.
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the signed log as JSON Lines, for `devolve verify` or anyone else')
    .option('--out <file>', 'where to write it (default: standard output)')
    .option('--org <id>', 'the organization (default: the only one in the store)')
    .option(...DATA_OPTION)
    .option('--json', 'print a summary as JSON (needs --out)')
    .action(async (options: { out?: string; org?: string; data?: string; json?: boolean }) => {
      const toStdout = options.out === undefined || options.out === '-';
      if (toStdout && options.json) {
        throw usageError({
          code: 'json-needs-out',
          message: '--json prints a summary, so the log needs --out <file>',
        });
      }
      const { store } = await openStore({ data: options.data, mode: 'read' });
      try {
        const org = await chooseOrganization(store, options.org);
        const head = await store.readHead({ org });
        if (toStdout) {
          for await (const line of store.exportLog({ org })) {
            if (!process.stdout.write(`${line}\n`))
              await new Promise((resolve) => process.stdout.once('drain', resolve));
          }
          return;
        }
        const file = options.out!;
        // Atomic for a regular file, so an interrupted export never leaves half a log that looks
        // like a whole shorter one; written through to a device or pipe.
        const count = { events: 0 };
        await writeFileSafely({ file, content: counted(store.exportLog({ org }), count) });
        const { events } = count;
        if (options.json) {
          printJson({ org, file, events, head: head.head });
          return;
        }
        const style = defaultStyle();
        console.log(
          `${style.green('✓')} exported ${events} event${events === 1 ? '' : 's'} of ${org} to ${file}`,
        );
        console.log(
          style.dim(
            `  head ${head.head} — check it anywhere with: devolve verify ${file} --head ${head.head}`,
          ),
        );
      } finally {
        await store.close();
      }
    });
}
