import type { Organization } from '../model/Organization.js';

export interface BoardLevel {
  readonly index: number;
  readonly id: string;
  readonly name: string;
}

export interface BoardUnit {
  readonly id: string;
  readonly name: string;
  readonly ladder: string;
  readonly levels: readonly BoardLevel[];
  readonly level: BoardLevel;
  readonly target: BoardLevel;
  /** Position of the current level on the slider, 0 (centralized) to 1 (the ladder's top). */
  readonly position: number;
}

export interface BoardDimension {
  readonly id: string;
  readonly name: string;
  readonly units: readonly BoardUnit[];
}

/** The organization as a board of sliders grouped by dimension: what `status` and the dashboard draw. */
export interface Board {
  readonly organization: { readonly id: string; readonly name: string; readonly kind: string };
  readonly dimensions: readonly BoardDimension[];
}

/**
 * @example
 * buildBoard({ organization }).dimensions[0].units[0].level // { index: 2, id: 'consultative', name: 'Consultative' }
 */
export function buildBoard(args: { organization: Organization }): Board {
  const { organization } = args;
  return {
    organization: { id: organization.id, name: organization.name, kind: organization.kind },
    dimensions: organization.dimensions
      .map((dimension) => ({
        id: dimension.id,
        name: dimension.name,
        units: organization.units
          .filter((unit) => unit.dimension === dimension.id)
          .map((unit) => {
            const levels = unit.levels.map((l) => ({ index: l.index, id: l.id, name: l.name }));
            return {
              id: unit.id,
              name: unit.name,
              ladder: unit.ladder,
              levels,
              level: levels[unit.level]!,
              target: levels[unit.target]!,
              position: unit.levels.length <= 1 ? 1 : unit.level / (unit.levels.length - 1),
            };
          }),
      }))
      .filter((dimension) => dimension.units.length > 0),
  };
}
