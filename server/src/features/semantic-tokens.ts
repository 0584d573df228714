import type { SemanticTokensLegend } from 'vscode-languageserver';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['class'], tokenModifiers: [] };
