import { DevolveError } from '../errors/DevolveError.js';
import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';

/** One member of an electorate: the weight they could have cast and whether they took part. */
export interface Participant {
  readonly weight: bigint;
  readonly tookPart: boolean;
}

/** Either the two totals, or the electorate itself. */
export type ParticipationInput =
  | { readonly participated: bigint; readonly eligible: bigint }
  | { readonly electorate: Iterable<Participant> };

export interface ParticipationRate extends ExactValue {
  /** Weight that took part. */
  readonly participated: bigint;
  /** Weight that could have taken part. */
  readonly eligible: bigint;
}

function invalid(message: string, details: Record<string, unknown>): DevolveError {
  return new DevolveError({
    code: 'metrics/invalid-participation',
    message,
    hint: 'weights are non-negative bigints, and no more weight can take part than is eligible',
    details,
  });
}

/**
 * The share of eligible weight that took part, exact: participated ÷ eligible. Give either the
 * two totals or the electorate (each participant's weight and whether they took part). With no
 * eligible weight the rate is 0: nobody could take part, so nobody did.
 *
 * Throws `DevolveError` `metrics/invalid-participation` for a negative weight or total, or more
 * participating than eligible weight.
 *
 * @example
 * participationRate({ participated: 30n, eligible: 120n }).ratio // { num: 1n, den: 4n }
 * participationRate({ electorate: [{ weight: 3n, tookPart: true }, { weight: 9n, tookPart: false }] })
 * // 3 / 12 = 1/4
 */
export function participationRate(args: ParticipationInput): ParticipationRate {
  let participated = 0n;
  let eligible = 0n;
  if ('electorate' in args) {
    let index = 0;
    for (const { weight, tookPart } of args.electorate) {
      if (typeof weight !== 'bigint' || weight < 0n) {
        throw invalid(
          `participant #${index} has weight ${String(weight)}; weights must be non-negative bigints`,
          {
            index,
            weight: String(weight),
          },
        );
      }
      eligible += weight;
      if (tookPart) participated += weight;
      index++;
    }
  } else {
    ({ participated, eligible } = args);
    const typed = typeof participated === 'bigint' && typeof eligible === 'bigint';
    if (!typed || participated < 0n || eligible < 0n || participated > eligible) {
      throw invalid(`participation of ${participated} out of ${eligible} eligible is impossible`, {
        participated: String(participated),
        eligible: String(eligible),
      });
    }
  }
  if (eligible === 0n) return { ...ZERO_VALUE, participated, eligible };
  return { ...exactValue({ ratio: { num: participated, den: eligible } }), participated, eligible };
}
