import type { Server } from '../model/types';

/** Where a server runs, guessed from its name and address. */
export type ServerOrigin = 'cloud' | 'on-prem';

const CLOUD = /aws|amazonaws|\belb\b|cloud|k8s|kube|kubernetes|\beks\b|\bgke\b|\baks\b|azure|gcp|googleapis|lambda/i;
const ON_PREM = /on-?prem|premise|datacenter|\bdc\d*\b|bare-?metal|legacy/i;

/**
 * Classifies a server as cloud or on-premise from the words people put in
 * names and host names (`aws-prod-…`, `…elb.amazonaws.com`, `onprem-…`);
 * undefined when neither or both kinds of marker appear.
 */
export function serverOrigin(server: Server): ServerOrigin | undefined {
  const text = `${server.name ?? ''} ${server.address ?? ''}`;
  const onPrem = ON_PREM.test(text);
  const cloud = CLOUD.test(text.replace(ON_PREM, ' '));
  if (onPrem === cloud) {
    return undefined;
  }
  return cloud ? 'cloud' : 'on-prem';
}
