// Loaded once at module init: the only disk read of the package.
import { loadNewsletterTemplates } from './load-newsletter-templates.js';

export const DEFAULT_TEMPLATES = loadNewsletterTemplates();
