export { queueReviewMail, type ReviewEvent } from './queue-review-mail';
