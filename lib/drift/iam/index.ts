export { checkRoles } from './check.js';
export { evaluate } from './evaluate.js';
export {
  type EndpointOnPath,
  explainRole,
  type ReferenceExplanation,
  type RoleCheck,
  type RoleCheckOptions,
  type RoleProblem,
} from './explain.js';
export { type SecretKey, secretKey } from './keys.js';
export type { PlannedRequest, RequestPurpose } from './requests.js';
export {
  decryptRequest,
  readParameterRequest,
  readSecretRequest,
} from './requests.js';
export { findRole, type RolePolicies, rolePolicies } from './roles.js';
export type {
  ContextValue,
  Decision,
  DecisionResult,
  EvalRequest,
  NamedPolicy,
  PolicyLayer,
  PolicySet,
  StatementRef,
} from './types.js';
