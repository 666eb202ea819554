/** Senders that deliver codes through real providers. */
export { createWebhookSender, type WebhookPayload, type WebhookSenderOptions } from './webhook.js';
export { createTwilioSender, TwilioError, type TwilioSenderOptions } from './twilio.js';
export { createSmtpSender, type SmtpSenderOptions } from './smtp.js';
