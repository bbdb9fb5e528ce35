import { api } from './client';
import type { Invitation, MailingList, Role, SessionUser, StaffUser, UserStatus } from './types';

export const login = (input: { email: string; password: string }) =>
  api<{ user: SessionUser }>('POST', '/api/login', input);

export const logout = () => api<void>('POST', '/api/logout');

export const listUsers = () => api<{ users: StaffUser[] }>('GET', '/api/users');

export const inviteUser = (input: { email: string; name: string; role: Role }) =>
  api<{ user: StaffUser; inviteUrl: string }>('POST', '/api/users/invitations', input);

export const updateUser = (id: string, patch: { role?: Role; status?: Exclude<UserStatus, 'invited'> }) =>
  api<{ user: StaffUser }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch);

export const getInvitation = (token: string) =>
  api<Invitation>('GET', `/api/invitations/${encodeURIComponent(token)}`);

export const acceptInvitation = (token: string, input: { name: string; password: string }) =>
  api<{ user: SessionUser }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, input);

export const listLists = () => api<{ lists: MailingList[] }>('GET', '/api/lists');
