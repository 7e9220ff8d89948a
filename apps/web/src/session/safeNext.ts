/** The in-app path to return to after signing in: only same-site paths, never another origin. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next.startsWith('/entrar') || next.startsWith('/invitaciones/') ? '/' : next;
}
