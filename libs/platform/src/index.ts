export * from './config';
export * from './http/validation';
export * from './http/http-errors.filter';
export * from './http/http-app';
export * from './http/openapi';
export * from './http/request-context';
export * from './http/run-service';
export * from './http/rate-limit';
