import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { LocalAccounts } from '../local-accounts';
import type { OpenIdProvider } from './openid-provider';
import { renderSignInPage, signInLanguage } from './sign-in-page';

/**
 * The provider's interaction: the sign-in page in Kazakh, Russian or English, and the check of
 * the password. Consent is not asked (see loadExistingGrant): every client here is Qorgau's own.
 */
export function signInInteractions(openId: OpenIdProvider, accounts: LocalAccounts): Router {
  const router = express.Router();
  const { provider } = openId;
  const noStore = (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  };

  router.get('/interaction/:uid', noStore, async (request, response, next) => {
    try {
      const details = await provider.interactionDetails(request, response);
      const language = signInLanguage(stringOf(request.query['lang']), stringOf(details.params['ui_locales']), request.headers['accept-language']);
      if (details.prompt.name !== 'login') {
        // Consent is granted by loadExistingGrant; any other prompt just continues.
        await provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
        return;
      }
      response.type('html').send(renderSignInPage({ uid: details.uid, language }));
    } catch (error) {
      next(error);
    }
  });

  router.post('/interaction/:uid/login', noStore, express.urlencoded({ extended: false, limit: '4kb' }), async (request, response, next) => {
    try {
      const details = await provider.interactionDetails(request, response);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const username = stringOf(body['username'])?.trim() ?? '';
      const language = signInLanguage(stringOf(body['lang']));
      const outcome = accounts.signIn(username, stringOf(body['password']) ?? '');
      if ('refused' in outcome) {
        response
          .status(outcome.refused === 'locked' ? 429 : 401)
          .type('html')
          .send(renderSignInPage({ uid: details.uid, language, username, error: outcome.refused }));
        return;
      }
      await provider.interactionFinished(request, response, { login: { accountId: outcome.user.username } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
