/** The WebSocket address of the collaboration endpoint, on the page's own origin. */
export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}
