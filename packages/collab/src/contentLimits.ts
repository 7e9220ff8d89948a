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
