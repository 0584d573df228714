/*
 * How the language server's Node process is best started. Imported by the
 * VS Code client (by relative path; esbuild bundles it) and by the bench,
 * and shown in the editor docs for other clients: the server works without
 * these options, only its first open of a large config is slower.
 */

/**
 * Size, in MB, of each half of V8's young generation. The first open of a
 * 14,000-line config allocates about 50 MB, more than half of it the model
 * the server keeps. V8's default young generation starts at 1 MB and grows
 * to 16 MB, so the collections that run during the open copy most of that
 * model once or twice: about a fifth of the open. At 64 MB the open of such
 * a config ends before the first young collection, which then runs while
 * the editor shows the diagnostics. The cost is resident memory: up to
 * about 64 MB more once the server has allocated that much, and up to twice
 * that after collections have used both halves.
 */
export const YOUNG_GENERATION_SEMI_SPACE_MB = 64;

/** Node options for the language server process (`node <options> server/out/main.js --stdio`). */
export const SERVER_NODE_OPTIONS: readonly string[] = [`--min-semi-space-size=${YOUNG_GENERATION_SEMI_SPACE_MB}`, `--max-semi-space-size=${YOUNG_GENERATION_SEMI_SPACE_MB}`];
