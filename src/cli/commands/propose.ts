import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { nextProposalId } from '../../core/governance/views/nextProposalId.js';
import { diffCharter } from '../../core/state/diffCharter.js';
import type { OrgState } from '../../core/state/OrgState.js';
import { usageError } from '../CliError.js';
import { readValidCharter } from '../readValidCharter.js';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

interface ProposeOptions extends ActOptions {
  id?: string;
  title?: string;
  body?: string;
}

/**
 * A proposal id not yet taken: `--id` when given, else `<unit>-<n>` with the first free `n`.
 *
 * @example
 * proposalId({ state, unit: 'treasury', id: undefined }) // 'treasury-3'
 */
export function proposalId(args: { state: OrgState; unit: string; id: string | undefined }): string {
  return args.id ?? nextProposalId({ unit: args.unit, taken: Object.keys(args.state.proposals) });
}

function withProposalOptions(command: Command): Command {
  return withActOptions(
    command
      .option('--id <id>', 'the proposal id (default: <unit>-<n>)')
      .option('--title <text>', 'one line naming the proposal')
      .option('--body <text>', 'the full text: context and reasoning'),
  );
}

async function propose(args: {
  options: ProposeOptions;
  unit: string | ((state: OrgState) => string);
  kind: 'decision' | 'slider-move' | 'charter-change' | 'commitment';
  title: string;
  subject: unknown;
  extra?: Record<string, unknown>;
}): Promise<void> {
  const { options } = args;
  let opened = '';
  await act({
    options,
    kind: 'proposal.create',
    payload: (state: OrgState) => {
      const unit = typeof args.unit === 'function' ? args.unit(state) : args.unit;
      const id = proposalId({ state, unit, id: options.id });
      opened = `${id} (${args.kind} on ${unit})`;
      return {
        id,
        unit,
        kind: args.kind,
        title: options.title ?? args.title,
        ...(options.body === undefined ? {} : { body: options.body }),
        subject: args.subject,
        ...args.extra,
      };
    },
    get done() {
      return `opened ${opened}`;
    },
  });
}

/**
 * `devolve propose decision|move|charter|commitment`: opens a signed proposal on a unit, decided
 * under the policy of its current level (or, for a move down or a loosening, the higher level's).
 */
export function registerPropose(program: Command): void {
  const command = program
    .command('propose')
    .description('open a proposal: a decision, a slider move, a charter change or a commitment');

  withProposalOptions(
    command
      .command('decision')
      .description('a free-form decision with the outcome statement recorded when it passes')
      .argument('<unit>', 'the unit it concerns')
      .requiredOption('--outcome <text>', 'what is decided, as recorded when it passes')
      .option('--options <list>', 'named options, comma-separated, for multi-option methods'),
  ).action(async (unit: string, options: ProposeOptions & { outcome: string; options?: string }) => {
    await propose({
      options,
      unit,
      kind: 'decision',
      title: options.outcome.slice(0, 200),
      subject: { outcome: options.outcome },
      ...(options.options === undefined
        ? {}
        : { extra: { options: options.options.split(',').map((o) => o.trim()) } }),
    });
  });

  withProposalOptions(
    command
      .command('move')
      .description("move a unit's slider one notch (readiness is checked against the evidence)")
      .argument('<unit>', 'the unit to move')
      .requiredOption('--to <level>', 'the level to move to, by id')
      .option('--evidence <file>', 'observations and attestations for the readiness check (YAML or JSON)')
      .option('--override <reason>', 'move although readiness is not met, where the policy allows it'),
  ).action(
    async (unit: string, options: ProposeOptions & { to: string; evidence?: string; override?: string }) => {
      let evidence: unknown;
      if (options.evidence !== undefined) {
        const text = await readFile(options.evidence, 'utf8').catch((cause: NodeJS.ErrnoException) => {
          throw usageError({
            code: 'evidence-not-found',
            message: `cannot read evidence file ${options.evidence}: ${cause.code ?? cause.message}`,
          });
        });
        evidence = parse(text) as unknown;
      }
      await propose({
        options,
        unit,
        kind: 'slider-move',
        title: `Move ${unit} to ${options.to}`,
        subject: {
          to: options.to,
          ...(evidence === undefined ? {} : { evidence }),
          ...(options.override === undefined ? {} : { override: options.override }),
        },
      });
    },
  );

  withProposalOptions(
    command
      .command('charter')
      .description('propose an edited charter that changes how one unit is governed (see `devolve diff`)')
      .argument('[file]', 'the edited charter', 'devolve.yaml')
      .option(
        '--unit <id>',
        'the unit it changes (default: the one unit `devolve diff` says needs a proposal)',
      ),
  ).action(async (file: string, options: ProposeOptions & { unit?: string }) => {
    const { organization, input } = await readValidCharter({ file, json: options.json === true });
    let chosen = options.unit;
    await propose({
      options: { ...options, org: options.org ?? organization.id },
      unit: (state) => {
        if (chosen !== undefined) return chosen;
        const needing = diffCharter({ state, organization, input }).units.filter(
          (u) => u.route === 'proposal',
        );
        if (needing.length !== 1)
          throw usageError({
            code: needing.length === 0 ? 'no-proposal-needed' : 'unit-required',
            message:
              needing.length === 0
                ? `${file} changes nothing that needs a proposal`
                : `${file} changes ${needing.map((u) => u.unit).join(', ')}: one proposal changes one unit`,
            hint:
              needing.length === 0
                ? 'record it with `devolve apply`, or see `devolve diff`'
                : 'edit one unit at a time, or say --unit <id>',
          });
        chosen = needing[0]!.unit;
        return chosen;
      },
      kind: 'charter-change',
      get title() {
        return `Change how ${chosen ?? 'the unit'} is governed`;
      },
      subject: { charter: input },
    });
  });

  withProposalOptions(
    command
      .command('commitment')
      .description("add, extend or cancel a unit's public commitment")
      .argument('<unit>', 'the unit')
      .requiredOption('--action <action>', 'add, extend or cancel')
      .requiredOption('--commitment <id>', 'the commitment id')
      .option('--level <id>', 'the level promised (to add one)')
      .option('--by <date>', 'the date by which it is promised')
      .option('--statement <text>', 'its public wording')
      .option('--unless <text>', 'the stated exception'),
  ).action(
    async (
      unit: string,
      options: ProposeOptions & {
        action: string;
        commitment: string;
        level?: string;
        by?: string;
        statement?: string;
        unless?: string;
      },
    ) => {
      const commitment = {
        id: options.commitment,
        ...(options.level === undefined ? {} : { level: options.level }),
        ...(options.by === undefined ? {} : { by: options.by }),
        ...(options.statement === undefined ? {} : { statement: options.statement }),
        ...(options.unless === undefined ? {} : { unless: options.unless }),
      };
      await propose({
        options,
        unit,
        kind: 'commitment',
        title: `${options.action[0]?.toUpperCase() ?? ''}${options.action.slice(1)} commitment ${options.commitment}`,
        subject: { action: options.action, commitment },
      });
    },
  );
}
