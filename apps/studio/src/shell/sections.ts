import {
  IconChartLine,
  IconInbox,
  IconForms,
  IconId,
  IconScale,
  IconNews,
  IconMail,
  IconSend,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '@crieur/api';

export type SectionKey =
  | 'editorial'
  | 'contributions'
  | 'newsletters'
  | 'subscribers'
  | 'campaigns'
  | 'growth'
  | 'settings'
  | 'identity'
  | 'legal'
  | 'embedForm'
  | 'users';

export type Section = {
  key: SectionKey;
  path: string;
  icon: Icon;
  /** Roles that see the section; undefined means every staff role. */
  roles?: readonly Role[];
  /** false: in the navbar only, no card on the home page (admin pages). */
  onHome?: boolean;
};

/** Navbar order; titles and descriptions live in the catalog under sections.<key>. */
export const SECTIONS: readonly Section[] = [
  { key: 'editorial', path: '/editorial', icon: IconNews },
  // editors and admins moderate; senders read what was accepted (to fill the letters)
  { key: 'contributions', path: '/contributions', icon: IconInbox, roles: ['editor', 'admin', 'sender'] },
  { key: 'newsletters', path: '/newsletters', icon: IconMail, roles: ['sender', 'admin'] },
  { key: 'subscribers', path: '/subscribers', icon: IconUsersGroup, roles: ['sender', 'admin'] },
  { key: 'campaigns', path: '/campaigns', icon: IconSend, roles: ['sender', 'admin'] },
  { key: 'growth', path: '/growth', icon: IconChartLine },
  { key: 'settings', path: '/settings', icon: IconSettings },
  { key: 'identity', path: '/settings/identity', icon: IconId, roles: ['admin'], onHome: false },
  { key: 'legal', path: '/settings/legal', icon: IconScale, roles: ['admin'], onHome: false },
  { key: 'embedForm', path: '/settings/embed-form', icon: IconForms, roles: ['admin'], onHome: false },
  { key: 'users', path: '/users', icon: IconUsers, roles: ['admin'], onHome: false },
];

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => !section.roles || section.roles.includes(role));
}
