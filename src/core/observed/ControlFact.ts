/** An EVM address, lowercased. */
export type Address = `0x${string}`;

/**
 * Who holds power over one address, as read on-chain: a tree whose leaves are plain keys (or
 * nobody, or a contract of a kind no reader recognises). Pure data: readers in `src/chain` build
 * it, the observed-level rules in this folder judge it.
 * Its runs of `readonly` fields look like other records (observeUnit.ts's UnitObservation,
 * model/Organization.ts, governance/lifecycle/Proposal.ts) only by record syntax, on purpose.
 */
export type ControlFact =
  /** An externally owned account: whoever holds its private key acts alone, at once. */
  | { readonly kind: 'key'; readonly address: Address }
  /** The zero address (ownership renounced) or an open role: no one holds this power. */
  | { readonly kind: 'nobody'; readonly address: Address }
  /** A contract no reader recognised: its control is unknown. */
  | { readonly kind: 'contract'; readonly address: Address }
  /** Already met higher up the same path (a timelock that administers itself). */
  | { readonly kind: 'cycle'; readonly address: Address }
  /** EIP-1967 proxy: whoever controls `admin` can replace `implementation`. */
  | {
      readonly kind: 'proxy';
      readonly address: Address;
      readonly implementation: Address;
      readonly admin: ControlFact;
    }
  /** Ownable: `owner` acts alone. */
  | { readonly kind: 'ownable'; readonly address: Address; readonly owner: ControlFact }
  /** A Safe (or anything with its `getOwners` / `getThreshold`): `threshold` of `owners` act together. */
  | {
      readonly kind: 'multisig';
      readonly address: Address;
      readonly threshold: number;
      readonly owners: readonly ControlFact[];
    }
  /**
   * TimelockController: proposers schedule, and nothing runs before `minDelay` seconds. Admins
   * (DEFAULT_ADMIN_ROLE other than the timelock itself) can grant roles at once, so they bypass
   * the delay. Executors and cancellers are recorded; they cannot change anything alone.
   */
  | {
      readonly kind: 'timelock';
      readonly address: Address;
      readonly minDelay: number;
      readonly proposers: readonly ControlFact[];
      readonly admins: readonly ControlFact[];
      readonly executors: readonly Address[];
      readonly cancellers: readonly Address[];
    }
  /** AccessControl: holders of DEFAULT_ADMIN_ROLE control every role. */
  | { readonly kind: 'access-control'; readonly address: Address; readonly admins: readonly ControlFact[] };

/**
 * One way power reaches the controlled contract: the hops from the contract to a leaf, each
 * multisig with its size and threshold and each timelock with its delay on the way.
 */
export interface ControlPath {
  readonly hops: readonly ControlFact[];
  readonly leaf: ControlFact;
  readonly multisigs: readonly {
    readonly address: Address;
    readonly owners: number;
    readonly threshold: number;
  }[];
  /** The longest timelock delay on the path, seconds (0 for none). */
  readonly delay: number;
}

/**
 * Every path from a contract's control to the parties at its end. A multisig is a leaf of its
 * own path (its owners act only together, so they are not separate paths); a timelock splits into
 * its proposers' paths (delayed) and its admins' paths (not delayed).
 *
 * @example
 * controlPaths(ownable owned by key K) // [{ leaf: K, multisigs: [], delay: 0 }]
 */
export function controlPaths(fact: ControlFact): ControlPath[] {
  const walk = (node: ControlFact, hops: ControlFact[], delay: number): ControlPath[] => {
    const here = [...hops, node];
    const end = (): ControlPath[] => [{ hops: here, leaf: node, multisigs: multisigsOf(here), delay }];
    switch (node.kind) {
      case 'proxy':
        return walk(node.admin, here, delay);
      case 'ownable':
        return walk(node.owner, here, delay);
      case 'timelock': {
        const delayed = node.proposers.flatMap((p) => walk(p, here, Math.max(delay, node.minDelay)));
        const direct = node.admins.flatMap((a) => walk(a, here, delay));
        const all = [...delayed, ...direct];
        return all.length > 0 ? all : end();
      }
      case 'access-control': {
        const all = node.admins.flatMap((a) => walk(a, here, delay));
        return all.length > 0 ? all : end();
      }
      default:
        return end();
    }
  };
  return walk(fact, [], 0);
}

function multisigsOf(hops: readonly ControlFact[]): ControlPath['multisigs'] {
  return hops.flatMap((hop) =>
    hop.kind === 'multisig'
      ? [{ address: hop.address, owners: hop.owners.length, threshold: hop.threshold }]
      : [],
  );
}

/** The plain keys at the end of a fact (through multisig owners too), each once, sorted. */
export function keysOf(fact: ControlFact): Address[] {
  const keys = new Set<Address>();
  const visit = (node: ControlFact) => {
    switch (node.kind) {
      case 'key':
        keys.add(node.address);
        return;
      case 'proxy':
        return visit(node.admin);
      case 'ownable':
        return visit(node.owner);
      case 'multisig':
        return node.owners.forEach(visit);
      case 'timelock':
        return [...node.proposers, ...node.admins].forEach(visit);
      case 'access-control':
        return node.admins.forEach(visit);
      default:
        return;
    }
  };
  visit(fact);
  return [...keys].sort();
}
