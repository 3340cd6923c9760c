import { UserManager } from 'oidc-client-ts';

// Loaded in the hidden frame of a silent sign-in: hands the provider's answer to the application.
// The settings only have to be well-formed; nothing here talks to the provider.
void new UserManager({ authority: location.origin, client_id: 'qorgau-web', redirect_uri: location.href }).signinSilentCallback();
