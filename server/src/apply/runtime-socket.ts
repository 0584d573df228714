import { connect } from 'node:net';

/**
 * Sends one command to HAProxy's stats socket (non-interactive mode: one
 * command per connection; HAProxy answers and closes) and returns the answer.
 *
 * Contract: rejects when the socket cannot be reached or does not answer
 * within `timeoutMs`.
 */
export function sendRuntimeCommand(socketPath: string, command: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(socketPath);
    let answer = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`No answer from ${socketPath} to '${command}' within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${command}\n`));
    sock.on('data', (chunk: string) => {
      answer += chunk;
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Cannot talk to HAProxy at ${socketPath}: ${e.message}`));
    });
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

/** `get weight b/s`: the current weight, or an error sentence from HAProxy. */
export async function getRuntimeWeight(socketPath: string, backend: string, server: string): Promise<number | { problem: string }> {
  const answer = (await sendRuntimeCommand(socketPath, `get weight ${backend}/${server}`)).trim();
  const m = /^(\d+)\s+\(initial\s+\d+\)$/.exec(answer);
  return m ? Number(m[1]) : { problem: answer || 'empty answer' };
}

/** `set weight b/s w`; undefined on success, HAProxy's message otherwise. */
export async function setRuntimeWeight(socketPath: string, backend: string, server: string, weight: number): Promise<string | undefined> {
  const answer = (await sendRuntimeCommand(socketPath, `set weight ${backend}/${server} ${weight}`)).trim();
  return answer === '' ? undefined : answer;
}

/** One runtime weight to set. */
export interface RuntimeWeight {
  readonly server: string;
  readonly weight: number;
}

/** The outcome of {@link applyRuntimeWeights}, with a line per action for the user. */
export interface RuntimeOutcome {
  readonly ok: boolean;
  readonly log: readonly string[];
}

async function setAndVerify(socketPath: string, backend: string, w: RuntimeWeight): Promise<string | undefined> {
  const problem = await setRuntimeWeight(socketPath, backend, w.server, w.weight);
  if (problem !== undefined) {
    return problem;
  }
  const got = await getRuntimeWeight(socketPath, backend, w.server);
  return got === w.weight ? undefined : `get weight says ${typeof got === 'number' ? got : got.problem}, expected ${w.weight}`;
}

/**
 * Reads every server's weight first (an unknown server refuses the step
 * before anything changes), then sets each weight with `set weight` and
 * checks it with `get weight`. When a command fails, the weights already
 * changed are set back to the values read before, so a running HAProxy
 * never keeps half a step.
 *
 * Contract: never rejects; socket failures are reported in the outcome.
 */
export async function applyRuntimeWeights(socketPath: string, backend: string, weights: readonly RuntimeWeight[]): Promise<RuntimeOutcome> {
  const log: string[] = [];
  const done: RuntimeWeight[] = [];
  try {
    // Every server is looked up before anything changes, so an unknown server costs no change at all.
    const previous: number[] = [];
    for (const w of weights) {
      const before = await getRuntimeWeight(socketPath, backend, w.server);
      if (typeof before !== 'number') {
        return { ok: false, log: [`get weight ${backend}/${w.server}: ${before.problem}; nothing was changed`] };
      }
      previous.push(before);
    }
    for (const [i, w] of weights.entries()) {
      const before = previous[i] as number;
      const problem = await setAndVerify(socketPath, backend, w);
      done.push({ server: w.server, weight: before });
      if (problem !== undefined) {
        log.push(`set weight ${backend}/${w.server} ${w.weight}: ${problem}`);
        return { ok: false, log: [...log, ...(await restore(socketPath, backend, done))] };
      }
      log.push(`set weight ${backend}/${w.server} ${w.weight} (was ${before}): verified`);
    }
    return { ok: true, log };
  } catch (e) {
    log.push(e instanceof Error ? e.message : String(e));
    return { ok: false, log: [...log, ...(await restore(socketPath, backend, done))] };
  }
}

async function restore(socketPath: string, backend: string, previous: readonly RuntimeWeight[]): Promise<string[]> {
  const log: string[] = [];
  for (const w of [...previous].reverse()) {
    try {
      const problem = await setAndVerify(socketPath, backend, w);
      log.push(problem === undefined ? `restored ${backend}/${w.server} to ${w.weight}` : `could not restore ${backend}/${w.server} to ${w.weight}: ${problem}`);
    } catch (e) {
      log.push(`could not restore ${backend}/${w.server} to ${w.weight}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return log;
}
