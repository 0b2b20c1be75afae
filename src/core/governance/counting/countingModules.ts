import type { MethodName } from '../../policy/MethodName.js';
import { advice } from './advice.js';
import { approval } from './approval.js';
import type { CountingModule } from './CountingModule.js';
import { consent } from './consent.js';
import { majority } from './majority.js';
import { optimistic } from './optimistic.js';
import { quadratic } from './quadratic.js';
import { rankedChoice } from './rankedChoice.js';
import { singleOwner } from './singleOwner.js';
import { supermajority } from './supermajority.js';
import { weightedSplit } from './weightedSplit.js';

/**
 * Every counting method. Adding one is a new file and a line here; the method table
 * (`METHOD_RULES`), the lookup below and `devolve tally` all follow from this list.
 */
export const COUNTING_MODULES: readonly CountingModule<unknown>[] = [
  singleOwner,
  majority,
  supermajority,
  approval,
  rankedChoice,
  quadratic,
  weightedSplit,
  consent,
  advice,
  optimistic,
];

/**
 * The counting module of each method. Ballots are typed `unknown` here: a caller validates one
 * with `module.ballot` (and `module.checkBallot`) before tallying it.
 */
export const COUNTING_MODULE_BY_METHOD: Readonly<Record<MethodName, CountingModule<unknown>>> =
  Object.fromEntries(COUNTING_MODULES.map((module) => [module.method, module])) as Record<
    MethodName,
    CountingModule<unknown>
  >;
