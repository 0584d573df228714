import type { Check } from '../check';
import { checkMapFilesFound } from './map-file-not-found';
import { checkServerWeightRange } from './server-weight-out-of-range';
import { checkDuplicateServerNames } from './server-duplicate-name';
import { checkUndefinedBackends } from './backend-undefined';
import { checkAllServersZeroWeight } from './backend-all-servers-zero-weight';
import { checkBackupWeightIgnored } from './backend-backup-weight-ignored';
import { checkExtraBackupsUnused } from './backend-extra-backups-unused';
import { checkWeightsIgnoredByFirst } from './backend-weights-ignored-by-first';

/** Every check, in the order their issues are reported. Add new checks here. */
export const ALL_CHECKS: readonly Check[] = [
  checkMapFilesFound,
  checkServerWeightRange,
  checkDuplicateServerNames,
  checkUndefinedBackends,
  checkAllServersZeroWeight,
  checkBackupWeightIgnored,
  checkExtraBackupsUnused,
  checkWeightsIgnoredByFirst,
];
