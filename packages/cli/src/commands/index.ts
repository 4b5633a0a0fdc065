import type { Command } from '../lib/command.js';
import { checkListCommand } from './check-list/index.js';
import { checkShowCommand } from './check-show/index.js';
import { configAuthCommand } from './config-auth/index.js';
import { configWhoamiCommand } from './config-whoami/index.js';
import { contractCreateCommand } from './contract-create/index.js';
import { gatewayCommand } from './gateway/index.js';
import { keyCreateCommand } from './key-create/index.js';
import { keyListCommand } from './key-list/index.js';
import { keyRevokeCommand } from './key-revoke/index.js';
import { launchListCommand } from './launch-list/index.js';
import { planCommand } from './plan/index.js';
import { registryStartCommand } from './registry-start/index.js';
import { serviceCheckCommand } from './service-check/index.js';
import { serviceDeleteCommand } from './service-delete/index.js';
import { serviceListCommand } from './service-list/index.js';
import { servicePushCommand } from './service-push/index.js';
import { subgraphCheckCommand } from './subgraph-check/index.js';
import { subgraphDeleteCommand } from './subgraph-delete/index.js';
import { subgraphFetchCommand } from './subgraph-fetch/index.js';
import { subgraphIntrospectCommand } from './subgraph-introspect/index.js';
import { subgraphListCommand } from './subgraph-list/index.js';
import { subgraphPublishCommand } from './subgraph-publish/index.js';
import { subgraphRestoreCommand } from './subgraph-restore/index.js';
import { supergraphComposeCommand } from './supergraph-compose/index.js';
import { supergraphFetchCommand } from './supergraph-fetch/index.js';
import { usageCommand } from './usage/index.js';
import { variantCreateCommand } from './variant-create/index.js';
import { variantDeleteCommand } from './variant-delete/index.js';

/**
 * Every command of `orrery`, in the order `--help` lists them. Later issues add one folder per
 * command under `src/commands/` and one line here.
 */
export const COMMANDS: readonly Command[] = [
  supergraphComposeCommand,
  supergraphFetchCommand,
  planCommand,
  gatewayCommand,
  subgraphPublishCommand,
  subgraphCheckCommand,
  subgraphDeleteCommand,
  subgraphRestoreCommand,
  subgraphListCommand,
  subgraphFetchCommand,
  subgraphIntrospectCommand,
  launchListCommand,
  checkListCommand,
  checkShowCommand,
  usageCommand,
  variantCreateCommand,
  variantDeleteCommand,
  contractCreateCommand,
  keyCreateCommand,
  keyListCommand,
  keyRevokeCommand,
  configAuthCommand,
  configWhoamiCommand,
  registryStartCommand,
  servicePushCommand,
  serviceCheckCommand,
  serviceDeleteCommand,
  serviceListCommand,
];
