export * from './regions';
export * from './countries';
export * from './vocabulary';
export * from './topics';
export * from './envelope';
export * from './event-catalogue';
export * from './codec';
export * from './intake/intake-events';
export { buildAsyncApiDocument } from './asyncapi/asyncapi-document';
