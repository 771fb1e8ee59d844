/**
 * R21 附件2 (the classification table): industries in the centre's priority order, each with its
 * key customers in order; "按已定顺序上报" — the 附件6-2 and 附件7 lists and the report's
 * key-customer part follow it. The starting list is GB/T 4754-2017's twenty sections (seeded by
 * migration 0022), which the officer reorders, renames or adds to. Customers the table does not place keep the lists' own
 * order, after the placed ones. Pure; DOMAIN-DECISIONS "Classification table (附件2, R21)".
 */

/** A customer's place in the table: its industry's position, then its own within the industry. */
export interface ClassificationPlace {
  industry: number;
  position: number;
}

/**
 * `items` in the table's order: placed ones by industry then position; the rest after them in
 * the order given (stable). With nobody placed the order is unchanged.
 */
export function inClassificationOrder<T>(
  items: readonly T[],
  placeOf: (item: T) => ClassificationPlace | null | undefined,
): T[] {
  const placed: { item: T; place: ClassificationPlace; i: number }[] = [];
  const rest: T[] = [];
  items.forEach((item, i) => {
    const place = placeOf(item);
    if (place) placed.push({ item, place, i });
    else rest.push(item);
  });
  if (placed.length === 0) return [...items];
  placed.sort((a, b) => a.place.industry - b.place.industry || a.place.position - b.place.position || a.i - b.i);
  return [...placed.map((p) => p.item), ...rest];
}
