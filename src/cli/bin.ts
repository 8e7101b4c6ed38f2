#!/usr/bin/env node
import { exitQuietlyOnClosedPipe } from './io.js';
import { main } from './main.js';

exitQuietlyOnClosedPipe(process.stdout);
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
// Exit once both streams have flushed: a lingering handle (a hosted inspector's reconnecting socket) must not keep the command alive.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
