import type { ImportIssue } from '../core/evidence/ImportIssue.js';
import type { ConcentrationReport } from '../core/metrics/concentrationReport.js';
import { type ProposalFact, type VoteFact, votingReport } from '../core/metrics/votingReport.js';
import { readEntities } from './entitiesImporter.js';
import type { ImporterOption } from './Importer.js';

/** `--entities <file>`, taken by the importers of governance histories. */
export const ENTITIES_OPTION: ImporterOption = {
  flags: '--entities <file>',
  description: 'an entities CSV: count voters and proposers as entities, not addresses',
};

/** The few figures of a concentration report an import prints; `devolve metrics` shows the rest. */
function brief(report: ConcentrationReport) {
  return {
    count: report.nonZeroHolders,
    total: report.total,
    nakamoto: report.nakamoto.count,
    gini: report.gini.value,
    hhi: report.herfindahl.value,
    top10: report.topShare.value,
  };
}

/**
 * Voter and proposer metrics of an imported history, over entities when `--entities` names a
 * file (its bad rows join the import's issues). The summary every governance importer returns.
 */
export async function votingSummary(args: {
  proposals: readonly ProposalFact[];
  votes: readonly VoteFact[];
  entitiesFile: string | undefined;
}): Promise<{ issues: readonly ImportIssue[]; summary: Record<string, unknown> }> {
  const entities =
    args.entitiesFile === undefined ? undefined : await readEntities({ path: args.entitiesFile });
  const report = votingReport({
    proposals: args.proposals,
    votes: args.votes,
    ...(entities === undefined ? {} : { entities: entities.result }),
  });
  return {
    issues: entities?.issues ?? [],
    summary: {
      countedBy: entities === undefined ? 'address' : 'entity',
      proposals: report.proposals,
      votes: report.votes,
      distinctVoters: report.distinctVoters,
      distinctProposers: report.distinctProposers,
      participation: report.participation.value,
      votesPerProposal: report.votesPerProposal.value,
      voters: brief(report.voters),
      proposers: brief(report.proposers),
    },
  };
}
