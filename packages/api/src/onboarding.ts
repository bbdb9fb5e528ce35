import { z } from 'zod';
import { defineRoutes } from './route';

export const ONBOARDING_STEPS = ['organisation', 'team', 'import', 'article', 'testLetter'] as const;
export const OnboardingStep = z.enum(ONBOARDING_STEPS);
export type OnboardingStep = z.infer<typeof OnboardingStep>;

/** A new installation's first steps, each ticked by what was actually done, in this order. */
export const Onboarding = z.object({
  steps: z.array(z.object({ step: OnboardingStep, done: z.boolean() })),
  allDone: z.boolean(),
});
export type Onboarding = z.infer<typeof Onboarding>;

export const onboardingRoutes = defineRoutes({
  'GET /api/onboarding': { summary: 'The first-run checklist, ticked from the data', response: Onboarding },
});
