import type { AgreedTreeNode } from '@cocrea/domain';

/** One line of a tree branch read as an indented list. */
export interface OutlineItem {
  text: string;
  /** 0 for a direct cause or effect, 1 for one below it, and so on. */
  level: number;
}

/** The agreed tree as documents show it: the problem, and each branch as an indented list. */
export interface TreeOutline {
  problem: string | null;
  effects: OutlineItem[];
  causes: OutlineItem[];
}

/**
 * Walks each branch depth first from the problem, keeping the stored sibling order, so every node
 * sits right under its parent. A node whose parent is missing is listed at the first level rather
 * than lost.
 */
export function treeOutline(nodes: readonly AgreedTreeNode[]): TreeOutline {
  const problem = nodes.find((n) => n.kind === 'problem') ?? null;
  const children = new Map<string, AgreedTreeNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.kind === 'problem') continue;
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : (problem?.id ?? '');
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const walk = (kind: 'cause' | 'effect'): OutlineItem[] => {
    const out: OutlineItem[] = [];
    const seen = new Set<string>();
    const visit = (id: string, level: number) => {
      for (const c of children.get(id) ?? []) {
        if (c.kind !== kind || seen.has(c.id)) continue;
        seen.add(c.id);
        out.push({ text: c.text, level });
        visit(c.id, level + 1);
      }
    };
    visit(problem?.id ?? '', 0);
    // Whatever a malformed snapshot left unreachable still appears, at the first level.
    for (const n of nodes) if (n.kind === kind && !seen.has(n.id)) out.push({ text: n.text, level: 0 });
    return out;
  };
  return { problem: problem?.text ?? null, effects: walk('effect'), causes: walk('cause') };
}
