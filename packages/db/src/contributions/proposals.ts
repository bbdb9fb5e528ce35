// issue 17, the public « Proposer » flow: the form's write, the proposer's page, the proposer's emails
export * from './receive-proposal';
export * from './proposer-page';
export * from './proposer-mail';
