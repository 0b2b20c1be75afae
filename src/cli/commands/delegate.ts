import type { Command } from 'commander';
import { usageError } from '../CliError.js';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

interface ScopeOptions {
  role?: string;
  token?: string;
}

function scopeOf(options: ScopeOptions): { role: string } | { token: string } {
  if ((options.role === undefined) === (options.token === undefined))
    throw usageError({
      code: 'scope-required',
      message: 'say which weight: --role <id> or --token <symbol> (one of them)',
    });
  return options.role !== undefined ? { role: options.role } : { token: options.token! };
}

/**
 * `member` or `member=share` (a share as `1/2`, `50%` or `0.5`; the whole weight when left out).
 *
 * @example
 * delegatePart('priya=1/2') // { member: 'priya', share: '1/2' }
 */
export function delegatePart(text: string): { member: string; share: string } {
  const at = text.indexOf('=');
  const member = at < 0 ? text : text.slice(0, at);
  const share = at < 0 ? '1' : text.slice(at + 1);
  if (member === '' || share === '')
    throw usageError({
      code: 'bad-delegate',
      message: `'${text}' is not member or member=share`,
      hint: 'e.g. --to priya=1/2 --to tomas=1/2',
    });
  return { member, share };
}

/**
 * `devolve delegate set|revoke`: lend the weight you hold through a role or a token to other
 * members, whole or in shares (one hop; a direct vote overrides the delegate's for your weight),
 * or withdraw it. Proposals opened later apply the change.
 */
export function registerDelegate(program: Command): void {
  const delegate = program
    .command('delegate')
    .description('delegate your voting weight, or revoke a delegation');
  withActOptions(
    delegate
      .command('set')
      .description('lend your weight in a role or token to members, whole or in shares')
      .option('--role <id>', 'the weight you hold through this role')
      .option('--token <symbol>', 'the weight of this token')
      .requiredOption(
        '--to <member[=share]>',
        'a delegate, with their share (repeat for several)',
        (v: string, all: string[] = []) => [...all, v],
      ),
  ).action(async (options: ActOptions & ScopeOptions & { to: string[] }) => {
    const to = options.to.map(delegatePart);
    await act({
      options,
      kind: 'delegation.set',
      payload: { ...scopeOf(options), to },
      done: `delegated to ${to.map((p) => (p.share === '1' ? p.member : `${p.member} (${p.share})`)).join(', ')}`,
    });
  });
  withActOptions(
    delegate
      .command('revoke')
      .description('withdraw your delegation of a role or token')
      .option('--role <id>', 'the role')
      .option('--token <symbol>', 'the token'),
  ).action(async (options: ActOptions & ScopeOptions) => {
    await act({
      options,
      kind: 'delegation.revoke',
      payload: scopeOf(options),
      done: 'revoked the delegation',
    });
  });
}
