import type { ProviderProfile } from '../types.js';
import { square } from './body-square.js';
import { razorpay } from './body-razorpay.js';
import { gocardless } from './body-gocardless.js';
import { lemonsqueezy } from './body-lemonsqueezy.js';
import { typeform } from './body-typeform.js';
import { pagerduty } from './body-pagerduty.js';
import { sentry } from './body-sentry.js';
import { vercel } from './body-vercel.js';

/**
 * Providers that sign the raw body (or the URL and the body) with one HMAC and no timestamp:
 * each its own header, encoding, secret form and event catalogue.
 */
export const BODY_SIGNERS: readonly ProviderProfile[] = [square, razorpay, gocardless, lemonsqueezy, typeform, pagerduty, sentry, vercel];
