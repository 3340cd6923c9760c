/**
 * Small-cell suppression for everything that leaves the organisation. A count of people below the
 * threshold is withheld (primary). So is any cell from which a withheld one could be worked out
 * (secondary): where parts add up to a whole — the breakdown of a total, or the regions of a
 * national figure — a single withheld part could be recomputed from the whole minus the rest, so
 * a second cell of that group is withheld too, the smallest one, until no group has exactly one.
 */
export interface Cell {
  readonly indicator: string;
  /** "KZ" for the national figure, or a region code. */
  readonly orgUnit: string;
  /** "total" for the indicator's total, otherwise the breakdown's dimension. */
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
}

/** F: free; C: withheld, fewer people than the threshold; D: withheld, it would reveal a C cell. The codes of SDMX's CONF_STATUS. */
export type Confidentiality = 'F' | 'C' | 'D';

export interface ReleasedCell extends Cell {
  readonly confidentiality: Confidentiality;
}

export interface SuppressionRules {
  readonly threshold: number;
  /** Whether an indicator counts people; other counts (trainings held, booklets) are never withheld. */
  readonly countsPeople: (indicator: string) => boolean;
  /** Whether a dimension's values add up to the total (false when one fact may carry several values). */
  readonly additive: (indicator: string, dimension: string) => boolean;
  /** The org unit whose figures are the sum of all the others. */
  readonly national: string;
  /** For an average, the count of people it divides by: the average is withheld wherever that count is small. */
  readonly divisor?: (indicator: string) => string | null;
}

export const TOTAL_DIMENSION = 'total';

export function suppress(cells: readonly Cell[], rules: SuppressionRules): ReleasedCell[] {
  const status = new Map<string, Confidentiality>();
  const key = (c: Pick<Cell, 'indicator' | 'orgUnit' | 'dimension' | 'value'>) => `${c.indicator}|${c.orgUnit}|${c.dimension}|${c.value}`;
  for (const cell of cells) {
    status.set(key(cell), rules.countsPeople(cell.indicator) && cell.count > 0 && cell.count < rules.threshold ? 'C' : 'F');
  }
  // An average over fewer people than the threshold tells about those few (their nights in a shelter).
  for (const cell of cells) {
    const per = rules.divisor?.(cell.indicator);
    if (!per) continue;
    const base = cells.find((c) => c.indicator === per && c.orgUnit === cell.orgUnit && c.dimension === TOTAL_DIMENSION);
    if (base && base.count > 0 && base.count < rules.threshold) status.set(key(cell), 'C');
  }

  const groups = additiveGroups(cells, rules);
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const withheld = group.filter((c) => status.get(key(c)) !== 'F');
      if (withheld.length !== 1) continue;
      // One withheld cell in a group is the whole minus the rest: withhold the smallest other one.
      const candidates = group.filter((c) => status.get(key(c)) === 'F').sort((a, b) => (a.count === 0 ? 1 : 0) - (b.count === 0 ? 1 : 0) || a.count - b.count);
      const next = candidates[0];
      if (!next) continue;
      status.set(key(next), 'D');
      changed = true;
    }
  }
  return cells.map((cell) => ({ ...cell, confidentiality: status.get(key(cell))! }));
}

/** Sets of cells in which one is the sum of the others, for indicators that count people. */
function additiveGroups(cells: readonly Cell[], rules: SuppressionRules): Cell[][] {
  const people = cells.filter((c) => rules.countsPeople(c.indicator));
  const groups = new Map<string, Cell[]>();
  const add = (name: string, cell: Cell) => groups.set(name, [...(groups.get(name) ?? []), cell]);
  for (const cell of people) {
    // A breakdown and its total, within one org unit.
    if (cell.dimension === TOTAL_DIMENSION) {
      for (const dimension of new Set(people.filter((c) => c.indicator === cell.indicator && c.orgUnit === cell.orgUnit && c.dimension !== TOTAL_DIMENSION).map((c) => c.dimension))) {
        if (rules.additive(cell.indicator, dimension)) add(`${cell.indicator}|${cell.orgUnit}|${dimension}`, cell);
      }
    } else if (rules.additive(cell.indicator, cell.dimension)) {
      add(`${cell.indicator}|${cell.orgUnit}|${cell.dimension}`, cell);
    }
    // The regions and the national figure of the same cell.
    add(`${cell.indicator}|*|${cell.dimension}|${cell.value}`, cell);
  }
  // A cross-region group is additive only when it holds the national figure and some region.
  return [...groups.entries()].filter(([name, group]) => !name.includes('|*|') || (group.some((c) => c.orgUnit === rules.national) && group.length > 1)).map(([, group]) => group);
}
