export { checkHygiene, type HygieneContext } from './check.js';
export { checkPlaintext } from './plaintext.js';
export { checkPlatformVersion } from './platform.js';
export { checkRotation, type RotationContext, rotationSignals } from './rotation.js';
export { classifyPlaintext, type SecretMatch } from './secret-shape.js';
