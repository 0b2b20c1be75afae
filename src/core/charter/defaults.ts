import type { LadderInput } from './charterSchema.js';

/** The four default dimensions, used when a charter declares none. */
export const DEFAULT_DIMENSIONS = [
  {
    id: 'product',
    name: 'Product & technology',
    description: 'Code, protocol upgrades, front-end, infrastructure, roadmap.',
  },
  {
    id: 'community',
    name: 'Content & community',
    description: 'Creation, curation, moderation, brand and IP, culture.',
  },
  { id: 'governance', name: 'Governance & process', description: 'Membership, rule changes, roles.' },
  {
    id: 'capital',
    name: 'Capital & ownership',
    description: 'Treasury, token or equity, incentives, revenue.',
  },
] as const;

/**
 * The default six-notch ladder, available to every charter as `ladder: default`. Its policies
 * name slots, so each unit decides who its team, council, community and guardian are.
 *
 * Each level's policy is written out whole, though neighbouring levels share most fields (the
 * `duplicates` tool pairs Community-governed and Autonomous): a reader, and the README's ladder
 * table, compare two levels field by field, and a level built by spreading another would hide
 * exactly what the ratchet changes between them.
 */
export const DEFAULT_LADDER: LadderInput = {
  id: 'default',
  name: 'Default six-notch ladder',
  description: 'From an owner deciding alone to a community deciding with no veto.',
  levels: [
    {
      id: 'founder',
      name: 'Founder-controlled',
      summary: 'An owner decides alone.',
      policy: { propose: ['$owner'], method: 'single-owner', deciders: ['$owner'], rationale: 'optional' },
    },
    {
      id: 'transparent',
      name: 'Transparent',
      summary: 'The team decides; every decision is published with its rationale.',
      policy: {
        propose: ['$team'],
        method: 'majority',
        deciders: ['$team'],
        period: 'P3D',
        rationale: 'required',
      },
    },
    {
      id: 'consultative',
      name: 'Consultative',
      summary: 'The team decides after a public comment period.',
      policy: {
        propose: ['$team'],
        consultation: { period: 'P7D', with: ['members'] },
        method: 'majority',
        deciders: ['$team'],
        period: 'P3D',
        rationale: 'required',
      },
    },
    {
      id: 'delegated',
      name: 'Delegated',
      summary: 'An elected or appointed council decides; the team keeps a veto.',
      policy: {
        propose: ['$council', '$team'],
        consultation: { period: 'P7D', with: ['members'] },
        method: 'majority',
        deciders: ['$council'],
        quorum: '50%',
        period: 'P5D',
        veto: { by: ['$team'], window: 'P3D' },
        rationale: 'required',
      },
    },
    {
      id: 'community',
      name: 'Community-governed',
      summary: 'The community decides; a guardian may veto only within the exit window.',
      policy: {
        propose: ['$community'],
        consultation: { period: 'P7D', with: ['$community'] },
        method: 'majority',
        deciders: ['$community'],
        quorum: '10%',
        period: 'P7D',
        veto: { by: ['$guardian'], window: 'P7D' },
        timelock: 'P7D',
        lateQuorumExtension: 'P2D',
        rationale: 'required',
      },
    },
    // Deliberately Community-governed's policy again without the veto: each level is written out
    // whole, as the README's ladder table and `devolve explain` show it (the pair `duplicates` lists).
    {
      id: 'autonomous',
      name: 'Autonomous',
      summary: 'The community decides with no veto, or the unit is immutable.',
      policy: {
        propose: ['$community'],
        consultation: { period: 'P7D', with: ['$community'] },
        method: 'majority',
        deciders: ['$community'],
        quorum: '10%',
        period: 'P7D',
        timelock: 'P7D',
        lateQuorumExtension: 'P2D',
        rationale: 'required',
      },
    },
  ],
};
