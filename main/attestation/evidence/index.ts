export type * from './types';
export { verifyTdxReport } from './tdx';
export { verifyGpuEvidence } from './gpu';
export { verifyNitroDocument } from './nitro';
export { verifyNearReport } from './near';
export { bindAddressAndNonce, bindHashAndNonce, bindDigest } from './binding';
