export * from './decorators';
export * from './jwt-auth.guard';
export * from './roles.guard';
export * from './auth.module';
export * from './sign-token';
export * from './token-verifier';
export * from './access-tokens';
export * from './issuer-verifiers';
