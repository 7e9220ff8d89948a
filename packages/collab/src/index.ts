export * from './closeCodes';
export * from './documentNames';
export * from './problemTreeDoc';
export * from './saveProtocol';
export * from './SaveTracker';
