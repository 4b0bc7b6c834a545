/** Pure planning for site-scripts.ts: which registrations to add and drop. */

export const SCRIPT_PREFIX = 'deal-lens-site:';

export function scriptIdFor(domain: string): string {
  return SCRIPT_PREFIX + domain;
}

/** Which of our registered scripts to drop and which sites to register, given the sites that should have one. */
export function planSiteScripts(registeredIds: readonly string[], wanted: readonly string[]): { register: string[]; unregister: string[] } {
  const ours = registeredIds.filter((id) => id.startsWith(SCRIPT_PREFIX));
  const want = new Set(wanted.map(scriptIdFor));
  return {
    unregister: ours.filter((id) => !want.has(id)),
    register: [...new Set(wanted)].filter((d) => !ours.includes(scriptIdFor(d))),
  };
}
