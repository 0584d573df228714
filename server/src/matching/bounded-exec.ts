import { createContext, Script, type Context } from 'node:vm';

/** Result of running a JavaScript regex with a time bound. */
export type BoundedExecResult = { readonly status: 'done'; readonly match: RegExpExecArray | null } | { readonly status: 'limit' };

/** Milliseconds a single backtracking search may take before we give up. */
export const EXEC_TIME_LIMIT_MS = 50;

let context: Context | undefined;
let script: Script | undefined;

/**
 * Runs `re.exec(input)` in a vm context with a timeout, so a catastrophic
 * pattern on user input cannot hang the caller. Hitting the bound plays the
 * role of PCRE2's match limit. Never throws for a timeout.
 */
export function boundedExec(re: RegExp, input: string, timeoutMs = EXEC_TIME_LIMIT_MS): BoundedExecResult {
  const first = run(re, input, timeoutMs);
  // A first run also pays for compiling the regex and warming the context; a
  // busy machine can push that past the bound, so a limit is confirmed once.
  return first.status === 'limit' ? run(re, input, timeoutMs) : first;
}

function run(re: RegExp, input: string, timeoutMs: number): BoundedExecResult {
  context ??= createContext({ re: null, input: '', result: null });
  script ??= new Script('result = re.exec(input)');
  context['re'] = re;
  context['input'] = input;
  context['result'] = null;
  try {
    script.runInContext(context, { timeout: timeoutMs });
  } catch (e) {
    // The error comes from the vm realm, so `instanceof Error` would be false.
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return { status: 'limit' };
    }
    throw e;
  }
  const match: unknown = context['result'];
  return { status: 'done', match: match as RegExpExecArray | null };
}
