/** Orders units as a tree (parents before children, siblings by code) with their depth. */
export interface TreeUnit {
  id: number;
  parentId: number | null;
  code: string;
}

export function treeOrder<U extends TreeUnit>(units: readonly U[]): { unit: U; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, U[]>();
  for (const u of units) {
    // A unit whose parent is not in the list (e.g. retired and hidden) is shown as a root.
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
  const out: { unit: U; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  // Anything left is in a cycle (should not happen); show it rather than lose it.
  for (const u of units) if (!seen.has(u.id)) out.push({ unit: u, depth: 0 });
  return out;
}
