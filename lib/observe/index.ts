export { type AwsClients, type ClientOptions, createClients } from './clients.js';
export { ObserveError } from './errors.js';
export { type ObserveOptions, observe } from './observe.js';
export {
  type ObserveScope,
  type ServiceKey,
  scopeForTrigger,
  type TaskKey,
} from './scope.js';
export { clearTaskDefinitionCache } from './task-definitions.js';
