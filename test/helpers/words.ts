import { buildConfigModel } from '../../server/src/model/build-model';
import type { Directive } from '../../server/src/model/types';

/** The directives of a config text, for tokenizer-level assertions. */
export function directivesOf(text: string): Directive[] {
  return [...buildConfigModel(text, '/t/haproxy.cfg').directives];
}

/** Word values of the first directive of `line` placed inside a backend section. */
export function wordValues(line: string): string[] {
  const d = directivesOf(`backend b\n${line}\n`)[1];
  return d ? d.words.map((w) => w.value) : [];
}
