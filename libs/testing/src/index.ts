export * from './eventually';
export * from './builders';
export * from './kafka-probe';
export * from './service-process';
export * from './specification';
export * from './test-issuer';
export * from './kafka-users';
export * from './standards';
