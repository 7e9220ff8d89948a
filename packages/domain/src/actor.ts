/** Who did something, and when: every step of a commitment keeps one. */
export interface Stamp {
  by: { id: string; name: string };
  at: string;
}
