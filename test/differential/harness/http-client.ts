import { Agent, request } from 'node:http';

/** What came back for one request through HAProxy. */
export interface RigReply {
  readonly status: number;
  /** `X-Srv` of the echo listen that answered; undefined when HAProxy answered itself. */
  readonly server: string | undefined;
  readonly location: string | undefined;
}

/** One request as sent: the request target is written verbatim. */
export interface RigRequest {
  readonly port: number;
  readonly method?: string;
  /** Origin-form target: path and query. */
  readonly target: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Keep-alive HTTP/1.1 client for the rig; `close()` frees its sockets. */
export interface RigClient {
  send(req: RigRequest): Promise<RigReply>;
  /** Sends `count` copies of the request, at most `parallel` at a time. */
  sendMany(req: RigRequest, count: number, parallel?: number): Promise<RigReply[]>;
  close(): void;
}

export function createRigClient(maxSockets = 8): RigClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (req: RigRequest): Promise<RigReply> =>
    new Promise((resolve, reject) => {
      const r = request({ host: '127.0.0.1', port: req.port, method: req.method ?? 'GET', path: req.target, headers: req.headers, agent, setHost: req.headers?.['Host'] === undefined && req.headers?.['host'] === undefined }, (res) => {
        res.resume();
        res.on('end', () => {
          const srv = res.headers['x-srv'];
          const loc = res.headers['location'];
          resolve({ status: res.statusCode ?? 0, server: typeof srv === 'string' ? srv : undefined, location: typeof loc === 'string' ? loc : undefined });
        });
      });
      r.on('error', reject);
      r.end();
    });
  return {
    send,
    async sendMany(req, count, parallel = maxSockets) {
      const out: RigReply[] = new Array<RigReply>(count);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const i = next++;
          out[i] = await send(req);
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
      return out;
    },
    close: () => agent.destroy(),
  };
}

/** Answers per server name (`(haproxy)` for HAProxy's own answers, with the status). */
export function countReplies(replies: readonly RigReply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of replies) {
    const key = r.server ?? `(haproxy ${r.status})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
