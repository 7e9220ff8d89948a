// A third-party client written from docs/collaboration.md alone: it uses only
// @hocuspocus/provider, yjs and ws (no cocrea package). It signs in as a facilitator, creates a
// mesa over REST, joins it as a participant, connects to the mesa's problem-tree document,
// prints the tree and exits.
//
//   COCREA_EMAIL=ana@example.org COCREA_PASSWORD=… node docs/examples/read-tree.mjs http://localhost:3000
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const base = process.argv[2] ?? 'http://localhost:3000';

async function post(path, body, headers = {}) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error.message}`);
  return { json, res };
}

// 1. REST: sign in (a session cookie, plus a CSRF token every write with that cookie must carry),
//    create a mesa, then join it with a display name to get a collaboration token.
const signIn = await post('/api/auth/sign-in', { email: process.env.COCREA_EMAIL, password: process.env.COCREA_PASSWORD });
const session = {
  cookie: signIn.res.headers.getSetCookie().find((c) => c.startsWith('cocrea_session=')).split(';')[0],
  'x-csrf-token': signIn.json.csrfToken,
};
const { json: { mesa } } = await post('/api/mesas', {
  title: 'Mesa de ejemplo',
  topic: 'Agua potable',
  description: 'Baja calidad del agua',
}, session);
const { json: { token, documents } } = await post(`/api/mesas/${mesa.id}/join`, { name: 'Cliente de ejemplo' });

// 2. WebSocket: the tree document is `mesa:<id>:tree` at /collab on the same host.
const doc = new Y.Doc();
const provider = await new Promise((resolve, reject) => {
  const p = new HocuspocusProvider({
    url: `${base.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    name: documents.tree,
    document: doc,
    token,
    onSynced: () => resolve(p),
    onAuthenticationFailed: ({ reason }) => reject(new Error(`refused: ${reason}`)),
  });
});

// 3. Read the schema: `nodes` is a Y.Map of node id → Y.Map with kind, parentId, text (Y.Text),
//    position, createdBy, createdAt. The problem's id is "problem".
const nodes = doc.getMap('nodes');
const children = new Map();
for (const [id, node] of nodes) {
  const parentId = node.get('parentId');
  if (!children.has(parentId)) children.set(parentId, []);
  children.get(parentId).push(id);
}
function print(id, depth) {
  const node = nodes.get(id);
  console.log(`${'  '.repeat(depth)}${node.get('kind')}: ${node.get('text').toString()}`);
  for (const child of children.get(id) ?? []) print(child, depth + 1);
}
console.log(`mesa ${mesa.id} (${mesa.title})`);
print('problem', 0);

provider.destroy();
process.exit(0);
