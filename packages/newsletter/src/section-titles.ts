// No zod here: the composer fills new section blocks with these titles and imports them at run time.

/** The heading a section block shows when staff leave its title empty (the composer fills it in new blocks). */
export const SECTION_TITLES = {
  agenda: 'Agenda',
  jobs: 'Offres d’emploi',
  membersNews: 'Les actualités de nos adhérent·es',
} as const;
