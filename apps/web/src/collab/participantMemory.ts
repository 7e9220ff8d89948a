/** Shape of the participant ids the server issues (see `joinInputSchema`). */
const PARTICIPANT_ID = /^p_[A-Za-z0-9]{10}$/;

function key(mesaId: string): string {
  return `cocrea:participant:${mesaId}`;
}

/** The participant id this browser had in a mesa, so a reload keeps the same identity and colour. */
export function rememberedParticipantId(mesaId: string): string | undefined {
  try {
    const v = localStorage.getItem(key(mesaId));
    return v !== null && PARTICIPANT_ID.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers this browser's participant id in a mesa. */
export function rememberParticipantId(mesaId: string, id: string): void {
  try {
    if (PARTICIPANT_ID.test(id)) localStorage.setItem(key(mesaId), id);
  } catch {
    // Private mode: a reload gets a new identity, nothing worse.
  }
}
