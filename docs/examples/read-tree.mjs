// A third-party client written from docs/collaboration.md alone: it uses only
// @hocuspocus/provider, yjs and ws (no cocrea package). It creates a mesa over REST, joins it,
// connects to the mesa's problem-tree document, prints the tree and exits.
//
//   node docs/examples/read-tree.mjs http://localhost:3000
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const base = process.argv[2] ?? 'http://localhost:3000';

async function post(path, body) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error.message}`);
  return json;
}

// 1. REST: create a mesa, then join it with a display name to get a collaboration token.
const { mesa } = await post('/api/mesas', {
  title: 'Mesa de ejemplo',
  topic: 'Agua potable',
  description: 'Baja calidad del agua',
});
const { token, documents } = await post(`/api/mesas/${mesa.id}/join`, { name: 'Cliente de ejemplo' });

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
