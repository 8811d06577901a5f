/** The practice list: forms grouped by the portal of the real service, in a fixed order. */
import type { FormSummary } from '../backend';
import { msg, t } from '../i18n/i18n.svelte';

export const PORTALS = ['e-albania', 'e-kosova', 'uslugi', 'municipality'] as const;

const PORTAL_MESSAGE: Record<string, string> = {
  'e-albania': msg('practise-portal-e-albania'),
  'e-kosova': msg('practise-portal-e-kosova'),
  uslugi: msg('practise-portal-uslugi'),
  municipality: msg('practise-portal-municipality'),
};

/** The portal's name for people; an unknown one shows as it came. */
export function portalName(portal: string): string {
  const id = PORTAL_MESSAGE[portal];
  return id ? t(id) : portal;
}

export type PortalGroup = { portal: string; forms: FormSummary[] };

/** Non-empty groups: the known portals in order, then any other, each sorted by title. */
export function byPortal(forms: readonly FormSummary[]): PortalGroup[] {
  const others = [...new Set(forms.map((f) => f.portal))].filter((p) => !(PORTALS as readonly string[]).includes(p)).sort();
  return [...PORTALS, ...others]
    .map((portal) => ({ portal, forms: forms.filter((f) => f.portal === portal).sort((a, b) => a.title.localeCompare(b.title)) }))
    .filter((g) => g.forms.length > 0);
}
