/** Shapes of the staff API not yet in the contract (@crieur/api); each domain's file goes once its pages import the contract. */
export type { ListCounts, ListVisibility, LegalBasis, MailingList } from '@crieur/api';
