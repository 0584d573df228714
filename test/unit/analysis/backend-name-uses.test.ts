import { describe, expect, it } from 'vitest';
import { collectBackendNameUses } from '../../../server/src/analysis/backend-name-uses';
import { loadInline } from '../../helpers/analyze';

const MAP = '/t/d.map';
const map = Array.from({ length: 50 }, (_, i) => `/p${i} bk_${i}`).join('\n') + '\n';

function rules(n: number, around = (i: number): string => `%[path,map_beg(${MAP},bk_default)]`): string {
  return `frontend fe\n  bind :80\n${Array.from({ length: n }, (_, i) => `  use_backend ${around(i)} if { hdr(host) -i h${i} }\n`).join('')}`;
}

describe('collectBackendNameUses', () => {
  it('lists the values of a map once however many rules read it, and every rule its default', () => {
    const uses = collectBackendNameUses(loadInline(rules(40), { [MAP]: map }));
    expect(uses.filter((u) => u.origin === 'map-value')).toHaveLength(50);
    expect(uses.filter((u) => u.origin === 'map-default')).toHaveLength(40);
    expect(uses.find((u) => u.origin === 'map-value')?.rule?.directive.keyword).toBe('use_backend');
  });

  it('lists the values again for a rule that puts other text around them', () => {
    const uses = collectBackendNameUses(loadInline(rules(2, (i) => `${i === 0 ? '' : 'x_'}%[path,map_beg(${MAP},bk_default)]`), { [MAP]: map }));
    expect(uses.filter((u) => u.origin === 'map-value').map((u) => u.name).filter((n) => n === 'bk_0' || n === 'x_bk_0')).toEqual(['bk_0', 'x_bk_0']);
  });
});
