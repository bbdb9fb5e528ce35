// How the team's roles and account states read in French sentences (server messages, audit log).
export const ROLE_WORDS: Record<string, string> = {
  admin: 'administrateur·rice',
  editor: 'éditeur·rice',
  author: 'auteur·rice',
  sender: 'chargé·e d’envoi',
};

export const STATUS_WORDS: Record<string, string> = {
  invited: 'invité·e, compte pas encore activé',
  active: 'actif·ve',
  deactivated: 'désactivé·e',
};

/** The name a person chose, else their address (the first admin and CLI accounts may have none). */
export const personName = (user: { name: string; email: string }) => user.name.trim() || user.email;
