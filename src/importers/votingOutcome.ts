import type { ImportIssue } from '../core/evidence/ImportIssue.js';
import type { ConcentrationReport } from '../core/metrics/concentrationReport.js';
import { type ProposalFact, type VoteFact, votingReport } from '../core/metrics/votingReport.js';
import { readEntities } from './entitiesImporter.js';
import type { ImporterOption, ImportOutcome } from './Importer.js';

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
 * What every governance importer returns: its rows and issues, what it says of its source
 * (`about`), and the voter and proposer metrics of the history, over entities when `--entities`
 * names a file (whose bad rows join the issues).
 */
export async function votingOutcome(args: {
  rows: number;
  issues: readonly ImportIssue[];
  about: Record<string, unknown>;
  proposals: readonly ProposalFact[];
  votes: readonly VoteFact[];
  options: Readonly<Record<string, string | string[] | undefined>>;
}): Promise<ImportOutcome> {
  const entitiesFile = args.options['entities'] as string | undefined;
  const entities = entitiesFile === undefined ? undefined : await readEntities({ path: entitiesFile });
  const report = votingReport({
    proposals: args.proposals,
    votes: args.votes,
    ...(entities === undefined ? {} : { entities: entities.result }),
  });
  return {
    rows: args.rows,
    issues: [...args.issues, ...(entities?.issues ?? [])],
    summary: {
      ...args.about,
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
