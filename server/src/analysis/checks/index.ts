import type { Check } from '../check';
import { checkMapFilesFound } from './map-file-not-found';
import { checkServerWeightRange } from './server-weight-out-of-range';
import { checkDuplicateServerNames } from './server-duplicate-name';
import { checkUndefinedBackends } from './backend-undefined';

/** Every check, in the order their issues are reported. Add new checks here. */
export const ALL_CHECKS: readonly Check[] = [
  checkMapFilesFound,
  checkServerWeightRange,
  checkDuplicateServerNames,
  checkUndefinedBackends,
];
