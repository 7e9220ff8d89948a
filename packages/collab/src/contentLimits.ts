/**
 * How long each text a person writes into a shared document may be, in UTF-16 code units
 * (`string.length`, what Y.Text counts). The server refuses an update that makes any of these
 * texts longer (close code 4422, `invalid:text-too-long`); the web stops typing at the limit.
 * Written down in docs/limits.md and docs/collaboration.md.
 */
export const TEXT_LIMITS = {
  /** A problem-tree node's label (problem, cause, effect). */
  treeNodeText: 280,
  /** One text field of a roadmap (`fields.*`, and each text of an activity, indicator, product or means of verification). */
  roadmapField: 2000,
  /** The body of an expert note or reply (same as `ANNOTATION_BODY_MAX`). */
  annotationBody: 2000,
} as const;

/**
 * Most nodes a problem tree may hold (problem, causes and effects). The guide's trees have tens;
 * exports are sized for 1,500. The server refuses an update that would add a node past it (4422,
 * `invalid:too-many-nodes`); the web stops offering "add" at the limit. Without it a participant
 * could fill a tree up to the document quota (~30,000 nodes), whose live copy made every garbage
 * collection of the server pause all mesas for ~100 ms.
 */
export const TREE_MAX_NODES = 2000;
