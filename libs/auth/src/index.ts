export * from './roles';
export * from './principal';
export * from './token-verifier';
export * from './access';
export * from './access.guard';
export * from './principal.decorator';
export * from './auth.module';
export * from './auth.config';
