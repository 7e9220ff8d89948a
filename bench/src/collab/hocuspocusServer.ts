/**
 * Stock Hocuspocus v4 for the collaboration benchmark: `Server` with the SQLite extension on a
 * file database and every other setting at its default (debounce 2 s, maxDebounce 10 s). Only
 * the port (free, on 127.0.0.1) and the start banner (quiet) differ.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.BENCH_SQLITE;
if (!database) throw new Error('BENCH_SQLITE is required');

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(JSON.stringify({ msg: 'bench server listening', port: server.address.port }));
// Exit when the benchmark that started us goes away.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
