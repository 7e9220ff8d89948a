/**
 * Who is on the other end of a request or a socket. Participants join a mesa by link with a
 * display name; accounts with roles (facilitator, STM, expert) plug in here in a later issue.
 */
export interface Principal {
  id: string;
  name: string;
  color: string;
  role: 'participant';
  mesaId: string;
}

const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#f08c00'];

/** A stable, readable colour for a person's cursor and presence dot. */
export function colorFor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}
