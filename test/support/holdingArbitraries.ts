import fc from 'fast-check';

/**
 * Token holdings as the concentration metrics' property tests draw them: small numbers (ties and
 * zeros are common), 27-digit balances (18-decimal tokens), and values beyond 2^128, where the
 * metrics leave their fast paths for bigint arithmetic.
 */
export const holding = fc.oneof(
  fc.bigInt({ min: 0n, max: 9n }),
  fc.bigInt({ min: 0n, max: 10n ** 27n }),
  fc.bigInt({ min: 0n, max: 2n ** 130n }),
);

/** Up to 100 holdings, at least `minLength`, not all zero. */
export const someHoldings = (minLength: number) =>
  fc.array(holding, { minLength, maxLength: 100 }).filter((values) => values.some((x) => x > 0n));

/** A factor every holding is multiplied by, to check that a metric does not depend on scale. */
export const scaleFactor = fc.bigInt({ min: 1n, max: 10n ** 18n });
