import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CriterionInput, LadderInput, PolicyInput } from '../src/core/charter/charterSchema.js';
import { DEFAULT_LADDER } from '../src/core/charter/defaults.js';
import { type CharterLoad, loadCharter } from '../src/core/charter/loadCharter.js';
import type { Organization, Party, Unit } from '../src/core/model/Organization.js';
import { checkPolicyInput } from '../src/core/policy/checkPolicyInput.js';
import { decentralizationScore } from '../src/core/policy/decentralizationScore.js';
import { mergePolicy } from '../src/core/policy/mergePolicy.js';

/**
 * Catalogue-wide checks over every charter template: what each template promises its users
 * (that it passes `devolve check` and is a sensible plan) holds for all of them, and for any
 * template added later without an edit here.
 */

const TEMPLATES_DIR = new URL('../templates/', import.meta.url);
const EVIDENCE_SUFFIX = '.evidence.yaml';

interface Template {
  readonly name: string;
  readonly text: string;
  readonly load: CharterLoad;
}

const templates: Template[] = readdirSync(TEMPLATES_DIR)
  .filter((file) => file.endsWith('.yaml') && !file.endsWith(EVIDENCE_SUFFIX))
  .sort()
  .map((file) => {
    const text = readFileSync(new URL(file, TEMPLATES_DIR), 'utf8');
    return {
      name: file.slice(0, -'.yaml'.length),
      text,
      load: loadCharter({ text, file: `templates/${file}` }),
    };
  });

/** A template that loaded: its organization and its validated input. */
function valid(template: Template) {
  if (!template.load.ok) {
    throw new Error(`${template.name} does not load: ${JSON.stringify(template.load.errors, null, 2)}`);
  }
  return template.load;
}

/** The ladder a unit uses, as written (the built-in one, or the template's). */
function ladderInputOf(template: Template, unit: Unit): LadderInput {
  if (unit.ladder === DEFAULT_LADDER.id) return DEFAULT_LADDER;
  const ladder = valid(template).input.ladders?.find((l) => l.id === unit.ladder);
  if (ladder === undefined) throw new Error(`${template.name}: no ladder ${unit.ladder}`);
  return ladder;
}

/** The policy of a unit's level as written: the ladder's, with the unit's override applied. */
function writtenPolicy(template: Template, unit: Unit, levelIndex: number): PolicyInput {
  const level = ladderInputOf(template, unit).levels[levelIndex]!;
  const overrides = valid(template).input.units.find((u) => u.id === unit.id)?.policies ?? {};
  const override = overrides[level.id] ?? overrides[String(levelIndex)];
  return mergePolicy({ base: level.policy, override });
}

function partiesOf(policy: PolicyInput): string[] {
  return [
    ...(policy.propose ?? []),
    ...(policy.deciders ?? []),
    ...(policy.consultation?.with ?? []),
    ...(policy.veto?.by ?? []),
  ];
}

function modelPartiesOf(unit: Unit): Party[] {
  return unit.levels.flatMap(({ policy }) => [
    ...policy.propose,
    ...policy.deciders,
    ...(policy.consultation?.with ?? []),
    ...(policy.veto?.by ?? []),
  ]);
}

function criteriaKinds(criterion: CriterionInput | undefined): string[] {
  if (criterion === undefined) return [];
  if ('all' in criterion) return criterion.all.flatMap(criteriaKinds);
  if ('any' in criterion) return criterion.any.flatMap(criteriaKinds);
  if ('not' in criterion) return criteriaKinds(criterion.not);
  return Object.keys(criterion).filter((key) =>
    ['metric', 'timeAtLevel', 'decisionsAtLevel', 'checklist', 'unit', 'role', 'exitWindow'].includes(key),
  );
}

function eachUnit(callback: (template: Template, organization: Organization, unit: Unit) => void): void {
  for (const template of templates) {
    const { organization } = valid(template);
    for (const unit of organization.units) callback(template, organization, unit);
  }
}

describe('the template catalogue', () => {
  it('holds the six templates the CLI offers', () => {
    expect(templates.map((t) => t.name)).toEqual([
      'blank',
      'content-platform',
      'dao',
      'open-source',
      'rollup',
      'self-managed-company',
    ]);
  });

  it.each(templates.map((t) => [t.name, t] as const))(
    '%s loads with no errors and no warnings',
    (_name, template) => {
      expect(template.load.ok ? [] : template.load.errors).toEqual([]);
      expect(template.load.warnings).toEqual([]);
    },
  );

  it.each(templates.map((t) => [t.name, t] as const))(
    '%s opens with a comment line that describes it',
    (_name, template) => {
      const first = template.text.split('\n')[0]!;
      // `devolve templates` shows this line, less its 'Devolve charter for ' prefix.
      expect(first).toMatch(/^# Devolve charter for \S.{20,}\.$/);
    },
  );

  it('describes each template differently', () => {
    const firstLines = templates.map((t) => t.text.split('\n')[0]);
    expect(new Set(firstLines).size).toBe(templates.length);
  });

  it('has at least three units in every template, in at least two dimensions (blank aside)', () => {
    // `blank` is where a team starts from scratch: one unit to rename, nothing to delete.
    for (const template of templates.filter((t) => t.name !== 'blank')) {
      const { organization } = valid(template);
      expect(organization.units.length, template.name).toBeGreaterThanOrEqual(3);
      expect(new Set(organization.units.map((u) => u.dimension)).size, template.name).toBeGreaterThanOrEqual(
        2,
      );
    }
  });
});

describe('ladders', () => {
  it('the built-in default ladder is the six notches of DESIGN.md', () => {
    expect(DEFAULT_LADDER.levels.map((l) => [l.id, l.name])).toEqual([
      ['founder', 'Founder-controlled'],
      ['transparent', 'Transparent'],
      ['consultative', 'Consultative'],
      ['delegated', 'Delegated'],
      ['community', 'Community-governed'],
      ['autonomous', 'Autonomous'],
    ]);
  });

  it('the default ladder’s policies say what DESIGN.md says of each notch', () => {
    const [founder, transparent, consultative, delegated, community, autonomous] = DEFAULT_LADDER.levels.map(
      (l) => l.policy,
    );
    // 0: an owner decides alone.
    expect(founder).toMatchObject({ method: 'single-owner', deciders: ['$owner'] });
    // 1: the team decides; every decision is published with its rationale.
    expect(transparent).toMatchObject({ deciders: ['$team'], rationale: 'required' });
    expect(transparent?.consultation).toBeUndefined();
    // 2: the team decides after a public comment period.
    expect(consultative).toMatchObject({ deciders: ['$team'], consultation: { with: ['members'] } });
    // 3: a council decides; the team keeps a veto.
    expect(delegated).toMatchObject({ deciders: ['$council'], veto: { by: ['$team'] } });
    // 4: the community decides; a guardian may veto only within the exit window.
    expect(community).toMatchObject({ deciders: ['$community'], veto: { by: ['$guardian'] } });
    expect(community?.timelock).toBeDefined();
    expect(community?.veto?.window).toBe(community?.timelock);
    // 5: the community decides with no veto.
    expect(autonomous).toMatchObject({ deciders: ['$community'] });
    expect(autonomous?.veto).toBeUndefined();
  });

  it('every declared ladder has at least two levels with unique ids', () => {
    const ladders = [DEFAULT_LADDER, ...templates.flatMap((template) => valid(template).input.ladders ?? [])];
    expect(ladders.length).toBeGreaterThan(1);
    for (const ladder of ladders) {
      const ids = ladder.levels.map((l) => l.id);
      expect(ids.length, ladder.id).toBeGreaterThanOrEqual(2);
      expect(new Set(ids).size, ladder.id).toBe(ids.length);
    }
  });

  it('every ladder is ordered: for every unit, no level is more centralized than the one below', () => {
    eachUnit((template, organization, unit) => {
      const roles = new Map(organization.roles.map((role) => [role.id, role]));
      const scores = unit.levels.map((level) => decentralizationScore({ policy: level.policy, roles }));
      for (let i = 1; i < scores.length; i++) {
        expect(
          scores[i]! >= scores[i - 1]!,
          `${template.name}: ${unit.id} scores ${scores.join(', ')} along ${unit.levels.map((l) => l.id).join(', ')}`,
        ).toBe(true);
      }
      // And it goes somewhere: the top is more decentralized than the bottom.
      expect(scores[scores.length - 1]!, `${template.name}: ${unit.id}`).toBeGreaterThan(scores[0]!);
    });
  });
});

describe('policies', () => {
  it('every level of every unit of every template has a policy with a method and someone to decide', () => {
    eachUnit((template, _organization, unit) => {
      for (const level of unit.levels) {
        const where = `${template.name}: ${unit.id} at ${level.id}`;
        expect(writtenPolicy(template, unit, level.index).method, where).toBeDefined();
        expect(level.policy.propose.length, `${where}: who proposes`).toBeGreaterThan(0);
        expect(level.policy.deciders.length, `${where}: who decides`).toBeGreaterThan(0);
      }
    });
  });

  it('every policy names only roles that exist', () => {
    eachUnit((template, organization, unit) => {
      const roleIds = new Set(organization.roles.map((r) => r.id));
      for (const party of modelPartiesOf(unit)) {
        if (party.kind === 'role')
          expect(roleIds.has(party.role), `${template.name}: ${unit.id} names ${party.role}`).toBe(true);
      }
    });
  });

  it('every slot a policy uses, at every level, is bound for the unit', () => {
    eachUnit((template, _organization, unit) => {
      for (const level of unit.levels) {
        for (const ref of partiesOf(writtenPolicy(template, unit, level.index))) {
          if (!ref.startsWith('$') || ref === '$owner') continue;
          const slot = ref.slice(1) as keyof Unit['bindings'];
          expect(
            unit.bindings[slot]?.length ?? 0,
            `${template.name}: ${unit.id} at ${level.id} uses ${ref}`,
          ).toBeGreaterThan(0);
        }
      }
    });
  });

  it('every policy satisfies the rules of its method', () => {
    eachUnit((template, _organization, unit) => {
      for (const level of unit.levels) {
        const weighted = level.policy.weight.kind !== 'equal';
        expect(
          checkPolicyInput({ policy: writtenPolicy(template, unit, level.index), weighted }),
          `${template.name}: ${unit.id} at ${level.id}`,
        ).toEqual([]);
      }
    });
  });

  it('every unit’s electorate today has members', () => {
    eachUnit((template, organization, unit) => {
      for (const party of unit.levels[unit.level]!.policy.deciders) {
        if (party.kind !== 'role') continue;
        const role = organization.roles.find((r) => r.id === party.role)!;
        expect(
          role.open || role.members.length > 0,
          `${template.name}: ${unit.id} decided by ${role.id}`,
        ).toBe(true);
      }
    });
  });
});

describe('what each template is for', () => {
  const byName = (name: string) => {
    const template = templates.find((t) => t.name === name);
    if (template === undefined) throw new Error(`no template ${name}`);
    return { template, ...valid(template) };
  };

  it('rollup climbs a three-stage ladder whose upper stages require a security council and an exit window', () => {
    const { input } = byName('rollup');
    const stages = input.ladders?.find((l) => l.levels.length === 3);
    expect(stages?.levels.map((l) => l.id)).toEqual(['stage-0', 'stage-1', 'stage-2']);
    for (const level of stages!.levels.slice(1)) {
      expect(criteriaKinds(level.requirements)).toEqual(expect.arrayContaining(['role', 'exitWindow']));
    }
  });

  it('self-managed-company decides by consent and by the advice process', () => {
    const { organization } = byName('self-managed-company');
    const methods = new Set(organization.units.flatMap((u) => u.levels.map((l) => l.policy.method)));
    expect(methods).toContain('consent');
    expect(methods).toContain('advice');
  });

  it('dao covers upgrades, risk parameters, treasury, front-end, grants and brand', () => {
    const { organization } = byName('dao');
    expect(organization.kind).toBe('web3');
    expect(organization.units.map((u) => u.id)).toEqual(
      expect.arrayContaining(['upgrades', 'risk-parameters', 'treasury', 'front-end', 'grants', 'brand']),
    );
  });

  it('blank is a minimal start: one founder-controlled unit on the default ladder, every slot filled', () => {
    const { organization, input } = byName('blank');
    expect(organization.units.map((u) => [u.id, u.ladder, u.level])).toEqual([['product', 'default', 0]]);
    expect(organization.members.map((m) => m.id)).toEqual(['founder']);
    expect(input.ladders).toBeUndefined();
    // Every slot the default ladder names is bound, so any level the team moves to works as is.
    const [unit] = organization.units;
    for (const slot of ['team', 'council', 'community', 'guardian'] as const)
      expect(unit!.bindings[slot]?.length ?? 0, slot).toBeGreaterThan(0);
  });

  it('every unit of every template aims at or above where it is today', () => {
    eachUnit((template, _organization, unit) => {
      expect(unit.target, `${template.name}: ${unit.id}`).toBeGreaterThanOrEqual(unit.level);
    });
  });
});
