// issue 17, studio moderation: the queue and one proposal (read), staff's edits and decisions (write)
export * from './moderation-read';
export * from './moderation-write';
