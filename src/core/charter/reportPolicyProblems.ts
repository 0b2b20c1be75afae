import { checkPolicyInput } from '../policy/checkPolicyInput.js';
import type { Path } from '../schema/Schema.js';
import type { PolicyInput, PolicyOverrideInput } from './charterSchema.js';
import type { ResolveContext } from './ResolveContext.js';

/**
 * Reports a policy's composition problems. A declared ladder's policy is checked once, with
 * `weighted` unknown (undefined): without an explicit weight, whether quadratic voting has voice
 * credits depends on each unit's deciding role, and is judged per unit. With an `override`, a
 * problem is placed on the overriding field when the override wrote it, else on the policy.
 *
 * @example
 * reportPolicyProblems({ context, policy, path: ['ladders', 0, 'levels', 2, 'policy'] });
 */
export function reportPolicyProblems(args: {
  context: ResolveContext;
  policy: PolicyInput;
  path: Path;
  override?: PolicyOverrideInput;
  weighted?: boolean;
}): void {
  const { context, policy, path, override } = args;
  const weighted = args.weighted ?? (policy.weight === undefined || policy.weight !== 'equal');
  for (const problem of checkPolicyInput({ policy, weighted })) {
    const at =
      problem.field !== undefined && (override === undefined || Object.hasOwn(override, problem.field))
        ? [...path, problem.field]
        : path;
    context.error({
      path: at,
      code: problem.code,
      message: problem.message,
      hint: problem.hint,
    });
  }
}
