// issue 17: filled by its helper
export {};
