/**
 * Runs Neovim headless as an LSP client against a language server command,
 * for the "other editors" end-to-end tests (style.md B7, B10).
 *
 * Works with Debian bookworm's Neovim 0.7.2: it uses `vim.lsp.start_client`
 * and `vim.lsp.buf_attach_client` (`vim.lsp.start` only exists from 0.8).
 * Neovim 0.7 only understands pushed diagnostics
 * (`textDocument/publishDiagnostics`); when the server offers pull
 * diagnostics (`diagnosticProvider`) and pushes none, the script asks with
 * `textDocument/diagnostic` itself and feeds the answer into
 * `vim.diagnostic`, and the result says `diagnosticsMode: 'pull'`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Options of {@link runNeovimLsp}. */
export interface NeovimLspOptions {
  /** Server command and arguments, e.g. `['node', 'server/out/main.js', '--stdio']`. */
  readonly serverCommand: readonly string[];
  /** The file to open (absolute, or relative to the current directory). */
  readonly file: string;
  /** Neovim filetype for the buffer; also the LSP languageId (e.g. `haproxy`, `haproxy-map`). */
  readonly filetype: string;
  /** Workspace root sent in `initialize`; defaults to the file's folder. */
  readonly rootDir?: string;
  /** Answer to `workspace/configuration` (looked up by section, e.g. `{ haproxy: {...} }`). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** `initializationOptions` of `initialize`. */
  readonly initializationOptions?: Readonly<Record<string, unknown>>;
  /** Wait until the buffer has at least this many diagnostics; defaults to 1. */
  readonly minDiagnostics?: number;
  /** Also request a hover here (0-based line, 0-based UTF-16 character). */
  readonly hover?: { readonly line: number; readonly character: number };
  /** Overall budget inside Neovim; defaults to 20 s. */
  readonly timeoutMs?: number;
  /** Extra environment for Neovim and the server. */
  readonly env?: Readonly<Record<string, string>>;
  /** The Neovim binary; defaults to `nvim` on PATH. */
  readonly nvimPath?: string;
}

/** A diagnostic as `vim.diagnostic.get()` returns it (0-based positions). */
export interface NeovimDiagnostic {
  readonly lnum: number;
  readonly col: number;
  readonly end_lnum?: number;
  readonly end_col?: number;
  /** 1 error, 2 warning, 3 info, 4 hint. */
  readonly severity: number;
  readonly message: string;
  readonly source?: string;
  readonly code?: string | number;
}

/** What {@link runNeovimLsp} observed. */
export interface NeovimLspResult {
  /** `nvim --version`'s first line, e.g. `NVIM v0.7.2`. */
  readonly nvimVersion: string;
  /** The server answered `initialize`. */
  readonly initialized: boolean;
  /** `initialize`'s `capabilities` as Neovim saw them. */
  readonly serverCapabilities: unknown;
  /** How diagnostics arrived. */
  readonly diagnosticsMode: 'push' | 'pull' | 'none';
  /** Diagnostics of the buffer in `vim.diagnostic` after the wait. */
  readonly diagnostics: readonly NeovimDiagnostic[];
  /** Raw LSP diagnostics of the last `publishDiagnostics` (or pull answer) for the file. */
  readonly lspDiagnostics: readonly unknown[];
  /** Raw `textDocument/hover` result (`null` when none or not asked). */
  readonly hover: unknown;
  /** The hover contents as plain text, or `null`. */
  readonly hoverText: string | null;
  /** `window/logMessage` and `window/showMessage` texts from the server. */
  readonly messages: readonly string[];
  /** Errors inside the Neovim script (Lua errors, LSP errors). */
  readonly errors: readonly string[];
  /** The wait for diagnostics or hover ran out of time. */
  readonly timedOut: boolean;
  /** Neovim's stderr and the tail of its lsp.log, for failure messages. */
  readonly log: string;
}

/** The Lua script Neovim runs; its settings come from the JSON file in $HAPROXY_NVIM_LSP_CONFIG. */
const CLIENT_LUA = String.raw`
local cfg = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('HAPROXY_NVIM_LSP_CONFIG')), '\n'))
local out = {
  initialized = false, serverCapabilities = vim.NIL, diagnosticsMode = 'none',
  diagnostics = {}, lspDiagnostics = {}, hover = vim.NIL, messages = {}, errors = {}, timedOut = false,
}
local function note_error(msg) table.insert(out.errors, tostring(msg)) end

local function write_out()
  local ok, text = pcall(vim.fn.json_encode, out)
  if not ok then
    out.serverCapabilities = vim.NIL
    ok, text = pcall(vim.fn.json_encode, out)
  end
  if not ok then text = vim.fn.json_encode({ errors = { 'cannot encode result: ' .. tostring(text) } }) end
  vim.fn.writefile({ text }, cfg.output)
end

local function main()
  vim.lsp.set_log_level('warn')
  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- No filetype detection for .cfg/.map: set it explicitly (it is also the languageId).
  vim.api.nvim_buf_set_option(bufnr, 'filetype', cfg.filetype)
  local uri = vim.uri_from_bufnr(bufnr)
  local pushed = false

  local function on_publish(err, result, ctx, config)
    if result and result.uri == uri then
      pushed = true
      out.diagnosticsMode = 'push'
      out.lspDiagnostics = result.diagnostics or {}
    end
    vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end
  local function on_message(_, result)
    if result and result.message then table.insert(out.messages, result.message) end
  end

  local client_id = vim.lsp.start_client({
    name = 'haproxy-e2e',
    cmd = cfg.cmd,
    root_dir = cfg.rootDir,
    settings = cfg.settings,
    init_options = cfg.initializationOptions ~= vim.NIL and cfg.initializationOptions or nil,
    handlers = {
      ['textDocument/publishDiagnostics'] = on_publish,
      ['window/logMessage'] = on_message,
      ['window/showMessage'] = on_message,
    },
    on_init = function(client, result)
      out.initialized = true
      out.serverCapabilities = result and result.capabilities or vim.NIL
    end,
    on_exit = function(code, signal)
      if not out.initialized then note_error('server exited before initialize: code ' .. tostring(code) .. ', signal ' .. tostring(signal)) end
    end,
  })
  if not client_id then error('vim.lsp.start_client failed for ' .. table.concat(cfg.cmd, ' ')) end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local deadline = vim.loop.now() + cfg.timeoutMs
  local function remaining() return math.max(0, deadline - vim.loop.now()) end

  if not vim.wait(remaining(), function() return out.initialized end, 20) then
    out.timedOut = true
    error('no answer to initialize within ' .. cfg.timeoutMs .. ' ms')
  end
  local client = vim.lsp.get_client_by_id(client_id)

  local function count() return #vim.diagnostic.get(bufnr) end
  local enough = function() return pushed and count() >= cfg.minDiagnostics end
  -- Give pushed diagnostics a moment first; then pull if the server offers it.
  vim.wait(math.min(remaining(), 1500), enough, 20)
  if not enough() and client and client.server_capabilities and client.server_capabilities.diagnosticProvider then
    local pulled = false
    client.request('textDocument/diagnostic', { textDocument = { uri = uri } }, function(err, result, ctx)
      pulled = true
      if err then note_error('textDocument/diagnostic: ' .. vim.inspect(err)) return end
      local items = (result and result.items) or {}
      out.diagnosticsMode = 'pull'
      out.lspDiagnostics = items
      vim.lsp.diagnostic.on_publish_diagnostics(nil, { uri = uri, diagnostics = items },
        { method = 'textDocument/publishDiagnostics', client_id = client_id, bufnr = bufnr }, {})
    end, bufnr)
    vim.wait(remaining(), function() return pulled end, 20)
  end
  if not vim.wait(remaining(), function() return count() >= cfg.minDiagnostics end, 20) then
    out.timedOut = true
  end
  out.diagnostics = vim.diagnostic.get(bufnr)

  if cfg.hover ~= vim.NIL and cfg.hover ~= nil then
    local answered = false
    local params = { textDocument = { uri = uri }, position = { line = cfg.hover.line, character = cfg.hover.character } }
    client.request('textDocument/hover', params, function(err, result)
      answered = true
      if err then note_error('textDocument/hover: ' .. vim.inspect(err)) return end
      out.hover = result or vim.NIL
    end, bufnr)
    if not vim.wait(math.max(remaining(), 1000), function() return answered end, 20) then out.timedOut = true end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return client == nil or client.is_stopped() end, 20)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then note_error(err) end
write_out()
vim.cmd('qall!')
`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns LSP hover contents (MarkupContent, MarkedString or an array of
 * them) into plain text; `null` when there is no hover.
 */
export function hoverContentsToText(hover: unknown): string | null {
  if (!isRecord(hover)) {
    return null;
  }
  const part = (value: unknown): string => {
    if (typeof value === 'string') {
      return value;
    }
    if (Array.isArray(value)) {
      return value.map(part).join('\n');
    }
    return isRecord(value) && typeof value['value'] === 'string' ? value['value'] : '';
  };
  return part(hover['contents']);
}

async function nvimVersion(nvim: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(nvim, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', () => resolve('not found'));
    child.on('close', () => resolve(text.split('\n')[0]?.trim() ?? ''));
  });
}

/**
 * Starts `nvim --headless` with a Lua script that runs an LSP client
 * against `options.serverCommand`, opens `options.file`, waits for
 * diagnostics (and a hover, if asked), writes what it saw as JSON and quits.
 * Resolves to that JSON; rejects only when Neovim itself fails to run.
 */
export async function runNeovimLsp(options: NeovimLspOptions): Promise<NeovimLspResult> {
  const nvim = options.nvimPath ?? 'nvim';
  const version = await nvimVersion(nvim);
  if (!version.startsWith('NVIM')) {
    throw new Error(`Neovim (${nvim}) is not installed: run scripts/setup-system.sh (Debian package neovim)`);
  }
  const timeoutMs = options.timeoutMs ?? 20_000;
  const work = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-nvim-'));
  try {
    const file = path.resolve(options.file);
    const output = path.join(work, 'result.json');
    const configFile = path.join(work, 'config.json');
    const script = path.join(work, 'client.lua');
    writeFileSync(script, CLIENT_LUA);
    writeFileSync(
      configFile,
      JSON.stringify({
        cmd: options.serverCommand,
        file,
        filetype: options.filetype,
        rootDir: path.resolve(options.rootDir ?? path.dirname(file)),
        settings: options.settings ?? {},
        initializationOptions: options.initializationOptions ?? null,
        minDiagnostics: options.minDiagnostics ?? 1,
        hover: options.hover ?? null,
        timeoutMs,
        output,
      }),
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      HAPROXY_NVIM_LSP_CONFIG: configFile,
      XDG_CONFIG_HOME: path.join(work, 'config'),
      XDG_DATA_HOME: path.join(work, 'data'),
      XDG_STATE_HOME: path.join(work, 'state'),
      XDG_CACHE_HOME: path.join(work, 'cache'),
    };
    const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(nvim, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 15_000);
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const lspLog = path.join(work, 'cache', 'nvim', 'lsp.log');
    const log = [stderr.trim(), existsSync(lspLog) ? readFileSync(lspLog, 'utf8').split('\n').slice(-40).join('\n') : '']
      .filter((part) => part !== '')
      .join('\n--- lsp.log ---\n');
    if (!existsSync(output)) {
      throw new Error(`Neovim wrote no result (timed out or crashed):\n${log}`);
    }
    const parsed: unknown = JSON.parse(readFileSync(output, 'utf8'));
    if (!isRecord(parsed)) {
      throw new Error(`unexpected Neovim result: ${JSON.stringify(parsed)}`);
    }
    const list = (key: string): unknown[] => {
      const value = parsed[key];
      return Array.isArray(value) ? value : [];
    };
    const hover = parsed['hover'] ?? null;
    const mode = parsed['diagnosticsMode'];
    return {
      nvimVersion: version,
      initialized: parsed['initialized'] === true,
      serverCapabilities: parsed['serverCapabilities'] ?? null,
      diagnosticsMode: mode === 'push' || mode === 'pull' ? mode : 'none',
      diagnostics: list('diagnostics') as NeovimDiagnostic[],
      lspDiagnostics: list('lspDiagnostics'),
      hover,
      hoverText: hoverContentsToText(hover),
      messages: list('messages').map(String),
      errors: list('errors').map(String),
      timedOut: parsed['timedOut'] === true,
      log,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
