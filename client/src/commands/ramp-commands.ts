import { commands, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runPromoteMapLine } from './promote-map-line';
import { createRampStatusBar } from './ramp-status-bar';
import { runRampStep } from './ramp-step';
import { runRenderReplicationPlan } from './render-replication-plan';

/** Registers the ramp palette commands and the ramp status bar item. */
export function registerRampCommands(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('haproxy.nextRampStep', () => runRampStep(client, 'next')),
    commands.registerCommand('haproxy.rollBackRampStep', () => runRampStep(client, 'rollback')),
    commands.registerCommand('haproxy.abortRamp', () => runRampStep(client, 'abort')),
    commands.registerCommand('haproxy.promoteMapLine', () => runPromoteMapLine(client)),
    commands.registerCommand('haproxy.renderReplicationPlan', () => runRenderReplicationPlan(client)),
    ...createRampStatusBar(client),
  );
}
