#!/usr/bin/env node
import { exitQuietlyOnClosedPipe } from './io.js';
import { main } from './main.js';

exitQuietlyOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
