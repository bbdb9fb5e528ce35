import { defineRoutes } from './route';

// filled route by route as the domain moves to the contract
export const mediaRoutes = defineRoutes({});
