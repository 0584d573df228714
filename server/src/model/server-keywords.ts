/*
 * Server and default-server settings (configuration.txt §5.2, 2.6 and 3.x)
 * with the number of value words each takes. Settings are free-ordered on a
 * server line, so this table is what lets the model find `weight 25` after
 * `sni req.hdr(host)` without misreading a value as a keyword.
 */
const WITH_VALUE = [
  'addr', 'agent-addr', 'agent-inter', 'agent-port', 'agent-send', 'alpn', 'ca-file', 'cc', 'check-alpn',
  'check-pool-conn-name', 'check-proto', 'check-sni', 'ciphers', 'ciphersuites', 'client-sigalgs', 'cookie',
  'crl-file', 'crt', 'curves', 'downinter', 'error-limit', 'fall', 'fastinter', 'from', 'guid', 'hash-key',
  'healthcheck', 'id', 'idle-ping', 'init-addr', 'init-state', 'inter', 'ktls', 'log-bufsize', 'log-proto',
  'max-reuse', 'maxconn', 'maxqueue', 'minconn', 'namespace', 'npn', 'observe', 'on-error', 'on-marked-down',
  'on-marked-up', 'pool-conn-name', 'pool-low-conn', 'pool-max-conn', 'pool-purge-delay', 'port', 'proto',
  'proxy-v2-options', 'quic-cc-algo', 'redir', 'resolve-net', 'resolve-opts', 'resolve-prefer', 'resolvers',
  'rise', 'shard', 'sigalgs', 'slowstart', 'sni', 'socks4', 'source', 'ssl-max-ver', 'ssl-min-ver',
  'tcp-md5sig', 'tcp-ut', 'track', 'verify', 'verifyhost', 'weight', 'ws', 'usesrc', 'interface', 'set-proxy-v2-tlv-fmt',
  'check-via-socks4-addr',
] as const;

const FLAGS = [
  'agent-check', 'allow-0rtt', 'backup', 'check', 'check-reuse-pool', 'check-send-proxy', 'check-sni-auto',
  'check-ssl', 'check-via-socks4', 'disabled', 'enabled', 'force-sslv3', 'force-tlsv10', 'force-tlsv11',
  'force-tlsv12', 'force-tlsv13', 'no-agent-check', 'no-backup', 'no-check', 'no-check-reuse-pool',
  'no-check-sni-auto', 'no-check-ssl', 'no-renegotiate', 'no-send-proxy', 'no-send-proxy-v2',
  'no-send-proxy-v2-ssl', 'no-send-proxy-v2-ssl-cn', 'no-sni-auto', 'no-ssl', 'no-ssl-reuse', 'no-sslv3',
  'no-tfo', 'no-tls-tickets', 'no-tlsv10', 'no-tlsv11', 'no-tlsv12', 'no-tlsv13', 'no-verifyhost', 'non-stick',
  'renegotiate', 'send-proxy', 'send-proxy-v2', 'send-proxy-v2-ssl', 'send-proxy-v2-ssl-cn', 'sni-auto', 'ssl',
  'ssl-reuse', 'stick', 'strict-maxconn', 'tfo', 'tls-tickets', 'no-strict-maxconn',
] as const;

/** Number of value words after a server setting keyword; undefined when unknown. */
export const SERVER_SETTING_ARITY: ReadonlyMap<string, number> = new Map<string, number>([
  ...WITH_VALUE.map((k) => [k, 1] as [string, number]),
  ...FLAGS.map((k) => [k, 0] as [string, number]),
]);
