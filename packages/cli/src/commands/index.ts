import type { Command } from '../lib/command.js';
import { gatewayCommand } from './gateway/index.js';
import { planCommand } from './plan/index.js';
import { supergraphComposeCommand } from './supergraph-compose/index.js';

/**
 * Every command of `orrery`, in the order `--help` lists them. Later issues add one folder per
 * command under `src/commands/` and one line here.
 */
export const COMMANDS: readonly Command[] = [supergraphComposeCommand, planCommand, gatewayCommand];
