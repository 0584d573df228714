import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler once: a cancelled request answers
 * RequestCancelled, any other failure is logged with its stack and answers
 * `fallback`, so a request error never takes the server down.
 */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    try {
      const result = await handler(params, token);
      if (token.isCancellationRequested) {
        return new ResponseError<never>(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      }
      return result;
    } catch (e) {
      if (e instanceof ResponseError) {
        // A deliberate answer for the user (e.g. an invalid new name), not a failure.
        return e as ResponseError<never>;
      }
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}

/** Same for notifications and events: failures are logged, never thrown. */
export function guardEvent<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    Promise.resolve()
      .then(() => handler(params))
      .catch((e: unknown) => {
        try {
          connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        } catch {
          // The connection is closed (the client went away while deferred work ran): nobody is left to tell.
        }
      });
  };
}
