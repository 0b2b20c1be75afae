import type { Command } from 'commander';
import { listProposals, type ProposalSummary } from '../../core/governance/views/proposalView.js';
import type { OrgState } from '../../core/state/OrgState.js';
import { defaultStyle, printJson } from '../output.js';
import { type ReadOptions, resolveOrg, withReadOptions } from '../recordAction.js';
import { openTarget } from '../serverClient.js';

/** The state of the organization a reading command names, from the local store or the server. */
export async function readRuntime(options: ReadOptions): Promise<OrgState> {
  const { target } = await openTarget({ server: options.server, data: options.data, mode: 'read' });
  try {
    return await target.readState({ org: await resolveOrg({ target, org: options.org }) });
  } finally {
    await target.close();
  }
}

/**
 * A countdown in words: `2d 4h`, `3h 5m`, `40s`.
 *
 * @example
 * countdown(93_600) // '1d 2h'
 */
export function countdown(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${seconds}s`;
}

/** What comes next for a proposal, in words: `timelock in 2d 4h (2026-03-04T12:00:00.000Z)`. */
export function nextStep(summary: ProposalSummary): string {
  if (summary.executable) return 'ready to execute';
  if (summary.next === undefined) return '—';
  return `${summary.next.phase} in ${countdown(summary.next.inSeconds)} (${summary.next.at})`;
}

/** `devolve proposals`: every proposal with its phase and a countdown to what comes next. */
export function registerProposals(program: Command): void {
  withReadOptions(
    program.command('proposals').description('list the proposals with their state and countdown'),
  ).action(async (options: ReadOptions) => {
    const state = await readRuntime(options);
    const proposals = listProposals({ state, now: Date.now() });
    if (options.json === true) {
      printJson({ org: state.id, proposals });
      return;
    }
    const style = defaultStyle();
    if (proposals.length === 0) {
      console.log(`${state.organization.name} has no proposals yet — open one with \`devolve propose\``);
      return;
    }
    const idWidth = Math.max(...proposals.map((p) => p.id.length));
    const phaseWidth = Math.max(...proposals.map((p) => p.phase.length));
    for (const p of proposals) {
      console.log(
        `${style.bold(p.id.padEnd(idWidth))}  ${p.phase.padEnd(phaseWidth)}  ${p.unit} · ${p.kind} · ${p.title ?? ''}`,
      );
      console.log(style.dim(`${' '.repeat(idWidth + 2)}next: ${nextStep(p)}`));
    }
  });
}
