export * from './mesa';
export * from './problemTree';
