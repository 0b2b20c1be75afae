import { DAY, type VectorKey } from './logBuilder.js';
import { type JsonObject, KEYS, ORG, SPARE, unitIn, vectorCharter } from './vectorCharter.js';
import {
  bad,
  decision,
  edited,
  founded,
  grantsInVetoWindow,
  nextSpelling,
  ok,
  passedTreasuryDecision,
  Scenario,
  textOf,
  vote,
} from './vectors.js';

/** A charter edited by `edit`, from the vectors' charter. */
function charterWith(edit: (charter: JsonObject) => void): JsonObject {
  const charter = vectorCharter();
  edit(charter);
  return charter;
}

function members(charter: JsonObject): JsonObject[] {
  return charter['members'] as JsonObject[];
}

function roles(charter: JsonObject): JsonObject[] {
  return charter['roles'] as JsonObject[];
}

/** A log of one bad action after `prefix`: the verdict is that action's line and `rule`. */
function badAction(
  id: string,
  description: string,
  rule: string,
  log: Scenario,
  actor: string,
  kind: string,
  payload: unknown,
  extra: { key?: VectorKey; identity?: string } = {},
): void {
  log.as(actor, kind, payload, extra);
  bad(id, description, rule, log.last, log.text());
}

// ── org.create ──────────────────────────────────────────────────────────────────────────────────

function orgCreate(): void {
  const byIvy = new Scenario(ORG, 'create-ethereum');
  byIvy.as('ivy', 'org.create', { charter: vectorCharter() });
  byIvy.as('ada', 'key.register', {});
  ok(
    'create-ethereum-founder',
    'An Ethereum account creates the organization; the charter pins its address in lower case, the action spells it checksummed.',
    ['A1', 'A3', 'A4'],
    byIvy.text(),
  );
  const start = (seed: string) => new Scenario(ORG, seed);
  badAction(
    'create-not-a-member',
    'org.create by someone the charter does not name.',
    'A3',
    start('create-outsider'),
    'mallory',
    'org.create',
    { charter: vectorCharter() },
    { key: SPARE.mallory },
  );
  badAction(
    'create-other-organization',
    'org.create whose charter names another organization.',
    'A2',
    start('create-other-org'),
    'ada',
    'org.create',
    {
      charter: charterWith((c) => {
        (c['organization'] as JsonObject)['id'] = 'other-coop';
      }),
    },
  );
  badAction(
    'create-wrong-pin',
    'org.create signed with a key other than the one the charter pins for the founder.',
    'A4',
    start('create-pin'),
    'ada',
    'org.create',
    { charter: vectorCharter() },
    { key: SPARE.mallory },
  );
  badAction(
    'create-payload-extra-field',
    'org.create with a field beside the charter.',
    'A5',
    start('create-extra'),
    'ada',
    'org.create',
    { charter: vectorCharter(), note: 'x' },
  );
  badAction(
    'create-payload-no-charter',
    'org.create with an empty payload.',
    'A5',
    start('create-empty'),
    'ada',
    'org.create',
    {},
  );
  const invalid: readonly (readonly [string, string, (c: JsonObject) => void])[] = [
    [
      'unknown-owner',
      'a unit owned by a role that does not exist',
      (c) => {
        unitIn(c, 'handbook')['owners'] = ['nobody'];
      },
    ],
    [
      'unknown-field',
      'a top-level field the charter schema does not name',
      (c) => {
        c['extra'] = true;
      },
    ],
    [
      'unknown-unit-field',
      'a unit field the charter schema does not name',
      (c) => {
        unitIn(c, 'handbook')['color'] = 'blue';
      },
    ],
    [
      'term-feb-30',
      'a role term ending on 30 February',
      (c) => {
        roles(c)[2]!['members'] = [{ member: 'dan', until: '2027-02-30' }, 'eve'];
      },
    ],
    [
      'term-hour-25',
      'a role term starting at hour 25',
      (c) => {
        roles(c)[2]!['members'] = [{ member: 'dan', from: '2026-01-01T25:00:00Z' }, 'eve'];
      },
    ],
    [
      'lone-surrogate',
      'a member name holding a lone surrogate (U+D800)',
      (c) => {
        members(c)[5]!['name'] = 'F\uD800Y';
      },
    ],
    [
      'noncharacter',
      'a unit description holding the noncharacter U+FFFE',
      (c) => {
        unitIn(c, 'blog')['description'] = 'The blog\uFFFE.';
      },
    ],
    [
      'pin-unused-bits',
      "a member's pinned ed25519 key with non-zero unused bits",
      (c) => {
        const key = members(c)[1]!['key'] as string;
        members(c)[1]!['key'] = `${key.slice(0, -1)}${nextSpelling(key.at(-1)!, 2)}`;
      },
    ],
    [
      'duplicate-member',
      'the same member id twice',
      (c) => {
        members(c).push({ id: 'ada', name: 'ADA AGAIN' });
      },
    ],
  ];
  for (const [name, what, edit] of invalid) {
    badAction(
      `create-charter-${name}`,
      `org.create whose charter has ${what}.`,
      'A7',
      start(`create-${name}`),
      'ada',
      'org.create',
      { charter: charterWith(edit) },
    );
  }
  badAction(
    'create-first-not-org-create',
    'A log whose first action is key.register.',
    'A1',
    start('create-first'),
    'ada',
    'key.register',
    {},
    {},
  );
  badAction(
    'create-twice',
    'A second org.create, on line 7.',
    'A1',
    founded('create-twice'),
    'ada',
    'org.create',
    { charter: vectorCharter() },
  );
  badAction(
    'kind-unknown',
    'An action of a kind no one defined (key.revoke).',
    'A1',
    founded('kind-unknown'),
    'ada',
    'key.revoke',
    {},
  );
  const otherOrg = founded('org-differs');
  otherOrg.as('ada', 'charter.amend', { charter: vectorCharter() });
  bad(
    'org-differs',
    "A later action, well signed, for another organization's id.",
    'A2',
    otherOrg.last,
    textOf(
      edited(
        otherOrg.lines(),
        otherOrg.last - 1,
        (e) => {
          (e['action'] as JsonObject)['org'] = 'other-coop';
        },
        { resign: KEYS['ada']! },
      ),
    ),
  );
}

// ── key.register, key.rotate ────────────────────────────────────────────────────────────────────

function keys(): void {
  const fay = founded('register-unpinned');
  fay.as('fay', 'key.register', {});
  fay.as('fay', 'delegation.set', { role: 'everyone', to: [{ member: 'ada', share: 1 }] });
  ok(
    'register-unpinned',
    'fay, with no pin, registers her first key and acts with it.',
    ['A4', 'A6'],
    fay.text(),
  );
  const lower = founded('register-lower-case', ['ben']);
  lower.as('ivy', 'key.register', {}, { identity: KEYS['ivy']!.identity.toLowerCase() });
  lower.as('ivy', 'delegation.set', { role: 'team', to: [{ member: 'ada', share: 1 }] });
  ok(
    'register-ethereum-case',
    'ivy registers her Ethereum key spelt in lower case, then acts with it spelt checksummed: one account.',
    ['A4', 'A6'],
    lower.text(),
  );
  badAction(
    'register-twice',
    'ben registers a key a second time, with no rotation.',
    'A6',
    founded('register-twice'),
    'ben',
    'key.register',
    {},
  );
  badAction(
    'register-pinned-for-other',
    'fay registers the key the charter pins for cyd.',
    'A6',
    founded('register-other-pin', ['ben']),
    'fay',
    'key.register',
    {},
    { key: KEYS['cyd']! },
  );
  badAction(
    'register-held-by-other',
    'fay registers the key ben registered.',
    'A6',
    founded('register-held'),
    'fay',
    'key.register',
    {},
    { key: KEYS['ben']! },
  );
  badAction(
    'register-wrong-pin',
    'cyd registers a key other than the one pinned for her.',
    'A4',
    founded('register-wrong-pin', ['ben']),
    'cyd',
    'key.register',
    {},
    { key: SPARE.mallory },
  );
  badAction(
    'register-outsider',
    'Someone the charter does not name registers a key.',
    'A3',
    founded('register-outsider'),
    'mallory',
    'key.register',
    {},
    { key: SPARE.mallory },
  );
  badAction(
    'register-payload-field',
    'key.register with a key field in its payload.',
    'A5',
    founded('register-payload'),
    'fay',
    'key.register',
    { key: KEYS['fay']!.identity },
  );

  const rotated = founded('rotate');
  rotated.as('ada', 'key.rotate', { key: SPARE.ada2.identity });
  rotated.as('ada', 'key.register', {}, { key: SPARE.ada2 });
  rotated.as(
    'ada',
    'charter.amend',
    {
      charter: charterWith((c) => {
        unitIn(c, 'handbook')['description'] = 'Rotated.';
      }),
    },
    { key: SPARE.ada2 },
  );
  ok(
    'rotate-ok',
    'ada rotates to a new key (the old key names it, the new key registers) and amends with it.',
    ['A4', 'A6'],
    rotated.text(),
  );
  const rotatedEth = founded('rotate-ethereum');
  rotatedEth.as('ivy', 'key.rotate', { key: SPARE.ivy2.identity.toLowerCase() });
  rotatedEth.as('ivy', 'key.register', {}, { key: SPARE.ivy2 });
  ok(
    'rotate-ethereum',
    'ivy rotates to another Ethereum account named in lower case and registered checksummed.',
    ['A6'],
    rotatedEth.text(),
  );
  const oldKey = founded('rotate-old-key');
  oldKey.as('ada', 'key.rotate', { key: SPARE.ada2.identity });
  oldKey.as('ada', 'key.register', {}, { key: SPARE.ada2 });
  badAction(
    'rotate-old-key-used',
    'After the rotation, ada acts with her old key.',
    'A4',
    oldKey,
    'ada',
    'charter.amend',
    { charter: vectorCharter() },
  );
  const early = founded('rotate-early');
  early.as('ada', 'key.rotate', { key: SPARE.ada2.identity });
  badAction(
    'rotate-new-key-unregistered',
    'ada acts with her announced key before registering it.',
    'A4',
    early,
    'ada',
    'charter.amend',
    { charter: vectorCharter() },
    { key: SPARE.ada2 },
  );
  badAction(
    'rotate-same-key',
    'ada rotates to the key she already has.',
    'A6',
    founded('rotate-same'),
    'ada',
    'key.rotate',
    { key: KEYS['ada']!.identity },
  );
  badAction(
    'rotate-to-taken-key',
    "ada rotates to ben's registered key.",
    'A6',
    founded('rotate-taken'),
    'ada',
    'key.rotate',
    { key: KEYS['ben']!.identity },
  );
  badAction(
    'rotate-unregistered-member',
    'fay, with no registered key, announces a rotation.',
    'A4',
    founded('rotate-unregistered'),
    'fay',
    'key.rotate',
    { key: SPARE.ada2.identity },
  );
  const spelling = SPARE.ada2.identity;
  badAction(
    'rotate-key-unused-bits',
    'key.rotate naming an ed25519 key with non-zero unused bits in its last character.',
    'A5',
    founded('rotate-bits'),
    'ada',
    'key.rotate',
    { key: `${spelling.slice(0, -1)}${String.fromCharCode(spelling.charCodeAt(spelling.length - 1) + 1)}` },
  );
  badAction(
    'rotate-extra-field',
    'key.rotate with a reason beside the key.',
    'A5',
    founded('rotate-extra'),
    'ada',
    'key.rotate',
    { key: SPARE.ada2.identity, reason: 'lost laptop' },
  );
  const notPending = founded('register-not-pending');
  notPending.as('ada', 'key.rotate', { key: SPARE.ada2.identity });
  badAction(
    'rotate-other-new-key',
    'After naming one new key, ada registers another.',
    'A6',
    notPending,
    'ada',
    'key.register',
    {},
    { key: SPARE.mallory },
  );
}

// ── charter.amend ───────────────────────────────────────────────────────────────────────────────

function amend(): void {
  const reworded = (edit: (c: JsonObject) => void) => ({ charter: charterWith(edit) });
  const log = founded('amend-ok');
  log.as(
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['description'] = 'Revised.';
    }),
  );
  log.as(
    'ben',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['description'] = 'Revised.';
      unitIn(c, 'treasury')['name'] = 'Reserve';
      unitIn(c, 'treasury')['description'] = 'The reserve, renamed at level 1 by an owner.';
    }),
  );
  ok(
    'amend-ok',
    'Owners reword a founder-level unit, then rename and re-describe a unit above founder level.',
    ['A7', 'A8', 'A9'],
    log.text(),
  );
  const pinCase = founded('amend-pin-case');
  pinCase.as(
    'ada',
    'charter.amend',
    reworded((c) => {
      members(c)[6]!['key'] = KEYS['ivy']!.identity;
    }),
  );
  ok(
    'amend-pin-case',
    "ada re-spells ivy's pinned address checksummed: the same pin.",
    ['A6'],
    pinCase.text(),
  );
  const addUnit = founded('amend-add-unit');
  addUnit.as(
    'ada',
    'charter.amend',
    reworded((c) => {
      (c['units'] as JsonObject[]).push({
        id: 'wiki',
        name: 'Wiki',
        dimension: 'community',
        owners: ['founders'],
        level: 'founder',
      });
    }),
  );
  ok('amend-add-unit', 'ada adds a unit she owns, at the founder level.', ['A8', 'A9'], addUnit.text());

  badAction(
    'amend-rename-non-owner',
    'cyd, who owns grants but not treasury, renames treasury.',
    'A9',
    founded('amend-non-owner'),
    'cyd',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'treasury')['name'] = 'Pot';
    }),
  );
  badAction(
    'amend-describe-non-owner',
    'cyd re-describes the founder-level handbook she does not own.',
    'A9',
    founded('amend-describe'),
    'cyd',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['description'] = 'Mine now.';
    }),
  );
  badAction(
    'amend-owns-nothing',
    'dan, who owns no unit, submits the charter in force.',
    'A9',
    founded('amend-nothing'),
    'dan',
    'charter.amend',
    { charter: vectorCharter() },
  );
  badAction(
    'amend-add-unit-not-owned',
    'ada adds a unit owned by the council alone.',
    'A9',
    founded('amend-add-other'),
    'ada',
    'charter.amend',
    reworded((c) => {
      (c['units'] as JsonObject[]).push({
        id: 'wiki',
        name: 'Wiki',
        dimension: 'community',
        owners: ['council'],
        level: 'founder',
      });
    }),
  );
  badAction(
    'amend-level-up',
    'ada declares handbook at the transparent level.',
    'A8',
    founded('amend-level'),
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['level'] = 'transparent';
    }),
  );
  badAction(
    'amend-level-down',
    'ada declares treasury at the founder level.',
    'A8',
    founded('amend-level-down'),
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'treasury')['level'] = 'founder';
    }),
  );
  badAction(
    'amend-add-unit-above-founder',
    'ada adds a unit at the transparent level.',
    'A8',
    founded('amend-add-level'),
    'ada',
    'charter.amend',
    reworded((c) => {
      (c['units'] as JsonObject[]).push({
        id: 'wiki',
        name: 'Wiki',
        dimension: 'community',
        owners: ['founders'],
        level: 'transparent',
      });
    }),
  );
  badAction(
    'amend-ratchet-owners',
    'ada changes the owners of treasury, above founder level.',
    'A8',
    founded('amend-owners'),
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'treasury')['owners'] = ['team'];
    }),
  );
  badAction(
    'amend-ratchet-role-members',
    'ada removes cyd from the team that decides treasury.',
    'A8',
    founded('amend-team'),
    'ada',
    'charter.amend',
    reworded((c) => {
      roles(c)[1]!['members'] = ['ada', 'ben', 'ivy'];
    }),
  );
  badAction(
    'amend-remove-unit',
    'ada removes treasury, above founder level.',
    'A8',
    founded('amend-remove'),
    'ada',
    'charter.amend',
    reworded((c) => {
      c['units'] = (c['units'] as JsonObject[]).filter((u) => u['id'] !== 'treasury');
    }),
  );
  badAction(
    'amend-remove-self',
    'ada removes herself from the charter.',
    'A3',
    founded('amend-self'),
    'ada',
    'charter.amend',
    reworded((c) => {
      c['members'] = members(c).filter((m) => m['id'] !== 'ada');
      for (const role of roles(c)) role['members'] = (role['members'] as string[]).filter((m) => m !== 'ada');
    }),
  );
  badAction(
    'amend-other-organization',
    'An amend whose charter names another organization.',
    'A2',
    founded('amend-org'),
    'ada',
    'charter.amend',
    reworded((c) => {
      (c['organization'] as JsonObject)['id'] = 'other-coop';
    }),
  );
  badAction(
    'amend-invalid-charter',
    'An amend whose charter names an unknown dimension.',
    'A7',
    founded('amend-invalid'),
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['dimension'] = 'nowhere';
    }),
  );
  badAction(
    'amend-charter-noncharacter',
    'An amend whose charter holds U+FDD0 in a name.',
    'A7',
    founded('amend-nonchar'),
    'ada',
    'charter.amend',
    reworded((c) => {
      unitIn(c, 'handbook')['name'] = 'Hand\uFDD0book';
    }),
  );
  badAction(
    'amend-repin-registered',
    'ada pins another key for ben, who registered his.',
    'A6',
    founded('amend-repin'),
    'ada',
    'charter.amend',
    reworded((c) => {
      members(c)[1]!['key'] = SPARE.ben2.identity;
    }),
  );
  badAction(
    'amend-pin-taken',
    "ada pins ben's registered key for fay.",
    'A6',
    founded('amend-pin-taken'),
    'ada',
    'charter.amend',
    reworded((c) => {
      members(c)[5]!['key'] = KEYS['ben']!.identity;
    }),
  );
  badAction(
    'amend-unregistered',
    'fay, with no registered key, amends.',
    'A4',
    founded('amend-unregistered'),
    'fay',
    'charter.amend',
    { charter: vectorCharter() },
  );
  badAction(
    'amend-wrong-key',
    "ben signs (validly) with cyd's key.",
    'A4',
    founded('amend-wrong-key'),
    'ben',
    'charter.amend',
    { charter: vectorCharter() },
    { key: KEYS['cyd']! },
  );
  badAction(
    'amend-outsider',
    'Someone the charter does not name amends.',
    'A3',
    founded('amend-outsider'),
    'mallory',
    'charter.amend',
    { charter: vectorCharter() },
    { key: SPARE.mallory },
  );
  badAction(
    'amend-payload-extra-field',
    'charter.amend with a reason beside the charter.',
    'A5',
    founded('amend-extra'),
    'ada',
    'charter.amend',
    { charter: vectorCharter(), reason: 'tidy' },
  );
  badAction(
    'amend-payload-not-object',
    'charter.amend whose charter is a list.',
    'A5',
    founded('amend-list'),
    'ada',
    'charter.amend',
    { charter: [] },
  );
}

// ── proposals ───────────────────────────────────────────────────────────────────────────────────

function proposals(): void {
  // decision + vote.cast + execute
  const passed = passedTreasuryDecision('proposal-decision');
  passed.as('cyd', 'proposal.execute', { proposal: 'p1' });
  ok(
    'proposal-decision',
    'A treasury decision: proposed, voted for by the team with reasons, executed after the period.',
    ['A11', 'A12', 'A15', 'A16', 'A17'],
    passed.text(),
  );

  // slider move: handbook founder → transparent, decided by an owner, executed
  const move = founded('proposal-move');
  move.as('ada', 'proposal.create', {
    id: 'm1',
    unit: 'handbook',
    kind: 'slider-move',
    title: 'Open up the handbook',
    subject: { to: 'transparent' },
  });
  move.as('ben', 'proposal.decide', { proposal: 'm1', decision: 'passed' });
  move.as('ada', 'proposal.execute', { proposal: 'm1' });
  ok(
    'proposal-slider-move',
    'handbook moves from founder to transparent: proposed, decided by an owner, executed.',
    ['A13'],
    move.text(),
  );
  const after = founded('proposal-move-ratchet');
  after.as('ada', 'proposal.create', {
    id: 'm1',
    unit: 'handbook',
    kind: 'slider-move',
    title: 'Open up the handbook',
    subject: { to: 'transparent' },
  });
  after.as('ben', 'proposal.decide', { proposal: 'm1', decision: 'passed' });
  after.as('ada', 'proposal.execute', { proposal: 'm1' });
  badAction(
    'proposal-move-then-amend',
    'After handbook moved up, ada changes its owners by amend.',
    'A8',
    after,
    'ada',
    'charter.amend',
    {
      charter: charterWith((c) => {
        unitIn(c, 'handbook')['owners'] = ['team'];
      }),
    },
  );

  // charter change on treasury
  const change = founded('proposal-charter');
  const changed = charterWith((c) => {
    unitIn(c, 'treasury')['target'] = 'delegated';
  });
  change.as('ada', 'proposal.create', {
    id: 'c1',
    unit: 'treasury',
    kind: 'charter-change',
    title: 'Aim treasury at delegated',
    subject: { charter: changed },
  });
  for (const member of ['ada', 'ben', 'ivy']) change.as(member, 'vote.cast', vote('c1', 'for'));
  change.advance(3 * DAY);
  change.as('ben', 'proposal.execute', { proposal: 'c1' });
  ok(
    'proposal-charter-change',
    "A change to treasury's target, decided by the team's vote and executed.",
    ['A10'],
    change.text(),
  );
  badAction(
    'proposal-charter-other-unit',
    'A charter change on treasury that also changes grants.',
    'A10',
    founded('proposal-charter-other'),
    'ada',
    'proposal.create',
    {
      id: 'c1',
      unit: 'treasury',
      kind: 'charter-change',
      title: 'Two units at once',
      subject: {
        charter: charterWith((c) => {
          unitIn(c, 'treasury')['target'] = 'delegated';
          unitIn(c, 'grants')['owners'] = ['founders'];
        }),
      },
    },
  );

  // commitment
  const commit = founded('proposal-commitment');
  commit.as('ada', 'proposal.create', {
    id: 'k1',
    unit: 'treasury',
    kind: 'commitment',
    title: 'Promise consultation',
    subject: {
      action: 'add',
      commitment: {
        id: 'consult',
        level: 'consultative',
        by: '2027-06-30',
        statement: 'Treasury consults by mid-2027.',
      },
    },
  });
  for (const member of ['ada', 'ben', 'cyd']) commit.as(member, 'vote.cast', vote('k1', 'for'));
  commit.advance(3 * DAY);
  commit.as('ada', 'proposal.execute', { proposal: 'k1' });
  ok(
    'proposal-commitment',
    'A commitment added to treasury by a passed, executed proposal.',
    ['A14'],
    commit.text(),
  );
  badAction(
    'proposal-commitment-unknown',
    'A proposal to extend a commitment treasury does not have.',
    'A14',
    founded('proposal-commit-unknown'),
    'ada',
    'proposal.create',
    {
      id: 'k1',
      unit: 'treasury',
      kind: 'commitment',
      title: 'Extend',
      subject: { action: 'extend', commitment: { id: 'nothing', by: '2028-01-01' } },
    },
  );
  badAction(
    'proposal-commitment-incomplete',
    'A proposal to add a commitment with no level or date.',
    'A14',
    founded('proposal-commit-incomplete'),
    'ada',
    'proposal.create',
    {
      id: 'k1',
      unit: 'treasury',
      kind: 'commitment',
      title: 'Add',
      subject: { action: 'add', commitment: { id: 'vague' } },
    },
  );
  badAction(
    'proposal-commitment-feb-30',
    'A commitment promised by 30 February.',
    'A5',
    founded('proposal-commit-date'),
    'ada',
    'proposal.create',
    {
      id: 'k1',
      unit: 'treasury',
      kind: 'commitment',
      title: 'Add',
      subject: { action: 'add', commitment: { id: 'c', level: 'consultative', by: '2027-02-30' } },
    },
  );

  const twice = founded('proposal-duplicate');
  twice.as('ada', 'proposal.create', decision('p1', 'treasury'));
  badAction(
    'proposal-duplicate-id',
    'A second proposal with the id p1.',
    'A11',
    twice,
    'ben',
    'proposal.create',
    decision('p1', 'treasury'),
  );
  badAction(
    'proposal-unknown-unit',
    'A proposal on a unit that does not exist.',
    'A11',
    founded('proposal-unit'),
    'ada',
    'proposal.create',
    decision('p1', 'vault'),
  );
  badAction(
    'proposal-wrong-subject',
    "A decision whose subject is a slider move's.",
    'A11',
    founded('proposal-subject'),
    'ada',
    'proposal.create',
    { ...decision('p1', 'treasury'), subject: { to: 'consultative' } },
  );
  badAction(
    'proposal-not-a-proposer',
    'dan, of the council, proposes on treasury, where only the team proposes.',
    'A12',
    founded('proposal-proposer'),
    'dan',
    'proposal.create',
    decision('p1', 'treasury'),
  );
  badAction(
    'proposal-move-two-notches',
    'A move of handbook from founder straight to consultative.',
    'A13',
    founded('proposal-notches'),
    'ada',
    'proposal.create',
    { id: 'm1', unit: 'handbook', kind: 'slider-move', title: 'Jump', subject: { to: 'consultative' } },
  );
  badAction(
    'proposal-move-unknown-level',
    'A move to a level the ladder does not have.',
    'A13',
    founded('proposal-level'),
    'ada',
    'proposal.create',
    { id: 'm1', unit: 'handbook', kind: 'slider-move', title: 'Jump', subject: { to: 'galactic' } },
  );
  badAction(
    'proposal-extra-field',
    'proposal.create with a field its schema does not name.',
    'A5',
    founded('proposal-extra'),
    'ada',
    'proposal.create',
    { ...decision('p1', 'treasury'), urgent: true },
  );
  badAction(
    'proposal-subject-extra-field',
    "A decision's subject with a field beside the outcome.",
    'A5',
    founded('proposal-subject-extra'),
    'ada',
    'proposal.create',
    { ...decision('p1', 'treasury'), subject: { outcome: 'Fund it.', amount: 5 } },
  );
  badAction(
    'proposal-title-noncharacter',
    'A proposal title holding the noncharacter U+FFFF.',
    'A5',
    founded('proposal-title'),
    'ada',
    'proposal.create',
    { ...decision('p1', 'treasury'), title: 'Fund\uFFFF' },
  );
  badAction(
    'proposal-title-lone-surrogate',
    'A proposal title holding a lone low surrogate (U+DC00).',
    'A5',
    founded('proposal-surrogate'),
    'ada',
    'proposal.create',
    { ...decision('p1', 'treasury'), title: 'Fund \uDC00' },
  );
  const emoji = founded('proposal-emoji');
  emoji.as('ada', 'proposal.create', { ...decision('p1', 'treasury'), title: 'Fund the party 🎉 — Grüße' });
  ok(
    'proposal-title-astral',
    'A proposal title with a character outside the BMP (a surrogate pair) and non-ASCII letters.',
    ['A5'],
    emoji.text(),
  );
}

function votes(): void {
  const open = (seed: string) => {
    const log = founded(seed);
    log.as('ada', 'proposal.create', decision('p1', 'treasury'));
    return log;
  };
  const ethVote = open('vote-ethereum');
  ethVote.as('ivy', 'vote.cast', vote('p1', 'against'));
  ethVote.as('ivy', 'vote.cast', vote('p1', 'for', 'Changed my mind.'));
  ok(
    'vote-ethereum-again',
    'ivy votes with her Ethereum key, then votes again (the later ballot counts).',
    ['A15', 'A16', 'A17'],
    ethVote.text(),
  );
  badAction(
    'vote-not-in-electorate',
    'dan, not of the team, votes on a treasury decision.',
    'A16',
    open('vote-electorate'),
    'dan',
    'vote.cast',
    vote('p1', 'for'),
  );
  badAction(
    'vote-no-reason',
    'A vote without the reason the policy requires.',
    'A17',
    open('vote-reason'),
    'ben',
    'vote.cast',
    { proposal: 'p1', ballot: { choice: 'for' } },
  );
  badAction(
    'vote-blank-reason',
    'A vote whose reason is only spaces.',
    'A17',
    open('vote-blank'),
    'ben',
    'vote.cast',
    vote('p1', 'for', '   '),
  );
  badAction(
    'vote-wrong-ballot',
    'An approval ballot on a majority proposal.',
    'A17',
    open('vote-ballot'),
    'ben',
    'vote.cast',
    { proposal: 'p1', ballot: { approve: ['for'] }, reason: 'x' },
  );
  const late = open('vote-late');
  late.advance(3 * DAY);
  badAction(
    'vote-after-close',
    'A vote after the voting period ended.',
    'A15',
    late,
    'ben',
    'vote.cast',
    vote('p1', 'for'),
  );
  badAction(
    'vote-unknown-proposal',
    'A vote on a proposal that does not exist.',
    'A11',
    open('vote-unknown'),
    'ben',
    'vote.cast',
    vote('p9', 'for'),
  );
  badAction(
    'vote-extra-field',
    'vote.cast with a weight beside the ballot.',
    'A5',
    open('vote-extra'),
    'ben',
    'vote.cast',
    { ...vote('p1', 'for'), weight: 2 },
  );
  badAction(
    'vote-ballot-extra-field',
    'A ballot with a field beside its choice.',
    'A5',
    open('vote-ballot-extra'),
    'ben',
    'vote.cast',
    { proposal: 'p1', ballot: { choice: 'for', weight: 2 }, reason: 'x' },
  );
  badAction(
    'vote-unregistered',
    'fay, with no registered key, votes.',
    'A4',
    open('vote-unregistered'),
    'fay',
    'vote.cast',
    vote('p1', 'for'),
  );
}

function objections(): void {
  const open = (seed: string) => {
    const log = founded(seed);
    log.as('ada', 'proposal.create', decision('b1', 'brand'));
    return log;
  };
  const objected = open('object-ok');
  objected.as('ben', 'proposal.object', {
    proposal: 'b1',
    reason: 'The new logo is unreadable at small sizes.',
  });
  ok(
    'object-ok',
    'An owner objects, with a reason, to a brand proposal decided by consent.',
    ['A15', 'A16'],
    objected.text(),
  );
  badAction(
    'object-not-a-decider',
    'cyd, not an owner of brand, objects.',
    'A16',
    open('object-decider'),
    'cyd',
    'proposal.object',
    { proposal: 'b1', reason: 'No.' },
  );
  const majority = founded('object-majority');
  majority.as('ada', 'proposal.create', decision('p1', 'treasury'));
  badAction(
    'object-majority',
    'An objection to a treasury proposal decided by majority vote.',
    'A15',
    majority,
    'ben',
    'proposal.object',
    { proposal: 'p1', reason: 'No.' },
  );
  const late = open('object-late');
  late.advance(2 * DAY);
  badAction(
    'object-after-window',
    'An objection after the consent window closed.',
    'A15',
    late,
    'ben',
    'proposal.object',
    { proposal: 'b1', reason: 'Too late.' },
  );
  badAction(
    'object-empty-reason',
    'An objection with an empty reason.',
    'A5',
    open('object-empty'),
    'ben',
    'proposal.object',
    { proposal: 'b1', reason: '' },
  );
  const consented = open('object-execute');
  consented.advance(2 * DAY);
  consented.as('cyd', 'proposal.execute', { proposal: 'b1' });
  ok(
    'object-none-execute',
    'A consent proposal no one objected to is executed after its window.',
    ['A15'],
    consented.text(),
  );
}

function advice(): void {
  const open = (seed: string) => {
    const log = founded(seed);
    log.as('ada', 'proposal.create', decision('a1', 'blog'));
    return log;
  };
  const advised = open('advise-ok');
  advised.as('cyd', 'proposal.advise', { proposal: 'a1', advice: 'Publish weekly, not daily.' });
  advised.as('dan', 'proposal.advise', { proposal: 'a1', advice: 'Agree with cyd.' });
  advised.advance(2 * DAY);
  advised.as('ada', 'proposal.decide', { proposal: 'a1', decision: 'passed', reason: 'As advised.' });
  advised.as('ada', 'proposal.execute', { proposal: 'a1' });
  ok(
    'advise-ok',
    'Members advise on a blog proposal; after consultation the proposer decides; it is executed.',
    ['A15', 'A16'],
    advised.text(),
  );
  badAction(
    'advise-blank',
    'Advice that is only spaces.',
    'A17',
    open('advise-blank'),
    'cyd',
    'proposal.advise',
    { proposal: 'a1', advice: '   ' },
  );
  badAction(
    'advise-extra-field',
    'Advice with a field beside its text.',
    'A5',
    open('advise-extra'),
    'cyd',
    'proposal.advise',
    { proposal: 'a1', advice: 'Yes.', stance: 'for' },
  );
  const consulted = open('decide-not-proposer');
  consulted.as('cyd', 'proposal.advise', { proposal: 'a1', advice: 'Fine by me.' });
  consulted.advance(2 * DAY);
  badAction(
    'decide-advice-not-proposer',
    'After advice and consultation, ben decides an advice-process proposal that ada made.',
    'A16',
    consulted,
    'ben',
    'proposal.decide',
    { proposal: 'a1', decision: 'passed' },
  );
  const grants = founded('advise-late');
  grants.as('dan', 'proposal.create', decision('g1', 'grants'));
  grants.advance(7 * DAY);
  badAction(
    'advise-after-consultation',
    'Advice on a grants proposal after its consultation ended.',
    'A15',
    grants,
    'cyd',
    'proposal.advise',
    { proposal: 'g1', advice: 'Late thoughts.' },
  );
  badAction(
    'advise-unknown-proposal',
    'Advice on a proposal that does not exist.',
    'A11',
    open('advise-unknown'),
    'cyd',
    'proposal.advise',
    { proposal: 'zz', advice: 'Hm.' },
  );
}

function decisions(): void {
  const open = (seed: string) => {
    const log = founded(seed);
    log.as('ada', 'proposal.create', decision('h1', 'handbook'));
    return log;
  };
  const decided = open('decide-ok');
  decided.as('ben', 'proposal.decide', { proposal: 'h1', decision: 'rejected', reason: 'Not yet.' });
  ok(
    'decide-ok',
    'An owner of the founder-level handbook rejects a proposal alone.',
    ['A15', 'A16'],
    decided.text(),
  );
  badAction(
    'decide-not-a-decider',
    'cyd, not an owner, decides a handbook proposal.',
    'A16',
    open('decide-decider'),
    'cyd',
    'proposal.decide',
    { proposal: 'h1', decision: 'passed' },
  );
  const majority = founded('decide-majority');
  majority.as('ada', 'proposal.create', decision('p1', 'treasury'));
  badAction(
    'decide-majority',
    'An owner decides a treasury proposal that the team votes on.',
    'A15',
    majority,
    'ada',
    'proposal.decide',
    { proposal: 'p1', decision: 'passed' },
  );
  badAction(
    'decide-bad-value',
    "A decision of 'maybe'.",
    'A5',
    open('decide-value'),
    'ben',
    'proposal.decide',
    { proposal: 'h1', decision: 'maybe' },
  );
  const rejected = open('decide-execute-rejected');
  rejected.as('ben', 'proposal.decide', { proposal: 'h1', decision: 'rejected' });
  badAction(
    'execute-rejected',
    'Executing a rejected proposal.',
    'A15',
    rejected,
    'ada',
    'proposal.execute',
    { proposal: 'h1' },
  );
}

function vetoes(): void {
  const vetoed = grantsInVetoWindow('veto-ok');
  vetoed.as('ada', 'proposal.veto', { proposal: 'g1', reason: 'The grantee is a related party.' });
  ok(
    'veto-ok',
    'The team vetoes a passed grants decision within its veto window.',
    ['A15', 'A16'],
    vetoed.text(),
  );
  const executed = grantsInVetoWindow('veto-window-over');
  executed.advance(3 * DAY);
  executed.as('dan', 'proposal.execute', { proposal: 'g1' });
  ok(
    'execute-after-veto-window',
    'A grants decision executed once its veto window is over.',
    ['A15'],
    executed.text(),
  );
  badAction(
    'veto-not-a-vetoer',
    'dan, of the council, vetoes (the team holds the veto).',
    'A16',
    grantsInVetoWindow('veto-who'),
    'dan',
    'proposal.veto',
    { proposal: 'g1', reason: 'No.' },
  );
  const late = grantsInVetoWindow('veto-late');
  late.advance(3 * DAY);
  badAction(
    'veto-after-window',
    'A veto after the veto window closed.',
    'A15',
    late,
    'ada',
    'proposal.veto',
    { proposal: 'g1', reason: 'Too late.' },
  );
  badAction(
    'veto-no-reason',
    'A veto without a reason.',
    'A5',
    grantsInVetoWindow('veto-reason'),
    'ada',
    'proposal.veto',
    { proposal: 'g1' },
  );
  badAction(
    'execute-in-veto-window',
    'Executing a grants decision during its veto window.',
    'A15',
    grantsInVetoWindow('execute-window'),
    'dan',
    'proposal.execute',
    { proposal: 'g1' },
  );
  const early = founded('execute-early');
  early.as('ada', 'proposal.create', decision('p1', 'treasury'));
  early.as('ben', 'vote.cast', vote('p1', 'for'));
  badAction(
    'execute-while-voting',
    'Executing a treasury decision while its vote is open.',
    'A15',
    early,
    'ben',
    'proposal.execute',
    { proposal: 'p1' },
  );
  const twice = passedTreasuryDecision('execute-twice');
  twice.as('cyd', 'proposal.execute', { proposal: 'p1' });
  badAction('execute-twice', 'Executing a proposal a second time.', 'A15', twice, 'ben', 'proposal.execute', {
    proposal: 'p1',
  });
  badAction(
    'execute-unknown',
    'Executing a proposal that does not exist.',
    'A11',
    founded('execute-unknown'),
    'ben',
    'proposal.execute',
    { proposal: 'p7' },
  );
  badAction(
    'execute-extra-field',
    'proposal.execute with a field beside the proposal.',
    'A5',
    passedTreasuryDecision('execute-extra'),
    'ben',
    'proposal.execute',
    { proposal: 'p1', now: true },
  );
  const lost = founded('execute-lost');
  lost.as('ada', 'proposal.create', decision('p1', 'treasury'));
  for (const member of ['ada', 'ben']) lost.as(member, 'vote.cast', vote('p1', 'against'));
  lost.as('cyd', 'vote.cast', vote('p1', 'for'));
  lost.advance(3 * DAY);
  badAction(
    'execute-voted-down',
    'Executing a treasury decision the team voted down (1 for, 2 against).',
    'A15',
    lost,
    'cyd',
    'proposal.execute',
    { proposal: 'p1' },
  );
}

function delegations(): void {
  const set = founded('delegate-ok');
  set.as('cyd', 'delegation.set', {
    role: 'team',
    to: [
      { member: 'ada', share: '1/2' },
      { member: 'ben', share: '50%' },
    ],
  });
  set.as('cyd', 'delegation.revoke', { role: 'team' });
  ok(
    'delegate-ok',
    'cyd delegates her team weight in halves to ada and ben, then revokes it.',
    ['A18'],
    set.text(),
  );
  const counted = founded('delegate-counted');
  counted.as('cyd', 'delegation.set', { role: 'team', to: [{ member: 'ada', share: 1 }] });
  counted.as('ada', 'proposal.create', decision('p1', 'treasury'));
  counted.as('ada', 'vote.cast', vote('p1', 'for'));
  counted.as('ben', 'vote.cast', vote('p1', 'against'));
  counted.advance(3 * DAY);
  counted.as('ada', 'proposal.execute', { proposal: 'p1' });
  ok(
    'delegate-counted',
    "ada carries cyd's delegated weight: 2 for, 1 against, and the decision is executed.",
    ['A18'],
    counted.text(),
  );
  badAction(
    'delegate-unknown-role',
    'A delegation through a role that does not exist.',
    'A18',
    founded('delegate-role'),
    'cyd',
    'delegation.set',
    { role: 'guild', to: [{ member: 'ada', share: 1 }] },
  );
  badAction(
    'delegate-unknown-token',
    'A delegation of a token the charter does not declare.',
    'A18',
    founded('delegate-token'),
    'cyd',
    'delegation.set',
    { token: 'XYZ', to: [{ member: 'ada', share: 1 }] },
  );
  badAction(
    'delegate-both-scopes',
    'A delegation naming a role and a token.',
    'A18',
    founded('delegate-both'),
    'cyd',
    'delegation.set',
    { role: 'team', token: 'XYZ', to: [{ member: 'ada', share: 1 }] },
  );
  badAction(
    'delegate-over-whole',
    'Shares of 1/2 and 2/3: more than the whole.',
    'A18',
    founded('delegate-over'),
    'cyd',
    'delegation.set',
    {
      role: 'team',
      to: [
        { member: 'ada', share: '1/2' },
        { member: 'ben', share: '2/3' },
      ],
    },
  );
  badAction(
    'delegate-to-outsider',
    'A delegation to someone the charter does not name.',
    'A3',
    founded('delegate-outsider'),
    'cyd',
    'delegation.set',
    { role: 'team', to: [{ member: 'zed', share: 1 }] },
  );
  badAction(
    'delegate-share-above-one',
    'A share of 1.5.',
    'A5',
    founded('delegate-share'),
    'cyd',
    'delegation.set',
    { role: 'team', to: [{ member: 'ada', share: 1.5 }] },
  );
  badAction(
    'delegate-extra-field',
    'A delegate entry with a field beside member and share.',
    'A5',
    founded('delegate-extra'),
    'cyd',
    'delegation.set',
    { role: 'team', to: [{ member: 'ada', share: 1, until: '2027-01-01' }] },
  );
  badAction(
    'revoke-none',
    'Revoking a delegation that was never made.',
    'A18',
    founded('revoke-none'),
    'cyd',
    'delegation.revoke',
    { role: 'team' },
  );
  badAction(
    'revoke-extra-field',
    'delegation.revoke with a field beside the role.',
    'A5',
    founded('revoke-extra'),
    'cyd',
    'delegation.revoke',
    { role: 'team', to: [] },
  );
  badAction(
    'revoke-unregistered',
    'fay, with no registered key, revokes.',
    'A4',
    founded('revoke-unregistered'),
    'fay',
    'delegation.revoke',
    { role: 'everyone' },
  );
}

/** Every action vector, kind by kind. */
export function actionVectors(): void {
  orgCreate();
  keys();
  amend();
  proposals();
  votes();
  objections();
  advice();
  decisions();
  vetoes();
  delegations();
}
