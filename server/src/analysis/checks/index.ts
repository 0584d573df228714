import type { Check } from '../check';
import { checkMapFilesFound } from './map-file-not-found';
import { checkServerWeightRange } from './server-weight-out-of-range';
import { checkDuplicateServerNames } from './server-duplicate-name';
import { checkUndefinedBackends, checkUndefinedMapValues } from './backend-undefined';
import { checkUnreachableMapLines } from './unreachable-map-lines';
import { checkAllServersZeroWeight } from './backend-all-servers-zero-weight';
import { checkBackupWeightIgnored } from './backend-backup-weight-ignored';
import { checkExtraBackupsUnused } from './backend-extra-backups-unused';
import { checkWeightsIgnoredByFirst } from './backend-weights-ignored-by-first';
import { checkHttpchkDeprecatedHeaders } from './health-httpchk-deprecated-headers';
import { checkObserveWithoutCheck } from './health-observe-without-check';
import { checkUnbalancedHealthChecks } from './health-unbalanced-checks';
import { checkHealthCheckVsUsers } from './health-check-slower-than-users';

/** Every check, in the order their issues are reported. Add new checks here. */
export const ALL_CHECKS: readonly Check[] = [
  checkMapFilesFound,
  checkServerWeightRange,
  checkDuplicateServerNames,
  checkUndefinedBackends,
  checkUndefinedMapValues,
  checkUnreachableMapLines,
  checkAllServersZeroWeight,
  checkBackupWeightIgnored,
  checkExtraBackupsUnused,
  checkWeightsIgnoredByFirst,
  checkHttpchkDeprecatedHeaders,
  checkObserveWithoutCheck,
  checkUnbalancedHealthChecks,
  checkHealthCheckVsUsers,
];

/**
 * Checks whose issues are all located in map files: a config's own
 * diagnostics never need them (nor the lines of its maps), so an editor can
 * show those first.
 */
export const MAP_FILE_CHECKS: readonly Check[] = [checkUndefinedMapValues, checkUnreachableMapLines];

/** Every check that can report on the config file itself. */
export const CONFIG_FILE_CHECKS: readonly Check[] = ALL_CHECKS.filter((c) => !MAP_FILE_CHECKS.includes(c));
