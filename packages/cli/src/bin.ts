import { processIo } from './lib/io.js';
import { runCli } from './run-cli.js';

// The process entry: run, then leave the exit code for Node to use once output is flushed.
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only programmer errors reach here; user errors are CliErrors printed by runCli.
    console.error(error);
    process.exitCode = 70;
  },
);
