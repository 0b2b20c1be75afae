/**
 * The slots a policy names instead of a role (`$owner`, `$team`, …), so one ladder fits every unit.
 * `$owner` is always the unit's `owners`; the other slots are bound per unit or by `defaults.roles`.
 */
export const SLOTS = ['owner', 'team', 'council', 'community', 'guardian'] as const;
export type SlotName = (typeof SLOTS)[number];
export const BINDABLE_SLOTS = ['team', 'council', 'community', 'guardian'] as const;
export type BindableSlot = (typeof BINDABLE_SLOTS)[number];
