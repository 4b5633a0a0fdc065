export { createRegistryService, type RegistryServiceOptions } from './create-service.js';
export { LAUNCH_CHANNEL, type LaunchNotice } from './launch.js';
export type { Actor, RegistryService } from './types.js';
