import type { Check } from '../check';
import type { Issue, QuickFix } from '../issue';
import { replaceSpan } from '../fixes/text-edits';
import { perServerLineCheck } from '../per-part';
import { findServerSettings, type WrittenSetting } from '../server-setting-words';
import { atol } from '../../model/word-values';
import type { SourceFile } from '../../model/source-file';
import type { Word } from '../../model/types';

const MAX_WEIGHT = 256;

/**
 * `server/weight-out-of-range`: a `weight` on a server, server-template or
 * default-server line that is not an integer from 0 to 256. The raw word is
 * judged, because HAProxy reads it with atol: `300` and `-1` are fatal, while
 * `25%`, `2.5` and `abc` silently become 25, 2 and 0.
 */
export const checkServerWeightRange: Check = perServerLineCheck((d, file) => {
  const issues: Issue[] = [];
  const weights = findServerSettings(d, 'weight');
  for (let at = 0; at < weights.length; at++) {
    const s = weights[at] as WrittenSetting;
    const problem = judgeWeight(s.value);
    if (problem) {
      issues.push({
        code: 'server/weight-out-of-range',
        severity: 'error',
        message: problem.message,
        file: file.path,
        span: (s.value ?? s.keyword).span,
        ...(problem.replacement !== undefined && s.value ? { fixes: [fixTo(file, s.value, problem.replacement)] } : {}),
      });
    }
  }
  return issues;
});

function judgeWeight(value: Word | undefined): { message: string; replacement: number | undefined } | undefined {
  if (!value) {
    return { message: "Weight has no value: HAProxy refuses a 'weight' keyword without an integer from 0 to 256", replacement: undefined };
  }
  const text = value.value;
  if (/^\d+$/.test(text) && parseInt(text, 10) <= MAX_WEIGHT) {
    return undefined;
  }
  const read = atol(text);
  if (read < 0) {
    return { message: `Weight '${text}' is negative: HAProxy refuses weights outside 0 to 256`, replacement: 0 };
  }
  if (read > MAX_WEIGHT) {
    return { message: `Weight '${text}' is above 256: HAProxy refuses weights outside 0 to 256`, replacement: MAX_WEIGHT };
  }
  const why = text.endsWith('%') ? 'a weight is not a percentage' : /^\d+\.\d*$/.test(text) ? 'a weight is an integer' : 'a weight is an integer from 0 to 256';
  const effect = read === 0 ? 'reads it as 0, which takes the server out of load balancing' : `silently reads it as ${read}`;
  // Offer HAProxy's own reading as the fix only when the word starts with digits: `abc` has no intended number.
  return { message: `Weight '${text}' is not an integer from 0 to 256 (${why}): HAProxy ${effect}`, replacement: /^[+-]?\d/.test(text) ? read : undefined };
}

function fixTo(file: SourceFile, value: Word, weight: number): QuickFix {
  return { title: `Set the weight to ${weight}`, edits: [replaceSpan(file, value.span, String(weight))] };
}
