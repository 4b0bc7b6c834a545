import { describe, expect, it } from 'vitest';
import { SCRIPT_PREFIX, planSiteScripts, scriptIdFor } from '../../../src/background/site-script-plan';

describe('planSiteScripts', () => {
  it('registers granted sites without a script and drops scripts of revoked sites', () => {
    const registered = [scriptIdFor('a.com'), scriptIdFor('b.com'), 'someone-else'];
    expect(planSiteScripts(registered, ['b.com', 'c.com', 'c.com'])).toEqual({ register: ['c.com'], unregister: [scriptIdFor('a.com')] });
  });
  it('does nothing when all is in place, and never touches scripts that are not ours', () => {
    expect(planSiteScripts([scriptIdFor('a.com'), 'other'], ['a.com'])).toEqual({ register: [], unregister: [] });
    expect(planSiteScripts(['other'], [])).toEqual({ register: [], unregister: [] });
    expect(scriptIdFor('a.com').startsWith(SCRIPT_PREFIX)).toBe(true);
  });
});
