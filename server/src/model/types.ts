import type { Issue } from '../analysis/issue';
import type { EnvReference } from '../parser/words';
import type { LogFormatPart, SampleExpression } from '../parser/sample-expression';
import type { SourceFile } from './source-file';
import type { Span } from './span';

/*
 * The typed, read-only model of a haproxy.cfg file. Built once per text by
 * build-model.ts from the parsed lines. Every node has a `kind` and a
 * `span` (half-open, in positions of the config: see span.ts); parts users point at carry
 * their own spans. Missing parts are `undefined`, never ''.
 */

/** One word as HAProxy splits it. */
export interface Word {
  /** Text as written, quotes and escapes included. */
  readonly raw: string;
  /** Value after unquoting, unescaping and known environment variables. */
  readonly value: string;
  readonly span: Span;
  /** See UnescapedWord.rawOffsets; undefined means value === raw. */
  readonly rawOffsets: readonly number[] | undefined;
  readonly envRefs: readonly EnvReference[];
}

/** Which `.if` branches a line sits in, outermost first. */
export interface ConditionalContext {
  readonly condition: string;
  /** 'if' | 'elif' | 'else' branch of the block. */
  readonly branch: 'if' | 'elif' | 'else';
  /** Position of the `.if` that opens the block: the block's identity. */
  readonly blockStart: number;
}

/** One non-blank, non-comment line: a keyword and its arguments. */
export interface Directive {
  readonly kind: 'directive';
  /** Keyword, e.g. `server`, `option`, `http-request`. */
  readonly keyword: string;
  readonly keywordSpan: Span;
  /** Arguments after the keyword; cut at the first empty word, as 2.6 does. */
  readonly args: readonly Word[];
  /** Every word of the line, keyword included, even after an empty word. */
  readonly words: readonly Word[];
  /** The line without its line break (comments included). */
  readonly span: Span;
  readonly comment: { readonly text: string; readonly span: Span } | undefined;
  readonly conditional: readonly ConditionalContext[];
}

export type SectionKind =
  | 'global' | 'defaults' | 'frontend' | 'backend' | 'listen' | 'userlist' | 'peers' | 'resolvers'
  | 'mailers' | 'program' | 'cache' | 'http-errors' | 'ring' | 'log-forward' | 'fcgi-app'
  | 'crt-store' | 'traces' | 'log-profile' | 'acme' | 'healthcheck' | 'namespace_list';

export type ProxyMode = 'http' | 'tcp' | 'log';

export type BalanceAlgorithm =
  | 'roundrobin' | 'static-rr' | 'leastconn' | 'first' | 'source' | 'uri' | 'url_param'
  | 'hdr' | 'random' | 'rdp-cookie' | 'hash' | 'log-hash' | 'sticky';

export interface Balance {
  readonly algorithm: BalanceAlgorithm;
  /** Words after the algorithm (`whole`, `len 4`, the hdr name, …). */
  readonly params: readonly string[];
  /** hdr(name) / url_param name / rdp-cookie name / hash expression when given. */
  readonly argument: string | undefined;
  /** For `balance hash <expr>`: the parsed expression (file positions), undefined when unparsable. */
  readonly expression: SampleExpression | undefined;
  /** Where it was written; undefined when it is HAProxy's default. */
  readonly directive: Directive | undefined;
}

export interface HashType {
  readonly method: 'map-based' | 'consistent';
  readonly fn: 'sdbm' | 'djb2' | 'wt6' | 'crc32' | 'none';
  readonly avalanche: boolean;
}

/** Settings a `server` line carries after `default-server` inheritance. */
export interface ServerSettings {
  /** Effective weight as HAProxy parses it (atol), even when out of range. */
  readonly weight: number;
  /** The word holding the weight where it is written on this server's own line. */
  readonly weightWord: Word | undefined;
  /** The `weight` keyword word on this server's own line. */
  readonly weightKeyword: Word | undefined;
  readonly backup: boolean;
  readonly backupWord: Word | undefined;
  readonly disabled: boolean;
  readonly check: boolean;
  readonly inter: number | undefined;
  readonly fastinter: number | undefined;
  readonly downinter: number | undefined;
  readonly rise: number;
  readonly fall: number;
  readonly observe: 'layer4' | 'layer7' | undefined;
  readonly errorLimit: number;
  readonly onError: 'fastinter' | 'fail-check' | 'sudden-death' | 'mark-down' | undefined;
  readonly slowstart: number | undefined;
  readonly maxconn: number | undefined;
  readonly track: string | undefined;
  readonly resolvers: string | undefined;
  readonly ssl: boolean;
  readonly verify: 'none' | 'required' | undefined;
  readonly sni: string | undefined;
  readonly checkSni: string | undefined;
  readonly id: number | undefined;
  readonly cookie: string | undefined;
}

export interface Server {
  readonly kind: 'server';
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  readonly address: string | undefined;
  readonly addressSpan: Span | undefined;
  readonly settings: ServerSettings;
  /** Set for servers created by `server-template` (one model server per created name). */
  readonly template: { readonly prefix: string; readonly index: number } | undefined;
  readonly directive: Directive;
}

export interface DefaultServer {
  readonly kind: 'defaultServer';
  readonly directive: Directive;
}

export interface AclFlags {
  readonly ignoreCase: boolean;
  readonly matchMethod: string | undefined;
  readonly files: readonly Word[];
  readonly mapFile: boolean;
}

/** `fetch[,conv…] [flags] [patterns…]`: the body of an `acl` line or of `{ … }`. */
export interface AclCriterion {
  readonly fetchWord: Word;
  /** Parsed sample expression; spans are file positions. Undefined when unparsable. */
  readonly expression: SampleExpression | undefined;
  readonly flags: AclFlags;
  readonly patterns: readonly Word[];
  readonly span: Span;
}

export interface Acl {
  readonly kind: 'acl';
  readonly name: string;
  readonly nameSpan: Span;
  readonly criterion: AclCriterion;
  readonly directive: Directive;
}

export type ConditionTerm =
  | { readonly kind: 'named'; readonly negated: boolean; readonly name: string; readonly span: Span }
  | { readonly kind: 'anonymous'; readonly negated: boolean; readonly criterion: AclCriterion | undefined; readonly span: Span };

/** `if|unless` + OR of AND-terms (AND binds tighter). */
export interface Condition {
  readonly polarity: 'if' | 'unless';
  readonly alternatives: readonly (readonly ConditionTerm[])[];
  readonly span: Span;
}

/** A log-format string with spans in file offsets. */
export interface LogFormat {
  readonly text: string;
  readonly parts: readonly LogFormatPart[];
  readonly word: Word;
}

export type BackendTarget =
  | { readonly kind: 'static'; readonly name: string; readonly span: Span }
  | { readonly kind: 'dynamic'; readonly format: LogFormat; readonly span: Span };

export interface UseBackendRule {
  readonly kind: 'useBackend';
  readonly target: BackendTarget;
  readonly condition: Condition | undefined;
  readonly directive: Directive;
}

export interface DefaultBackend {
  readonly kind: 'defaultBackend';
  readonly name: string;
  readonly span: Span;
  readonly directive: Directive;
}

export interface UseServerRule {
  readonly kind: 'useServer';
  readonly server: string;
  readonly serverSpan: Span;
  readonly condition: Condition | undefined;
  readonly directive: Directive;
}

/** `http-request <action> …` rules that matter for routing. */
export type HttpRequestRule =
  | { readonly kind: 'httpRequest'; readonly action: 'set-header' | 'add-header'; readonly header: string; readonly value: LogFormat; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'del-header'; readonly header: string; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'replace-header' | 'replace-value'; readonly header: string; readonly regex: string; readonly replacement: LogFormat; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'set-path' | 'set-pathq' | 'set-uri' | 'set-query'; readonly value: LogFormat; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'replace-path' | 'replace-pathq' | 'replace-uri'; readonly regex: string; readonly replacement: LogFormat; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'set-var'; readonly variable: string; readonly expression: SampleExpression | undefined; readonly expressionWord: Word | undefined; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'redirect' | 'deny' | 'return' | 'tarpit' | 'auth'; readonly condition: Condition | undefined; readonly directive: Directive }
  | { readonly kind: 'httpRequest'; readonly action: 'other'; readonly name: string; readonly condition: Condition | undefined; readonly directive: Directive };

export interface Redirect {
  readonly kind: 'redirect';
  readonly type: 'location' | 'prefix' | 'scheme' | undefined;
  readonly target: string | undefined;
  readonly code: number;
  readonly condition: Condition | undefined;
  readonly directive: Directive;
}

export interface Bind {
  readonly kind: 'bind';
  readonly address: string | undefined;
  /** Ports the bind listens on (a range expands to its bounds); empty when unknown. */
  readonly ports: readonly number[];
  readonly ssl: boolean;
  readonly directive: Directive;
}

/** `option httpchk` as written (2.6 forms: [method] [uri] [version with hidden headers]). */
export interface HttpCheck {
  readonly method: string | undefined;
  readonly uri: string | undefined;
  readonly version: string | undefined;
  readonly directive: Directive;
}

/** Settings a proxy inherits from `defaults`, already resolved. */
export interface ProxySettings {
  readonly mode: ProxyMode;
  readonly balance: Balance;
  readonly hashType: HashType;
  readonly allBackups: boolean;
  /** Timeouts in milliseconds by name (`server`, `check`, `connect`, …). */
  readonly timeouts: Readonly<Record<string, number>>;
  readonly httpCheck: HttpCheck | undefined;
  readonly defaultBackend: DefaultBackend | undefined;
  /** Directives of the default-server lines in effect at the start of the proxy. */
  readonly defaultServers: readonly Directive[];
}

export interface Section {
  readonly kind: SectionKind;
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  /** The header line. */
  readonly header: Directive;
  readonly directives: readonly Directive[];
  /** From the header line to the end of the last line of the section. */
  readonly span: Span;
}

export interface Defaults extends Section {
  readonly kind: 'defaults';
  /** `from <name>` on the header, when given. */
  readonly from: string | undefined;
  /** The defaults section `from` names, when it exists. */
  readonly parent: Defaults | undefined;
  readonly settings: ProxySettings;
  readonly httpRequestRules: readonly HttpRequestRule[];
}

export interface Proxy extends Section {
  readonly kind: 'frontend' | 'backend' | 'listen';
  readonly defaults: Defaults | undefined;
  readonly settings: ProxySettings;
  readonly binds: readonly Bind[];
  readonly acls: readonly Acl[];
  readonly httpRequestRules: readonly HttpRequestRule[];
  readonly redirects: readonly Redirect[];
  readonly useBackends: readonly UseBackendRule[];
  readonly useServers: readonly UseServerRule[];
  readonly servers: readonly Server[];
  readonly defaultServerLines: readonly DefaultServer[];
}

export interface Global extends Section {
  readonly kind: 'global';
  readonly statsSockets: readonly { readonly path: string; readonly level: string | undefined; readonly directive: Directive }[];
}

export type MapConverter =
  | 'map' | 'map_str' | 'map_beg' | 'map_sub' | 'map_dir' | 'map_dom' | 'map_end' | 'map_reg' | 'map_regm' | 'map_int' | 'map_ip';

/** How a map converter matches keys (the `_int`/`_ip` output suffix removed). */
export type MapMatch = 'str' | 'beg' | 'sub' | 'dir' | 'dom' | 'end' | 'reg' | 'regm' | 'int' | 'ip';

/** One use of a map file by a converter somewhere in the config. */
export interface MapReference {
  readonly converter: string;
  readonly match: MapMatch;
  /** The path as written in the config. */
  readonly path: string;
  readonly pathSpan: Span;
  readonly defaultValue: string | undefined;
  readonly defaultSpan: Span | undefined;
  /** True when the value becomes a backend name (`use_backend %[…]`). */
  readonly selectsBackend: boolean;
  readonly proxy: Proxy | Defaults | undefined;
  readonly directive: Directive;
  /** ACL `-f`/`-M` files are pattern references, not converter uses. */
  readonly via: 'converter' | 'acl-file';
}

export interface ConditionalBlock {
  readonly condition: string;
  /** The `.if` line. */
  readonly start: Span;
  /** The `.endif` line; undefined when the block is never closed. */
  readonly end: Span | undefined;
}

export interface HaproxyConfig {
  readonly kind: 'config';
  readonly file: SourceFile;
  readonly sections: readonly Section[];
  readonly global: Global | undefined;
  readonly defaults: readonly Defaults[];
  readonly proxies: readonly Proxy[];
  /** Proxies that can be chosen as a backend (`backend` and `listen`), by name. */
  readonly backendsByName: ReadonlyMap<string, Proxy>;
  /** Frontends and listens: proxies that receive requests. */
  readonly frontends: readonly Proxy[];
  readonly mapReferences: readonly MapReference[];
  readonly conditionals: readonly ConditionalBlock[];
  /** Every directive in file order (including those outside sections). */
  readonly directives: readonly Directive[];
  /** Comment-only lines, for annotations and suppression comments. */
  readonly comments: readonly { readonly text: string; readonly span: Span }[];
  /** Syntax and model-level issues found while building. */
  readonly issues: readonly Issue[];
}

export interface MapEntry {
  readonly kind: 'mapEntry';
  /** 0-based line number. */
  readonly line: number;
  readonly key: string;
  readonly keySpan: Span;
  /** Rest of the line after the key, trimmed; '' for a key-only line. */
  readonly value: string;
  readonly valueSpan: Span;
  readonly span: Span;
}

export interface MapFile {
  readonly kind: 'map';
  readonly file: SourceFile;
  readonly entries: readonly MapEntry[];
  readonly comments: readonly { readonly line: number; readonly text: string; readonly span: Span }[];
  readonly issues: readonly Issue[];
}
