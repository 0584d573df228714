/*
 * Language server latencies on the generated 14,000-line workload, measured
 * over --stdio against the bundled server/out/main.js as an editor sees
 * them: first diagnostics after open, diagnostics after an edit (p50/p95)
 * and hover (server share, keyword, simulated URL). Run by `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

const dir = path.resolve(process.argv[2] ?? 'bench/out/data');
const serverJs = path.resolve(__dirname, '../../server/out/main.js');
const cfgPath = path.join(dir, 'haproxy.cfg');
const uri = pathToFileURL(cfgPath).toString();
const mapUri = pathToFileURL(path.join(dir, 'domain2backend.map')).toString();
const URL_COMMENT = '# http://application-0001.example.com/v2/customers/42\n';
const text = URL_COMMENT + readFileSync(cfgPath, 'utf8');

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;

interface Session {
  readonly c: ProtocolConnection;
  /** Resolves on the next publish for the config (or the document `of`) with `version`. */
  next(version: number, of?: string): Promise<PublishDiagnosticsParams>;
  close(): void;
}

/** Starts the server as the VS Code client does (with SERVER_NODE_OPTIONS), or with `nodeOptions`. */
async function startSession(nodeOptions: readonly string[] = SERVER_NODE_OPTIONS): Promise<Session> {
  const child = spawn(process.execPath, [...nodeOptions, serverJs, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of waiters.filter((x) => p.uri === x.uri && p.version === x.version)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  c.listen();
  await c.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, workspaceFolders: null });
  await c.sendNotification('initialized', {});
  return {
    c,
    next: (version, of = uri) => new Promise((resolve) => waiters.push({ uri: of, version, resolve })),
    close: () => {
      c.dispose();
      child.kill();
    },
  };
}

/** The server line the hovers and edits aim at: an `aws-` server in the second half of the file. */
function serverLineOf(lines: readonly string[]): number {
  return lines.findIndex((l, i) => i > lines.length / 2 && /^\s+server aws-/.test(l));
}

/**
 * First diagnostics after open, each in a new server, and the hovers sent
 * one after the other right after them, while the server analyses the
 * config's map (closed, so published on its own).
 */
async function firstDiagnostics(runs: number): Promise<{ opens: number[]; opensWithDefaultNodeOptions: number[]; hoversAfterOpen: number[] }> {
  const opens: number[] = [];
  const opensWithDefaultNodeOptions: number[] = [];
  const hoversAfterOpen: number[] = [];
  const serverLine = serverLineOf(text.split('\n'));
  const open = async (s: Session): Promise<number> => {
    const t0 = now();
    const done = s.next(1);
    await s.c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text } });
    await done;
    return now() - t0;
  };
  for (let i = 0; i < runs; i++) {
    // Interleaved with the opens measured as editors start the server, so that both see the same machine.
    const plain = await startSession([]);
    opensWithDefaultNodeOptions.push(await open(plain));
    plain.close();
    const s = await startSession();
    opens.push(await open(s));
    for (let h = 0; h < 10; h++) {
      const th = now();
      await s.c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: serverLine, character: 12 } });
      hoversAfterOpen.push(now() - th);
    }
    s.close();
  }
  return { opens, opensWithDefaultNodeOptions, hoversAfterOpen };
}

/**
 * One edit of the server line: replace the weight's first digit (same
 * length), insert or delete a digit after it (typing), or break the line
 * after its last word and join it again (Enter, then Backspace: every later
 * line changes number).
 */
type EditKind = 'replace' | 'type' | 'line';
const EDIT_KINDS: readonly EditKind[] = ['replace', 'type', 'line'];

function weightEdit(kind: EditKind, v: number, line: number, at: number, lineEnd: number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  if (kind === 'line') {
    return v % 2 === 0
      ? { range: { start: { line, character: lineEnd }, end: { line, character: lineEnd } }, text: '\n' }
      : { range: { start: { line, character: lineEnd }, end: { line: line + 1, character: 0 } }, text: '' };
  }
  if (kind === 'replace') {
    return { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: String(v % 2) };
  }
  // Even versions insert a '0' after the first digit, odd ones delete it again: every edit moves the rest of the file.
  return v % 2 === 0
    ? { range: { start: { line, character: at + 1 }, end: { line, character: at + 1 } }, text: '0' }
    : { range: { start: { line, character: at + 1 }, end: { line, character: at + 2 } }, text: '' };
}

async function editsAndHovers(): Promise<{ edits: Record<EditKind, number[]>; hovers: Record<string, number[]>; diagnostics: number }> {
  const s = await startSession();
  const opened = s.next(1);
  await s.c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text } });
  const diagnostics = (await opened).diagnostics.length;
  // Edits and hovers are measured once the analysis of the config's map, which follows the open, is done
  // (asking for the map's diagnostics waits for it); the hovers sent during it are measured by firstDiagnostics.
  await s.c.sendRequest('textDocument/diagnostic', { textDocument: { uri: mapUri } });
  const lines = text.split('\n');
  const serverLine = serverLineOf(lines);
  const weightAt = (lines[serverLine] ?? '').lastIndexOf('weight ') + 7;
  const lineEnd = (lines[serverLine] ?? '').length;
  const edits: Record<EditKind, number[]> = { replace: [], type: [], line: [] };
  let v = 1;
  for (const kind of EDIT_KINDS) {
    for (let i = 0; i < 60; i++) {
      v++;
      const t0 = now();
      const done = s.next(v);
      await s.c.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [weightEdit(kind, v, serverLine, weightAt, lineEnd)] });
      await done;
      if (i >= 10) {
        edits[kind].push(now() - t0);
      }
    }
  }
  const targets: Record<string, { line: number; character: number }> = {
    'server share': { line: serverLine, character: 12 },
    keyword: { line: serverLine - 3, character: 6 },
    'URL route': { line: 0, character: 20 },
  };
  const hovers: Record<string, number[]> = {};
  for (const [name, position] of Object.entries(targets)) {
    hovers[name] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = now();
      await s.c.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      if (i >= 10) {
        hovers[name]?.push(now() - t0);
      }
    }
  }
  s.close();
  return { edits, hovers, diagnostics };
}

/**
 * Typing in the map file, open beside the config: a character of a path
 * near the middle of the map replaced, then put back. Each edit changes a
 * key, so the lines from there down are analysed again (those above keep
 * their verdicts). Timed until the map's diagnostics for that version.
 */
async function mapEdits(): Promise<number[]> {
  const s = await startSession();
  const opened = s.next(1);
  await s.c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text } });
  await opened;
  const mapText = readFileSync(path.join(dir, 'domain2backend.map'), 'utf8');
  const mapOpened = s.next(1, mapUri);
  await s.c.sendNotification('textDocument/didOpen', { textDocument: { uri: mapUri, languageId: 'haproxy-map', version: 1, text: mapText } });
  await mapOpened;
  const lines = mapText.split('\n');
  const line = Math.floor(lines.length / 2);
  const at = (lines[line] ?? '').indexOf('com');
  const times: number[] = [];
  for (let v = 2; v < 42; v++) {
    const t0 = now();
    const done = s.next(v, mapUri);
    await s.c.sendNotification('textDocument/didChange', {
      textDocument: { uri: mapUri, version: v },
      contentChanges: [{ range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: v % 2 === 0 ? 'k' : 'c' }],
    });
    await done;
    if (v >= 12) {
      times.push(now() - t0);
    }
  }
  s.close();
  return times;
}

async function main(): Promise<void> {
  const { opens: first, opensWithDefaultNodeOptions, hoversAfterOpen } = await firstDiagnostics(5);
  const { edits, hovers, diagnostics } = await editsAndHovers();
  const f = (x: number): string => `${x.toFixed(1)} ms`;
  process.stdout.write(`${cfgPath}: ${text.split('\n').length - 1} lines (with one URL comment), ${diagnostics} diagnostics, over --stdio\n`);
  process.stdout.write(`first diagnostics after open: median ${f(pct(first, 50))}, max ${f(Math.max(...first))} (target ≤ 300 ms; node ${SERVER_NODE_OPTIONS.join(' ')})\n`);
  process.stdout.write(`first diagnostics after open, node started without options: median ${f(pct(opensWithDefaultNodeOptions, 50))}, max ${f(Math.max(...opensWithDefaultNodeOptions))}\n`);
  process.stdout.write(`hover right after open, while the map is analysed (${hoversAfterOpen.length}): p50 ${f(pct(hoversAfterOpen, 50))}, max ${f(Math.max(...hoversAfterOpen))}\n`);
  const described: Record<EditKind, string> = { replace: 'an edit that keeps the line length', type: 'typing (a character inserted or deleted)', line: 'a line break inserted or deleted (Enter, Backspace)' };
  for (const kind of EDIT_KINDS) {
    const xs = edits[kind];
    process.stdout.write(`diagnostics after ${described[kind]} (${xs.length} edits): p50 ${f(pct(xs, 50))}, p95 ${f(pct(xs, 95))} (target p95 ≤ 30 ms)\n`);
  }
  for (const [name, xs] of Object.entries(hovers)) {
    process.stdout.write(`hover ${name} (${xs.length}): p50 ${f(pct(xs, 50))}, p95 ${f(pct(xs, 95))} (target ≤ 5 ms)\n`);
  }
  const typedInMap = await mapEdits();
  process.stdout.write(`map diagnostics after typing in the middle of the map (${typedInMap.length} edits): p50 ${f(pct(typedInMap, 50))}, p95 ${f(pct(typedInMap, 95))}\n`);
}

void main();
