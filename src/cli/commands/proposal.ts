import type { Command } from 'commander';
import { DevolveError } from '../../core/errors/DevolveError.js';
import { proposalDetail } from '../../core/governance/views/proposalView.js';
import { defaultStyle, printJson } from '../output.js';
import { nextStep } from '../proposalWords.js';
import { readRuntime } from '../readRuntime.js';
import { type ReadOptions, withReadOptions } from '../recordAction.js';

/**
 * `devolve proposal <id>`: one proposal — what is proposed, every ballot with its reason, the
 * tally so far with its gates, objections, advice and vetoes, and what happens next and when.
 */
// Shaped like execute.ts by design: one file per command declares its words; reading is shared
// (readRuntime.ts).
export function registerProposal(program: Command): void {
  withReadOptions(
    program
      .command('proposal')
      .description('show one proposal: the ballot, the tally so far, what happens next and when')
      .argument('<id>', 'the proposal id'),
  ).action(async (id: string, options: ReadOptions) => {
    const state = await readRuntime(options);
    const detail = proposalDetail({ state, id, now: Date.now() });
    if (detail === undefined)
      throw new DevolveError({
        code: 'proposal/not-found',
        message: `${state.organization.name} has no proposal '${id}'`,
        hint: 'list them with `devolve proposals`',
        details: { org: state.id, proposal: id },
      });
    if (options.json === true) {
      printJson({ org: state.id, ...detail });
      return;
    }
    const style = defaultStyle();
    const lines = [
      `${style.bold(detail.id)} ${detail.title ?? ''}`,
      `  ${detail.kind} on ${detail.unit}, proposed by ${detail.proposer} · ${detail.method} · ${detail.lifecycle}`,
      `  subject: ${JSON.stringify(detail.subject).slice(0, 200)}`,
      `  phase: ${style.bold(detail.phase)} · next: ${nextStep(detail)}`,
    ];
    if (detail.tally !== undefined) {
      const totals = Object.entries(detail.tally.totals)
        .map(([option, weight]) => `${option} ${weight}`)
        .join(' · ');
      lines.push(`  tally: ${detail.tally.outcome} — ${totals} (${detail.tally.voters} voters)`);
    }
    for (const gate of detail.gates ?? [])
      lines.push(
        style.dim(
          `  gate: ${JSON.stringify(gate, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
        ),
      );
    for (const b of detail.ballots)
      lines.push(
        `  ${style.cyan('vote')} ${b.voter}: ${JSON.stringify(b.ballot)}${b.reason === undefined ? '' : ` — ${b.reason}`}`,
      );
    for (const o of detail.objections) lines.push(`  ${style.yellow('objection')} ${o.by}: ${o.reason}`);
    for (const a of detail.advice) lines.push(`  advice ${a.by} (${a.party}): ${a.text}`);
    for (const v of detail.vetoes)
      lines.push(
        `  ${style.red('veto')} ${v.by} (${v.body})${v.reason === undefined ? '' : `: ${v.reason}`}`,
      );
    if (detail.decision !== undefined)
      lines.push(
        `  decided ${detail.decision.outcome} by ${detail.decision.by}${detail.decision.reason === undefined ? '' : `: ${detail.decision.reason}`}`,
      );
    if (detail.executedAt !== undefined) lines.push(`  executed ${detail.executedAt}`);
    console.log(lines.join('\n'));
  });
}
