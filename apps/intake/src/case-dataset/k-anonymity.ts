/**
 * k-anonymity by full-domain generalisation, then suppression (the way CTDC publishes case data,
 * k = 11): the quasi-identifiers of every record are coarsened one step at a time, each step for
 * the whole dataset, until few enough records sit in a group of fewer than k alike; those few are
 * withheld. What is exported then has no combination of quasi-identifiers rarer than k.
 */

/** A record's quasi-identifiers, by field name. */
export type QuasiIdentifiers = Readonly<Record<string, string>>;

/** One step of generalisation: coarsens some fields of a record, leaves the others. */
export interface Generalisation {
  /** What the step does, for the export's summary: "age bands widened to minor/adult". */
  readonly description: string;
  readonly apply: (record: QuasiIdentifiers) => QuasiIdentifiers;
}

export interface Anonymised<R extends QuasiIdentifiers> {
  /** The records released: each in a group of at least k with the same quasi-identifiers. */
  readonly records: R[];
  /** The steps applied, in order (none when the data were k-anonymous as recorded). */
  readonly steps: readonly string[];
  /** Released records whose quasi-identifiers differ from what was recorded. */
  readonly generalised: number;
  /** Records left out because their group stayed smaller than k. */
  readonly withheld: number;
}

const keyOf = (record: QuasiIdentifiers, fields: readonly string[]): string => JSON.stringify(fields.map((field) => record[field] ?? ''));

/** How many records fall into groups smaller than k. */
function smallGroups(records: readonly QuasiIdentifiers[], fields: readonly string[], k: number): { sizes: Map<string, number>; withheld: number } {
  const sizes = new Map<string, number>();
  for (const record of records) {
    const key = keyOf(record, fields);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let withheld = 0;
  for (const size of sizes.values()) if (size < k) withheld += size;
  return { sizes, withheld };
}

/**
 * Generalises step by step until at most `maxWithheldShare` of the records would be withheld (or
 * every step is taken), then withholds the records of groups smaller than k. Pure: same input,
 * same output.
 */
export function kAnonymise<R extends QuasiIdentifiers>(records: readonly R[], fields: readonly string[], steps: readonly Generalisation[], k: number, maxWithheldShare = 0.1): Anonymised<R> {
  let current: R[] = [...records];
  const taken: string[] = [];
  let groups = smallGroups(current, fields, k);
  for (const step of steps) {
    if (groups.withheld <= maxWithheldShare * current.length) break;
    current = current.map((record) => step.apply(record) as R);
    taken.push(step.description);
    groups = smallGroups(current, fields, k);
  }
  const released = current.filter((record) => (groups.sizes.get(keyOf(record, fields)) ?? 0) >= k);
  const generalised = current.filter((record, i) => (groups.sizes.get(keyOf(record, fields)) ?? 0) >= k && keyOf(record, fields) !== keyOf(records[i]!, fields)).length;
  return { records: released, steps: taken, generalised, withheld: current.length - released.length };
}
